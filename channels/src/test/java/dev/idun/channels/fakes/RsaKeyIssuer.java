package dev.idun.channels.fakes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idun.config.Json;
import java.util.List;

/** RSA signing keys made by a test, published as a JWKS document (optionally with Bot Framework endorsements). */
public final class RsaKeyIssuer {
    private final RSAKey key;
    private final List<String> endorsements;

    public RsaKeyIssuer(String keyId, List<String> endorsements) throws JOSEException {
        this.key = newKey(keyId);
        this.endorsements = List.copyOf(endorsements);
    }

    public static RSAKey newKey(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).generate();
    }

    public RSAKey key() {
        return key;
    }

    /** The JWKS document publishing the public key. */
    public String jwks() {
        ObjectNode jwk = (ObjectNode) Json.parse(key.toPublicJWK().toJSONString());
        if (!endorsements.isEmpty()) {
            ArrayNode array = jwk.putArray("endorsements");
            endorsements.forEach(array::add);
        }
        ObjectNode root = Json.object();
        root.putArray("keys").add(jwk);
        return Json.write(root);
    }

    /** {@code claims} signed RS256 with this issuer's key. */
    public String sign(JWTClaimsSet claims) throws JOSEException {
        return sign(claims, key);
    }

    /** {@code claims} signed RS256 with {@code signingKey}, under {@code signingKey}'s key id. */
    public static String sign(JWTClaimsSet claims, RSAKey signingKey) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }
}
