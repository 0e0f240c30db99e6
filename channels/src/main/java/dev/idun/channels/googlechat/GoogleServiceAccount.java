package dev.idun.channels.googlechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idun.config.Json;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * A Google service account key file ({@code type: service_account}): the account's e-mail, its RSA private key,
 * the key id and the token URI. {@link #toString()} never shows the key.
 */
public record GoogleServiceAccount(String clientEmail, RSAPrivateKey privateKey, String privateKeyId, String tokenUri) {
    public static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

    /** Parses the key file's JSON text; throws {@link IllegalArgumentException} naming what is wrong (no secrets). */
    public static GoogleServiceAccount parse(String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("serviceAccountCredentialsJson is not valid JSON");
        }
        String email = root.path("client_email").asText("");
        String pem = root.path("private_key").asText("");
        if (email.isEmpty() || pem.isEmpty()) {
            throw new IllegalArgumentException("serviceAccountCredentialsJson needs client_email and private_key");
        }
        String tokenUri = root.path("token_uri").asText("");
        return new GoogleServiceAccount(
                email,
                privateKey(pem),
                root.path("private_key_id").asText(null),
                tokenUri.isEmpty() ? DEFAULT_TOKEN_URI : tokenUri);
    }

    private static RSAPrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("serviceAccountCredentialsJson private_key is not a PKCS#8 RSA key");
        }
    }

    @Override
    public String toString() {
        return "GoogleServiceAccount[clientEmail=" + clientEmail + ", tokenUri=" + tokenUri + "]";
    }
}
