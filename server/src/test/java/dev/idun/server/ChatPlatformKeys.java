package dev.idun.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;

/** An RSA signing key made by a test, its JWKS document (with Bot Framework endorsements) and a token signer. */
final class ChatPlatformKeys {
    final RSAKey key;
    private final List<String> endorsements;

    ChatPlatformKeys(String keyId, List<String> endorsements) {
        this.key = newKey(keyId);
        this.endorsements = List.copyOf(endorsements);
    }

    static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwks() {
        var jwk = (com.fasterxml.jackson.databind.node.ObjectNode)
                dev.idun.config.Json.parse(key.toPublicJWK().toJSONString());
        if (!endorsements.isEmpty()) {
            endorsements.forEach(jwk.withArray("endorsements")::add);
        }
        var root = dev.idun.config.Json.object();
        root.putArray("keys").add(jwk);
        return dev.idun.config.Json.write(root);
    }

    String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
