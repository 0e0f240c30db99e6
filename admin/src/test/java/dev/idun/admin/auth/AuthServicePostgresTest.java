package dev.idun.admin.auth;

import dev.idun.admin.db.DatabaseUrl;
import dev.idun.admin.db.TestDatabases;
import java.nio.file.Path;

class AuthServicePostgresTest extends AuthServiceSuite {
    @Override
    DatabaseUrl freshDatabase(Path dir) {
        return TestDatabases.freshPostgres();
    }
}
