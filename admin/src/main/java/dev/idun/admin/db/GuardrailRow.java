package dev.idun.admin.db;

import java.time.Instant;

/**
 * One guardrail: a unique slug, where it runs ({@code position}, e.g. input or output), its place in that position's
 * order, an enabled flag and its JSON configuration.
 */
public record GuardrailRow(
        String id,
        String slug,
        String name,
        boolean enabled,
        String position,
        int sortOrder,
        String configJson,
        Instant createdAt,
        Instant updatedAt) {

    public GuardrailRow {
        Columns.requiredKey(id, "id", 36);
        Columns.requiredKey(slug, "slug", 64);
        Columns.required(name, "name", 255);
        Columns.requiredKey(position, "position", 10);
        Columns.requiredText(configJson, "config");
        createdAt = Columns.required(createdAt, "created_at");
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
