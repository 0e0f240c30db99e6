package dev.idun.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.config.agent.AgentConfig;
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.config.guardrail.GuardrailEntry;
import dev.idun.config.guardrail.GuardrailPosition;
import dev.idun.config.integration.IntegrationConfig;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.SlackConfig;
import dev.idun.config.mcp.McpServerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigTest {
    private static McpServerConfig mcp(String name) {
        return new McpServerConfig(
                name,
                "streamable_http",
                "http://h/" + name,
                null,
                List.of(),
                Map.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                Json.object(),
                false);
    }

    private static EngineConfig withCollections(
            List<Named<McpServerConfig>> mcp,
            List<GuardrailEntry> guards,
            List<Named<IntegrationConfig>> integrations) {
        return new EngineConfig(
                ServerConfig.DEFAULT, AgentConfig.starter(), null, mcp, guards, null, null, integrations, List.of());
    }

    @Test
    void the_empty_config_is_unconfigured_with_default_server_and_no_sections() {
        EngineConfig empty = EngineConfig.empty();

        assertThat(empty.configured()).isFalse();
        assertThat(empty.server().port()).isEqualTo(8000);
        assertThat(empty.agent()).isNull();
        assertThat(empty.memory()).isNull();
        assertThat(empty.observability()).isNull();
        assertThat(empty.sso()).isNull();
        assertThat(empty.mcpServers()).isEmpty();
        assertThat(empty.guardrails()).isEmpty();
        assertThat(empty.integrations()).isEmpty();
        assertThat(empty.prompts()).isEmpty();
    }

    @Test
    void a_config_with_an_agent_is_configured() {
        EngineConfig config = EngineConfig.ofAgent(AgentConfig.starter());

        assertThat(config.configured()).isTrue();
        assertThat(config.withAgent(null).configured()).isFalse();
        assertThat(config.withServer(new ServerConfig(9000)).server().port()).isEqualTo(9000);
        assertThat(config.withServer(new ServerConfig(9000)).agent()).isEqualTo(config.agent());
    }

    @Test
    void lists_only_enabled_items_for_the_runtime() {
        GuardrailConfig guard = new GuardrailConfig("restrict_to_topic", Json.object());
        IntegrationConfig slack = new IntegrationConfig(IntegrationProvider.SLACK, false, new SlackConfig("b", "s"));
        EngineConfig config = withCollections(
                List.of(new Named<>("a", null, true, mcp("a")), new Named<>("b", null, false, mcp("b"))),
                List.of(
                        new GuardrailEntry("on", null, true, GuardrailPosition.INPUT, guard),
                        new GuardrailEntry("off", null, false, GuardrailPosition.OUTPUT, guard)),
                List.of(new Named<>("Slack", null, true, slack), new Named<>("Slack 2", null, false, slack)));

        assertThat(config.enabledMcpServers()).extracting(McpServerConfig::name).containsExactly("a");
        assertThat(config.enabledGuardrails()).extracting(GuardrailEntry::name).containsExactly("on");
        assertThat(config.enabledIntegrations()).hasSize(1);
        assertThat(config.mcpServers()).hasSize(2);
    }

    @Test
    void an_enabled_item_yields_an_enabled_integration_whatever_its_stored_flag() {
        IntegrationConfig stored = new IntegrationConfig(IntegrationProvider.SLACK, false, new SlackConfig("b", "s"));
        EngineConfig config = withCollections(List.of(), List.of(), List.of(new Named<>("Slack", null, true, stored)));

        assertThat(config.enabledIntegrations())
                .singleElement()
                .satisfies(i -> assertThat(i.enabled()).isTrue());
    }

    @Test
    void copies_its_lists() {
        List<Named<McpServerConfig>> servers = new ArrayList<>();
        servers.add(new Named<>("a", null, true, mcp("a")));
        EngineConfig config = withCollections(servers, List.of(), List.of());

        servers.add(new Named<>("b", null, true, mcp("b")));

        assertThat(config.mcpServers()).hasSize(1);
        assertThatThrownBy(() -> config.mcpServers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requires_a_server() {
        assertThatThrownBy(() ->
                        new EngineConfig(null, null, null, List.of(), List.of(), null, null, List.of(), List.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void server_port_must_be_a_tcp_port() {
        assertThat(new ServerConfig(0).port()).isZero();
        assertThat(new ServerConfig(65535).port()).isEqualTo(65535);
        assertThatThrownBy(() -> new ServerConfig(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerConfig(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServerConfig.DEFAULT.toJson()).isEqualTo(Json.parse("{\"api\": {\"port\": 8000}}"));
    }
}
