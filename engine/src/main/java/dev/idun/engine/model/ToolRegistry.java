package dev.idun.engine.model;

import dev.idun.engine.agent.ToolSpec;
import java.util.List;

/**
 * Tools the server runs itself (MCP tools and the like): the model may call them during a run and gets their
 * results back in the same run. Implementations must be thread-safe.
 */
public interface ToolRegistry {
    /** The tools offered to the model. */
    List<ToolSpec> tools();

    /** Whether {@code name} is one of {@link #tools()}. */
    default boolean provides(String name) {
        return tools().stream().anyMatch(t -> t.name().equals(name));
    }

    /** Runs tool {@code name} with its arguments as JSON text and returns the result text; throws on failure. */
    String execute(String name, String arguments) throws Exception;

    /** A registry without tools. */
    static ToolRegistry empty() {
        return new ToolRegistry() {
            @Override
            public List<ToolSpec> tools() {
                return List.of();
            }

            @Override
            public String execute(String name, String arguments) {
                throw new IllegalArgumentException("Unknown tool '" + name + "'");
            }
        };
    }
}
