package dev.idun.admin.db;

import java.time.Instant;

/** The one agent this server runs, as stored in {@code idun_agent}; its engine configuration is a JSON document. */
public record AgentRow(
        String id,
        String name,
        String description,
        String version,
        String status,
        String baseUrl,
        String baseEngineConfigJson,
        Instant createdAt,
        Instant updatedAt) {

    public AgentRow {
        Columns.requiredKey(id, "id", 36);
        Columns.required(name, "name", 255);
        Columns.requiredKey(status, "status", 20);
        Columns.optional(version, "version", 50);
        Columns.optional(baseUrl, "base_url", 255);
        Columns.requiredText(baseEngineConfigJson, "base_engine_config");
        createdAt = Columns.required(createdAt, "created_at");
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
