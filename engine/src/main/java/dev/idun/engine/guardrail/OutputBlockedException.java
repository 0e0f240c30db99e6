package dev.idun.engine.guardrail;

/**
 * An output guardrail blocked the agent's answer: thrown out of the event sink to stop the agent; the run ends with
 * a {@code RUN_ERROR} carrying {@link #getMessage()} and code {@code GUARDRAIL_BLOCKED}.
 */
public final class OutputBlockedException extends RuntimeException {
    public OutputBlockedException(String rejectMessage) {
        super(rejectMessage, null, false, false);
    }
}
