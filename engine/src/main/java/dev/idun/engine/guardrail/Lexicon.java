package dev.idun.engine.guardrail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Weighted terms read from a resource ({@code weight term} per line, {@code #} comments; a term is a phrase, a
 * phrase ending in {@code *}, or a {@code /regex/}). A text scores {@code 1 - product(1 - weight)} over the distinct
 * terms it contains, so two weak hints weigh more than one. Immutable.
 */
final class Lexicon {
    private record Term(Pattern pattern, double weight) {}

    private final List<Term> terms;

    private Lexicon(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    static Lexicon load(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream("/guardrails/" + resource);
        if (in == null) {
            throw new IllegalStateException("Missing guardrail lexicon " + resource);
        }
        List<Term> terms = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                double weight = Double.parseDouble(line.substring(0, space));
                terms.add(new Term(pattern(line.substring(space + 1).strip()), weight));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Lexicon(terms);
    }

    private static Pattern pattern(String term) {
        if (term.length() > 2 && term.startsWith("/") && term.endsWith("/")) {
            return Pattern.compile(
                    term.substring(1, term.length() - 1), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        boolean prefix = term.endsWith("*");
        String body = prefix ? term.substring(0, term.length() - 1) : term;
        String words = String.join(
                "\\s+", List.of(body.split("\\s+")).stream().map(Pattern::quote).toList());
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + words + (prefix ? "[\\p{L}]*" : "") + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The score of {@code text} in [0, 1]. */
    double score(String text) {
        String normal = normalize(text);
        double keep = 1.0;
        for (Term term : terms) {
            if (term.pattern.matcher(normal).find()) {
                keep *= 1.0 - term.weight;
            }
        }
        return 1.0 - keep;
    }

    /** The highest score of any sentence of {@code text}. */
    double sentenceScore(String text) {
        double max = 0;
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n+")) {
            max = Math.max(max, score(sentence));
        }
        return max;
    }

    /** Lower case, look-alike digits in words read as letters, letters repeated three or more times once. */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        StringBuilder out = new StringBuilder(lower.length());
        for (String token : lower.split("(?<=\\s)|(?=\\s)")) {
            boolean letters = token.chars().anyMatch(Character::isLetter);
            boolean leet = token.matches(".*\\p{L}.*") && token.matches(".*[013457@$].*");
            out.append(letters && leet ? unleet(token) : token);
        }
        return out.toString().replaceAll("(\\p{L})\\1{2,}", "$1");
    }

    private static String unleet(String token) {
        return token.replace('0', 'o')
                .replace('1', 'i')
                .replace('3', 'e')
                .replace('4', 'a')
                .replace('5', 's')
                .replace('7', 't')
                .replace('@', 'a')
                .replace('$', 's');
    }
}
