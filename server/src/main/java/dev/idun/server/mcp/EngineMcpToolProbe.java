package dev.idun.server.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.mcp.ConnectionCheck;
import dev.idun.admin.mcp.McpToolProbe;
import dev.idun.config.Json;
import dev.idun.config.mcp.McpServerConfig;
import dev.idun.engine.mcp.McpListingException;
import dev.idun.engine.mcp.McpToolLister;
import java.util.List;

/** The admin API's MCP tool discovery, answered by the engine's MCP client. Thread-safe. */
public final class EngineMcpToolProbe implements McpToolProbe {
    private final McpToolLister lister;

    public EngineMcpToolProbe(McpToolLister lister) {
        this.lister = lister;
    }

    @Override
    public ConnectionCheck listTools(McpServerConfig server) {
        List<String> tools;
        try {
            tools = lister.listTools(server);
        } catch (McpListingException e) {
            return ConnectionCheck.failure(e.getMessage());
        }
        ObjectNode details = Json.object().put("name", server.name()).put("transport", server.transport());
        ArrayNode names = details.putArray("tools");
        tools.forEach(names::add);
        details.put("toolCount", tools.size());
        return ConnectionCheck.success(details);
    }
}
