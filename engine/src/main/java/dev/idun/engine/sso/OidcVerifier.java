package dev.idun.engine.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.config.Json;
import dev.idun.config.sso.SsoConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies OIDC bearer tokens for the chat routes: signature (RS256/ES256) against the issuer's JWKS found through
 * its discovery document (cached for an hour, refetched when a token names an unknown key, at most every 30 s),
 * issuer, audience ({@code audience}, else {@code clientId}), expiry, and the allowed e-mails or domains.
 * Thread-safe.
 */
public final class OidcVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(OidcVerifier.class);
    private static final Duration KEYS_TTL = Duration.ofHours(1);
    private static final Duration REFETCH_GAP = Duration.ofSeconds(30);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final SsoConfig config;
    private final HttpClient http;
    private final Clock clock;
    private JWKSet keys;
    private Instant keysFetchedAt = Instant.EPOCH;

    public OidcVerifier(SsoConfig config, HttpClient http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    /** The user of a valid {@code Authorization} header value; throws {@link SsoRejection} otherwise. */
    public SsoUser verify(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new SsoRejection(401, "Missing bearer token.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorizationHeader.substring(7).trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new SsoRejection(401, "Invalid token.");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm()) || !signatureValid(jwt)) {
            throw new SsoRejection(401, "Invalid token signature.");
        }
        checkClaims(claims);
        String email = claimString(claims, "email");
        checkAllowed(email);
        return new SsoUser(claims.getSubject(), email);
    }

    private boolean signatureValid(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        JWK key = findKey(header.getKeyID(), false);
        if (key == null) {
            key = findKey(header.getKeyID(), true);
        }
        if (key == null) {
            return false;
        }
        try {
            JWSVerifier verifier = key instanceof RSAKey rsa
                    ? new RSASSAVerifier(rsa)
                    : key instanceof ECKey ec ? new ECDSAVerifier(ec) : null;
            return verifier != null && jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private synchronized JWK findKey(String keyId, boolean refetch) {
        Instant now = clock.instant();
        boolean expired = keys == null || now.isAfter(keysFetchedAt.plus(KEYS_TTL));
        boolean allowed = now.isAfter(keysFetchedAt.plus(REFETCH_GAP));
        if ((expired || refetch) && allowed) {
            try {
                keys = fetchKeys();
                keysFetchedAt = now;
            } catch (IOException | ParseException | RuntimeException e) {
                LOG.warn("Cannot fetch the signing keys of {}: {}", config.issuer(), e.getMessage());
                keysFetchedAt = now;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (keys == null) {
            return null;
        }
        if (keyId != null) {
            return keys.getKeyByKeyId(keyId);
        }
        List<JWK> all = keys.getKeys();
        return all.size() == 1 ? all.get(0) : null;
    }

    private JWKSet fetchKeys() throws IOException, InterruptedException, ParseException {
        String issuer = config.issuer().replaceAll("/+$", "");
        String discovery = get(issuer + "/.well-known/openid-configuration");
        String jwksUri = Json.parse(discovery).path("jwks_uri").asText(null);
        if (jwksUri == null) {
            throw new IOException("the discovery document has no jwks_uri");
        }
        return JWKSet.parse(get(jwksUri));
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private void checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || now.minus(CLOCK_SKEW).isAfter(expiry.toInstant())) {
            throw new SsoRejection(401, "Token expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new SsoRejection(401, "Token not valid yet.");
        }
        String issuer = config.issuer().replaceAll("/+$", "");
        if (claims.getIssuer() == null
                || !claims.getIssuer().replaceAll("/+$", "").equals(issuer)) {
            throw new SsoRejection(401, "Token issuer is not accepted.");
        }
        String audience = config.audience() != null ? config.audience() : config.clientId();
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new SsoRejection(401, "Token audience is not accepted.");
        }
    }

    private void checkAllowed(String email) {
        List<String> emails = config.allowedEmails();
        List<String> domains = config.allowedDomains();
        boolean restricted = emails != null && !emails.isEmpty() || domains != null && !domains.isEmpty();
        if (!restricted) {
            return;
        }
        if (email == null) {
            throw new SsoRejection(403, "Token has no e-mail address; this agent is limited to listed users.");
        }
        String normalized = email.toLowerCase(Locale.ROOT);
        boolean byEmail = emails != null
                && emails.stream()
                        .anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(normalized));
        String domain = normalized.substring(normalized.indexOf('@') + 1);
        boolean byDomain = domains != null
                && domains.stream()
                        .anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(domain));
        if (!byEmail && !byDomain) {
            throw new SsoRejection(403, "User is not allowed to use this agent.");
        }
    }

    private static String claimString(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
