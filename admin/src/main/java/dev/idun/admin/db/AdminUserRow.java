package dev.idun.admin.db;

import java.time.Instant;

/** The single administrator's password hash and when it was created, updated and last rotated (may be null). */
public record AdminUserRow(String passwordHash, Instant createdAt, Instant updatedAt, Instant passwordRotatedAt) {

    public AdminUserRow {
        Columns.requiredKey(passwordHash, "password_hash", 255);
        createdAt = Columns.required(createdAt, "created_at");
        updatedAt = Columns.required(updatedAt, "updated_at");
        passwordRotatedAt = Columns.optional(passwordRotatedAt);
    }

    @Override
    public String toString() {
        return "AdminUserRow[passwordHash=***, createdAt=" + createdAt + ", updatedAt=" + updatedAt
                + ", passwordRotatedAt=" + passwordRotatedAt + "]";
    }
}
