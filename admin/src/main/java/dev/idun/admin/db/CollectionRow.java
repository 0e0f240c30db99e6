package dev.idun.admin.db;

import java.time.Instant;

/** One MCP server or integration: a unique slug, a display name, an enabled flag and its JSON configuration. */
public record CollectionRow(
        String id, String slug, String name, boolean enabled, String configJson, Instant createdAt, Instant updatedAt) {

    public CollectionRow {
        Columns.requiredKey(id, "id", 36);
        Columns.requiredKey(slug, "slug", 64);
        Columns.required(name, "name", 255);
        Columns.requiredText(configJson, "config");
        createdAt = Columns.required(createdAt, "created_at");
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
