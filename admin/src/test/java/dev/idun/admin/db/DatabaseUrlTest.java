package dev.idun.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String SECRET = "s3cr3t-Pa55";

    @Test
    void passes_jdbc_sqlite_paths_through_as_given() {
        assertThat(DatabaseUrl.parse("jdbc:sqlite:data/idun.db"))
                .isEqualTo(new DatabaseUrl("jdbc:sqlite:data/idun.db", null, null, Dialect.SQLITE));
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/var/lib/idun/idun.db").jdbcUrl())
                .isEqualTo("jdbc:sqlite:/var/lib/idun/idun.db");
    }

    @Test
    void accepts_jdbc_sqlite_in_memory() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:sqlite::memory:");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(url.isSqliteInMemory()).isTrue();
        assertThat(url.sqliteFile()).isNull();
    }

    @Test
    void parses_sqlite_url_with_relative_path() {
        assertThat(DatabaseUrl.parse("sqlite:///relative/path.db").jdbcUrl()).isEqualTo("jdbc:sqlite:relative/path.db");
        assertThat(DatabaseUrl.parse("sqlite:///./idun.db").jdbcUrl()).isEqualTo("jdbc:sqlite:./idun.db");
        assertThat(DatabaseUrl.parse("sqlite:///./idun.db").sqliteFile()).isEqualTo("./idun.db");
    }

    @Test
    void parses_sqlite_url_with_absolute_path() {
        DatabaseUrl url = DatabaseUrl.parse("sqlite:////absolute/path.db");
        assertThat(url).isEqualTo(new DatabaseUrl("jdbc:sqlite:/absolute/path.db", null, null, Dialect.SQLITE));
        assertThat(url.sqliteFile()).isEqualTo("/absolute/path.db");
    }

    @Test
    void parses_aiosqlite_urls_like_sqlite_urls() {
        assertThat(DatabaseUrl.parse("sqlite+aiosqlite:///./idun.db").jdbcUrl()).isEqualTo("jdbc:sqlite:./idun.db");
        assertThat(DatabaseUrl.parse("sqlite+aiosqlite:////data/idun.db").jdbcUrl())
                .isEqualTo("jdbc:sqlite:/data/idun.db");
    }

    @Test
    void passes_jdbc_postgres_urls_through_without_credentials() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db.example:5433/idun?sslmode=require");
        assertThat(url)
                .isEqualTo(new DatabaseUrl(
                        "jdbc:postgresql://db.example:5433/idun?sslmode=require", null, null, Dialect.POSTGRES));
    }

    @Test
    void reads_user_and_password_from_jdbc_postgres_query_parameters() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/idun?user=idun&password=" + SECRET);
        assertThat(url.user()).isEqualTo("idun");
        assertThat(url.password()).isEqualTo(SECRET);
        assertThat(url.connectionUrl()).isEqualTo("jdbc:postgresql://localhost/idun?user=idun");
        assertThat(url.redacted()).isEqualTo("jdbc:postgresql://localhost/idun?user=idun&password=***");
    }

    @Test
    void parses_postgres_url_with_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://idun:" + SECRET + "@db.example:5432/idun");
        assertThat(url)
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://db.example:5432/idun", "idun", SECRET, Dialect.POSTGRES));
    }

    @Test
    void parses_every_postgres_scheme_alias() {
        for (String scheme : new String[] {"postgresql", "postgres", "postgresql+asyncpg", "postgresql+psycopg"}) {
            assertThat(DatabaseUrl.parse(scheme + "://u:p@h:1/d"))
                    .isEqualTo(new DatabaseUrl("jdbc:postgresql://h:1/d", "u", "p", Dialect.POSTGRES));
        }
    }

    @Test
    void keeps_sslmode_and_other_parameters() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql+asyncpg://u:p@db.internal/idun?sslmode=verify-full&application_name=idun");
        assertThat(url.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal/idun?sslmode=verify-full&application_name=idun");
    }

    @Test
    void omits_the_port_when_none_is_given() {
        assertThat(DatabaseUrl.parse("postgres://u:p@localhost/idun").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/idun");
    }

    @Test
    void accepts_postgres_urls_without_credentials_or_database() {
        assertThat(DatabaseUrl.parse("postgresql://localhost:5432/idun"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost:5432/idun", null, null, Dialect.POSTGRES));
        assertThat(DatabaseUrl.parse("postgresql://idun@localhost"))
                .isEqualTo(new DatabaseUrl("jdbc:postgresql://localhost/", "idun", null, Dialect.POSTGRES));
        assertThat(DatabaseUrl.parse("postgresql://localhost?sslmode=disable").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/?sslmode=disable");
    }

    @Test
    void accepts_ipv6_and_multiple_hosts() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@[::1]:5432/idun").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/idun");
        assertThat(DatabaseUrl.parse("postgresql://u:p@a:5432,b:5433/idun?targetServerType=primary")
                        .jdbcUrl())
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/idun?targetServerType=primary");
    }

    @Test
    void percent_decodes_user_and_password() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app%40corp:p%40ss%3Aw%2Frd%25+%C3%A9@host/db");
        assertThat(url.user()).isEqualTo("app@corp");
        assertThat(url.password()).isEqualTo("p@ss:w/rd%+é");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    }

    @Test
    void takes_the_last_at_sign_as_the_end_of_the_credentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@ss@host/db");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    }

    @Test
    void accepts_surrounding_whitespace_and_upper_case_schemes() {
        assertThat(DatabaseUrl.parse("  POSTGRESQL://u:p@h/d \n").jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
        assertThat(DatabaseUrl.parse("JDBC:SQLITE:x.db").jdbcUrl()).isEqualTo("jdbc:sqlite:x.db");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "idun.db",
                "/var/lib/idun.db",
                "mysql://u:p@host/db",
                "jdbc:mysql://host/db",
                "jdbc:sqlite:",
                "sqlite://",
                "sqlite:/",
                "sqlite://host/idun.db",
                "postgresql://",
                "postgresql:///idun",
                "postgresql://u:p@/idun",
                "postgresql://host:port/idun",
                "postgresql://host:99999/idun",
                "postgresql://host/idun#frag",
                "jdbc:postgresql://",
                "jdbc:postgresql:///idun",
                "jdbc:postgresql://host:abc/idun",
                "http://example.com"
            })
    void rejects_urls_in_no_accepted_form(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepted forms are")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("postgresql://");
    }

    @Test
    void rejects_null() {
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://root:" + SECRET + "@host/db",
                "postgresql://root:" + SECRET + "@host:notaport/db",
                "postgresql://root:" + SECRET + "@/db",
                "postgresql://root:" + SECRET + "%zz@host/db",
                "postgresql://root:" + SECRET + "%C3%28@host/db",
                "postgresql://root:" + SECRET + "/x@host/db",
                "postgresql://root:" + SECRET + "#x@host/db",
                SECRET + "://u:p@host/db"
            })
    void never_puts_the_password_in_a_rejection_message(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain(SECRET);
    }

    @Test
    void redacted_and_to_string_never_show_the_password() {
        for (String raw : new String[] {
            "postgresql://idun:" + SECRET + "@host:5432/idun?sslmode=require",
            "jdbc:postgresql://host/idun?user=idun&password=" + SECRET + "&sslmode=require",
            "jdbc:postgresql://host/idun?PASSWORD=" + SECRET
        }) {
            DatabaseUrl url = DatabaseUrl.parse(raw);
            assertThat(url.password()).isEqualTo(SECRET);
            assertThat(url.redacted()).doesNotContain(SECRET).startsWith("jdbc:postgresql://host");
            assertThat(url.toString()).doesNotContain(SECRET).contains("password=***");
            assertThat(url.connectionUrl()).doesNotContain(SECRET);
        }
        assertThat(DatabaseUrl.parse("postgresql://idun:" + SECRET + "@host/idun")
                        .redacted())
                .isEqualTo("jdbc:postgresql://host/idun");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://host/idun?password=" + SECRET + "&sslmode=require")
                        .redacted())
                .isEqualTo("jdbc:postgresql://host/idun?password=***&sslmode=require");
    }

    @Test
    void to_string_shows_a_missing_password_as_null() {
        assertThat(DatabaseUrl.parse("sqlite:///idun.db").toString())
                .isEqualTo("DatabaseUrl[jdbcUrl=jdbc:sqlite:idun.db, user=null, password=null, dialect=SQLITE]");
    }

    @Test
    void constructor_rejects_a_jdbc_url_of_the_other_dialect() {
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:sqlite:x.db", null, null, Dialect.POSTGRES))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseUrl("jdbc:postgresql://h/d", null, null, Dialect.SQLITE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseUrl(null, null, null, Dialect.SQLITE))
                .isInstanceOf(NullPointerException.class);
    }
}
