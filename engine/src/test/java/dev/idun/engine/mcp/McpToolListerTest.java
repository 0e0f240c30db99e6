package dev.idun.engine.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.config.Json;
import dev.idun.config.mcp.McpServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpToolListerTest {
    private static McpServerConfig http(String transport, String url, Map<String, String> headers) {
        return new McpServerConfig(
                "remote",
                transport,
                url,
                null,
                List.of(),
                headers,
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

    @Test
    void masks_header_values_url_passwords_and_query_strings_in_messages() {
        McpServerConfig server = http(
                "streamable_http",
                "http://user:hunter2-password@mcp.example:8080/mcp?token=query-secret-1",
                Map.of("Authorization", "Bearer header-secret-2"));

        String message = McpToolLister.redact(
                "failed at http://user:hunter2-password@mcp.example:8080/mcp?token=query-secret-1"
                        + " with Bearer header-secret-2 and token=query-secret-1",
                server);

        assertThat(message).doesNotContain("hunter2-password", "query-secret-1", "header-secret-2");
        assertThat(message).contains("mcp.example:8080");
    }

    @Test
    void refuses_websocket_at_once() {
        try (McpToolLister lister = new McpToolLister(Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> lister.listTools(http("websocket", "ws://127.0.0.1:1/ws", Map.of())))
                    .isInstanceOf(McpListingException.class)
                    .hasMessage("websocket transport is not supported");
        }
    }

    @Test
    void names_an_unreachable_host_without_its_credentials() {
        try (McpToolLister lister = new McpToolLister(Duration.ofSeconds(5))) {
            assertThatThrownBy(
                            () -> lister.listTools(http("sse", "http://127.0.0.1:1/sse?key=very-secret-key", Map.of())))
                    .isInstanceOf(McpListingException.class)
                    .hasMessageStartingWith("could not connect to 127.0.0.1:1")
                    .hasMessageNotContaining("very-secret-key");
        }
    }
}
