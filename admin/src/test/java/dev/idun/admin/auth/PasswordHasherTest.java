package dev.idun.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifies_the_right_password_and_refuses_a_wrong_one() {
        String hash = hasher.hash("hunter2-long");

        assertThat(hash).startsWith("$2b$12$").hasSize(60);
        assertThat(hasher.verify("hunter2-long", hash)).isTrue();
        assertThat(hasher.verify("hunter3-long", hash)).isFalse();
    }

    @Test
    void refuses_to_hash_an_empty_password() {
        assertThatThrownBy(() -> hasher.hash("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void answers_false_for_a_malformed_hash_or_empty_input() {
        assertThat(hasher.verify("password", "not-a-hash")).isFalse();
        assertThat(hasher.verify("password", "$2b$12$short")).isFalse();
        assertThat(hasher.verify("password", "")).isFalse();
        assertThat(hasher.verify("", "$2b$12$5MJImZgr8QHMux9.Z7y1vO/t1mJDsOlWJx9ojf/If.kV/CEEWltqS"))
                .isFalse();
        assertThat(hasher.verify(null, null)).isFalse();
    }
}
