package dev.idun.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionSignerTest {
    private static final String SECRET = "s".repeat(32);
    private final SessionSigner signer = new SessionSigner(SECRET);

    @Test
    void returns_the_session_id_of_a_cookie_it_signed() {
        String id = signer.newSessionId();
        String cookie = signer.sign(id);

        assertThat(cookie).startsWith(id + ".");
        assertThat(signer.verify(cookie)).contains(id);
        assertThat(new SessionSigner(SECRET).verify(cookie)).contains(id);
    }

    @Test
    void refuses_a_cookie_signed_with_another_secret() {
        String cookie = new SessionSigner("t".repeat(32)).sign(signer.newSessionId());

        assertThat(signer.verify(cookie)).isEmpty();
    }

    @Test
    void refuses_a_tampered_signature_or_session_id() {
        String id = signer.newSessionId();
        String cookie = signer.sign(id);
        String otherId = signer.newSessionId();

        assertThat(signer.verify(cookie.substring(0, cookie.length() - 3) + "abc"))
                .isEmpty();
        assertThat(signer.verify(otherId + cookie.substring(id.length()))).isEmpty();
        assertThat(signer.verify(cookie + "A")).isEmpty();
        assertThat(signer.verify(cookie + "=")).isEmpty();
    }

    @Test
    void answers_empty_for_garbage_without_throwing() {
        for (String garbage :
                new String[] {null, "", ".", "abc", "abc.def", "a.b.c", "%%%.%%%", "x".repeat(43) + "."}) {
            assertThat(signer.verify(garbage)).as(String.valueOf(garbage)).isEmpty();
        }
    }

    @Test
    void makes_unique_url_safe_session_ids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(signer.newSessionId());
        }
        assertThat(ids).hasSize(20).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void refuses_an_empty_secret_and_signs_only_session_ids() {
        assertThatThrownBy(() -> new SessionSigner("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign("not an id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abbreviates_session_ids_for_logs() {
        assertThat(SessionSigner.abbreviate("abcdefghijklmnop")).isEqualTo("abcdefgh...");
    }
}
