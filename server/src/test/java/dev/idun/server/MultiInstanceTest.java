package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two servers on one PostgreSQL database: a write on one reaches the other through the config version. */
class MultiInstanceTest {
    @TempDir
    Path dir;

    @Test
    void a_write_on_one_instance_reaches_the_other() throws Exception {
        String url = TestServer.urlOf(TestDatabases.freshPostgres());
        try (TestServer a = TestServer.start(url, dir.resolve("absent.yaml"));
                TestServer b = TestServer.start(url, dir.resolve("absent.yaml"))) {
            Http.Response created =
                    a.http.post(IntegrationsApiSuite.BASE, IntegrationsApiSuite.WHATSAPP_BODY.formatted("shared"));
            assertThat(created.status()).isEqualTo(201);

            assertThat(eventually(b, "shared")).isEqualTo(200);
            String id = created.json().at("/data/id").asText();
            assertThat(b.http.patch(IntegrationsApiSuite.BASE + "/" + id, "{\"enabled\": false}")
                            .status())
                    .isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (handshake(a, "shared") != 404 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(handshake(a, "shared")).isEqualTo(404);
            assertThat(a.http.get("/admin/api/v1/runtime/status")
                            .json()
                            .get("configVersion")
                            .asLong())
                    .isEqualTo(b.http.get("/admin/api/v1/runtime/status")
                            .json()
                            .get("configVersion")
                            .asLong());
        }
    }

    private static int eventually(TestServer server, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = handshake(server, token);
        while (status != 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = handshake(server, token);
        }
        return status;
    }

    private static int handshake(TestServer server, String token) {
        return server.http
                .get("/integrations/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=c")
                .status();
    }
}
