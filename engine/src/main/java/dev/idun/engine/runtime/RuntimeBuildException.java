package dev.idun.engine.runtime;

/** A runtime could not be built from a config (an agent that fails to start, a required server unreachable). */
public final class RuntimeBuildException extends Exception {
    public RuntimeBuildException(String message, Throwable cause) {
        super(message, cause);
    }

    public RuntimeBuildException(String message) {
        super(message);
    }
}
