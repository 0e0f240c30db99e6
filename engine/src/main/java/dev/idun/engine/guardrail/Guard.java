package dev.idun.engine.guardrail;

/**
 * One configured guard: looks at a text (the user's message or the agent's answer) and passes it, blocks it or
 * returns it redacted. Implementations are immutable and thread-safe; one instance serves every run of a runtime.
 */
interface Guard {
    /** The guard's {@code config_id}. */
    String id();

    /** What the user is told when this guard blocks. */
    String rejectMessage();

    Verdict check(String text, GuardContext context);
}
