package dev.idun.engine.guardrail;

import java.util.Objects;

/** What a guard decided about a text: pass it, block it (with the message for the user) or pass a redacted copy. */
record Verdict(Outcome outcome, String text) {
    enum Outcome {
        PASS,
        BLOCK,
        FIXED
    }

    static final Verdict PASS = new Verdict(Outcome.PASS, null);

    Verdict {
        Objects.requireNonNull(outcome, "outcome");
    }

    static Verdict block(String rejectMessage) {
        return new Verdict(Outcome.BLOCK, rejectMessage);
    }

    static Verdict fixed(String redacted) {
        return new Verdict(Outcome.FIXED, redacted);
    }

    boolean blocked() {
        return outcome == Outcome.BLOCK;
    }
}
