package dev.idun.engine.guardrail;

import java.util.List;

/**
 * A guard that finds bounded stretches of text (a word, a name, a phone number), so streamed text can be checked as
 * it comes with only {@link #window()} characters held back, and redacted where it matches.
 */
interface SpanGuard extends Guard {
    /** The matches in {@code text}, in order, not overlapping. */
    List<Match> find(String text);

    /** The longest stretch one match can cover; streamed text this close to its end is held back. */
    int window();

    /** True when a match is redacted instead of blocking. */
    boolean fixes();

    @Override
    default Verdict check(String text, GuardContext context) {
        List<Match> matches = find(text);
        if (matches.isEmpty()) {
            return Verdict.PASS;
        }
        return fixes() ? Verdict.fixed(Match.apply(text, matches)) : Verdict.block(rejectMessage());
    }
}
