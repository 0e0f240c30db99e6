package dev.idun.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one JSON object, accepting camelCase or snake_case keys, and records every problem as a
 * {@link FieldError} with a dotted path instead of stopping at the first one. Not thread-safe; one per parse.
 */
public final class FieldReader {
    private final JsonNode node;
    private final String path;
    private final Casing pathCasing;
    private final List<FieldError> errors;

    private FieldReader(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.pathCasing = pathCasing;
        this.errors = errors;
    }

    /** A reader over {@code node}; a node that is not an object is reported once and then reads as empty. */
    public static FieldReader of(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            errors.add(FieldError.missing(path));
            return new FieldReader(Json.object(), path, pathCasing, errors);
        }
        if (!node.isObject()) {
            errors.add(new FieldError(path, "Input should be an object", "model_type"));
            return new FieldReader(Json.object(), path, pathCasing, errors);
        }
        return new FieldReader(node, path, pathCasing, errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public void error(String camelName, String message, String code) {
        errors.add(new FieldError(path(camelName), message, code));
    }

    public String path(String camelName) {
        String key = pathCasing.key(camelName);
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the key is present, even with an explicit null. */
    public boolean has(String camelName) {
        return node.has(camelName) || node.has(Casing.toSnake(camelName));
    }

    /** The value under the camelCase or snake_case key, or null when absent or null. */
    public JsonNode get(String camelName) {
        JsonNode value = node.get(camelName);
        if (value == null) {
            value = node.get(Casing.toSnake(camelName));
        }
        return value == null || value.isNull() ? null : value;
    }

    public String requiredString(String camelName) {
        JsonNode value = get(camelName);
        if (value == null) {
            errors.add(FieldError.missing(path(camelName)));
            return null;
        }
        String text = asString(camelName, value);
        if (text != null && text.isBlank()) {
            error(camelName, "Value must not be empty", "string_too_short");
            return null;
        }
        return text;
    }

    public String optionalString(String camelName, String defaultValue) {
        JsonNode value = get(camelName);
        return value == null ? defaultValue : asString(camelName, value);
    }

    private String asString(String camelName, JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        error(camelName, "Input should be a valid string", "string_type");
        return null;
    }

    public boolean optionalBoolean(String camelName, boolean defaultValue) {
        JsonNode value = get(camelName);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            error(camelName, "Input should be a valid boolean", "bool_type");
            return defaultValue;
        }
        return value.asBoolean();
    }

    public Integer optionalInt(String camelName, Integer defaultValue) {
        JsonNode value = get(camelName);
        if (value == null) {
            return defaultValue;
        }
        boolean integral = value.isIntegralNumber() && value.canConvertToInt();
        if (!integral && !(value.isTextual() && isInteger(value.asText()))) {
            error(camelName, "Input should be a valid integer", "int_type");
            return defaultValue;
        }
        return value.isTextual() ? Integer.valueOf(value.asText().trim()) : value.asInt();
    }

    public Double optionalNumber(String camelName, Double defaultValue) {
        JsonNode value = get(camelName);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isNumber()) {
            error(camelName, "Input should be a valid number", "float_type");
            return defaultValue;
        }
        return value.asDouble();
    }

    private static boolean isInteger(String text) {
        try {
            Integer.parseInt(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public List<String> stringList(String camelName, List<String> defaultValue) {
        JsonNode value = get(camelName);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isArray()) {
            error(camelName, "Input should be a valid list", "list_type");
            return defaultValue;
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(new FieldError(path(camelName) + "." + i, "Input should be a valid string", "string_type"));
            } else {
                items.add(item.asText());
            }
        }
        return List.copyOf(items);
    }

    public Map<String, String> stringMap(String camelName) {
        JsonNode value = get(camelName);
        if (value == null) {
            return Map.of();
        }
        if (!value.isObject()) {
            error(camelName, "Input should be a valid dictionary", "dict_type");
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                map.put(entry.getKey(), entry.getValue().asText());
            } else {
                errors.add(new FieldError(
                        path(camelName) + "." + entry.getKey(), "Input should be a valid string", "string_type"));
            }
        });
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A child object, or null when absent; a present non-object is reported. */
    public ObjectNode optionalObject(String camelName) {
        JsonNode value = get(camelName);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            error(camelName, "Input should be an object", "model_type");
            return null;
        }
        return (ObjectNode) value;
    }

    /** A reader over a child object (reported missing when absent). */
    public FieldReader child(String camelName) {
        return of(get(camelName), path(camelName), pathCasing, errors);
    }
}
