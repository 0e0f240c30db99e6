package dev.idun.channels.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a reply into parts of at most {@code limit} characters without losing any text: at the last paragraph break
 * that fits, else the last line break, else the last sentence end, else the last space (a break is only taken when
 * it keeps the part reasonably full), else (one unbroken word longer than the limit) at the limit, never inside a
 * surrogate pair. The whitespace a part ends at is dropped; joining the parts with that
 * whitespace gives the reply back.
 */
public final class ReplySplitter {
    private ReplySplitter() {}

    public static List<String> split(String text, int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("limit must be at least 2");
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            String part = rest.substring(0, cut).stripTrailing();
            if (!part.isEmpty()) {
                parts.add(part);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Where to end the first part of {@code text}: an index in (0, limit]. */
    private static int cutPoint(String text, int limit) {
        String window = text.substring(0, limit + 1);
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph > limit / 3) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n');
        if (line > limit / 2) {
            return line;
        }
        int sentence = lastSentenceEnd(window);
        if (sentence > limit / 3) {
            return sentence;
        }
        int space = lastWhitespace(window);
        if (space > 0) {
            return space;
        }
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** The index just after the last {@code .}, {@code !} or {@code ?} followed by whitespace within the window. */
    private static int lastSentenceEnd(String window) {
        for (int i = window.length() - 2; i > 0; i--) {
            char c = window.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(window.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int lastWhitespace(String window) {
        for (int i = window.length() - 1; i > 0; i--) {
            if (Character.isWhitespace(window.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
