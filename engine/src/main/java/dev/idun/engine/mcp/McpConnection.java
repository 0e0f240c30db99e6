package dev.idun.engine.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.engine.agent.ToolSpec;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected MCP server of a runtime: its client, its tools and, for stdio, its process. Closing it closes the
 * client and makes sure the process and its children are gone. Thread-safe.
 */
final class McpConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(McpConnection.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);

    private final String serverName;
    private final McpServerConfig config;
    private volatile McpSyncClient client;
    private volatile List<McpSchema.Tool> tools = List.of();
    private volatile ProcessHandle process;
    private volatile String exitReason;

    McpConnection(String serverName, McpServerConfig config) {
        this.serverName = serverName;
        this.config = config;
    }

    void opened(McpSyncClient value) {
        client = value;
    }

    void listed(List<McpSchema.Tool> value) {
        tools = List.copyOf(value);
    }

    String serverName() {
        return serverName;
    }

    void processStarted(ProcessHandle value) {
        process = value;
    }

    void exited(String reason) {
        exitReason = reason;
    }

    /** The server's tools as the model sees them, their schemas made acceptable to model providers. */
    List<ToolSpec> toolSpecs() {
        List<ToolSpec> specs = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            JsonNode schema = tool.inputSchema() == null
                    ? Json.object().put("type", "object")
                    : Json.mapper().valueToTree(tool.inputSchema());
            specs.add(new ToolSpec(tool.name(), tool.description(), withArrayItems(schema)));
        }
        return specs;
    }

    /** Calls a tool; the text of its result, or an {@link McpToolException} with the text of its error. */
    String call(String tool, String arguments) throws McpToolException {
        if (exitReason != null) {
            throw new McpToolException("MCP server '" + serverName + "' is not running: " + exitReason);
        }
        Map<String, Object> args;
        try {
            args = arguments == null || arguments.isBlank()
                    ? Map.of()
                    : Json.mapper().readValue(arguments, MAP);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new McpToolException("the arguments are not a JSON object: " + e.getOriginalMessage());
        }
        McpSchema.CallToolResult result;
        try {
            result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        } catch (RuntimeException e) {
            throw new McpToolException(McpErrors.describe(e, config));
        }
        String text = result.content() == null
                ? ""
                : result.content().stream().map(McpConnection::text).collect(Collectors.joining("\n"));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new McpToolException(text.isEmpty() ? "the tool reported an error" : text);
        }
        return text;
    }

    private static String text(McpSchema.Content content) {
        if (content instanceof McpSchema.TextContent text) {
            return text.text();
        }
        try {
            return McpJsonDefaults.getMapper().writeValueAsString(content);
        } catch (IOException e) {
            return content.type();
        }
    }

    /** Model providers reject {@code {"type": "array"}} without {@code items}; such arrays get string items. */
    static JsonNode withArrayItems(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        addItems(copy);
        return copy;
    }

    private static void addItems(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("array".equals(object.path("type").asText()) && !object.has("items")) {
                object.putObject("items").put("type", "string");
            }
            object.elements().forEachRemaining(McpConnection::addItems);
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(McpConnection::addItems);
        }
    }

    @Override
    public void close() {
        ProcessHandle started = process;
        List<ProcessHandle> tree = new ArrayList<>();
        if (started != null) {
            started.descendants().forEach(tree::add);
            tree.add(started);
        }
        try {
            McpSyncClient opened = client;
            if (opened != null) {
                opened.closeGracefully();
            }
        } catch (RuntimeException e) {
            LOG.debug("Closing MCP server '{}' failed: {}", serverName, e.toString());
        }
        for (ProcessHandle handle : tree) {
            stop(handle);
        }
    }

    /** Ends a process that outlived its client: politely first, then forcibly. */
    private void stop(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.warn("MCP server '{}' process {} ignored the request to stop; killing it", serverName, handle.pid());
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }
}
