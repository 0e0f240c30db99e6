package dev.idun.engine.custom;

import dev.idun.engine.agent.Agent;
import dev.idun.engine.agent.EventSink;
import dev.idun.engine.agent.RunInput;

/**
 * A user agent and the class loader it came from: runs see that loader as their context class loader, and closing
 * the agent closes the loader after it.
 */
final class LoadedAgent implements Agent {
    private final Agent delegate;
    private final LoadedClass loaded;

    LoadedAgent(Agent delegate, LoadedClass loaded) {
        this.delegate = delegate;
        this.loaded = loaded;
    }

    @Override
    public void run(RunInput input, EventSink sink) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loaded.loader());
        try {
            delegate.run(input, sink);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            loaded.close();
        }
    }
}
