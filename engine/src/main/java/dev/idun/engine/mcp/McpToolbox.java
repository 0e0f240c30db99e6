package dev.idun.engine.mcp;

import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.agent.ToolSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools of a runtime's MCP servers: the servers that connected, the ones that failed (with the reason) and the
 * tools they offer. When two servers offer a tool of the same name, the server listed first keeps the name and the
 * other's tool is left out, with a warning. Closing it closes every connection and stops stdio server processes.
 * Thread-safe.
 */
public final class McpToolbox implements ToolRegistry, AutoCloseable {
    /** An MCP server, by its row name, that could not be used, and why. */
    public record Failure(String server, String reason) {}

    private final List<McpConnection> connections;
    private final Map<String, McpConnection> owners = new LinkedHashMap<>();
    private final List<ToolSpec> tools = new ArrayList<>();
    private final List<Failure> failures;
    private final List<String> warnings = new ArrayList<>();

    McpToolbox(List<McpConnection> connections, List<Failure> failures) {
        this.connections = List.copyOf(connections);
        this.failures = List.copyOf(failures);
        for (McpConnection connection : connections) {
            for (ToolSpec tool : connection.toolSpecs()) {
                McpConnection owner = owners.putIfAbsent(tool.name(), connection);
                if (owner == null) {
                    tools.add(tool);
                } else {
                    warnings.add("MCP tool '" + tool.name() + "' of server '" + connection.serverName()
                            + "' is left out: server '" + owner.serverName() + "' offers a tool of the same name.");
                }
            }
        }
    }

    /** A toolbox without servers. */
    public static McpToolbox none() {
        return new McpToolbox(List.of(), List.of());
    }

    /** The servers that could not be used. */
    public List<Failure> failures() {
        return failures;
    }

    /** Problems that did not stop the build (tools left out for a clashing name). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public List<ToolSpec> tools() {
        return List.copyOf(tools);
    }

    @Override
    public boolean provides(String name) {
        return owners.containsKey(name);
    }

    @Override
    public String execute(String name, String arguments) throws McpToolException {
        McpConnection owner = owners.get(name);
        if (owner == null) {
            throw new McpToolException("no MCP server offers a tool named '" + name + "'");
        }
        return owner.call(name, arguments);
    }

    @Override
    public void close() {
        for (McpConnection connection : connections) {
            connection.close();
        }
    }
}
