package dev.idun.admin.db;

import java.time.Instant;

/**
 * The one row of a {@link SingletonTable}: a JSON configuration document and, for {@link SingletonTable#MEMORY} only,
 * the agent framework it applies to ({@code null} for the other tables).
 */
public record SingletonRow(String agentFramework, String configJson, Instant updatedAt) {

    public SingletonRow {
        Columns.optional(agentFramework, "agent_framework", 50);
        Columns.requiredText(configJson, "config");
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
