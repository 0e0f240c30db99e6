package dev.idun.engine.guardrail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code restrict_to_topic}: topics are keywords. A text that mentions an {@code invalid_topics} entry is blocked;
 * when {@code valid_topics} are given, a text that mentions none of them is blocked too. A topic of several words
 * is mentioned when all its words are; words match on a crude stem (plurals and -ing/-ed forms).
 */
final class RestrictToTopicGuard implements Guard {
    private static final Set<String> STOP = Set.of("and", "or", "the", "a", "an", "of", "for", "to", "in", "on");

    private final GuardSettings settings;
    private final List<Set<String>> valid;
    private final List<Set<String>> invalid;

    RestrictToTopicGuard(GuardSettings settings) {
        this.settings = settings;
        this.valid = topics(Phrases.split(settings.strings("valid_topics")));
        this.invalid = topics(Phrases.split(settings.strings("invalid_topics")));
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        Set<String> stems = new HashSet<>(stems(text));
        boolean offLimits = invalid.stream().anyMatch(stems::containsAll);
        boolean onTopic = valid.isEmpty() || valid.stream().anyMatch(stems::containsAll);
        return offLimits || !onTopic ? Verdict.block(rejectMessage()) : Verdict.PASS;
    }

    private static List<Set<String>> topics(List<String> topics) {
        List<Set<String>> sets = new ArrayList<>();
        for (String topic : topics) {
            Set<String> words = new HashSet<>(stems(topic));
            words.removeAll(STOP);
            if (!words.isEmpty()) {
                sets.add(words);
            }
        }
        return sets;
    }

    static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                stems.add(stem(word));
            }
        }
        return stems;
    }

    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 5 && w.endsWith("ing")) {
            w = w.substring(0, w.length() - 3);
        } else if (w.length() > 4 && w.endsWith("ed")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 4 && w.endsWith("es") && !w.endsWith("ses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
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
