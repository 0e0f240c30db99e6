package dev.idun.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds one JSON object in a given casing. With {@link Casing#CAMEL} (API responses) null fields are written as
 * null; with {@link Casing#SNAKE} (database and config file) they are left out.
 */
public final class JsonWriter {
    private final ObjectNode node = Json.object();
    private final Casing casing;

    public JsonWriter(Casing casing) {
        this.casing = casing;
    }

    public JsonWriter put(String camelName, String value) {
        if (value != null) {
            node.put(casing.key(camelName), value);
        } else if (casing == Casing.CAMEL) {
            node.putNull(camelName);
        }
        return this;
    }

    public JsonWriter put(String camelName, Boolean value) {
        if (value != null) {
            node.put(casing.key(camelName), value);
        } else if (casing == Casing.CAMEL) {
            node.putNull(camelName);
        }
        return this;
    }

    public JsonWriter put(String camelName, Number value) {
        String key = casing.key(camelName);
        if (value instanceof Integer i) {
            node.put(key, i);
        } else if (value instanceof Long l) {
            node.put(key, l);
        } else if (value != null) {
            node.put(key, value.doubleValue());
        } else if (casing == Casing.CAMEL) {
            node.putNull(camelName);
        }
        return this;
    }

    public JsonWriter put(String camelName, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(casing.key(camelName));
            values.forEach(array::add);
        } else if (casing == Casing.CAMEL) {
            node.putNull(camelName);
        }
        return this;
    }

    public JsonWriter put(String camelName, Map<String, String> values) {
        ObjectNode map = node.putObject(casing.key(camelName));
        values.forEach(map::put);
        return this;
    }

    public JsonWriter put(String camelName, com.fasterxml.jackson.databind.JsonNode value) {
        if (value != null) {
            node.set(casing.key(camelName), value.deepCopy());
        } else if (casing == Casing.CAMEL) {
            node.putNull(camelName);
        }
        return this;
    }

    public ObjectNode build() {
        return node;
    }
}
