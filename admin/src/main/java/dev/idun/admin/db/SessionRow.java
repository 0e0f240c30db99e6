package dev.idun.admin.db;

import java.time.Instant;

/** A login session: its secret id, the user it belongs to, and when it expires and was created. */
public record SessionRow(String id, String userId, Instant expiresAt, Instant createdAt) {

    public SessionRow {
        Columns.requiredKey(id, "id", 64);
        Columns.requiredKey(userId, "user_id", 32);
        expiresAt = Columns.required(expiresAt, "expires_at");
        createdAt = Columns.required(createdAt, "created_at");
    }

    @Override
    public String toString() {
        return "SessionRow[id=***, userId=" + userId + ", expiresAt=" + expiresAt + ", createdAt=" + createdAt + "]";
    }
}
