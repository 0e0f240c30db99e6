package dev.idun.config.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guard, in the snake_case shape of the config format: {@code config_id} selects the guard and the remaining
 * fields are its parameters. Required parameters are checked per guard.
 */
public record GuardrailConfig(String configId, ObjectNode fields) {
    /** Secret paths (for {@link dev.idun.config.Secrets}). */
    public static final List<String> SECRET_PATHS = List.of("apiKey");

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("ban_list", List.of("banned_words")),
            Map.entry("detect_pii", List.of("pii_entities")),
            Map.entry("nsfw_text", List.of("threshold")),
            Map.entry("toxic_language", List.of("threshold")),
            Map.entry("gibberish_text", List.of("threshold")),
            Map.entry("bias_check", List.of("threshold")),
            Map.entry("competition_check", List.of("competitors")),
            Map.entry("correct_language", List.of("expected_languages")),
            Map.entry("restrict_to_topic", List.of()),
            Map.entry("detect_jailbreak", List.of("threshold")),
            Map.entry("prompt_injection", List.of("threshold")),
            Map.entry("rag_hallucination", List.of("threshold")),
            Map.entry("code_scanner", List.of("allowed_languages")),
            Map.entry("custom_llm", List.of("prompt")),
            Map.entry("regex_match", List.of("regex")));

    public GuardrailConfig {
        Objects.requireNonNull(configId, "configId");
        fields = fields.deepCopy();
        fields.remove("configId");
        fields.put("config_id", configId);
    }

    @Override
    public ObjectNode fields() {
        return fields.deepCopy();
    }

    public static GuardrailConfig read(JsonNode node, String path, List<FieldError> errors) {
        int before = errors.size();
        JsonNode flat = flattened(node);
        FieldReader r = FieldReader.of(flat, path, Casing.SNAKE, errors);
        String configId = r.requiredString("configId");
        if ("model_armor".equals(configId)) {
            r.error(
                    "configId",
                    "model_armor needs Google Cloud (Model Armor) and is not run here; use the built-in guards.",
                    "unsupported");
        } else if (configId != null && !REQUIRED.containsKey(configId)) {
            r.error(
                    "configId",
                    "Unknown guardrail '" + configId + "'. Known: "
                            + String.join(
                                    ", ", REQUIRED.keySet().stream().sorted().toList()) + ".",
                    "enum");
        } else if (configId != null) {
            boolean complete = true;
            for (String field : REQUIRED.get(configId)) {
                if (r.get(field) == null) {
                    errors.add(FieldError.missing(r.path(field)));
                    complete = false;
                }
            }
            Double threshold = r.optionalNumber("threshold", null);
            if (threshold != null && (threshold < 0 || threshold > 1)) {
                r.error("threshold", "Input should be between 0 and 1", "value_error");
            }
            if (complete) {
                GuardrailParams.check(configId, r);
            }
            GuardrailParams.checkOnFail(configId, r);
        }
        r.optionalString("apiKey", null);
        r.optionalString("rejectMessage", null);
        return errors.size() == before ? new GuardrailConfig(configId, (ObjectNode) flat) : null;
    }

    /** The guard's on-fail action: {@code fix} redacts, anything else blocks. */
    public boolean fixes() {
        return "fix".equals(fields.path("on_fail").asText());
    }

    /** The legacy nested {@code guard_params} moved up into the entry (fields already there win). */
    private static JsonNode flattened(JsonNode node) {
        if (node == null || !node.isObject() || !node.path("guard_params").isObject()) {
            return node;
        }
        ObjectNode flat = ((ObjectNode) node).deepCopy();
        ObjectNode params = (ObjectNode) flat.remove("guard_params");
        params.fields().forEachRemaining(entry -> {
            if (!flat.has(entry.getKey())) {
                flat.set(entry.getKey(), entry.getValue());
            }
        });
        return flat;
    }

    public ObjectNode toJson() {
        return fields.deepCopy();
    }
}
