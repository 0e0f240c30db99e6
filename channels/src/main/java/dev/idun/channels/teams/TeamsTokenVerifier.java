package dev.idun.channels.teams;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.channels.jwt.JwtChecks;
import dev.idun.channels.jwt.RemoteKeySet;
import dev.idun.channels.jwt.SigningKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates the Bot Framework token on an incoming activity the way the Bot Framework SDKs do for the public cloud:
 * RS256/384/512 signature with a key from the OpenID metadata's {@code jwks_uri}, issuer = the metadata's issuer
 * ({@code https://api.botframework.com}), audience = the bot's app id, lifetime with five minutes of tolerance, the
 * {@code serviceurl} claim equal to the activity's {@code serviceUrl}, and, when the activity names its channel,
 * the signing key endorsed for that channel. Thread-safe; one instance serves every Teams integration.
 */
public final class TeamsTokenVerifier {
    public static final String DEFAULT_OPENID_METADATA_URL =
            "https://login.botframework.com/v1/.well-known/openidconfiguration";
    static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
    private static final Set<JWSAlgorithm> ALGORITHMS =
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final RemoteKeySet keys;
    private final Clock clock;

    public TeamsTokenVerifier(RemoteKeySet keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when {@code authorization} carries a valid token for {@code appId} and this activity. */
    public boolean verify(String authorization, String appId, TeamsActivity activity) {
        Optional<SignedJWT> parsed = JwtChecks.parseBearer(authorization);
        if (parsed.isEmpty() || appId == null || activity.serviceUrl() == null) {
            return false;
        }
        SignedJWT jwt = parsed.get();
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return false;
        }
        String issuer = keys.metadataIssuer().orElse(BOT_FRAMEWORK_ISSUER);
        if (!issuer.equals(claims.getIssuer()) || !claims.getAudience().contains(appId)) {
            return false;
        }
        String serviceUrl = JwtChecks.stringClaim(claims, "serviceurl");
        if (serviceUrl == null || !trimSlash(serviceUrl).equalsIgnoreCase(trimSlash(activity.serviceUrl()))) {
            return false;
        }
        Optional<SigningKey> key = keys.find(jwt.getHeader().getKeyID());
        if (key.isEmpty()) {
            return false;
        }
        String channel = activity.channelId();
        boolean endorsed =
                channel == null || channel.isBlank() || key.get().endorsements().contains(channel);
        return endorsed
                && JwtChecks.signatureValid(jwt, key.get().key(), ALGORITHMS)
                && JwtChecks.currentlyValid(claims, clock.instant(), SKEW);
    }

    private static String trimSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
