package dev.idun.channels.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.idun.channels.ChannelProvider;
import dev.idun.channels.CredentialCheck;
import dev.idun.channels.Inbound;
import dev.idun.channels.ReplyTarget;
import dev.idun.channels.WebhookAnswer;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.HmacSha256;
import dev.idun.channels.http.JsonHttp;
import dev.idun.channels.http.ProviderHttpException;
import dev.idun.channels.http.Secrets;
import dev.idun.config.Json;
import dev.idun.config.integration.IntegrationProvider;
import dev.idun.config.integration.WhatsAppConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * WhatsApp over the Meta Cloud API. Inbound: the {@code GET} verification handshake (verify token), and {@code POST}
 * payloads signed with {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body under the app secret; checked when
 * the integration has an {@code appSecret}) and addressed to the integration's {@code phone_number_id}. Outbound:
 * {@code POST {base}/{apiVersion}/{phoneNumberId}/messages} with the access token, text parts of at most 4096
 * characters. Thread-safe.
 */
public final class WhatsAppChannel implements ChannelProvider<WhatsAppConfig> {
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    /** WhatsApp's limit on a text message body, in characters. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private final String baseUrl;
    private final JsonHttp http;

    public WhatsAppChannel(String baseUrl, JsonHttp http) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public IntegrationProvider provider() {
        return IntegrationProvider.WHATSAPP;
    }

    @Override
    public Class<WhatsAppConfig> configType() {
        return WhatsAppConfig.class;
    }

    @Override
    public String pathSegment() {
        return "whatsapp";
    }

    @Override
    public boolean hasHandshake() {
        return true;
    }

    @Override
    public Optional<WebhookAnswer> handshake(WebhookRequest request, WhatsAppConfig config) {
        if ("subscribe".equals(request.queryParam("hub.mode"))
                && Secrets.constantTimeEquals(config.verifyToken(), request.queryParam("hub.verify_token"))) {
            String challenge = request.queryParam("hub.challenge");
            return Optional.of(WebhookAnswer.text(200, challenge == null ? "" : challenge));
        }
        return Optional.empty();
    }

    @Override
    public Inbound receive(WebhookRequest request, WhatsAppConfig config) {
        if (config.appSecret() != null && !config.appSecret().isBlank()) {
            String signature = request.header("X-Hub-Signature-256");
            if (!HmacSha256.matches(config.appSecret(), request.body(), "sha256=", signature)) {
                return Inbound.rejected(401, "Invalid request signature");
            }
        }
        JsonNode payload;
        try {
            payload = Json.parse(request.bodyText());
        } catch (RuntimeException e) {
            return Inbound.rejected(400, "Malformed WhatsApp payload");
        }
        List<String> addressed = WhatsAppPayload.phoneNumberIds(payload);
        if (addressed.stream().anyMatch(id -> !id.equals(config.phoneNumberId()))) {
            return Inbound.rejected(403, "Payload for another phone number");
        }
        return Inbound.accepted(WebhookAnswer.ok(), WhatsAppPayload.messages(payload));
    }

    @Override
    public String deliver(WhatsAppConfig config, ReplyTarget target, int index, String text)
            throws ProviderHttpException {
        WhatsAppTarget to = (WhatsAppTarget) target;
        ObjectNode body = Json.object()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", to.to())
                .put("type", "text");
        body.putObject("text").put("preview_url", false).put("body", text);
        String answer = http.send("POST", url(config, "/messages"), "Bearer " + config.accessToken(), Json.write(body));
        return messageId(answer);
    }

    @Override
    public int partLimit() {
        return MAX_TEXT_LENGTH;
    }

    @Override
    public CredentialCheck check(WhatsAppConfig config) {
        try {
            JsonNode number = Json.parse(http.send(
                    "GET",
                    url(config, "?fields=display_phone_number,verified_name"),
                    "Bearer " + config.accessToken(),
                    null));
            return CredentialCheck.passed(
                    "Phone number " + number.path("display_phone_number").asText("?") + " ("
                            + number.path("verified_name").asText("no verified name") + ")");
        } catch (ProviderHttpException e) {
            return CredentialCheck.failed(e.getMessage());
        } catch (RuntimeException e) {
            return CredentialCheck.failed("WhatsApp answered malformed JSON");
        }
    }

    private URI url(WhatsAppConfig config, String suffix) {
        String version = config.apiVersion() == null ? WhatsAppConfig.DEFAULT_API_VERSION : config.apiVersion();
        return URI.create(baseUrl + "/" + encode(version) + "/" + encode(config.phoneNumberId()) + suffix);
    }

    private static String messageId(String answer) {
        try {
            String id = Json.parse(answer).path("messages").path(0).path("id").asText("");
            return id.isEmpty() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
