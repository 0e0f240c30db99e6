package dev.idun.config.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agent section: its framework and its framework-specific settings, kept as the snake_case object of the
 * config format (without {@code checkpointer}, which lives in {@link MemoryConfig}). The settings node is copied on
 * the way in and out, so an instance never changes.
 */
public record AgentConfig(AgentType type, String name, ObjectNode settings) {
    /** Secret paths of the {@code {type, config}} object (for {@link dev.idun.config.Secrets}). */
    public static final List<String> SECRET_PATHS = List.of("config.model.apiKey");

    private static final Set<String> MODEL_PROVIDERS = Set.of("openai", "anthropic", "gemini", "ollama", "echo");

    public AgentConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        settings = settings.deepCopy();
        settings.remove("checkpointer");
    }

    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    /** The starter agent seeded on a fresh install: answers with the built-in offline echo model. */
    public static AgentConfig starter() {
        ObjectNode settings = Json.object().put("name", "Starter Agent");
        settings.putObject("model").put("provider", "echo");
        return new AgentConfig(AgentType.LANGCHAIN4J, "Starter Agent", settings);
    }

    /** Reads {@code {type, config}} at {@code path}; returns null and records errors when it does not validate. */
    public static AgentConfig read(JsonNode node, String path, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, Casing.SNAKE, errors);
        String typeText = r.requiredString("type");
        AgentType type = typeText == null ? null : AgentType.parse(typeText).orElse(null);
        if (typeText != null && type == null) {
            r.error("type", "Unknown agent type '" + typeText + "'. Use LANGCHAIN4J, LANGGRAPH or CUSTOM.", "enum");
        } else if (type != null && !type.runnable()) {
            r.error(
                    "type",
                    "Agent type " + type + " is not run by this server. Use LANGCHAIN4J (a model agent), LANGGRAPH"
                            + " (a LangGraph4j graph) or CUSTOM (a Java class implementing the Agent SPI) instead.",
                    "unsupported");
        }
        FieldReader c = r.child("config");
        String name = c.requiredString("name");
        if (type != null && type.runnable()) {
            validateSettings(type, c);
        }
        if (errors.size() != before) {
            return null;
        }
        return new AgentConfig(type, name, (ObjectNode) r.get("config"));
    }

    private static void validateSettings(AgentType type, FieldReader c) {
        switch (type) {
            case LANGCHAIN4J -> validateModel(c.child("model"));
            case LANGGRAPH -> c.requiredString("graphDefinition");
            case CUSTOM -> c.requiredString("agentClass");
            case TRANSLATION_AGENT, CORRECTION_AGENT -> {
                if (c.get("model") != null) {
                    validateModel(c.child("model"));
                }
            }
            default -> throw new IllegalStateException("not runnable: " + type);
        }
        c.optionalString("systemPrompt", null);
        c.optionalString("systemPromptId", null);
        if (c.get("checkpointer") != null) {
            MemoryConfig.read(c.get("checkpointer"), c.path("checkpointer"), c.errors());
        }
    }

    private static void validateModel(FieldReader model) {
        String provider = model.requiredString("provider");
        if (provider != null && !MODEL_PROVIDERS.contains(provider)) {
            model.error(
                    "provider",
                    "Unknown model provider '" + provider + "'. Use one of openai, anthropic, gemini, ollama, echo.",
                    "enum");
        }
        if (provider != null && !provider.equals("echo")) {
            model.requiredString("name");
        }
        model.optionalString("baseUrl", null);
        model.optionalString("apiKey", null);
        model.optionalString("apiKeyEnv", null);
        model.optionalNumber("temperature", null);
        model.optionalInt("maxTokens", null);
    }

    /** {@code {type, config}} in the config format's snake_case, with the given memory as {@code checkpointer}. */
    public ObjectNode toJson(MemoryConfig memory) {
        ObjectNode node = Json.object().put("type", type.name());
        ObjectNode config = settings.deepCopy();
        if (memory != null) {
            config.set("checkpointer", memory.toJson());
        }
        node.set("config", config);
        return node;
    }
}
