package dev.idun.admin.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Reads and writes {@code idun_prompt} in the caller's handle. A second row with the same prompt id and version, or
 * the same id, throws {@link DuplicateKeyException}; {@link #update} fails when the row it names is not stored.
 */
public final class PromptStore {

    private static final String TABLE = "idun_prompt";
    private static final String COLUMNS = "id, prompt_id, version, content, tags, created_at, updated_at";

    /** Returns every prompt version ordered by prompt id, newest version first. */
    public List<PromptRow> list(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM idun_prompt ORDER BY prompt_id ASC, version DESC")
                .map((rs, ctx) -> read(rs))
                .list();
    }

    public Optional<PromptRow> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM idun_prompt WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(rs))
                .findOne();
    }

    /** Returns the highest stored version of {@code promptId}, or 0 when it has none. */
    public int maxVersion(Handle h, String promptId) {
        return h.createQuery("SELECT COALESCE(MAX(version), 0) AS max_version FROM idun_prompt"
                        + " WHERE prompt_id = :prompt_id")
                .bind("prompt_id", promptId)
                .map((rs, ctx) -> rs.getInt("max_version"))
                .one();
    }

    public void insert(Handle h, PromptRow r) {
        Writes.execute(
                bind(
                                h.createUpdate("INSERT INTO idun_prompt (" + COLUMNS + ") VALUES (:id, :prompt_id,"
                                        + " :version, :content, :tags, :created_at, :updated_at)"),
                                r)
                        .bind("created_at", Columns.millis(r.createdAt())),
                TABLE);
    }

    public void update(Handle h, PromptRow r) {
        int updated = Writes.execute(
                bind(
                        h.createUpdate("UPDATE idun_prompt SET prompt_id = :prompt_id, version = :version,"
                                + " content = :content, tags = :tags, updated_at = :updated_at WHERE id = :id"),
                        r),
                TABLE);
        if (updated == 0) {
            throw new IllegalStateException("No prompt with id " + r.id() + " is stored");
        }
    }

    public boolean delete(Handle h, String id) {
        return h.createUpdate("DELETE FROM idun_prompt WHERE id = :id")
                        .bind("id", id)
                        .execute()
                > 0;
    }

    public void deleteAll(Handle h) {
        h.createUpdate("DELETE FROM idun_prompt").execute();
    }

    private static Update bind(Update update, PromptRow r) {
        return update.bind("id", r.id())
                .bind("prompt_id", r.promptId())
                .bind("version", r.version())
                .bind("content", r.content())
                .bind("tags", r.tagsJson())
                .bind("updated_at", Columns.millis(r.updatedAt()));
    }

    private static PromptRow read(ResultSet rs) throws SQLException {
        return new PromptRow(
                rs.getString("id"),
                rs.getString("prompt_id"),
                rs.getInt("version"),
                rs.getString("content"),
                rs.getString("tags"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
