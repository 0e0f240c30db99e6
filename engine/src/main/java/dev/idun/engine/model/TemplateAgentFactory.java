package dev.idun.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.EngineConfig;
import dev.idun.config.Json;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import dev.idun.engine.agent.Agent;
import dev.idun.engine.runtime.AgentFactory;
import dev.idun.engine.runtime.RuntimeBuildException;
import java.util.List;
import java.util.Locale;

/**
 * The reference's template agents on a model provider: {@code TRANSLATION_AGENT} ({@code source_lang},
 * {@code target_lang}) and {@code CORRECTION_AGENT} ({@code language}). The model is {@code model} (as for
 * {@code LANGCHAIN4J}), or the reference's {@code model_name} with its provider told by the name
 * ({@code gpt-…} openai, {@code gemini-…} gemini, {@code claude-…} anthropic).
 */
public final class TemplateAgentFactory implements AgentFactory {
    private final AgentFactory models;

    public TemplateAgentFactory(AgentFactory models) {
        this.models = models;
    }

    @Override
    public Agent create(EngineConfig config, List<String> warnings) throws RuntimeBuildException {
        AgentConfig agent = config.agent();
        ObjectNode settings = agent.settings();
        boolean translation = agent.type() == AgentType.TRANSLATION_AGENT;
        String defaultModel = translation ? "gpt-3.5-turbo" : "gemini-2.5-flash";
        if (!settings.path("model").isObject()) {
            settings.set("model", modelFor(settings.path("model_name").asText(defaultModel)));
        }
        if (!settings.hasNonNull("system_prompt") && !settings.hasNonNull("system_prompt_id")) {
            settings.put("system_prompt", translation ? translationPrompt(settings) : correctionPrompt(settings));
        }
        AgentConfig model = new AgentConfig(AgentType.LANGCHAIN4J, agent.name(), settings);
        return models.create(config.withAgent(model), warnings);
    }

    static String translationPrompt(JsonNode settings) {
        return "Translate the user's message from "
                + settings.path("source_lang").asText("English") + " to "
                + settings.path("target_lang").asText("French")
                + ". Answer with the translation only, keeping the meaning, tone and formatting.";
    }

    static String correctionPrompt(JsonNode settings) {
        return "Correct the spelling, grammar and punctuation of the user's message, written in "
                + settings.path("language").asText("French")
                + ". Answer with the corrected text only, in the same language, changing nothing else.";
    }

    static ObjectNode modelFor(String modelName) throws RuntimeBuildException {
        String name = modelName.toLowerCase(Locale.ROOT);
        String provider;
        if (name.startsWith("gpt") || name.matches("o[0-9].*")) {
            provider = "openai";
        } else if (name.startsWith("gemini")) {
            provider = "gemini";
        } else if (name.startsWith("claude")) {
            provider = "anthropic";
        } else {
            throw new RuntimeBuildException("Cannot tell the provider of model_name '" + modelName
                    + "'; give the agent a model: {provider, name} instead.");
        }
        return Json.object().put("provider", provider).put("name", modelName);
    }
}
