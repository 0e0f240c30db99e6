package dev.idun.admin.mcp;

import dev.idun.config.mcp.McpServerConfig;

/**
 * Connects to one MCP server and lists its tools, for the admin API's tool discovery. Implementations answer within
 * a few seconds and never throw: every failure is a {@link ConnectionCheck} that is not ok. Implemented by the
 * server with the engine's MCP client; must be thread-safe.
 */
@FunctionalInterface
public interface McpToolProbe {
    ConnectionCheck listTools(McpServerConfig server);
}
