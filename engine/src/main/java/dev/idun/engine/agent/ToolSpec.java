package dev.idun.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A tool offered to the model: its name, what it does, and its parameters as a JSON Schema object. */
public record ToolSpec(String name, String description, JsonNode parameters) {
    public ToolSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        parameters = parameters == null ? null : parameters.deepCopy();
    }
}
