package dev.idun.admin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes one {@link CollectionTable} in the caller's handle. Writes that reuse a slug or id throw
 * {@link DuplicateKeyException}; {@link #update} fails when the row it names is not stored.
 */
public final class CollectionStore {

    private static final String COLUMNS = "id, slug, name, enabled, config, created_at, updated_at";

    private final String table;

    public CollectionStore(CollectionTable t) {
        this.table = Objects.requireNonNull(t, "table").tableName();
    }

    /** Returns every row, oldest first, ties broken by id. */
    public List<CollectionRow> list(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + table + " ORDER BY created_at ASC, id ASC")
                .map((rs, ctx) -> read(rs))
                .list();
    }

    public Optional<CollectionRow> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM " + table + " WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    /** Returns the slugs that begin with {@code prefix}, compared case-sensitively on both databases. */
    public Set<String> slugsStartingWith(Handle h, String prefix) {
        return new LinkedHashSet<>(
                h.createQuery("SELECT slug FROM " + table + " WHERE substr(slug, 1, :length) = :prefix ORDER BY slug")
                        .bind("length", prefix.codePointCount(0, prefix.length()))
                        .bind("prefix", prefix)
                        .mapTo(String.class)
                        .list());
    }

    public void insert(Handle h, CollectionRow r) {
        Writes.execute(
                bind(
                                h.createUpdate("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (:id, :slug, :name,"
                                        + " :enabled, :config, :created_at, :updated_at)"),
                                r)
                        .bind("created_at", Columns.millis(r.createdAt())),
                table);
    }

    public void update(Handle h, CollectionRow r) {
        int updated = Writes.execute(
                bind(
                        h.createUpdate("UPDATE " + table + " SET slug = :slug, name = :name, enabled = :enabled,"
                                + " config = :config, updated_at = :updated_at WHERE id = :id"),
                        r),
                table);
        if (updated == 0) {
            throw new IllegalStateException("No row with id " + r.id() + " in " + table);
        }
    }

    public boolean delete(Handle h, String id) {
        return h.createUpdate("DELETE FROM " + table + " WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    public void deleteAll(Handle h) {
        h.createUpdate("DELETE FROM " + table).execute();
    }

    private static Update bind(Update update, CollectionRow r) {
        return update.bind("id", r.id())
                .bind("slug", r.slug())
                .bind("name", r.name())
                .bind("enabled", r.enabled())
                .bind("config", r.configJson())
                .bind("updated_at", Columns.millis(r.updatedAt()));
    }

    private static CollectionRow read(ResultSet rs) throws SQLException {
        return new CollectionRow(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getBoolean("enabled"),
                rs.getString("config"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
