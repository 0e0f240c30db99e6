package dev.idun.engine.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.engine.agent.ToolSpec;
import dev.idun.engine.agui.AgUiEvent;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpConnectorTest {
    private final McpConnector connector = new McpConnector(Duration.ofSeconds(30), Duration.ofSeconds(30));

    @AfterEach
    void close() {
        connector.close();
    }

    @Test
    void connects_the_good_servers_records_the_failing_one_and_calls_tools() throws Exception {
        try (McpToolbox toolbox = connector.connect(List.of(
                McpServers.stdio("Local Tools", "", false),
                McpServers.missingCommand("Broken Server", false),
                McpServers.stdio("Clashing Tools", "", false)))) {

            assertThat(toolbox.tools()).extracting(ToolSpec::name).containsExactlyInAnyOrder("echo", "add", "fail");
            assertThat(toolbox.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.server()).isEqualTo("Broken Server");
                assertThat(failure.reason()).contains("/nonexistent/mcp-server-binary");
            });
            assertThat(toolbox.warnings())
                    .hasSize(3)
                    .allSatisfy(warning -> assertThat(warning)
                            .contains("of server 'Clashing Tools' is left out: server 'Local Tools'"));
            assertThat(toolbox.execute("echo", "{\"text\": \"hi\"}")).isEqualTo("echo: hi");
            assertThat(toolbox.execute("add", "{\"a\": 2, \"b\": 3}")).isEqualTo("5.0");
            assertThatThrownBy(() -> toolbox.execute("fail", "{}"))
                    .isInstanceOf(McpToolException.class)
                    .hasMessage("the tool broke on purpose");
            assertThat(McpServers.runningStdioServers()).isEqualTo(2);
        }
        assertThat(McpServers.runningStdioServers()).isZero();
    }

    @Test
    void gives_array_parameters_items_so_model_providers_accept_them() throws Exception {
        try (McpToolbox toolbox = connector.connect(List.of(McpServers.stdio("Local", "", false)))) {
            ToolSpec echo = toolbox.tools().stream()
                    .filter(t -> t.name().equals("echo"))
                    .findFirst()
                    .orElseThrow();
            assertThat(echo.parameters().at("/properties/tags/items/type").asText())
                    .isEqualTo("string");
            assertThat(echo.description()).isEqualTo("Repeats a text");
        }
    }

    @Test
    void a_required_server_that_fails_fails_the_build_and_closes_the_others() {
        assertThatThrownBy(() -> connector.connect(
                        List.of(McpServers.stdio("Local", "", false), McpServers.missingCommand("Vital", true))))
                .isInstanceOf(RuntimeBuildException.class)
                .hasMessageStartingWith("MCP server 'Vital' is required and failed: ");
        assertThat(McpServers.runningStdioServers()).isZero();
    }

    @Test
    void a_call_from_any_agent_streams_the_tool_call_events() throws Exception {
        try (McpToolbox toolbox = connector.connect(List.of(McpServers.stdio("Local", "", false)))) {
            List<AgUiEvent> events = new ArrayList<>();

            String result = toolbox.call("echo", "{\"text\": \"x\"}", events::add);

            assertThat(result).isEqualTo("echo: x");
            assertThat(events)
                    .extracting(AgUiEvent::type)
                    .containsExactly("TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT");
            assertThat(((AgUiEvent.ToolCallResult) events.get(3)).content()).isEqualTo("echo: x");
        }
    }
}
