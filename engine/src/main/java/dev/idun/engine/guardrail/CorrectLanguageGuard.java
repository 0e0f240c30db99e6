package dev.idun.engine.guardrail;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code correct_language}: blocks text written in none of {@code expected_languages} (ISO 639-1 codes), as told
 * by Lingua over its 75 languages. Text too short to tell (under {@value #MIN_LETTERS} letters) passes, and so
 * does text where an expected language scores close to the best one.
 */
final class CorrectLanguageGuard implements Guard {
    static final int MIN_LETTERS = 12;
    /** An expected language this close (relative confidence) to the detected one is taken as a tie. */
    static final double TIE = 0.9;

    private final GuardSettings settings;
    private final Set<String> expected = new HashSet<>();
    private final LanguageDetector detector;

    CorrectLanguageGuard(GuardSettings settings) {
        this.settings = settings;
        settings.strings("expected_languages")
                .forEach(code -> expected.add(code.trim().toLowerCase(Locale.ROOT)));
        // low-accuracy mode reads only the trigram models, the only ones the server jar ships (see README)
        this.detector =
                LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode().build();
    }

    @Override
    public Verdict check(String text, GuardContext context) {
        if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Verdict.PASS;
        }
        Map<Language, Double> confidence = detector.computeLanguageConfidenceValues(text);
        if (confidence.isEmpty()) {
            return Verdict.PASS;
        }
        double best = confidence.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        boolean expectedWins = confidence.entrySet().stream()
                .anyMatch(e -> expected.contains(code(e.getKey())) && e.getValue() >= best * TIE);
        return expectedWins ? Verdict.PASS : Verdict.block(rejectMessage());
    }

    static String code(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
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
