package dev.idun.config.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;
import java.util.List;

/** OIDC protection of the chat routes. */
public record SsoConfig(
        boolean enabled,
        String issuer,
        String clientId,
        String audience,
        List<String> allowedDomains,
        List<String> allowedEmails) {
    public SsoConfig {
        allowedDomains = allowedDomains == null ? null : List.copyOf(allowedDomains);
        allowedEmails = allowedEmails == null ? null : List.copyOf(allowedEmails);
    }

    public static SsoConfig read(JsonNode node, String path, List<FieldError> errors) {
        return read(node, path, Casing.CAMEL, errors);
    }

    /** Reads at {@code path}, naming fields in error paths with {@code pathCasing} (the casing of the source). */
    public static SsoConfig read(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, pathCasing, errors);
        SsoConfig config = new SsoConfig(
                r.optionalBoolean("enabled", true),
                r.requiredString("issuer"),
                r.requiredString("clientId"),
                r.optionalString("audience", null),
                r.stringList("allowedDomains", null),
                r.stringList("allowedEmails", null));
        return errors.size() == before ? config : null;
    }

    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("enabled", enabled)
                .put("issuer", issuer)
                .put("clientId", clientId)
                .put("audience", audience)
                .put("allowedDomains", allowedDomains)
                .put("allowedEmails", allowedEmails)
                .build();
    }
}
