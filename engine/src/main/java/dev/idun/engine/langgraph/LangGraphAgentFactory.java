package dev.idun.engine.langgraph;

import dev.idun.config.EngineConfig;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.ToolRegistry;
import dev.idun.engine.custom.ClassRef;
import dev.idun.engine.custom.LoadedClass;
import dev.idun.engine.runtime.AgentFactory;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;

/**
 * Builds a {@code LANGGRAPH} agent from {@code graph_definition}: {@code path/to/agent.jar:com.acme.Graphs::build}
 * (or {@code com.acme.Graphs::build} for the server's classpath) names a public static method, without arguments
 * or taking the runtime's server-side tools (a {@link ToolRegistry}: the MCP servers' tools), that returns a LangGraph4j {@link StateGraph} (compiled here) or {@link CompiledGraph}. The jar gets a new class
 * loader per build, closed with the agent.
 */
public final class LangGraphAgentFactory implements AgentFactory {
    private final Path baseDir;
    private final ClassLoader parent;

    public LangGraphAgentFactory(Path baseDir, ClassLoader parent) {
        this.baseDir = baseDir;
        this.parent = parent;
    }

    public LangGraphAgentFactory() {
        this(Path.of("").toAbsolutePath(), LangGraphAgentFactory.class.getClassLoader());
    }

    @Override
    public Agent create(EngineConfig config, List<String> warnings) throws RuntimeBuildException {
        return create(config, ToolRegistry.empty(), warnings);
    }

    @Override
    public Agent create(EngineConfig config, ToolRegistry tools, List<String> warnings) throws RuntimeBuildException {
        String text =
                config.agent().settings().path("graph_definition").asText("").trim();
        int separator = text.lastIndexOf("::");
        if (separator <= 0 || separator + 2 >= text.length()) {
            throw new RuntimeBuildException(
                    "graph_definition '" + text + "' is not of the form path/to/agent.jar:com.example.Graphs::method");
        }
        String methodName = text.substring(separator + 2).trim();
        ClassRef ref;
        try {
            ref = ClassRef.parse(text.substring(0, separator), baseDir);
        } catch (IllegalArgumentException e) {
            throw new RuntimeBuildException("graph_definition " + e.getMessage(), e);
        }
        LoadedClass loaded = LoadedClass.load(ref, parent);
        try {
            return new LangGraphAgent(graph(loaded, methodName, tools), loaded);
        } catch (RuntimeBuildException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    private static CompiledGraph<?> graph(LoadedClass loaded, String methodName, ToolRegistry tools)
            throws RuntimeBuildException {
        String where = loaded.type().getName() + "::" + methodName;
        Method method;
        Object[] arguments;
        try {
            method = loaded.type().getMethod(methodName, ToolRegistry.class);
            arguments = new Object[] {tools};
        } catch (NoSuchMethodException withoutTools) {
            try {
                method = loaded.type().getMethod(methodName);
                arguments = new Object[0];
            } catch (NoSuchMethodException e) {
                throw new RuntimeBuildException(
                        "Method " + where + " (public, without arguments or taking a ToolRegistry) was not found.", e);
            }
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new RuntimeBuildException("Method " + where + " must be static.");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaded.loader());
        try {
            Object result = method.invoke(null, arguments);
            if (result instanceof CompiledGraph<?> compiled) {
                return compiled;
            }
            if (result instanceof StateGraph<?> graph) {
                return graph.compile();
            }
            throw new RuntimeBuildException("Method " + where + " returned "
                    + (result == null ? "null" : result.getClass().getName())
                    + "; it must return a StateGraph or a CompiledGraph.");
        } catch (InvocationTargetException e) {
            throw new RuntimeBuildException("Method " + where + " failed: " + e.getCause(), e.getCause());
        } catch (GraphStateException e) {
            throw new RuntimeBuildException("The graph of " + where + " does not compile: " + e.getMessage(), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new RuntimeBuildException("Method " + where + " could not be called: " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
