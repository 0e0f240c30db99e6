package dev.idun.admin.db;

import java.time.Instant;

/**
 * What the engine last reported about applying configuration: status, message, error, when it last reloaded and the
 * hash of the configuration it applied. Only {@code updatedAt} is required.
 */
public record RuntimeStateRow(
        String lastStatus,
        String lastMessage,
        String lastError,
        Instant lastReloadedAt,
        String lastAppliedConfigHash,
        Instant updatedAt) {

    public RuntimeStateRow {
        Columns.optional(lastStatus, "last_status", 20);
        Columns.optional(lastMessage, "last_message", 255);
        lastReloadedAt = Columns.optional(lastReloadedAt);
        Columns.optional(lastAppliedConfigHash, "last_applied_config_hash", 64);
        updatedAt = Columns.required(updatedAt, "updated_at");
    }
}
