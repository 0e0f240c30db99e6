package dev.idun.engine.agent;

/** A run asked an agent that this build cannot run. */
public final class AgentUnavailableException extends RuntimeException {
    public AgentUnavailableException(String message) {
        super(message);
    }
}
