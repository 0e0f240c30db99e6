package dev.idun.engine.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An OIDC issuer on loopback: a discovery document, a JWKS that can rotate, and a token signer. */
public final class FakeIssuer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<List<RSAKey>> published = new AtomicReference<>();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private RSAKey signingKey;

    public FakeIssuer() throws IOException, JOSEException {
        signingKey = newKey("key-1");
        published.set(List.of(signingKey));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/.well-known/openid-configuration",
                exchange ->
                        respond(exchange, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\"}"));
        server.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            respond(
                    exchange,
                    new JWKSet(published.get().stream()
                                    .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                                    .toList())
                            .toString());
        });
        server.start();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static RSAKey newKey(String id) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(id).generate();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int jwksFetches() {
        return jwksFetches.get();
    }

    /** Publishes a new key and signs with it from now on. */
    public void rotate(String keyId) throws JOSEException {
        signingKey = newKey(keyId);
        published.set(List.of(signingKey));
    }

    public String token(String audience, String email, Instant expiry) throws JOSEException {
        return token(issuer(), audience, email, expiry, signingKey);
    }

    public String token(String issuer, String audience, String email, Instant expiry, RSAKey key) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("user-" + email)
                .audience(audience)
                .expirationTime(Date.from(expiry))
                .issueTime(new Date())
                .claim("email", email)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
