package dev.idun.admin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes the single agent row. {@link #insert} refuses a second agent and {@link #update} fails when the
 * agent it names is not stored; every method works in the caller's handle and transaction.
 */
public final class AgentStore {

    private static final String TABLE = "idun_agent";
    private static final String COLUMNS =
            "id, name, description, version, status, base_url, base_engine_config, created_at, updated_at";

    public Optional<AgentRow> find(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM idun_agent ORDER BY created_at, id")
                .map((rs, ctx) -> read(rs))
                .findFirst();
    }

    public void insert(Handle h, AgentRow r) {
        int inserted = Writes.execute(
                bind(
                                h.createUpdate(
                                        "INSERT INTO idun_agent (" + COLUMNS + ") SELECT :id, :name, :description,"
                                                + " :version, :status, :base_url, :base_engine_config, :created_at, :updated_at"
                                                + " WHERE NOT EXISTS (SELECT 1 FROM idun_agent)"),
                                r)
                        .bind("created_at", Columns.millis(r.createdAt())),
                TABLE);
        if (inserted == 0) {
            throw new IllegalStateException("An agent is already stored; update or delete it first");
        }
    }

    public void update(Handle h, AgentRow r) {
        int updated = Writes.execute(
                bind(
                        h.createUpdate("UPDATE idun_agent SET name = :name, description = :description,"
                                + " version = :version, status = :status, base_url = :base_url,"
                                + " base_engine_config = :base_engine_config, updated_at = :updated_at"
                                + " WHERE id = :id"),
                        r),
                TABLE);
        if (updated == 0) {
            throw new IllegalStateException("No agent with id " + r.id() + " is stored");
        }
    }

    public void deleteAll(Handle h) {
        h.createUpdate("DELETE FROM idun_agent").execute();
    }

    private static Update bind(Update update, AgentRow r) {
        return update.bind("id", r.id())
                .bind("name", r.name())
                .bind("description", r.description())
                .bind("version", r.version())
                .bind("status", r.status())
                .bind("base_url", r.baseUrl())
                .bind("base_engine_config", r.baseEngineConfigJson())
                .bind("updated_at", Columns.millis(r.updatedAt()));
    }

    private static AgentRow read(ResultSet rs) throws SQLException {
        return new AgentRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("version"),
                rs.getString("status"),
                rs.getString("base_url"),
                rs.getString("base_engine_config"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
