package dev.idun.admin.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads and writes the single administrator, stored with id {@link #ADMIN_ID}, in the caller's handle. A second
 * {@link #insert} throws {@link DuplicateKeyException}.
 */
public final class AdminUserStore {

    /** The id of the administrator row, and so the user id of every session. */
    public static final String ADMIN_ID = "admin";

    public Optional<AdminUserRow> find(Handle h) {
        return h.createQuery("SELECT password_hash, created_at, updated_at, password_rotated_at FROM idun_admin_user"
                        + " WHERE id = :id")
                .bind("id", ADMIN_ID)
                .map((rs, ctx) -> new AdminUserRow(
                        rs.getString("password_hash"),
                        Columns.instant(rs, "created_at"),
                        Columns.instant(rs, "updated_at"),
                        Columns.instant(rs, "password_rotated_at")))
                .findOne();
    }

    public void insert(Handle h, AdminUserRow r) {
        Writes.execute(
                h.createUpdate("INSERT INTO idun_admin_user (id, password_hash, created_at, updated_at,"
                                + " password_rotated_at) VALUES (:id, :password_hash, :created_at, :updated_at,"
                                + " :password_rotated_at)")
                        .bind("id", ADMIN_ID)
                        .bind("password_hash", r.passwordHash())
                        .bind("created_at", Columns.millis(r.createdAt()))
                        .bind("updated_at", Columns.millis(r.updatedAt()))
                        .bind("password_rotated_at", Columns.millis(r.passwordRotatedAt())),
                "idun_admin_user");
    }

    /** Replaces the password hash, recording {@code at} as both the update and the rotation time. */
    public void updatePassword(Handle h, String hash, Instant at) {
        Columns.requiredKey(hash, "password_hash", 255);
        long millis = Columns.required(at, "at").toEpochMilli();
        int updated = h.createUpdate("UPDATE idun_admin_user SET password_hash = :password_hash,"
                        + " updated_at = :at, password_rotated_at = :at WHERE id = :id")
                .bind("password_hash", hash)
                .bind("at", millis)
                .bind("id", ADMIN_ID)
                .execute();
        if (updated == 0) {
            throw new IllegalStateException("No administrator is stored");
        }
    }
}
