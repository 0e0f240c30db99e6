package dev.idun.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    private static final String SECRET = "pg-s3cr3t-9137";

    @Test
    void fresh_postgres_databases_are_distinct_and_empty() throws Exception {
        DatabaseUrl first = TestDatabases.freshPostgres();
        DatabaseUrl second = TestDatabases.freshPostgres();
        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        for (DatabaseUrl url : new DatabaseUrl[] {first, second}) {
            try (Connection connection = connect(url);
                    Statement statement = connection.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void opens_a_sqlalchemy_style_url_and_keeps_the_password_out_of_the_driver_url() throws Exception {
        DatabaseUrl fresh = TestDatabases.freshPostgres();
        String password = fresh.password() == null ? SECRET : fresh.password();
        String hostAndDatabase = fresh.jdbcUrl().substring("jdbc:postgresql://".length());
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql+asyncpg://" + fresh.user() + ":" + encode(password) + "@" + hostAndDatabase);
        try (Database database = Database.open(url);
                Connection connection = database.dataSource().getConnection()) {
            assertThat(database.dialect()).isEqualTo(Dialect.POSTGRES);
            assertThat(connection.getMetaData().getURL()).doesNotContain(password);
            assertThat(connection.getMetaData().getUserName()).isEqualTo(fresh.user());
        }
    }

    @Test
    void a_password_query_parameter_is_not_passed_to_the_driver_url() throws Exception {
        DatabaseUrl fresh = TestDatabases.freshPostgres();
        String password = fresh.password() == null ? SECRET : fresh.password();
        String separator = fresh.jdbcUrl().contains("?") ? "&" : "?";
        DatabaseUrl url = DatabaseUrl.parse(
                fresh.jdbcUrl() + separator + "user=" + fresh.user() + "&password=" + encode(password));
        try (Database database = Database.open(url);
                Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.getMetaData().getURL()).doesNotContain(password);
        }
    }

    @Test
    void an_unreachable_server_fails_with_a_message_that_hides_the_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://idun:" + SECRET + "@127.0.0.1:1/idun?connectTimeout=2");
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Cannot connect to jdbc:postgresql://127.0.0.1:1/idun")
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void refuses_a_database_that_has_tables_but_no_migration_history() throws Exception {
        DatabaseUrl url = TestDatabases.freshPostgres();
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE idun_agent (id TEXT)");
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("Database migration failed on " + url.redacted())
                .hasMessageContaining("no schema history table");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Connection connect(DatabaseUrl url) throws Exception {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return DriverManager.getConnection(url.connectionUrl(), properties);
    }
}
