package dev.idun.engine.run;

/** No agent is configured yet, so there is nothing to run. */
public final class AgentNotReadyException extends RuntimeException {
    public AgentNotReadyException() {
        super("Agent has not been configured yet. Complete onboarding or configure an agent through the admin API.");
    }
}
