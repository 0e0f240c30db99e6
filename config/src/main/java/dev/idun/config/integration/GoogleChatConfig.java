package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** Google Chat app credentials: a service account (JSON text) and the Cloud project number. */
public record GoogleChatConfig(String serviceAccountCredentialsJson, String projectNumber, boolean localMode)
        implements ProviderConfig {
    static GoogleChatConfig read(FieldReader r) {
        return new GoogleChatConfig(
                r.requiredString("serviceAccountCredentialsJson"),
                r.requiredString("projectNumber"),
                r.optionalBoolean("localMode", false));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("serviceAccountCredentialsJson", serviceAccountCredentialsJson)
                .put("projectNumber", projectNumber)
                .put("localMode", localMode)
                .build();
    }
}
