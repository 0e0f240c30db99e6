package dev.idun.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.idun.admin.db.TestDatabases;
import dev.idun.engine.model.FakeModelServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat client that hangs up mid-stream cancels the model call behind its run. */
class AgentDisconnectTest {
    @TempDir
    Path dir;

    @Test
    void closing_the_connection_mid_stream_cancels_the_model_call() throws Exception {
        CountDownLatch modelCallCancelled = new CountDownLatch(1);
        try (FakeModelServer provider = new FakeModelServer()) {
            // 600 chunks 50 ms apart: half a minute of streaming unless the call is cancelled
            provider.reply(FakeModelServer.dripping(
                    "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"},\"finish_reason\":null}]}",
                    50,
                    600,
                    modelCallCancelled));
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, """
                    agent:
                      type: LANGCHAIN4J
                      config:
                        name: Streaming Agent
                        model:
                          provider: openai
                          name: m
                          base_url: %s/v1
                          api_key: sk-test-key
                    """.formatted(provider.baseUrl()));
            try (TestServer server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), config)) {
                String body = "{\"threadId\":\"t\",\"runId\":\"r\","
                        + "\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":\"hi\"}]}";
                try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /agent/run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                                    + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = in.readLine()) != null && !line.contains("TEXT_MESSAGE_CONTENT")) {
                        // read until the model's text is streaming
                    }
                    assertThat(line).contains("TEXT_MESSAGE_CONTENT");
                }

                assertThat(modelCallCancelled.await(15, TimeUnit.SECONDS))
                        .as("the model call is cancelled once the client is gone")
                        .isTrue();
            }
        }
    }

    @Test
    void the_server_keeps_serving_after_a_client_hangs_up() throws IOException {
        Path config = dir.resolve("absent.yaml");
        try (TestServer server = TestServer.start(TestServer.urlOf(TestDatabases.freshSqlite(dir)), config)) {
            try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
                socket.getOutputStream()
                        .write("POST /agent/run HTTP/1.1\r\nHost: localhost\r\nContent-Length: 500\r\n\r\n{"
                                .getBytes(StandardCharsets.UTF_8));
            }
            Http.Response run = server.http.post(
                    "/agent/run",
                    "{\"threadId\":\"t\",\"runId\":\"r\",\"messages\":[{\"id\":\"m1\",\"role\":\"user\",\"content\":\"hi\"}]}");
            assertThat(run.status()).isEqualTo(200);
            assertThat(run.body()).contains("RUN_FINISHED");
        }
    }
}
