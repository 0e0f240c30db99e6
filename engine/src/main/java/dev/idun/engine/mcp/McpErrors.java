package dev.idun.engine.mcp;

import dev.idun.config.mcp.McpServerConfig;
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
                : "could not reach MCP server at " + server.url() + ": ";
        return McpToolLister.redact(prefix + text, server)
                .replace('\r', ' ')
                .replace('\n', ' ')
                .trim();
    }
}
