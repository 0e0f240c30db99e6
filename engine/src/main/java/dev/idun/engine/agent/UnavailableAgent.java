package dev.idun.engine.agent;

/**
 * Stands in for an agent this build cannot run yet: the config is valid and stored, and every run fails with the
 * reason instead of pretending to answer.
 */
public final class UnavailableAgent implements Agent {
    private final String reason;

    public UnavailableAgent(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    @Override
    public void run(RunInput input, EventSink sink) {
        throw new AgentUnavailableException(reason);
    }
}
