package dev.idun.channels.jwt;

import com.nimbusds.jose.jwk.JWK;
import java.util.List;
import java.util.Objects;

/**
 * One public key of a provider's key set, with the channels it is endorsed for (Bot Framework's {@code endorsements};
 * empty when the key set does not say).
 */
public record SigningKey(JWK key, List<String> endorsements) {
    public SigningKey {
        Objects.requireNonNull(key, "key");
        endorsements = List.copyOf(endorsements);
    }
}
