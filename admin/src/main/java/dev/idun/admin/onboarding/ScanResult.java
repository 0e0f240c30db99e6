package dev.idun.admin.onboarding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.util.List;
import java.util.Objects;

/** What one scan of a project directory found; {@code hasJavaArtifacts} is true when any jar or classes dir was seen. */
public record ScanResult(String root, List<DetectedAgent> detected, boolean hasJavaArtifacts, long scanDurationMs) {
    public ScanResult {
        Objects.requireNonNull(root, "root");
        detected = List.copyOf(detected);
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object().put("root", root);
        ArrayNode items = node.putArray("detected");
        detected.forEach(agent -> items.add(agent.toJson()));
        return node.put("hasJavaArtifacts", hasJavaArtifacts).put("scanDurationMs", scanDurationMs);
    }
}
