package dev.idun.channels.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/** The checks every provider token goes through: parsing, algorithm, signature against a published key, lifetime. */
public final class JwtChecks {
    private JwtChecks() {}

    /** The parsed token of an {@code Authorization: Bearer ...} header value, if it has that form. */
    public static Optional<SignedJWT> parseBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(authorization.substring(7).trim());
            jwt.getJWTClaimsSet();
            return Optional.of(jwt);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** True when the token uses one of {@code algorithms} and its signature verifies with {@code key}. */
    public static boolean signatureValid(SignedJWT jwt, JWK key, Set<JWSAlgorithm> algorithms) {
        if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            JWSVerifier verifier;
            if (key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                return false;
            }
            return jwt.verify(verifier);
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /** True when the token has an expiry that has not passed and no not-before in the future, within {@code skew}. */
    public static boolean currentlyValid(JWTClaimsSet claims, Instant now, Duration skew) {
        Date expiry = claims.getExpirationTime();
        if (expiry == null || now.minus(skew).isAfter(expiry.toInstant())) {
            return false;
        }
        Date notBefore = claims.getNotBeforeTime();
        return notBefore == null || !now.plus(skew).isBefore(notBefore.toInstant());
    }

    /** The string claim {@code name}, or null when absent or not a string. */
    public static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }
}
