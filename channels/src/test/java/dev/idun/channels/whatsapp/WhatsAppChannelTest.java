package dev.idun.channels.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.channels.Inbound;
import dev.idun.channels.InboundMessage;
import dev.idun.channels.WebhookRequest;
import dev.idun.channels.http.HmacSha256;
import dev.idun.channels.http.JsonHttp;
import dev.idun.config.integration.WhatsAppConfig;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatsAppChannelTest {
    private final WhatsAppChannel channel =
            new WhatsAppChannel("http://127.0.0.1:9", new JsonHttp(HttpClient.newHttpClient()));
    private final WhatsAppConfig signed = new WhatsAppConfig("token", "111", "verify", "v21.0", "secret");
    private final WhatsAppConfig unsigned = new WhatsAppConfig("token", "111", "verify", "v21.0", null);

    static String payload(String phoneId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
                "messages":[{"from":"155","id":"wamid.1","timestamp":"1","type":"text","text":{"body":"hi"}}]}}]}]}""".formatted(phoneId);
    }

    static WebhookRequest request(String body, String signature) {
        Map<String, String> headers = new HashMap<>();
        if (signature != null) {
            headers.put("x-hub-signature-256", signature);
        }
        return new WebhookRequest("http://x/", headers, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static String sign(String secret, String body) {
        return "sha256=" + HmacSha256.hex(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void accepts_a_correctly_signed_payload_and_reads_its_text_message() {
        String body = payload("111");

        Inbound inbound = channel.receive(request(body, sign("secret", body)), signed);

        assertThat(inbound).isInstanceOf(Inbound.Accepted.class);
        InboundMessage message = ((Inbound.Accepted) inbound).messages().get(0);
        assertThat(message.dedupeKey()).isEqualTo("wamid.1");
        assertThat(message.conversationKey()).isEqualTo("155");
        assertThat(message.text()).isEqualTo("hi");
        assertThat(message.kind()).isEqualTo(InboundMessage.Kind.AGENT);
    }

    @Test
    void rejects_a_missing_wrong_or_tampered_signature() {
        String body = payload("111");

        assertThat(channel.receive(request(body, null), signed)).isInstanceOf(Inbound.Rejected.class);
        assertThat(channel.receive(request(body, sign("other", body)), signed)).isInstanceOf(Inbound.Rejected.class);
        assertThat(channel.receive(request(body + " ", sign("secret", body)), signed))
                .isInstanceOf(Inbound.Rejected.class);
    }

    @Test
    void accepts_a_signature_in_upper_case_hex() {
        String body = payload("111");

        assertThat(channel.receive(
                        request(body, sign("secret", body).toUpperCase().replace("SHA256", "sha256")), signed))
                .isInstanceOf(Inbound.Accepted.class);
    }

    @Test
    void without_an_app_secret_accepts_unsigned_payloads() {
        assertThat(channel.receive(request(payload("111"), null), unsigned)).isInstanceOf(Inbound.Accepted.class);
    }

    @Test
    void refuses_a_payload_addressed_to_another_phone_number() {
        Inbound inbound = channel.receive(request(payload("222"), null), unsigned);

        assertThat(inbound).isEqualTo(Inbound.rejected(403, "Payload for another phone number"));
    }
}
