package dev.idun.config.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks the parameters of each guard beyond presence: types, closed vocabularies, compilable patterns. */
final class GuardrailParams {
    /** The guards that know how to redact what they find. */
    static final Set<String> FIXABLE = Set.of("ban_list", "detect_pii", "competition_check");

    private GuardrailParams() {}

    static void check(String configId, FieldReader r) {
        switch (configId) {
            case "ban_list" -> nonEmpty(r, "bannedWords", words(r.stringList("bannedWords", List.of())));
            case "competition_check" -> nonEmpty(r, "competitors", words(r.stringList("competitors", List.of())));
            case "detect_pii" -> piiEntities(r);
            case "correct_language" -> languages(r);
            case "restrict_to_topic" -> topics(r);
            case "code_scanner" -> codeLanguages(r);
            case "custom_llm" -> {
                String prompt = r.optionalString("prompt", null);
                if (prompt != null && prompt.isBlank()) {
                    r.error("prompt", "The prompt must say what to check", "value_error");
                }
                model(r);
            }
            case "rag_hallucination" -> model(r);
            case "regex_match" -> regex(r);
            default -> {}
        }
    }

    static void checkOnFail(String configId, FieldReader r) {
        String onFail = r.optionalString("onFail", "block");
        if (onFail == null) {
            return;
        }
        switch (onFail) {
            case "block", "exception" -> {}
            case "fix" -> {
                if (!FIXABLE.contains(configId)) {
                    r.error(
                            "onFail",
                            configId + " cannot redact; on_fail 'fix' is supported by "
                                    + String.join(
                                            ", ", FIXABLE.stream().sorted().toList()) + ".",
                            "value_error");
                }
            }
            default -> r.error("onFail", "Input should be 'block' or 'fix'", "literal_error");
        }
    }

    /** Entries split on commas and trimmed, as the reference reads banned words. */
    static List<String> words(List<String> entries) {
        return entries.stream()
                .flatMap(entry -> List.of(entry.split(",")).stream())
                .map(String::trim)
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static void nonEmpty(FieldReader r, String field, List<String> items) {
        if (items.isEmpty() && r.get(field) != null && r.get(field).isArray()) {
            r.error(field, "List should have at least 1 non-blank item", "too_short");
        }
    }

    private static void piiEntities(FieldReader r) {
        List<String> names = r.stringList("piiEntities", List.of());
        nonEmpty(r, "piiEntities", names);
        for (int i = 0; i < names.size(); i++) {
            if (PiiEntity.parse(names.get(i)).isEmpty()) {
                r.errors()
                        .add(new FieldError(
                                r.path("piiEntities") + "." + i,
                                "PII entity '" + names.get(i) + "' is not detected here. Supported: "
                                        + PiiEntity.names() + ".",
                                "enum"));
            }
        }
    }

    private static void languages(FieldReader r) {
        List<String> codes = r.stringList("expectedLanguages", List.of());
        nonEmpty(r, "expectedLanguages", codes);
        inVocabulary(r, "expectedLanguages", codes, GuardrailVocabulary.LANGUAGES, "ISO 639-1 language code");
    }

    private static void codeLanguages(FieldReader r) {
        List<String> names = r.stringList("allowedLanguages", List.of());
        inVocabulary(r, "allowedLanguages", names, GuardrailVocabulary.CODE_LANGUAGES, "code language");
    }

    private static void inVocabulary(FieldReader r, String field, List<String> items, Set<String> known, String what) {
        for (int i = 0; i < items.size(); i++) {
            if (!known.contains(items.get(i).trim().toLowerCase(Locale.ROOT))) {
                r.errors()
                        .add(new FieldError(
                                r.path(field) + "." + i,
                                "Unknown " + what + " '" + items.get(i) + "'. Known: "
                                        + String.join(
                                                ", ", known.stream().sorted().toList()) + ".",
                                "enum"));
            }
        }
    }

    private static void topics(FieldReader r) {
        List<String> valid = words(r.stringList("validTopics", List.of()));
        List<String> invalid = words(r.stringList("invalidTopics", List.of()));
        if (valid.isEmpty()
                && invalid.isEmpty()
                && r.errors().stream()
                        .noneMatch(e -> e.field().startsWith(r.path("validTopics"))
                                || e.field().startsWith(r.path("invalidTopics")))) {
            r.error("validTopics", "Give at least one of valid_topics or invalid_topics", "value_error");
        }
    }

    private static void model(FieldReader r) {
        JsonNode model = r.get("model");
        if (model != null && (!model.isObject() || !model.path("provider").isTextual())) {
            r.error(
                    "model",
                    "Give a model section {provider, name, ...} like the agent's, or leave it out to use the"
                            + " agent's model",
                    "model_type");
        }
    }

    private static void regex(FieldReader r) {
        String regex = r.optionalString("regex", null);
        if (regex != null) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                r.error("regex", "Invalid regular expression: " + e.getDescription(), "value_error");
            }
        }
        String matchType = r.optionalString("matchType", "search");
        if (matchType != null && !matchType.equals("search") && !matchType.equals("fullmatch")) {
            r.error("matchType", "Input should be 'search' or 'fullmatch'", "literal_error");
        }
    }
}
