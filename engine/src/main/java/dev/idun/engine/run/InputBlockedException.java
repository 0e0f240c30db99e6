package dev.idun.engine.run;

/**
 * An input guardrail blocked a run before it started: no event was emitted and the model was not called. Chat
 * answers it with HTTP 429 and the message; channels send the message to the user.
 */
public final class InputBlockedException extends RuntimeException {
    private final String rejectMessage;

    public InputBlockedException(String rejectMessage) {
        super(rejectMessage, null, false, false);
        this.rejectMessage = rejectMessage;
    }

    /** What the guardrail says to the user. */
    public String rejectMessage() {
        return rejectMessage;
    }
}
