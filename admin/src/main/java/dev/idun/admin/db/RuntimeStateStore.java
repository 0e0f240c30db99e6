package dev.idun.admin.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads and replaces the single runtime-state row (id {@code singleton}) in the caller's handle. */
public final class RuntimeStateStore {

    public Optional<RuntimeStateRow> find(Handle h) {
        return h.createQuery("SELECT last_status, last_message, last_error, last_reloaded_at,"
                        + " last_applied_config_hash, updated_at FROM idun_runtime_state WHERE id = :id")
                .bind("id", SingletonStore.ID)
                .map((rs, ctx) -> new RuntimeStateRow(
                        rs.getString("last_status"),
                        rs.getString("last_message"),
                        rs.getString("last_error"),
                        Columns.instant(rs, "last_reloaded_at"),
                        rs.getString("last_applied_config_hash"),
                        Columns.instant(rs, "updated_at")))
                .findOne();
    }

    public void upsert(Handle h, RuntimeStateRow r) {
        Writes.execute(
                h.createUpdate("INSERT INTO idun_runtime_state (id, last_status, last_message, last_error,"
                                + " last_reloaded_at, last_applied_config_hash, updated_at) VALUES (:id, :last_status,"
                                + " :last_message, :last_error, :last_reloaded_at, :last_applied_config_hash,"
                                + " :updated_at) ON CONFLICT (id) DO UPDATE SET last_status = excluded.last_status,"
                                + " last_message = excluded.last_message, last_error = excluded.last_error,"
                                + " last_reloaded_at = excluded.last_reloaded_at,"
                                + " last_applied_config_hash = excluded.last_applied_config_hash,"
                                + " updated_at = excluded.updated_at")
                        .bind("id", SingletonStore.ID)
                        .bind("last_status", r.lastStatus())
                        .bind("last_message", r.lastMessage())
                        .bind("last_error", r.lastError())
                        .bind("last_reloaded_at", Columns.millis(r.lastReloadedAt()))
                        .bind("last_applied_config_hash", r.lastAppliedConfigHash())
                        .bind("updated_at", Columns.millis(r.updatedAt())),
                "idun_runtime_state");
    }
}
