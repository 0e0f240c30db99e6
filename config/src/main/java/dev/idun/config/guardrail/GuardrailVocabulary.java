package dev.idun.config.guardrail;

import java.util.Set;

/** The closed sets of values some guards accept, so that a config naming anything else is refused when written. */
public final class GuardrailVocabulary {
    /** ISO 639-1 codes of the languages {@code correct_language} recognises. */
    public static final Set<String> LANGUAGES = Set.of(
            "af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et", "eu",
            "fa", "fi", "fr", "ga", "gu", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk", "ko", "la",
            "lg", "lt", "lv", "mi", "mk", "mn", "mr", "ms", "nb", "nl", "nn", "pa", "pl", "pt", "ro", "ru", "sk", "sl",
            "sn", "so", "sq", "sr", "st", "sv", "sw", "ta", "te", "th", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh",
            "yo", "zh", "zu");

    /** Programming languages {@code code_scanner} tells apart. */
    public static final Set<String> CODE_LANGUAGES = Set.of(
            "python",
            "javascript",
            "typescript",
            "java",
            "c",
            "cpp",
            "csharp",
            "go",
            "rust",
            "sql",
            "bash",
            "php",
            "ruby",
            "html",
            "css");

    private GuardrailVocabulary() {}
}
