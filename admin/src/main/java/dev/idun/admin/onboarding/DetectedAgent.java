package dev.idun.admin.onboarding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.util.Objects;

/**
 * An agent candidate found in a jar or a classes directory: a CUSTOM agent class or a LANGGRAPH graph factory
 * method, where it was found (relative to the scan root), a display name and the exact config value that runs it
 * ({@code agent_class} or {@code graph_definition}).
 */
public record DetectedAgent(
        Type type, String location, String className, String method, String inferredName, String definition) {

    /** The agent type the candidate becomes in the config. */
    public enum Type {
        CUSTOM,
        LANGGRAPH
    }

    public DetectedAgent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(inferredName, "inferredName");
        Objects.requireNonNull(definition, "definition");
        if ((type == Type.LANGGRAPH) != (method != null)) {
            throw new IllegalArgumentException("a method is named for LANGGRAPH candidates only");
        }
    }

    public ObjectNode toJson() {
        ObjectNode node =
                Json.object().put("type", type.name()).put("location", location).put("className", className);
        if (method != null) {
            node.put("method", method);
        }
        return node.put("inferredName", inferredName).put("definition", definition);
    }
}
