package dev.idun.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.config.EngineConfig;
import dev.idun.config.agent.AgentConfig;
import dev.idun.engine.mcp.McpServers;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reloading a runtime with a stdio MCP server over and over leaves no server process behind. */
class McpRuntimeReloadTest {
    private static final int RELOADS = 100;

    @Test
    void no_stdio_server_process_outlives_its_runtime_after_100_reloads() throws Exception {
        EngineConfig config = new EngineConfig(
                EngineConfig.empty().server(),
                AgentConfig.starter(),
                null,
                List.of(McpServers.stdio("Local Tools", "", false)),
                List.of(),
                null,
                null,
                List.of(),
                List.of());
        long before = McpServers.runningStdioServers();
        long started = System.nanoTime();
        try (DefaultRuntimeBuilder builder =
                        new DefaultRuntimeBuilder(HttpClient.newHttpClient(), Clock.systemUTC(), Map.of());
                RuntimeHolder holder = new RuntimeHolder(builder.build(config, 0), Duration.ofSeconds(5))) {
            for (int version = 1; version <= RELOADS; version++) {
                holder.swap(builder.build(config, version));
                assertThat(holder.current().mcpTools().provides("echo")).isTrue();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (McpServers.runningStdioServers() > before + 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(McpServers.runningStdioServers()).isEqualTo(before + 1);
        }
        assertThat(McpServers.runningStdioServers()).isEqualTo(before);
        System.out.printf(
                "%d reloads with a stdio MCP server took %d ms%n",
                RELOADS, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
