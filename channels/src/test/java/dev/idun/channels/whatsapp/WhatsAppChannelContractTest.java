package dev.idun.channels.whatsapp;

import dev.idun.channels.ChannelProvider;
import dev.idun.channels.ChannelProviderContract;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.JsonHttp;
import dev.idun.config.integration.WhatsAppConfig;
import java.net.http.HttpClient;

class WhatsAppChannelContractTest extends ChannelProviderContract<WhatsAppConfig> {
    @Override
    protected ChannelProvider<WhatsAppConfig> provider(String baseUrl) {
        return new WhatsAppChannel(baseUrl, new JsonHttp(HttpClient.newHttpClient()));
    }

    @Override
    protected WhatsAppConfig config() {
        return new WhatsAppConfig("token", "111", "verify", "v21.0", "secret");
    }

    @Override
    protected WebhookRequest genuineRequest() {
        String body = WhatsAppChannelTest.payload("111");
        return WhatsAppChannelTest.request(body, WhatsAppChannelTest.sign("secret", body));
    }

    @Override
    protected WebhookRequest forgedRequest() {
        String body = WhatsAppChannelTest.payload("111");
        return WhatsAppChannelTest.request(body, WhatsAppChannelTest.sign("forged", body));
    }

    @Override
    protected String sentBody() {
        return "{\"messages\":[{\"id\":\"wamid.OUT\"}]}";
    }

    @Override
    protected String checkBody() {
        return "{\"display_phone_number\":\"+1 555\",\"verified_name\":\"Acme\"}";
    }
}
