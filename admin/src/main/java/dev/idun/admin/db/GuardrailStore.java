package dev.idun.admin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes {@code idun_guardrail} in the caller's handle. Writes that reuse a slug or id throw
 * {@link DuplicateKeyException}; {@link #update} fails when the row it names is not stored.
 */
public final class GuardrailStore {

    private static final String TABLE = "idun_guardrail";
    private static final String COLUMNS =
            "id, slug, name, enabled, position, sort_order, config, created_at, updated_at";

    /** Returns every guardrail ordered by position, then sort order, then age, then id. */
    public List<GuardrailRow> list(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM idun_guardrail"
                        + " ORDER BY position ASC, sort_order ASC, created_at ASC, id ASC")
                .map((rs, ctx) -> read(rs))
                .list();
    }

    public Optional<GuardrailRow> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM idun_guardrail WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    /** Returns the slugs that begin with {@code prefix}, compared case-sensitively on both databases. */
    public Set<String> slugsStartingWith(Handle h, String prefix) {
        return new LinkedHashSet<>(
                h.createQuery("SELECT slug FROM idun_guardrail WHERE substr(slug, 1, :length) = :prefix ORDER BY slug")
                        .bind("length", prefix.codePointCount(0, prefix.length()))
                        .bind("prefix", prefix)
                        .mapTo(String.class)
                        .list());
    }

    public void insert(Handle h, GuardrailRow r) {
        Writes.execute(
                bind(
                                h.createUpdate("INSERT INTO idun_guardrail (" + COLUMNS + ") VALUES (:id, :slug, :name,"
                                        + " :enabled, :position, :sort_order, :config, :created_at, :updated_at)"),
                                r)
                        .bind("created_at", Columns.millis(r.createdAt())),
                TABLE);
    }

    public void update(Handle h, GuardrailRow r) {
        int updated = Writes.execute(
                bind(
                        h.createUpdate("UPDATE idun_guardrail SET slug = :slug, name = :name, enabled = :enabled,"
                                + " position = :position, sort_order = :sort_order, config = :config,"
                                + " updated_at = :updated_at WHERE id = :id"),
                        r),
                TABLE);
        if (updated == 0) {
            throw new IllegalStateException("No guardrail with id " + r.id() + " is stored");
        }
    }

    public boolean delete(Handle h, String id) {
        return h.createUpdate("DELETE FROM idun_guardrail WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    public void deleteAll(Handle h) {
        h.createUpdate("DELETE FROM idun_guardrail").execute();
    }

    private static Update bind(Update update, GuardrailRow r) {
        return update.bind("id", r.id())
                .bind("slug", r.slug())
                .bind("name", r.name())
                .bind("enabled", r.enabled())
                .bind("position", r.position())
                .bind("sort_order", r.sortOrder())
                .bind("config", r.configJson())
                .bind("updated_at", Columns.millis(r.updatedAt()));
    }

    private static GuardrailRow read(ResultSet rs) throws SQLException {
        return new GuardrailRow(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                rs.getString("position"),
                rs.getInt("sort_order"),
                rs.getString("config"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
