package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** Discord interactions endpoint credentials; {@code publicKey} is the application's Ed25519 key in hex. */
public record DiscordConfig(String botToken, String applicationId, String publicKey, String guildId)
        implements ProviderConfig {
    static DiscordConfig read(FieldReader r) {
        return new DiscordConfig(
                r.requiredString("botToken"),
                r.requiredString("applicationId"),
                r.requiredString("publicKey"),
                r.optionalString("guildId", null));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("botToken", botToken)
                .put("applicationId", applicationId)
                .put("publicKey", publicKey)
                .put("guildId", guildId)
                .build();
    }
}
