package dev.idun.engine.guardrail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A stretch {@code [start, end)} of a text that a guard objects to, and what replaces it when redacting. */
record Match(int start, int end, String replacement) {
    Match {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad match bounds " + start + ".." + end);
        }
    }

    /** {@code text} with every match replaced. */
    static String apply(String text, List<Match> matches) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Match match : matches) {
            out.append(text, at, match.start()).append(match.replacement());
            at = match.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** The matches sorted by start, dropping any that overlaps one kept before it (earlier, then longer, wins). */
    static List<Match> disjoint(List<Match> matches) {
        List<Match> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(Match::start)
                .thenComparing(Comparator.comparingInt(Match::end).reversed()));
        List<Match> kept = new ArrayList<>();
        int end = -1;
        for (Match match : sorted) {
            if (match.start() >= end) {
                kept.add(match);
                end = match.end();
            }
        }
        return kept;
    }
}
