package dev.idun.server;

import dev.idun.config.EngineConfig;
import dev.idun.engine.runtime.DefaultRuntimeBuilder;
import dev.idun.engine.runtime.LiveRuntime;
import dev.idun.engine.runtime.RuntimeBuildException;
import dev.idun.engine.runtime.RuntimeBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The real runtime builder, with a switch a test flips to make the next builds fail on purpose. */
final class SwitchableRuntimeBuilder implements RuntimeBuilder {
    private final RuntimeBuilder real = new DefaultRuntimeBuilder();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicInteger builds = new AtomicInteger();

    void failWith(String message) {
        failure.set(message);
    }

    void succeed() {
        failure.set(null);
    }

    int builds() {
        return builds.get();
    }

    @Override
    public LiveRuntime build(EngineConfig config, long configVersion) throws RuntimeBuildException {
        builds.incrementAndGet();
        String message = failure.get();
        if (message != null) {
            throw new RuntimeBuildException(message);
        }
        return real.build(config, configVersion);
    }
}
