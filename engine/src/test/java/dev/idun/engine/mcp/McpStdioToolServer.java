package dev.idun.engine.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A stdio MCP server built with the MCP Java SDK, run by tests as a child JVM. Tools: {@code echo {text}} answers
 * {@code "echo: <text>"}, {@code add {a, b}} the sum, {@code fail} an error result. Tool names start with the value
 * of {@code MCP_TOOL_PREFIX}.
 */
public final class McpStdioToolServer {
    private McpStdioToolServer() {}

    public static void main(String[] args) throws InterruptedException {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        String prefix = System.getenv().getOrDefault("MCP_TOOL_PREFIX", "");
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(json))
                .serverInfo("stdio-tools", "1.0.0")
                .tools(tools(json, prefix))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }

    /** The tools, for any server built with the SDK. */
    public static List<McpServerFeatures.SyncToolSpecification> tools(McpJsonMapper json, String prefix) {
        return List.of(
                tool(
                        json,
                        prefix + "echo",
                        "Repeats a text",
                        "{\"type\": \"object\", \"properties\": {\"text\": {\"type\": \"string\"},"
                                + " \"tags\": {\"type\": \"array\"}}, \"required\": [\"text\"]}",
                        request -> "echo: " + request.arguments().get("text")),
                tool(
                        json,
                        prefix + "add",
                        "Adds two numbers",
                        "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"number\"},"
                                + " \"b\": {\"type\": \"number\"}}}",
                        request -> String.valueOf(((Number) request.arguments().get("a")).doubleValue()
                                + ((Number) request.arguments().get("b")).doubleValue())),
                McpServerFeatures.SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder()
                                .name(prefix + "fail")
                                .description("Always fails")
                                .inputSchema(json, "{\"type\": \"object\", \"properties\": {}}")
                                .build())
                        .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent("the tool broke on purpose")
                                .isError(true)
                                .build())
                        .build());
    }

    private static McpServerFeatures.SyncToolSpecification tool(
            McpJsonMapper json,
            String name,
            String description,
            String schema,
            java.util.function.Function<McpSchema.CallToolRequest, String> answer) {
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(McpSchema.Tool.builder()
                        .name(name)
                        .description(description)
                        .inputSchema(json, schema)
                        .build())
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent(answer.apply(request))
                        .build())
                .build();
    }
}
