package dev.idun.admin.db;

import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads, replaces and deletes the single row (id {@code singleton}) of one {@link SingletonTable} in the caller's
 * handle. Writing a row whose agent framework does not match the table (required for memory, absent otherwise) is
 * rejected.
 */
public final class SingletonStore {

    static final String ID = "singleton";

    private final SingletonTable table;

    public SingletonStore(SingletonTable t) {
        this.table = Objects.requireNonNull(t, "table");
    }

    public Optional<SingletonRow> find(Handle h) {
        String framework = table.hasAgentFramework() ? "agent_framework" : "NULL AS agent_framework";
        return h.createQuery("SELECT " + framework + ", " + table.configColumn() + " AS config, updated_at FROM "
                        + table.tableName() + " WHERE id = :id")
                .bind("id", ID)
                .map((rs, ctx) -> new SingletonRow(
                        rs.getString("agent_framework"), rs.getString("config"), Columns.instant(rs, "updated_at")))
                .findOne();
    }

    public void upsert(Handle h, SingletonRow r) {
        if (table.hasAgentFramework() && r.agentFramework() == null) {
            throw new IllegalArgumentException(table + " needs an agent framework");
        }
        if (!table.hasAgentFramework() && r.agentFramework() != null) {
            throw new IllegalArgumentException(table + " has no agent framework column");
        }
        String config = table.configColumn();
        String columns = (table.hasAgentFramework() ? "agent_framework, " : "") + config;
        String values = (table.hasAgentFramework() ? ":agent_framework, " : "") + ":config";
        String assignments = (table.hasAgentFramework() ? "agent_framework = excluded.agent_framework, " : "") + config
                + " = excluded." + config;
        var update = h.createUpdate("INSERT INTO " + table.tableName() + " (id, " + columns + ", updated_at)"
                        + " VALUES (:id, " + values + ", :updated_at) ON CONFLICT (id) DO UPDATE SET " + assignments
                        + ", updated_at = excluded.updated_at")
                .bind("id", ID)
                .bind("config", r.configJson())
                .bind("updated_at", Columns.millis(r.updatedAt()));
        if (table.hasAgentFramework()) {
            update.bind("agent_framework", r.agentFramework());
        }
        Writes.execute(update, table.tableName());
    }

    public boolean delete(Handle h) {
        return h.createUpdate("DELETE FROM " + table.tableName() + " WHERE id = :id")
                        .bind("id", ID)
                        .execute()
                > 0;
    }
}
