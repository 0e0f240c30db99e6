package dev.idun.engine.guardrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code gibberish_text}: the share of words that cannot be words (no vowels, long consonant runs, a letter
 * hammered, keyboard rows, letter and digit soup), or of symbols when there are no words; blocks at
 * {@code threshold}. Word salad made of real words is not caught.
 */
final class GibberishTextGuard extends ScoredGuard {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final String VOWELS = "aeiouyàáâäãåæèéêëìíîïòóôöõøœùúûüÿ";
    private static final List<String> KEYBOARD =
            List.of("qwertyuiop", "asdfghjkl", "zxcvbnm", "poiuytrewq", "lkjhgfdsa", "mnbvcxz", "1234567890");

    GibberishTextGuard(GuardSettings settings) {
        super(settings);
    }

    @Override
    double score(String text) {
        List<String> words = new ArrayList<>();
        var matcher = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        long visible = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (words.isEmpty()) {
            return visible >= 3 ? 1.0 : 0.0;
        }
        long letters = text.codePoints().filter(Character::isLetterOrDigit).count();
        double symbols = visible == 0 ? 0 : 1.0 - (double) letters / visible;
        long bad = words.stream().filter(GibberishTextGuard::nonsense).count();
        double share = (double) bad / words.size();
        return Math.min(1.0, Math.max(share, symbols > 0.5 ? symbols : 0));
    }

    /** Whether a token cannot be a word of a language written with the Latin alphabet (others always pass). */
    static boolean nonsense(String word) {
        if (word.codePoints().anyMatch(c -> Character.isLetter(c) && c > 0x24F)) {
            return false;
        }
        boolean digits = word.chars().anyMatch(Character::isDigit);
        boolean letters = word.chars().anyMatch(Character::isLetter);
        if (digits && letters) {
            return word.length() >= 6 && switches(word) >= 3;
        }
        if (!letters || word.length() < 4) {
            return false;
        }
        if (word.matches(".*(\\p{L})\\1{3,}.*")) {
            return true;
        }
        for (String row : KEYBOARD) {
            for (int i = 0; i + 4 <= word.length(); i++) {
                if (row.contains(word.substring(i, i + 4))) {
                    return true;
                }
            }
        }
        int vowels = 0;
        int run = 0;
        int longestRun = 0;
        for (char c : word.toCharArray()) {
            if (VOWELS.indexOf(c) >= 0) {
                vowels++;
                run = 0;
            } else {
                longestRun = Math.max(longestRun, ++run);
            }
        }
        double ratio = (double) vowels / word.length();
        return vowels == 0 || longestRun >= 5 || (word.length() >= 6 && (ratio < 0.15 || ratio > 0.8));
    }

    private static int switches(String word) {
        int count = 0;
        for (int i = 1; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(i - 1))) {
                count++;
            }
        }
        return count;
    }
}
