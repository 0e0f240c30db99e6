package dev.idun.engine.guardrail;

/** A guard that scores a text in [0, 1] and blocks it when the score reaches the configured {@code threshold}. */
abstract class ScoredGuard implements Guard {
    private final GuardSettings settings;

    ScoredGuard(GuardSettings settings) {
        this.settings = settings;
    }

    abstract double score(String text);

    @Override
    public Verdict check(String text, GuardContext context) {
        double score = score(text);
        return score > 0 && score >= settings.threshold() ? Verdict.block(rejectMessage()) : Verdict.PASS;
    }

    @Override
    public String id() {
        return settings.id();
    }

    @Override
    public String rejectMessage() {
        return settings.rejectMessage();
    }
}
