package dev.idun.admin.configstore;

import dev.idun.admin.db.ConfigVersionStore;
import dev.idun.config.EngineConfig;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Fills an empty database with a first config (the config file's, or the starter agent), once. */
public final class ConfigSeeder {
    private final Jdbi jdbi;
    private final ConfigStore store;
    private final ConfigVersionStore versions = new ConfigVersionStore();

    public ConfigSeeder(Jdbi jdbi, ConfigStore store) {
        this.jdbi = jdbi;
        this.store = store;
    }

    /** True when the database has never been seeded (no agent and config version 0). */
    public boolean isEmpty() {
        return jdbi.inTransaction(h -> store.isEmpty(h) && versions.current(h) == 0);
    }

    /** The stored config (disabled items included). */
    public EngineConfig stored() {
        return jdbi.inTransaction(store::load);
    }

    /** Writes {@code config} into the empty database in one transaction; returns false if it was not empty. */
    public boolean seedIfEmpty(EngineConfig config, Instant now) {
        return jdbi.inTransaction(h -> {
            if (!store.isEmpty(h) || versions.current(h) != 0) {
                return false;
            }
            store.replaceAll(h, config, now);
            versions.bump(h, now);
            return true;
        });
    }
}
