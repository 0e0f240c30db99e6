package dev.idun.engine.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.guardrail.GuardrailConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fields every guard has: its id, its reject message (the reference's default when empty) and on_fail. */
record GuardSettings(String id, String rejectMessage, boolean fixes, JsonNode fields) {
    private static final Map<String, String> DEFAULT_MESSAGES = Map.ofEntries(
            Map.entry("ban_list", "ban!!"),
            Map.entry("detect_pii", "PII detected"),
            Map.entry("nsfw_text", "NSFW content detected"),
            Map.entry("toxic_language", "Toxic language detected"),
            Map.entry("gibberish_text", "Gibberish text detected"),
            Map.entry("bias_check", "Bias detected"),
            Map.entry("competition_check", "Competitor mentioned"),
            Map.entry("correct_language", "Incorrect language detected"),
            Map.entry("restrict_to_topic", "Off-topic content detected"),
            Map.entry("detect_jailbreak", "Jailbreak attempt detected"),
            Map.entry("prompt_injection", "Prompt injection detected"),
            Map.entry("rag_hallucination", "Hallucination detected"),
            Map.entry("code_scanner", "Unauthorized code detected"),
            Map.entry("custom_llm", "Content blocked by policy"),
            Map.entry("regex_match", "Content does not match the required format"));

    static GuardSettings of(GuardrailConfig config) {
        JsonNode fields = config.fields();
        String message = fields.path("reject_message").asText("");
        if (message.isEmpty()) {
            message = DEFAULT_MESSAGES.getOrDefault(config.configId(), "Blocked by a guardrail");
        }
        return new GuardSettings(config.configId(), message, config.fixes(), fields);
    }

    double threshold() {
        return fields.path("threshold").asDouble(0.5);
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        fields.path(field).forEach(item -> values.add(item.asText()));
        return values;
    }
}
