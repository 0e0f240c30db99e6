package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** WhatsApp Cloud API credentials; {@code appSecret} enables webhook signature checks. */
public record WhatsAppConfig(
        String accessToken, String phoneNumberId, String verifyToken, String apiVersion, String appSecret)
        implements ProviderConfig {
    public static final String DEFAULT_API_VERSION = "v21.0";

    static WhatsAppConfig read(FieldReader r) {
        return new WhatsAppConfig(
                r.requiredString("accessToken"),
                r.requiredString("phoneNumberId"),
                r.requiredString("verifyToken"),
                r.optionalString("apiVersion", DEFAULT_API_VERSION),
                r.optionalString("appSecret", null));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("accessToken", accessToken)
                .put("phoneNumberId", phoneNumberId)
                .put("verifyToken", verifyToken)
                .put("apiVersion", apiVersion)
                .put("appSecret", appSecret)
                .build();
    }
}
