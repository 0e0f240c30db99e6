package dev.idun.config.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;

/** Microsoft Teams (Bot Framework, single tenant) credentials. */
public record TeamsConfig(String appId, String appPassword, String appTenantId) implements ProviderConfig {
    static TeamsConfig read(FieldReader r) {
        return new TeamsConfig(
                r.requiredString("appId"), r.requiredString("appPassword"), r.requiredString("appTenantId"));
    }

    @Override
    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("appId", appId)
                .put("appPassword", appPassword)
                .put("appTenantId", appTenantId)
                .build();
    }
}
