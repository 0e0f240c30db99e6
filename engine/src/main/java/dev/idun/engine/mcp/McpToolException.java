package dev.idun.engine.mcp;

/** A call of an MCP tool failed; the message is the tool's error text or a one-line reason naming no secret. */
public final class McpToolException extends Exception {
    public McpToolException(String message) {
        super(message);
    }
}
