package dev.idun.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/** JSON and YAML text conversion shared by the whole product. The mappers are configured once and never changed. */
public final class Json {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private Json() {}

    public static ObjectMapper mapper() {
        return JSON;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Parses JSON text; malformed text becomes a {@link ConfigValidationException} with code {@code json_invalid}. */
    public static JsonNode parse(String text) {
        try {
            JsonNode node = JSON.readTree(text == null ? "" : text);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException e) {
            throw new ConfigValidationException(
                    "Malformed JSON.",
                    java.util.List.of(
                            new FieldError("body", "Invalid JSON: " + e.getOriginalMessage(), "json_invalid")));
        }
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parseYaml(String text) {
        try {
            JsonNode node = YAML.readTree(text == null ? "" : text);
            return node == null ? JSON.missingNode() : node;
        } catch (JsonProcessingException e) {
            throw new ConfigValidationException(
                    "Malformed YAML.",
                    java.util.List.of(new FieldError("", "Invalid YAML: " + e.getOriginalMessage(), "yaml_invalid")));
        }
    }

    public static String writeYaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
