package dev.idun.admin.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.admin.http.AdminApiException;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.Json;
import dev.idun.config.Secrets;
import dev.idun.config.agent.AgentConfig;
import dev.idun.config.agent.AgentType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The body of {@code POST /onboarding/create-starter}: a model agent's name and model settings, validated. */
record StarterRequest(String name, String provider, String model, String apiKey, String baseUrl) {
    static final String DEFAULT_NAME = "Starter Agent";
    static final int MAX_NAME_LENGTH = 80;
    static final List<String> PROVIDERS = List.of("openai", "anthropic", "gemini", "ollama", "echo");

    StarterRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }

    /** Reads and validates the body; every problem is reported at once as a 422 with field paths. */
    static StarterRequest read(ObjectNode body) {
        List<FieldError> errors = new ArrayList<>();
        FieldReader r = FieldReader.of(body, "", Casing.CAMEL, errors);
        String name = readName(r);
        String provider = r.requiredString("provider");
        if (provider != null && !PROVIDERS.contains(provider)) {
            r.error("provider", "Input should be 'openai', 'anthropic', 'gemini', 'ollama' or 'echo'", "literal_error");
        }
        String model = "echo".equals(provider) ? r.optionalString("model", null) : r.requiredString("model");
        Secrets.restorePaths(body, null, List.of("apiKey"), "", errors);
        String apiKey = r.optionalString("apiKey", null);
        String baseUrl = r.optionalString("baseUrl", null);
        if (baseUrl != null && !isHttpUrl(baseUrl)) {
            r.error("baseUrl", "Input should be a valid http or https URL", "url_parsing");
        }
        if (!errors.isEmpty()) {
            throw AdminApiException.invalidBody(errors);
        }
        return new StarterRequest(name, provider, blankToNull(model), blankToNull(apiKey), baseUrl);
    }

    private static String readName(FieldReader r) {
        JsonNode value = r.get("name");
        if (value == null) {
            return DEFAULT_NAME;
        }
        if (!value.isTextual()) {
            r.error("name", "Input should be a valid string", "string_type");
            return DEFAULT_NAME;
        }
        String name = value.asText().strip();
        if (name.isEmpty()) {
            r.error("name", "String should have at least 1 character", "string_too_short");
        } else if (name.length() > MAX_NAME_LENGTH) {
            r.error("name", "String should have at most " + MAX_NAME_LENGTH + " characters", "string_too_long");
        }
        return name;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The LANGCHAIN4J agent config: {@code {name, model: {provider, name?, api_key?, base_url?}}}, snake_case. */
    AgentConfig toAgentConfig() {
        ObjectNode settings = Json.object().put("name", name);
        ObjectNode modelNode = settings.putObject("model").put("provider", provider);
        if (model != null) {
            modelNode.put("name", model);
        }
        if (apiKey != null) {
            modelNode.put("api_key", apiKey);
        }
        if (baseUrl != null) {
            modelNode.put("base_url", baseUrl);
        }
        ObjectNode agent = Json.object().put("type", AgentType.LANGCHAIN4J.name());
        agent.set("config", settings);
        List<FieldError> errors = new ArrayList<>();
        AgentConfig config = AgentConfig.read(agent, "agent", errors);
        if (config == null) {
            throw AdminApiException.invalidBody(errors);
        }
        return config;
    }
}
