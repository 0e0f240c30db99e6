package dev.idun.channels.googlechat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Json;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Service account key files made by a test (a fresh RSA key, PEM-encoded as Google writes it). */
final class ServiceAccounts {
    private ServiceAccounts() {}

    static KeyPair newKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String keyFile(KeyPair pair, String tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode root = Json.object()
                .put("type", "service_account")
                .put("project_id", "demo")
                .put("private_key_id", "kid-1")
                .put("private_key", pem)
                .put("client_email", "bot@demo.iam.gserviceaccount.com");
        if (tokenUri != null) {
            root.put("token_uri", tokenUri);
        }
        return Json.write(root);
    }
}
