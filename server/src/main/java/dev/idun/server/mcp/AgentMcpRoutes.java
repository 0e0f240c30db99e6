package dev.idun.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.HttpJson;
import dev.idun.config.ConfigValidationException;
import dev.idun.config.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /mcp}: the agent as an MCP server over streamable HTTP (JSON responses, no server-initiated stream,
 * no session). It answers {@code initialize}, {@code ping}, {@code tools/list} and {@code tools/call} of its one
 * tool, {@link AgentAskTool}; notifications and responses are accepted with 202. {@code GET} and {@code DELETE}
 * answer 405, as the protocol asks of a server that offers no stream and keeps no session.
 */
public final class AgentMcpRoutes {
    /** Protocol revisions this endpoint speaks, newest first. */
    static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

    private static final int PARSE_ERROR = -32700;
    private static final int INVALID_REQUEST = -32600;
    private static final int METHOD_NOT_FOUND = -32601;
    private static final int INVALID_PARAMS = -32602;

    private final AgentAskTool ask;
    private final String version;

    public AgentMcpRoutes(AgentAskTool ask, String version) {
        this.ask = ask;
        this.version = version;
    }

    public void register(RoutesConfig routes) {
        routes.post("/mcp", this::post);
        routes.get("/mcp", this::notAllowed);
        routes.delete("/mcp", this::notAllowed);
    }

    private void post(Context ctx) {
        JsonNode message;
        try {
            message = Json.parse(ctx.body());
        } catch (ConfigValidationException e) {
            HttpJson.send(ctx, 400, error(null, PARSE_ERROR, "Parse error: the body is not JSON"));
            return;
        }
        if (!message.isObject() || !"2.0".equals(message.path("jsonrpc").asText())) {
            HttpJson.send(ctx, 400, error(null, INVALID_REQUEST, "Invalid request: expected one JSON-RPC 2.0 message"));
            return;
        }
        JsonNode id = message.get("id");
        if (!message.has("method") || id == null || id.isNull()) {
            ctx.status(202); // a notification or a response: nothing to answer
            return;
        }
        HttpJson.send(ctx, 200, answer(id, message.path("method").asText(), message.path("params")));
    }

    private ObjectNode answer(JsonNode id, String method, JsonNode params) {
        return switch (method) {
            case "initialize" -> result(id, initialize(params));
            case "ping" -> result(id, Json.object());
            case "tools/list" -> {
                ObjectNode result = Json.object();
                result.putArray("tools").add(AgentAskTool.definition());
                yield result(id, result);
            }
            case "tools/call" -> call(id, params);
            default -> error(id, METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private ObjectNode initialize(JsonNode params) {
        String requested = params.path("protocolVersion").asText("");
        ObjectNode result = Json.object()
                .put("protocolVersion", PROTOCOL_VERSIONS.contains(requested) ? requested : PROTOCOL_VERSIONS.get(0));
        result.putObject("capabilities").putObject("tools").put("listChanged", false);
        result.putObject("serverInfo").put("name", "idun").put("version", version);
        result.put(
                "instructions",
                "Call the tool 'ask' with a message to talk to the agent; pass the same thread_id"
                        + " to continue a conversation.");
        return result;
    }

    private ObjectNode call(JsonNode id, JsonNode params) {
        String name = params.path("name").asText("");
        if (!name.equals(AgentAskTool.NAME)) {
            return error(id, INVALID_PARAMS, "Unknown tool: '" + name + "'; this server offers only 'ask'");
        }
        JsonNode arguments = params.path("arguments");
        if (!arguments.path("message").isTextual()) {
            return error(id, INVALID_PARAMS, "Invalid arguments: 'message' (a string) is required");
        }
        JsonNode threadId = arguments.path("thread_id");
        if (!threadId.isMissingNode() && !threadId.isNull() && !threadId.isTextual()) {
            return error(id, INVALID_PARAMS, "Invalid arguments: 'thread_id' must be a string");
        }
        AgentAskTool.Answer answer =
                ask.ask(arguments.get("message").asText(), threadId.isTextual() ? threadId.asText() : null);
        ObjectNode result = Json.object();
        ArrayNode content = result.putArray("content");
        content.addObject().put("type", "text").put("text", answer.text());
        result.put("isError", answer.failed());
        return result(id, result);
    }

    private void notAllowed(Context ctx) {
        ctx.header("Allow", "POST");
        HttpJson.send(
                ctx,
                405,
                Json.object()
                        .put(
                                "detail",
                                "This MCP endpoint answers POST only: it opens no stream and keeps no session."));
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = Json.object().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = Json.object().put("jsonrpc", "2.0");
        response.set("id", id == null ? Json.mapper().nullNode() : id);
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }
}
