package dev.idun.channels.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.channels.fakes.FakeProviderServer;
import dev.idun.channels.fakes.FakeProviderServer.Response;
import dev.idun.channels.fakes.MutableClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsBotTokensTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private FakeProviderServer microsoft;

    @BeforeEach
    void start() throws Exception {
        microsoft = new FakeProviderServer()
                .stub(
                        "POST",
                        "/tenant-1/oauth2/v2.0/token",
                        Response.json(
                                200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"bot-tok\"}"));
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    @Test
    void asks_the_tenant_for_a_client_credentials_token_and_caches_it() throws Exception {
        TeamsBotTokens tokens = new TeamsBotTokens(
                "app-123",
                "s3cret pass",
                "tenant-1",
                microsoft.baseUrl() + "/{tenant}/oauth2/v2.0/token",
                HttpClient.newHttpClient(),
                clock);

        assertThat(tokens.token()).isEqualTo("bot-tok");
        assertThat(tokens.token()).isEqualTo("bot-tok");
        assertThat(microsoft.requests()).hasSize(1);
        assertThat(microsoft.requests().get(0).body())
                .isEqualTo("grant_type=client_credentials&client_id=app-123&client_secret=s3cret+pass"
                        + "&scope=https%3A%2F%2Fapi.botframework.com%2F.default");

        clock.advance(Duration.ofMinutes(59));
        tokens.token();
        assertThat(microsoft.requests()).hasSize(2);
    }

    @Test
    void the_default_token_url_is_the_tenants_login_endpoint() {
        assertThat(TeamsBotTokens.tokenUrl("tenant-1", null))
                .isEqualTo("https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token");
        assertThat(TeamsBotTokens.tokenUrl("tenant-1", "http://127.0.0.1:9/token"))
                .isEqualTo("http://127.0.0.1:9/token");
    }
}
