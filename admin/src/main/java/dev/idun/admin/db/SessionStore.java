package dev.idun.admin.db;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Creates, finds and removes login sessions in the caller's handle; a reused session id throws on insert. */
public final class SessionStore {

    public void insert(Handle h, SessionRow r) {
        Writes.execute(
                h.createUpdate("INSERT INTO idun_session (id, user_id, expires_at, created_at)"
                                + " VALUES (:id, :user_id, :expires_at, :created_at)")
                        .bind("id", r.id())
                        .bind("user_id", r.userId())
                        .bind("expires_at", Columns.millis(r.expiresAt()))
                        .bind("created_at", Columns.millis(r.createdAt())),
                "idun_session");
    }

    public Optional<SessionRow> find(Handle h, String id) {
        return h.createQuery("SELECT id, user_id, expires_at, created_at FROM idun_session WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new SessionRow(
                        rs.getString("id"),
                        rs.getString("user_id"),
                        Columns.instant(rs, "expires_at"),
                        Columns.instant(rs, "created_at")))
                .findOne();
    }

    public boolean delete(Handle h, String id) {
        return h.createUpdate("DELETE FROM idun_session WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    /** Deletes every session except {@code keepId} (which may be null or absent) and returns how many were deleted. */
    public int deleteAllExcept(Handle h, String keepId) {
        if (keepId == null) {
            return h.createUpdate("DELETE FROM idun_session").execute();
        }
        return h.createUpdate("DELETE FROM idun_session WHERE id <> :keep_id")
                .bind("keep_id", keepId)
                .execute();
    }

    /** Deletes the sessions whose expiry is at or before {@code now} and returns how many were deleted. */
    public int deleteExpired(Handle h, Instant now) {
        return h.createUpdate("DELETE FROM idun_session WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute();
    }
}
