package dev.idun.channels.googlechat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.channels.oauth.AccessToken;
import dev.idun.channels.oauth.AccessTokenCache;
import dev.idun.channels.oauth.TokenEndpoint;
import dev.idun.channels.oauth.TokenRequestException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Access tokens of a service account for the Chat API, by the JWT bearer grant (RFC 7523): an RS256 assertion signed
 * with the account's private key is exchanged at the token URL (the override when set, else the key file's
 * {@code token_uri}). Tokens are cached until a minute before they expire. Thread-safe.
 */
public final class GoogleAccessTokens {
    public static final String CHAT_BOT_SCOPE = "https://www.googleapis.com/auth/chat.bot";
    private static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final long ASSERTION_LIFETIME_SECONDS = 3600;

    private final GoogleServiceAccount account;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final AccessTokenCache cache;

    /** {@code tokenUrlOverride} (may be null or blank) wins over the account's {@code token_uri}. */
    public GoogleAccessTokens(GoogleServiceAccount account, String tokenUrlOverride, HttpClient http, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        String url = tokenUrlOverride == null || tokenUrlOverride.isBlank() ? account.tokenUri() : tokenUrlOverride;
        this.endpoint = new TokenEndpoint(URI.create(url), http, clock);
        this.cache = new AccessTokenCache(this::fetch, clock);
    }

    /** A token valid for at least another minute. */
    public String token() throws TokenRequestException {
        return cache.token();
    }

    /** Forgets the cached token (after the API refused it). */
    public void invalidate() {
        cache.invalidate();
    }

    private AccessToken fetch() throws TokenRequestException {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", JWT_BEARER_GRANT);
        grant.put("assertion", assertion());
        return endpoint.request(grant);
    }

    private String assertion() throws TokenRequestException {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(account.clientEmail())
                .audience(endpoint.url().toString())
                .claim("scope", CHAT_BOT_SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ASSERTION_LIFETIME_SECONDS)))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (account.privateKeyId() != null) {
            header.keyID(account.privateKeyId());
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(new RSASSASigner(account.privateKey()));
        } catch (JOSEException e) {
            throw new TokenRequestException("cannot sign the service account assertion", e);
        }
        return jwt.serialize();
    }
}
