package dev.idun.engine.mcp;

import dev.idun.config.Json;
import dev.idun.config.Named;
import dev.idun.config.mcp.McpServerConfig;
import java.util.List;
import java.util.Map;

/** MCP server configs for tests: the stdio test server in a child JVM, and servers that cannot work. */
public final class McpServers {
    private McpServers() {}

    /** {@link McpStdioToolServer} run by this test's java with its classpath; tool names start with {@code prefix}. */
    public static Named<McpServerConfig> stdio(String rowName, String prefix, boolean required) {
        return new Named<>(
                rowName,
                null,
                true,
                new McpServerConfig(
                        rowName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                        "stdio",
                        null,
                        javaCommand(),
                        List.of(
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-Xshare:auto",
                                "-cp",
                                System.getProperty("java.class.path"),
                                McpStdioToolServer.class.getName()),
                        Map.of(),
                        Map.of("MCP_TOOL_PREFIX", prefix),
                        null,
                        null,
                        null,
                        30.0,
                        null,
                        null,
                        Json.object(),
                        required));
    }

    /** A stdio server whose command does not exist. */
    public static Named<McpServerConfig> missingCommand(String rowName, boolean required) {
        return new Named<>(
                rowName,
                null,
                true,
                new McpServerConfig(
                        "broken",
                        "stdio",
                        null,
                        "/nonexistent/mcp-server-binary",
                        List.of("serve"),
                        Map.of(),
                        Map.of(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Json.object(),
                        required));
    }

    /** The java launcher running this test. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Live java processes below this JVM (the stdio test servers: tests start no other). Their arguments are not
     * compared because the JDK does not report a command line as long as a test classpath.
     */
    public static long runningStdioServers() {
        String java = javaCommand();
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(java::equals).orElse(false))
                .count();
    }
}
