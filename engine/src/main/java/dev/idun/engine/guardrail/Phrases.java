package dev.idun.engine.guardrail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds whole words and phrases, case-insensitive, where a space in a phrase matches any run of whitespace. A
 * phrase ending in {@code *} also matches longer words it begins. Immutable.
 */
final class Phrases {
    private static final String EDGE_BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String EDGE_AFTER = "(?![\\p{L}\\p{N}_])";

    private final Pattern pattern;
    private final int longest;

    private Phrases(Pattern pattern, int longest) {
        this.pattern = pattern;
        this.longest = longest;
    }

    /** Entries split on commas and trimmed, as the reference reads banned words. */
    static List<String> split(List<String> entries) {
        return entries.stream()
                .flatMap(entry -> List.of(entry.split(",")).stream())
                .map(String::trim)
                .filter(word -> !word.isEmpty())
                .toList();
    }

    static Phrases of(List<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        List<String> alternatives = new ArrayList<>();
        int longest = 0;
        for (String phrase : sorted) {
            boolean prefix = phrase.endsWith("*");
            String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
            List<String> words = List.of(body.trim().split("\\s+"));
            String regex =
                    String.join("\\s+", words.stream().map(Pattern::quote).toList());
            alternatives.add(prefix ? regex + "[\\p{L}\\p{N}]*" : regex);
            longest = Math.max(longest, body.length() + (prefix ? 16 : 0));
        }
        String regex = EDGE_BEFORE + "(?:" + String.join("|", alternatives) + ")" + EDGE_AFTER;
        return new Phrases(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), longest);
    }

    /** The longest phrase, in characters: the window streamed text needs so a split phrase is still seen. */
    int longest() {
        return longest;
    }

    List<Match> find(String text, Function<String, String> replacement) {
        List<Match> matches = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            matches.add(new Match(matcher.start(), matcher.end(), replacement.apply(matcher.group())));
        }
        return matches;
    }

    boolean containsIn(String text) {
        return pattern.matcher(text).find();
    }
}
