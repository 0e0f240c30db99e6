package dev.idun.engine.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.guardrail.GuardrailConfig;
import dev.idun.engine.model.ChatModels;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.time.Duration;

/** Builds the guard of one {@code config_id}; the LLM judges on their own model section or the agent's model. */
final class GuardFactory {
    private final ChatModels models;
    private final Duration judgeTimeout;

    GuardFactory(ChatModels models, Duration judgeTimeout) {
        this.models = models;
        this.judgeTimeout = judgeTimeout;
    }

    Guard create(GuardrailConfig config, EngineConfig engine) throws RuntimeBuildException {
        GuardSettings settings = GuardSettings.of(config);
        return switch (config.configId()) {
            case "ban_list" -> new PhraseListGuard(settings, "banned_words");
            case "detect_pii" -> new DetectPiiGuard(settings);
            case "competition_check" -> new PhraseListGuard(settings, "competitors");
            case "restrict_to_topic" -> new RestrictToTopicGuard(settings);
            case "regex_match" -> new RegexMatchGuard(settings);
            case "correct_language" -> new CorrectLanguageGuard(settings);
            case "gibberish_text" -> new GibberishTextGuard(settings);
            case "detect_jailbreak" -> new DetectJailbreakGuard(settings);
            case "prompt_injection" -> new PromptInjectionGuard(settings);
            case "toxic_language" -> new ToxicLanguageGuard(settings);
            case "nsfw_text" -> new NsfwTextGuard(settings);
            case "bias_check" -> new BiasCheckGuard(settings);
            case "code_scanner" -> new CodeScannerGuard(settings);
            case "custom_llm" -> new CustomLlmGuard(settings, judge(settings, engine));
            case "rag_hallucination" -> new RagHallucinationGuard(settings, judge(settings, engine));
            default ->
                throw new RuntimeBuildException("Guardrail '" + config.configId() + "' is not run by this server.");
        };
    }

    private JudgeModel judge(GuardSettings settings, EngineConfig engine) throws RuntimeBuildException {
        JsonNode model = settings.fields().get("model");
        if (model == null || !model.isObject()) {
            model = engine.agent() == null ? null : engine.agent().settings().get("model");
        }
        String provider = model == null ? "" : model.path("provider").asText("");
        if (provider.isEmpty() || provider.equals("echo")) {
            throw new RuntimeBuildException("Guardrail " + settings.id() + " asks a model, and none is configured:"
                    + " give the guardrail a model section {provider, name, ...} or give the agent a model.");
        }
        return new JudgeModel(models.build(model), judgeTimeout);
    }
}
