package dev.idun.channels.slack;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.ChannelProviderContract;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.HmacSha256;
import dev.idun.channels.http.JsonHttp;
import dev.idun.config.integration.SlackConfig;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

class SlackChannelContractTest extends ChannelProviderContract<SlackConfig> {
    private static final long NOW = 1_733_300_000L;
    private static final String BODY = """
            {"type": "event_callback", "event_id": "Ev1", "api_app_id": "A1", "event": {"type": "message",
             "user": "U1", "channel": "C1", "ts": "10.5", "text": "hello"}}""";

    @Override
    protected ChannelProvider<SlackConfig> provider(String baseUrl) {
        return new SlackChannel(
                baseUrl,
                new JsonHttp(HttpClient.newHttpClient()),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    @Override
    protected SlackConfig config() {
        return new SlackConfig("xoxb-1", "signing");
    }

    private static WebhookRequest signed(String secret) {
        String signature = "v0=" + HmacSha256.hex(secret, ("v0:" + NOW + ":" + BODY).getBytes(StandardCharsets.UTF_8));
        return new WebhookRequest(
                "http://x/",
                Map.of("X-Slack-Request-Timestamp", Long.toString(NOW), "X-Slack-Signature", signature),
                Map.of(),
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected WebhookRequest genuineRequest() {
        return signed("signing");
    }

    @Override
    protected WebhookRequest forgedRequest() {
        return signed("forged");
    }

    @Override
    protected String sentBody() {
        return "{\"ok\":true,\"ts\":\"11.1\"}";
    }

    @Override
    protected String checkBody() {
        return "{\"ok\":true,\"team\":\"Acme\",\"user\":\"bot\"}";
    }
}
