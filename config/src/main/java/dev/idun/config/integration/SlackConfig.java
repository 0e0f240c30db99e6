package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** Slack Events API credentials. */
public record SlackConfig(String botToken, String signingSecret) implements ProviderConfig {
    static SlackConfig read(FieldReader r) {
        return new SlackConfig(r.requiredString("botToken"), r.requiredString("signingSecret"));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("botToken", botToken)
                .put("signingSecret", signingSecret)
                .build();
    }
}
