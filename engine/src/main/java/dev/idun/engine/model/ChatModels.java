package dev.idun.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.engine.runtime.RuntimeBuildException;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the streaming chat model of a {@code model} config section ({@code provider}, {@code name},
 * {@code base_url}, {@code api_key}, {@code api_key_env}, {@code temperature}, {@code max_tokens}) with the API key
 * taken from the config, else from the given environment.
 */
public final class ChatModels {
    static final String OLLAMA_BASE_URL = "http://127.0.0.1:11434/v1";

    private final Map<String, String> env;
    private final Duration timeout;

    public ChatModels(Map<String, String> env, Duration timeout) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The model of {@code model}; fails when the provider is unknown or needs a key that is not set. */
    public Model build(JsonNode model) throws RuntimeBuildException {
        String provider = model.path("provider").asText("");
        String name = text(model, "name");
        if (name == null) {
            throw new RuntimeBuildException("Model provider '" + provider + "' needs a model name (model.name).");
        }
        String baseUrl = text(model, "base_url");
        Double temperature =
                model.hasNonNull("temperature") ? model.get("temperature").asDouble() : null;
        Integer maxTokens =
                model.hasNonNull("max_tokens") ? model.get("max_tokens").asInt() : null;
        StreamingChatModel built = switch (provider) {
            case "openai" -> {
                String key = apiKey(model, provider, List.of("OPENAI_API_KEY"), baseUrl == null);
                yield openAi(baseUrl, key == null ? "none" : key, name, temperature, maxTokens);
            }
            case "ollama" -> {
                String key = apiKey(model, provider, List.of(), false);
                yield openAi(
                        baseUrl == null ? OLLAMA_BASE_URL : baseUrl,
                        key == null ? "ollama" : key,
                        name,
                        temperature,
                        maxTokens);
            }
            case "anthropic" ->
                AnthropicStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(model, provider, List.of("ANTHROPIC_API_KEY"), true))
                        .modelName(name)
                        .temperature(temperature)
                        .maxTokens(maxTokens)
                        .timeout(timeout)
                        .build();
            case "gemini" ->
                GoogleAiGeminiStreamingChatModel.builder()
                        .baseUrl(baseUrl)
                        .apiKey(apiKey(model, provider, List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"), true))
                        .modelName(name)
                        .temperature(temperature)
                        .maxOutputTokens(maxTokens)
                        .timeout(timeout)
                        .build();
            default ->
                throw new RuntimeBuildException("Unknown model provider '" + provider
                        + "'. Use one of openai, anthropic, gemini, ollama, echo.");
        };
        return new Model(provider, name, built, keyOf(model, provider));
    }

    /** A built model with what error messages need: the provider, the model name and the key to keep out of them. */
    public record Model(String provider, String name, StreamingChatModel chat, String apiKey) {}

    private StreamingChatModel openAi(String baseUrl, String key, String name, Double temperature, Integer maxTokens) {
        return OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(key)
                .modelName(name)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .timeout(timeout)
                .build();
    }

    private String keyOf(JsonNode model, String provider) {
        return switch (provider) {
            case "openai" -> lookup(model, List.of("OPENAI_API_KEY"));
            case "anthropic" -> lookup(model, List.of("ANTHROPIC_API_KEY"));
            case "gemini" -> lookup(model, List.of("GEMINI_API_KEY", "GOOGLE_API_KEY"));
            default -> lookup(model, List.of());
        };
    }

    private String apiKey(JsonNode model, String provider, List<String> defaults, boolean required)
            throws RuntimeBuildException {
        String key = lookup(model, defaults);
        if (key == null && required) {
            String keyEnv = text(model, "api_key_env");
            String where = keyEnv != null
                    ? "environment variable " + keyEnv + " is not set"
                    : "set model.api_key, model.api_key_env or " + String.join(" / ", defaults);
            throw new RuntimeBuildException("Model provider '" + provider + "' needs an API key: " + where + ".");
        }
        return key;
    }

    private String lookup(JsonNode model, List<String> defaults) {
        String key = text(model, "api_key");
        if (key != null) {
            return key;
        }
        String keyEnv = text(model, "api_key_env");
        if (keyEnv != null) {
            return blankToNull(env.get(keyEnv));
        }
        for (String variable : defaults) {
            String value = blankToNull(env.get(variable));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : blankToNull(value.asText());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
