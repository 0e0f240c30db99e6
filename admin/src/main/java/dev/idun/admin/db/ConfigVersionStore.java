package dev.idun.admin.db;

import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The configuration version counter: a single row that the migration creates at 0 and every configuration change
 * increments. {@link #bump} is one {@code UPDATE ... RETURNING} statement, so concurrent bumps never return the same
 * value on either database.
 */
public final class ConfigVersionStore {

    public long current(Handle h) {
        return h.createQuery("SELECT version FROM idun_config_version WHERE id = :id")
                .bind("id", SingletonStore.ID)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(ConfigVersionStore::missingRow);
    }

    /** Increments the version, records {@code now} as the change time and returns the new version. */
    public long bump(Handle h, Instant now) {
        Objects.requireNonNull(now, "now");
        return h.createQuery("UPDATE idun_config_version SET version = version + 1, updated_at = :updated_at"
                        + " WHERE id = :id RETURNING version")
                .bind("updated_at", now.toEpochMilli())
                .bind("id", SingletonStore.ID)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(ConfigVersionStore::missingRow);
    }

    private static IllegalStateException missingRow() {
        return new IllegalStateException("idun_config_version has no singleton row; the schema was not migrated");
    }
}
