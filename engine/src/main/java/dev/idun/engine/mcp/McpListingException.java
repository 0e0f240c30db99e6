package dev.idun.engine.mcp;

/** Listing the tools of an MCP server failed; the message is one line, safe to show, and names no secret. */
public final class McpListingException extends Exception {
    public McpListingException(String message) {
        super(message);
    }
}
