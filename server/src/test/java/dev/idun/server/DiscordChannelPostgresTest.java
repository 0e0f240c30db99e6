package dev.idun.server;

import dev.idun.admin.db.TestDatabases;
import java.nio.file.Path;

class DiscordChannelPostgresTest extends DiscordChannelSuite {
    @Override
    String newDatabaseUrl(Path dir) {
        return TestServer.urlOf(TestDatabases.freshPostgres());
    }
}
