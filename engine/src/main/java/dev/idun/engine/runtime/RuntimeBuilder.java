package dev.idun.engine.runtime;

import dev.idun.config.EngineConfig;

/** Builds a complete runtime from a config, or fails without side effects on the live one. */
@FunctionalInterface
public interface RuntimeBuilder {
    LiveRuntime build(EngineConfig config, long configVersion) throws RuntimeBuildException;
}
