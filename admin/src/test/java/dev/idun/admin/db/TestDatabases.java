package dev.idun.admin.db;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Fresh, empty databases for tests. {@link #freshSqlite} names a new file in a test's directory; {@link #freshPostgres}
 * creates a new database on a PostgreSQL server shared by the whole JVM: the server at {@code IDUN_TEST_POSTGRES_URL}
 * when that is set, otherwise an embedded server (or, with {@code IDUN_TEST_POSTGRES_SERVER=system} or when the
 * embedded one cannot start, the machine's own PostgreSQL binaries) started on first use and stopped at JVM exit.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** Returns the URL of a SQLite database file that does not exist yet in {@code dir}. */
    public static DatabaseUrl freshSqlite(Path dir) {
        return DatabaseUrl.parse("jdbc:sqlite:" + dir.resolve("idun-" + UUID.randomUUID() + ".db"));
    }

    /** Creates a new, empty PostgreSQL database with a unique name and returns its URL. */
    public static DatabaseUrl freshPostgres() {
        return SharedPostgres.server().createDatabase();
    }
}
