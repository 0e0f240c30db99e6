package dev.idun.channels.telegram;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.ChannelProviderContract;
import dev.idun.channels.WebhookRequest;
import dev.idun.config.integration.TelegramConfig;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class TelegramChannelContractTest extends ChannelProviderContract<TelegramConfig> {
    private static final String BODY = """
            {"update_id": 5, "message": {"message_id": 1, "from": {"id": 2, "is_bot": false},
             "chat": {"id": 3, "type": "private"}, "text": "hello"}}""";

    @Override
    protected ChannelProvider<TelegramConfig> provider(String baseUrl) {
        return new TelegramChannel(baseUrl, HttpClient.newHttpClient());
    }

    @Override
    protected TelegramConfig config() {
        return new TelegramConfig("123:abc", "s3cret");
    }

    private static WebhookRequest withSecret(String secret) {
        return new WebhookRequest(
                "http://x/",
                Map.of("X-Telegram-Bot-Api-Secret-Token", secret),
                Map.of(),
                BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected WebhookRequest genuineRequest() {
        return withSecret("s3cret");
    }

    @Override
    protected WebhookRequest forgedRequest() {
        return withSecret("guess");
    }

    @Override
    protected String sentBody() {
        return "{\"ok\":true,\"result\":{\"message_id\":9}}";
    }

    @Override
    protected String checkBody() {
        return "{\"ok\":true,\"result\":{\"username\":\"idun_bot\",\"first_name\":\"Idun\"}}";
    }
}
