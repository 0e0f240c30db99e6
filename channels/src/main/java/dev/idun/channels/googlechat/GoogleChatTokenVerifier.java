package dev.idun.channels.googlechat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.channels.jwt.JwtChecks;
import dev.idun.channels.jwt.RemoteKeySet;
import dev.idun.channels.jwt.SigningKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies the bearer token Google Chat sends with every event. Two forms are accepted:
 *
 * <ul>
 *   <li>Chat apps: issued and signed by {@code chat@system.gserviceaccount.com} (keys: the Chat JWKS) with the
 *       Cloud project number as audience;
 *   <li>Workspace add-ons: a Google ID token (issuer {@code https://accounts.google.com}, keys: Google's OAuth JWKS)
 *       whose audience is the endpoint URL and whose {@code email} is {@code chat@system.gserviceaccount.com}.
 * </ul>
 *
 * Signature (RS256), expiry (30 s skew), issuer and audience are all checked. Thread-safe; one instance serves every
 * Google Chat integration (the keys are Google's, not the integration's).
 */
public final class GoogleChatTokenVerifier {
    public static final String CHAT_ISSUER = "chat@system.gserviceaccount.com";
    public static final String DEFAULT_CHAT_JWKS_URL =
            "https://www.googleapis.com/service_accounts/v1/jwk/" + CHAT_ISSUER;
    public static final String DEFAULT_ID_TOKEN_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs";
    private static final Set<String> GOOGLE_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256);
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final RemoteKeySet chatKeys;
    private final RemoteKeySet idTokenKeys;
    private final Clock clock;

    public GoogleChatTokenVerifier(RemoteKeySet chatKeys, RemoteKeySet idTokenKeys, Clock clock) {
        this.chatKeys = Objects.requireNonNull(chatKeys, "chatKeys");
        this.idTokenKeys = Objects.requireNonNull(idTokenKeys, "idTokenKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * True when {@code authorization} is {@code Bearer <token>} of one of the two accepted forms, for the
     * integration with {@code projectNumber} reached at {@code endpointUrl}.
     */
    public boolean verify(String authorization, String projectNumber, String endpointUrl) {
        Optional<SignedJWT> parsed = JwtChecks.parseBearer(authorization);
        if (parsed.isEmpty()) {
            return false;
        }
        SignedJWT jwt = parsed.get();
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return false;
        }
        String issuer = claims.getIssuer();
        List<String> audience = claims.getAudience();
        boolean chatForm = CHAT_ISSUER.equals(issuer) && projectNumber != null && audience.contains(projectNumber);
        boolean addOnForm = issuer != null
                && GOOGLE_ISSUERS.contains(issuer)
                && endpointUrl != null
                && audience.contains(endpointUrl)
                && CHAT_ISSUER.equals(JwtChecks.stringClaim(claims, "email"))
                && !Boolean.FALSE.equals(claims.getClaim("email_verified"));
        if (!chatForm && !addOnForm) {
            return false;
        }
        RemoteKeySet keys = chatForm ? chatKeys : idTokenKeys;
        Optional<SigningKey> key = keys.find(jwt.getHeader().getKeyID());
        return key.isPresent()
                && JwtChecks.signatureValid(jwt, key.get().key(), ALGORITHMS)
                && JwtChecks.currentlyValid(claims, clock.instant(), SKEW);
    }
}
