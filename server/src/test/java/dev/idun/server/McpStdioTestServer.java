package dev.idun.server;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.util.concurrent.CountDownLatch;

/**
 * A stdio MCP server built with the MCP Java SDK, run as a child JVM by tests. Its tool names start with the value
 * of {@code MCP_TOOL_PREFIX}, so a test can see that the configured env reached the process.
 */
public final class McpStdioTestServer {
    private McpStdioTestServer() {}

    public static void main(String[] args) throws InterruptedException {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        String prefix = System.getenv().getOrDefault("MCP_TOOL_PREFIX", "");
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json))
                .serverInfo("stdio-test", "1.0.0")
                .tools(McpTestServers.tools(json, prefix))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}
