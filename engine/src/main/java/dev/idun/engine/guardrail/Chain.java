package dev.idun.engine.guardrail;

import java.util.List;

/** Guards applied one after the other: the first block wins; a redaction is what the next guard sees. */
record Chain(List<Guard> guards) {
    Chain {
        guards = List.copyOf(guards);
    }

    Verdict check(String text, GuardContext context) {
        String current = text;
        boolean fixed = false;
        for (Guard guard : guards) {
            Verdict verdict = guard.check(current, context);
            if (verdict.blocked()) {
                return verdict;
            }
            if (verdict.outcome() == Verdict.Outcome.FIXED) {
                current = verdict.text();
                fixed = true;
            }
        }
        return fixed ? Verdict.fixed(current) : Verdict.PASS;
    }

    boolean isEmpty() {
        return guards.isEmpty();
    }

    /** Whether every guard finds bounded spans, so streamed text needs only a window held back. */
    boolean streamable() {
        return guards.stream().allMatch(g -> g instanceof SpanGuard);
    }

    int window() {
        return guards.stream()
                .filter(g -> g instanceof SpanGuard)
                .mapToInt(g -> ((SpanGuard) g).window())
                .max()
                .orElse(0);
    }
}
