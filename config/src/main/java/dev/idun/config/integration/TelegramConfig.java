package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** Telegram bot credentials; {@code secretToken} is checked against the webhook's secret header when set. */
public record TelegramConfig(String botToken, String secretToken) implements ProviderConfig {
    static TelegramConfig read(FieldReader r) {
        return new TelegramConfig(r.requiredString("botToken"), r.optionalString("secretToken", null));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("botToken", botToken)
                .put("secretToken", secretToken)
                .build();
    }
}
