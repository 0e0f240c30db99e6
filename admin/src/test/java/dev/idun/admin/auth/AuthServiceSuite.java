package dev.idun.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idun.admin.db.AdminUserStore;
import dev.idun.admin.db.Database;
import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.SessionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeding, login, logout, session validation and password change against one kind of database. */
abstract class AuthServiceSuite {
    private static final String SECRET = "k".repeat(40);
    private static final String PASSWORD = "hunter2-long";
    private static String hash;

    @TempDir
    Path dir;

    private Database database;
    private MutableClock clock;
    private AuthService auth;

    abstract DatabaseUrl freshDatabase(Path dir);

    @BeforeAll
    static void hashOnce() {
        hash = new PasswordHasher().hash(PASSWORD);
    }

    @BeforeEach
    void open() {
        database = Database.open(freshDatabase(dir));
        clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
        auth = service(SECRET);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AuthService service(String secret) {
        return new AuthService(
                database.jdbi(),
                new AdminUserStore(),
                new SessionStore(),
                new PasswordHasher(),
                new SessionSigner(secret),
                clock,
                Duration.ofHours(24));
    }

    private long count(String table) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    @Test
    void seeds_the_admin_once_and_then_ignores_the_hash() {
        auth.seedAdmin(hash);
        auth.seedAdmin(new PasswordHasher().hash("another-password"));

        assertThat(count("idun_admin_user")).isEqualTo(1);
        assertThat(database.jdbi().withHandle(new AdminUserStore()::find))
                .map(row -> row.passwordHash())
                .contains(hash);
    }

    @Test
    void refuses_to_start_without_an_admin_or_a_hash() {
        assertThatThrownBy(() -> auth.seedAdmin(""))
                .isInstanceOf(AdminSeedException.class)
                .hasMessageContaining("IDUN_ADMIN_PASSWORD_HASH")
                .hasMessageContaining("idun hash-password");
        assertThatThrownBy(() -> auth.seedAdmin("plain-text-password"))
                .isInstanceOf(AdminSeedException.class)
                .hasMessageContaining("not a bcrypt hash");
        assertThat(count("idun_admin_user")).isZero();
    }

    @Test
    void logs_in_with_the_right_password_and_stores_one_session() {
        auth.seedAdmin(hash);

        String cookie = auth.login(PASSWORD);

        assertThat(count("idun_session")).isEqualTo(1);
        assertThat(auth.validate(cookie)).isPresent();
        assertThat(cookie)
                .isEqualTo(new SessionSigner(SECRET).sign(auth.validate(cookie).orElseThrow()));
    }

    @Test
    void refuses_a_wrong_password_and_a_missing_admin() {
        assertThatThrownBy(() -> auth.login(PASSWORD)).isInstanceOf(AdminNotSeededException.class);
        auth.seedAdmin(hash);
        assertThatThrownBy(() -> auth.login("wrong-password")).isInstanceOf(InvalidCredentialsException.class);
        assertThat(count("idun_session")).isZero();
    }

    @Test
    void logout_drops_the_session_and_ignores_garbage() {
        auth.seedAdmin(hash);
        String cookie = auth.login(PASSWORD);

        auth.logout(null);
        auth.logout("garbage");
        assertThat(count("idun_session")).isEqualTo(1);

        auth.logout(cookie);
        assertThat(count("idun_session")).isZero();
        assertThat(auth.validate(cookie)).isEmpty();
    }

    @Test
    void rejects_no_cookie_and_a_cookie_signed_with_another_secret() {
        auth.seedAdmin(hash);
        String cookie = auth.login(PASSWORD);

        assertThat(auth.validate(null)).isEmpty();
        assertThat(service("z".repeat(40)).validate(cookie)).isEmpty();
    }

    @Test
    void rejects_an_expired_session_and_deletes_its_row() {
        auth.seedAdmin(hash);
        String cookie = auth.login(PASSWORD);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(auth.validate(cookie)).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.validate(cookie)).isEmpty();
        assertThat(count("idun_session")).isZero();
    }

    @Test
    void login_sweeps_expired_sessions() {
        auth.seedAdmin(hash);
        auth.login(PASSWORD);
        clock.advance(Duration.ofHours(25));

        auth.login(PASSWORD);

        assertThat(count("idun_session")).isEqualTo(1);
    }

    @Test
    void changes_the_password_and_ends_every_other_session() {
        auth.seedAdmin(hash);
        String mine = auth.login(PASSWORD);
        String other = auth.login(PASSWORD);
        String myId = auth.validate(mine).orElseThrow();

        auth.changePassword(myId, PASSWORD, "a-new-password");

        assertThat(auth.validate(mine)).contains(myId);
        assertThat(auth.validate(other)).isEmpty();
        assertThatThrownBy(() -> auth.login(PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
        assertThat(auth.validate(auth.login("a-new-password"))).isPresent();
        assertThat(database.jdbi().withHandle(new AdminUserStore()::find))
                .map(row -> row.passwordRotatedAt())
                .contains(clock.instant());
    }

    @Test
    void refuses_a_password_change_with_a_wrong_current_password_or_no_admin() {
        assertThatThrownBy(() -> auth.changePassword(null, PASSWORD, "a-new-password"))
                .isInstanceOf(AdminNotSeededException.class);
        auth.seedAdmin(hash);
        String cookie = auth.login(PASSWORD);

        assertThatThrownBy(() -> auth.changePassword(null, "wrong-password", "a-new-password"))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> auth.changePassword(null, PASSWORD, "short"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(auth.validate(cookie)).isPresent();
    }

    @Test
    void counts_password_length_in_characters_not_bytes() {
        assertThat(AuthService.acceptablePassword("\uD83D\uDD11".repeat(7))).isFalse();
        assertThat(AuthService.acceptablePassword("\uD83D\uDD11".repeat(8))).isTrue();
        assertThat(AuthService.acceptablePassword(null)).isFalse();
    }
}
