package dev.idun.config.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One MCP tool server the agent connects to. {@code required} (not in the reference): when true, a server that
 * cannot be reached fails the reload instead of being left out of the agent's tools.
 */
public record McpServerConfig(
        String name,
        String transport,
        String url,
        String command,
        List<String> args,
        Map<String, String> headers,
        Map<String, String> env,
        String cwd,
        String encoding,
        String encodingErrorHandler,
        Double timeoutSeconds,
        Double sseReadTimeoutSeconds,
        Boolean terminateOnClose,
        ObjectNode sessionKwargs,
        boolean required) {
    /** Secret paths (for {@link dev.idun.config.Secrets}): every env and header value. */
    public static final List<String> SECRET_PATHS = List.of("env.*", "headers.*");

    private static final Set<String> TRANSPORTS = Set.of("stdio", "sse", "streamable_http", "websocket");
    private static final Set<String> ERROR_HANDLERS = Set.of("strict", "ignore", "replace");

    public McpServerConfig {
        args = List.copyOf(args);
        headers = Map.copyOf(headers);
        env = Map.copyOf(env);
        sessionKwargs = sessionKwargs.deepCopy();
    }

    public static McpServerConfig read(JsonNode node, String path, List<FieldError> errors) {
        return read(node, path, Casing.CAMEL, errors);
    }

    /** Reads at {@code path}, naming fields in error paths with {@code pathCasing} (the casing of the source). */
    public static McpServerConfig read(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, pathCasing, errors);
        String name = r.requiredString("name");
        String transport = r.optionalString("transport", "streamable_http");
        if (transport != null && !TRANSPORTS.contains(transport)) {
            r.error("transport", "Input should be 'stdio', 'sse', 'streamable_http' or 'websocket'", "literal_error");
        }
        String url = r.optionalString("url", null);
        String command = r.optionalString("command", null);
        List<String> args = r.stringList("args", List.of());
        if ("stdio".equals(transport)) {
            if (command == null || command.isBlank()) {
                r.error("command", "command is required for stdio transport", "value_error");
            }
            if (args.isEmpty()) {
                r.error("args", "args is required for stdio transport", "value_error");
            }
        } else if (transport != null && (url == null || url.isBlank())) {
            r.error("url", "url is required for transport '" + transport + "'", "value_error");
        }
        String errorHandler = r.optionalString("encodingErrorHandler", null);
        if (errorHandler != null && !ERROR_HANDLERS.contains(errorHandler)) {
            r.error("encodingErrorHandler", "Input should be 'strict', 'ignore' or 'replace'", "literal_error");
        }
        ObjectNode kwargs = r.optionalObject("sessionKwargs");
        McpServerConfig config = new McpServerConfig(
                name,
                transport,
                url,
                command,
                args,
                r.stringMap("headers"),
                r.stringMap("env"),
                r.optionalString("cwd", null),
                r.optionalString("encoding", null),
                errorHandler,
                r.optionalNumber("timeoutSeconds", null),
                r.optionalNumber("sseReadTimeoutSeconds", null),
                r.get("terminateOnClose") == null ? null : r.optionalBoolean("terminateOnClose", false),
                kwargs == null ? dev.idun.config.Json.object() : kwargs,
                r.optionalBoolean("required", false));
        return errors.size() == before ? config : null;
    }

    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("name", name)
                .put("transport", transport)
                .put("url", url)
                .put("command", command)
                .put("args", args)
                .put("headers", headers)
                .put("env", env)
                .put("cwd", cwd)
                .put("encoding", encoding)
                .put("encodingErrorHandler", encodingErrorHandler)
                .put("timeoutSeconds", timeoutSeconds)
                .put("sseReadTimeoutSeconds", sseReadTimeoutSeconds)
                .put("terminateOnClose", terminateOnClose)
                .put("sessionKwargs", sessionKwargs)
                // stored and exported only when set, so rows stay as the reference writes them
                .put("required", required || casing == Casing.CAMEL ? Boolean.valueOf(required) : null)
                .build();
    }
}
