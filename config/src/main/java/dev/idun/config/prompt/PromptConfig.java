package dev.idun.config.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;
import java.util.List;

/** One version of a named prompt template. */
public record PromptConfig(String promptId, int version, String content, List<String> tags) {
    public PromptConfig {
        tags = List.copyOf(tags);
    }

    public static PromptConfig read(JsonNode node, String path, List<FieldError> errors) {
        return read(node, path, Casing.CAMEL, errors);
    }

    /** Reads at {@code path}, naming fields in error paths with {@code pathCasing} (the casing of the source). */
    public static PromptConfig read(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, pathCasing, errors);
        String promptId = r.requiredString("promptId");
        Integer version = r.optionalInt("version", 1);
        String content = r.optionalString("content", null);
        if (content == null) {
            errors.add(FieldError.missing(r.path("content")));
        }
        if (version != null && version < 1) {
            r.error("version", "Input should be greater than or equal to 1", "greater_than_equal");
        }
        List<String> tags = r.stringList("tags", List.of());
        return errors.size() == before ? new PromptConfig(promptId, version, content, tags) : null;
    }

    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("promptId", promptId)
                .put("version", version)
                .put("content", content)
                .put("tags", tags)
                .build();
    }
}
