package dev.idun.engine.custom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.runtime.AgentFactory;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a {@code CUSTOM} agent: the class named by {@code agent_class} ({@code path/to/agent.jar:com.acme.MyAgent},
 * or a class name alone for the server's classpath), which implements {@link Agent} and has a public constructor
 * taking the agent config ({@link ObjectNode}) and the runtime's server-side tools ({@link ToolRegistry}: the MCP
 * servers' tools), the agent config alone, or nothing. Each build opens the jar in a new class loader, closed with
 * the agent, so a reload picks up a new jar without a restart.
 */
public final class CustomAgentFactory implements AgentFactory {
    private final Path baseDir;
    private final ClassLoader parent;

    /** {@code baseDir} resolves relative jar paths; {@code parent} is the loader user classes see the SPI through. */
    public CustomAgentFactory(Path baseDir, ClassLoader parent) {
        this.baseDir = baseDir;
        this.parent = parent;
    }

    public CustomAgentFactory() {
        this(Path.of("").toAbsolutePath(), CustomAgentFactory.class.getClassLoader());
    }

    @Override
    public Agent create(EngineConfig config, List<String> warnings) throws RuntimeBuildException {
        return create(config, ToolRegistry.empty(), warnings);
    }

    @Override
    public Agent create(EngineConfig config, ToolRegistry tools, List<String> warnings) throws RuntimeBuildException {
        ObjectNode settings = config.agent().settings();
        String text = settings.path("agent_class").asText("");
        ClassRef ref;
        try {
            ref = ClassRef.parse(text, baseDir);
        } catch (IllegalArgumentException e) {
            throw new RuntimeBuildException("agent_class " + e.getMessage(), e);
        }
        LoadedClass loaded = LoadedClass.load(ref, parent);
        try {
            return new LoadedAgent(instantiate(loaded.type(), settings, tools), loaded);
        } catch (RuntimeBuildException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private static Agent instantiate(Class<?> type, ObjectNode settings, ToolRegistry tools)
            throws RuntimeBuildException {
        String name = type.getName();
        if (!Agent.class.isAssignableFrom(type)) {
            throw new RuntimeBuildException("Class " + name + " does not implement " + Agent.class.getName() + ".");
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new RuntimeBuildException("Class " + name + " must be a public, concrete class.");
        }
        try {
            Constructor<?> withTools = publicConstructor(type, ObjectNode.class, ToolRegistry.class);
            if (withTools != null) {
                return (Agent) withTools.newInstance(settings, tools);
            }
            Constructor<?> withConfig = publicConstructor(type, ObjectNode.class);
            if (withConfig != null) {
                return (Agent) withConfig.newInstance(settings);
            }
            Constructor<?> noArgs = publicConstructor(type);
            if (noArgs != null) {
                return (Agent) noArgs.newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new RuntimeBuildException("The constructor of " + name + " failed: " + cause, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RuntimeBuildException("Class " + name + " could not be created: " + e, e);
        }
        throw new RuntimeBuildException("Class " + name + " needs a public constructor taking no arguments, the agent"
                + " config (an ObjectNode), or the agent config and the tools (an ObjectNode and a ToolRegistry).");
    }

    private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
