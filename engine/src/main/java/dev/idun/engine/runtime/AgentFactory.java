package dev.idun.engine.runtime;

import dev.idun.config.EngineConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ToolRegistry;
import java.util.List;

/**
 * Builds the agent of one agent type from the config. One implementation per type, registered in
 * {@link DefaultRuntimeBuilder}; a factory that cannot build the agent throws, and the reload fails cleanly.
 */
@FunctionalInterface
public interface AgentFactory {
    /** {@code warnings} collects problems that do not stop the build (shown in runtime status). */
    Agent create(EngineConfig config, List<String> warnings) throws RuntimeBuildException;

    /**
     * Builds the agent with the runtime's server-side tools (its MCP servers' tools); a factory whose agents use no
     * tools keeps the default, which ignores them.
     */
    default Agent create(EngineConfig config, ToolRegistry tools, List<String> warnings) throws RuntimeBuildException {
        return create(config, warnings);
    }
}
