package dev.idun.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void creates_missing_parent_directories_of_the_database_file() {
        Path file = dir.resolve("nested/deeper/idun.db");
        try (Database database = Database.open(DatabaseUrl.parse("sqlite:///" + file))) {
            assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void every_pooled_connection_uses_wal_a_busy_timeout_and_foreign_keys() {
        try (Database database = Database.open(TestDatabases.freshSqlite(dir))) {
            List<Handle> handles = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    handles.add(database.jdbi().open());
                }
                for (Handle h : handles) {
                    assertThat(pragma(h, "journal_mode")).isEqualToIgnoringCase("wal");
                    assertThat(pragma(h, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(h, "foreign_keys")).isEqualTo("1");
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    @Test
    void an_in_memory_database_keeps_its_schema_for_the_life_of_the_pool() {
        try (Database database = Database.open(DatabaseUrl.parse("jdbc:sqlite::memory:"))) {
            ConfigVersionStore versions = new ConfigVersionStore();
            database.jdbi().useHandle(h -> versions.bump(h, java.time.Instant.EPOCH));
            assertThat(database.jdbi().withHandle(versions::current)).isEqualTo(1);
            assertThat(((HikariDataSource) database.dataSource()).getMaximumPoolSize())
                    .isEqualTo(1);
        }
    }

    @Test
    void close_shuts_the_pool_down() {
        Database database = Database.open(TestDatabases.freshSqlite(dir));
        database.close();
        assertThat(((HikariDataSource) database.dataSource()).isClosed()).isTrue();
    }

    @Test
    void refuses_a_database_that_has_tables_but_no_migration_history() throws Exception {
        DatabaseUrl url = TestDatabases.freshSqlite(dir);
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE idun_agent (id TEXT)");
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Database migration failed on " + url.jdbcUrl())
                .hasMessageContaining("no schema history table");
    }

    @Test
    void refuses_a_database_whose_applied_migration_was_changed() {
        DatabaseUrl url = TestDatabases.freshSqlite(dir);
        try (Database database = Database.open(url)) {
            database.jdbi()
                    .useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1'"));
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining("Database migration failed")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void reports_a_database_file_that_cannot_be_created() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> Database.open(DatabaseUrl.parse("jdbc:sqlite:" + blocker.resolve("idun.db"))))
                .isInstanceOf(DatabaseException.class)
                .hasMessageContaining(blocker.toString());
    }

    private static String pragma(Handle h, String name) {
        return h.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }
}
