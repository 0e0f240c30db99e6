package dev.idun.admin.db;

import java.time.Instant;

/** One version of a prompt: {@code (promptId, version)} is unique, and the tags are a JSON array kept as text. */
public record PromptRow(
        String id,
        String promptId,
        int version,
        String content,
        String tagsJson,
        Instant createdAt,
        Instant updatedAt) {

    public PromptRow {
        Columns.requiredKey(id, "id", 36);
        Columns.requiredKey(promptId, "prompt_id", 255);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        Columns.requiredText(content, "content");
        Columns.requiredText(tagsJson, "tags");
        createdAt = Columns.required(createdAt, "created_at");
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
