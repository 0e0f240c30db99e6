package dev.idun.channels.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.fakes.MutableClock;
import dev.idun.channels.fakes.RsaKeyIssuer;
import dev.idun.channels.jwt.RemoteKeySet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsTokenVerifierTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String APP_ID = "app-123";
    private static final String SERVICE_URL = "https://smba.trafficmanager.net/emea/";

    private final MutableClock clock = new MutableClock(NOW);
    private FakeProviderServer botFramework;
    private RsaKeyIssuer issuer;
    private TeamsTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        issuer = new RsaKeyIssuer("bf-key", List.of("msteams", "webchat"));
        botFramework = new FakeProviderServer();
        botFramework
                .stub(
                        "GET",
                        "/v1/.well-known/openidconfiguration",
                        Response.json(
                                200,
                                "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + botFramework.baseUrl()
                                        + "/v1/.well-known/keys\"}"))
                .stub("GET", "/v1/.well-known/keys", Response.json(200, issuer.jwks()));
        verifier = new TeamsTokenVerifier(
                RemoteKeySet.fromOpenIdMetadata(
                        URI.create(botFramework.baseUrl() + "/v1/.well-known/openidconfiguration"),
                        HttpClient.newHttpClient(),
                        clock),
                clock);
    }

    @AfterEach
    void stop() {
        botFramework.close();
    }

    @Test
    void accepts_a_genuine_bot_framework_token() throws Exception {
        assertThat(verifier.verify(bearer(claims()), APP_ID, activity("msteams", SERVICE_URL)))
                .isTrue();
        assertThat(verifier.verify(bearer(claims()), APP_ID, activity(null, SERVICE_URL)))
                .isTrue();
    }

    @Test
    void rejects_a_forged_signature() throws Exception {
        String forged = RsaKeyIssuer.sign(claims().build(), RsaKeyIssuer.newKey("bf-key"));
        assertThat(verifier.verify("Bearer " + forged, APP_ID, activity("msteams", SERVICE_URL)))
                .isFalse();
    }

    @Test
    void rejects_an_expired_token_beyond_five_minutes_of_tolerance() throws Exception {
        String token = bearer(claims());
        clock.advance(Duration.ofHours(1).plusMinutes(4));
        assertThat(verifier.verify(token, APP_ID, activity("msteams", SERVICE_URL)))
                .isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(verifier.verify(token, APP_ID, activity("msteams", SERVICE_URL)))
                .isFalse();
    }

    @Test
    void rejects_a_token_for_another_bot() throws Exception {
        assertThat(verifier.verify(bearer(claims().audience("other-app")), APP_ID, activity("msteams", SERVICE_URL)))
                .isFalse();
    }

    @Test
    void rejects_a_token_from_another_issuer() throws Exception {
        assertThat(verifier.verify(
                        bearer(claims().issuer("https://sts.windows.net/evil/")),
                        APP_ID,
                        activity("msteams", SERVICE_URL)))
                .isFalse();
    }

    @Test
    void rejects_an_activity_whose_service_url_is_not_the_one_in_the_token() throws Exception {
        assertThat(verifier.verify(bearer(claims()), APP_ID, activity("msteams", "https://attacker.example.com/")))
                .isFalse();
        assertThat(verifier.verify(bearer(claims()), APP_ID, activity("msteams", null)))
                .isFalse();
    }

    @Test
    void rejects_a_key_not_endorsed_for_the_activitys_channel() throws Exception {
        assertThat(verifier.verify(bearer(claims()), APP_ID, activity("slack", SERVICE_URL)))
                .isFalse();
    }

    @Test
    void rejects_missing_authorization() {
        assertThat(verifier.verify(null, APP_ID, activity("msteams", SERVICE_URL)))
                .isFalse();
        assertThat(verifier.verify("Bearer x.y.z", APP_ID, activity("msteams", SERVICE_URL)))
                .isFalse();
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("https://api.botframework.com")
                .audience(APP_ID)
                .claim("serviceurl", SERVICE_URL)
                .notBeforeTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private String bearer(JWTClaimsSet.Builder claims) throws Exception {
        return "Bearer " + issuer.sign(claims.build());
    }

    private static TeamsActivity activity(String channelId, String serviceUrl) {
        return new TeamsActivity("message", "a1", "hi", channelId, serviceUrl, null, null, null);
    }
}
