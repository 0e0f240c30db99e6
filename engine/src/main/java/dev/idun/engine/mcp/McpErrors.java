package dev.idun.engine.mcp;

import dev.idun.config.mcp.McpServerConfig;
import java.net.URI;
import java.util.concurrent.TimeoutException;

/** Turns an MCP client failure into one line for an operator: the innermost cause, secrets masked. */
final class McpErrors {
    private McpErrors() {}

    static String describe(Throwable error, McpServerConfig server) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text;
        if (root instanceof TimeoutException) {
            text = "MCP server did not answer in time";
        } else if (root.getMessage() == null || root.getMessage().isBlank()) {
            text = root.getClass().getSimpleName();
        } else {
            text = root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        String prefix = "stdio".equals(server.transport())
                ? "could not run MCP server '" + server.command() + "': "
                : "could not reach MCP server at " + withoutCredentials(server.url()) + ": ";
        return McpToolLister.redact(prefix + text, server)
                .replace('\r', ' ')
                .replace('\n', ' ')
                .trim();
    }

    /** The URL without user info, query or fragment, where tokens tend to hide. */
    private static String withoutCredentials(String url) {
        try {
            URI uri = URI.create(url.trim());
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme() + "://" + uri.getHost() + port + path;
        } catch (IllegalArgumentException e) {
            return "the configured url";
        }
    }
}
