package dev.idun.config.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.config.Casing;
import dev.idun.config.FieldError;
import dev.idun.config.FieldReader;
import dev.idun.config.JsonWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One messaging integration: the provider, whether it is on, and the provider's own settings. */
public record IntegrationConfig(IntegrationProvider provider, boolean enabled, ProviderConfig config) {
    public IntegrationConfig {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
    }

    public IntegrationConfig withEnabled(boolean value) {
        return new IntegrationConfig(provider, value, config);
    }

    /** Reads an integration at {@code path}; returns null and records errors when it does not validate. */
    public static IntegrationConfig read(JsonNode node, String path, List<FieldError> errors) {
        return read(node, path, Casing.CAMEL, errors);
    }

    /** Reads at {@code path}, naming fields in error paths with {@code pathCasing} (the casing of the source). */
    public static IntegrationConfig read(JsonNode node, String path, Casing pathCasing, List<FieldError> errors) {
        int before = errors.size();
        FieldReader r = FieldReader.of(node, path, pathCasing, errors);
        String providerText = r.requiredString("provider");
        boolean enabled = r.optionalBoolean("enabled", true);
        IntegrationProvider provider = null;
        if (providerText != null) {
            provider = IntegrationProvider.parse(providerText).orElse(null);
            if (provider == null) {
                r.error("provider", "Input should be one of " + Arrays.toString(IntegrationProvider.values()), "enum");
            }
        }
        ProviderConfig config = null;
        if (provider != null) {
            FieldReader c = r.child("config");
            config = switch (provider) {
                case WHATSAPP -> WhatsAppConfig.read(c);
                case SLACK -> SlackConfig.read(c);
                case DISCORD -> DiscordConfig.read(c);
                case GOOGLE_CHAT -> GoogleChatConfig.read(c);
                case TEAMS -> TeamsConfig.read(c);
                case TELEGRAM -> TelegramConfig.read(c);
            };
        }
        return errors.size() == before ? new IntegrationConfig(provider, enabled, config) : null;
    }

    /** Secret paths of an integration object of {@code provider} (for {@link dev.idun.config.Secrets}). */
    public static List<String> secretPaths(IntegrationProvider provider) {
        return provider.secretFields().stream().map(field -> "config." + field).toList();
    }

    /** Every provider's secret paths: for incoming objects whose provider is not known yet. */
    public static List<String> allSecretPaths() {
        return Arrays.stream(IntegrationProvider.values())
                .flatMap(p -> secretPaths(p).stream())
                .distinct()
                .toList();
    }

    /** The API form: camelCase, secrets masked. */
    public ObjectNode toMaskedJson() {
        ObjectNode node = toJson(Casing.CAMEL);
        dev.idun.config.Secrets.maskPaths(node, secretPaths(provider));
        return node;
    }

    public ObjectNode toJson(Casing casing) {
        return new JsonWriter(casing)
                .put("provider", provider.name())
                .put("enabled", enabled)
                .put("config", config.toJson(casing))
                .build();
    }
}
