package dev.idun.admin.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour every store must show on each database; subclasses supply a freshly created, empty database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreSuite {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123Z");
    private static final List<String> TABLES = List.of(
            "idun_agent",
            "idun_memory",
            "idun_observability",
            "idun_sso",
            "idun_mcp_server",
            "idun_integration",
            "idun_guardrail",
            "idun_prompt",
            "idun_runtime_state",
            "idun_admin_user",
            "idun_session");

    private DatabaseUrl url;
    private Database database;
    private Jdbi jdbi;

    abstract DatabaseUrl freshDatabase(Path dir);

    abstract Dialect expectedDialect();

    abstract int expectedPoolSize();

    @BeforeAll
    void openDatabase(@TempDir Path dir) {
        url = freshDatabase(dir);
        database = Database.open(url);
        jdbi = database.jdbi();
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        jdbi.useTransaction(h -> {
            for (String table : TABLES) {
                h.execute("DELETE FROM " + table);
            }
            h.execute("UPDATE idun_config_version SET version = 0, updated_at = 0");
        });
    }

    private static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    // Database

    @Test
    void opens_with_its_dialect_pool_size_and_every_migration_applied() {
        assertThat(database.dialect()).isEqualTo(expectedDialect());
        assertThat(database.dataSource())
                .isInstanceOfSatisfying(
                        HikariDataSource.class,
                        pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(expectedPoolSize()));
        List<String> versions = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
        assertThat(versions).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
    }

    @Test
    void applies_a_migration_numbered_below_one_already_applied() {
        jdbi.useHandle(h -> {
            h.execute("DROP TABLE idun_channel_dedupe");
            h.execute("DROP TABLE idun_channel_delivery");
            h.execute("DELETE FROM flyway_schema_history WHERE version = '3'");
        });
        database.close();

        database = Database.open(url);
        jdbi = database.jdbi();

        int rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM idun_channel_delivery")
                .mapTo(Integer.class)
                .one());
        assertThat(rows).isZero();
    }

    @Test
    void migrating_twice_is_a_no_op() {
        ConfigVersionStore versions = new ConfigVersionStore();
        jdbi.useHandle(h -> versions.bump(h, at(1)));
        int historyBefore = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                .mapTo(Integer.class)
                .one());

        try (Database again = Database.open(url)) {
            again.jdbi().useHandle(h -> {
                assertThat(h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                                .mapTo(Integer.class)
                                .one())
                        .isEqualTo(historyBefore);
                assertThat(h.createQuery("SELECT COUNT(*) FROM idun_config_version")
                                .mapTo(Integer.class)
                                .one())
                        .isEqualTo(1);
                assertThat(versions.current(h)).isEqualTo(1);
            });
        }
    }

    @Test
    void store_writes_roll_back_with_the_callers_transaction() {
        SessionStore sessions = new SessionStore();
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
                    sessions.insert(h, new SessionRow("s-1", AdminUserStore.ADMIN_ID, at(60), at(0)));
                    throw new IllegalStateException("abort");
                }))
                .hasMessage("abort");
        Optional<SessionRow> found = jdbi.withHandle(h -> sessions.find(h, "s-1"));
        assertThat(found).isEmpty();
    }

    // Config version

    @Test
    void config_version_starts_at_zero_and_each_bump_returns_the_new_value() {
        ConfigVersionStore store = new ConfigVersionStore();
        jdbi.useTransaction(h -> {
            assertThat(store.current(h)).isZero();
            assertThat(store.bump(h, at(1))).isEqualTo(1);
            assertThat(store.bump(h, at(2))).isEqualTo(2);
            assertThat(store.current(h)).isEqualTo(2);
            assertThat(h.createQuery("SELECT updated_at FROM idun_config_version")
                            .mapTo(Long.class)
                            .one())
                    .isEqualTo(at(2).toEpochMilli());
        });
    }

    @Test
    void concurrent_bumps_each_get_a_distinct_version() throws Exception {
        ConfigVersionStore store = new ConfigVersionStore();
        int threads = 4;
        int bumpsPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < bumpsPerThread; i++) {
                        seen.add(jdbi.inTransaction(h -> store.bump(h, Instant.now())));
                    }
                    return seen;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(threads * bumpsPerThread);
            assertThat(jdbi.withHandle(store::current)).isEqualTo((long) threads * bumpsPerThread);
        } finally {
            pool.shutdownNow();
        }
    }

    // Agent

    private static AgentRow agent(String id, String name) {
        return new AgentRow(id, name, "desc", "1.0", "draft", "http://localhost:8000", "{\"a\":1}", at(0), at(0));
    }

    @Test
    void agent_store_finds_nothing_then_the_inserted_agent() {
        AgentStore store = new AgentStore();
        AgentRow row = agent("a-1", "Agent");
        jdbi.useHandle(h -> {
            assertThat(store.find(h)).isEmpty();
            store.insert(h, row);
            assertThat(store.find(h)).contains(row);
        });
    }

    @Test
    void agent_store_keeps_null_optional_fields_null() {
        AgentStore store = new AgentStore();
        AgentRow row = new AgentRow("a-1", "Agent", null, null, "ready", null, "{}", at(0), at(1));
        jdbi.useHandle(h -> {
            store.insert(h, row);
            assertThat(store.find(h)).contains(row);
        });
    }

    @Test
    void agent_store_refuses_a_second_agent() {
        AgentStore store = new AgentStore();
        jdbi.useHandle(h -> {
            store.insert(h, agent("a-1", "First"));
            assertThatThrownBy(() -> store.insert(h, agent("a-2", "Second")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already");
            assertThat(store.find(h)).map(AgentRow::id).contains("a-1");
        });
    }

    @Test
    void agent_update_replaces_every_field_but_the_creation_time() {
        AgentStore store = new AgentStore();
        jdbi.useHandle(h -> {
            store.insert(h, agent("a-1", "Agent"));
            AgentRow changed = new AgentRow("a-1", "Renamed", null, "2.0", "ready", null, "{\"b\":2}", at(99), at(100));
            store.update(h, changed);
            assertThat(store.find(h))
                    .contains(new AgentRow("a-1", "Renamed", null, "2.0", "ready", null, "{\"b\":2}", at(0), at(100)));
        });
    }

    @Test
    void agent_update_of_an_unknown_id_fails() {
        AgentStore store = new AgentStore();
        jdbi.useHandle(h -> {
            store.insert(h, agent("a-1", "Agent"));
            assertThatThrownBy(() -> store.update(h, agent("a-2", "Other"))).isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void agent_delete_all_empties_the_table() {
        AgentStore store = new AgentStore();
        jdbi.useHandle(h -> {
            store.insert(h, agent("a-1", "Agent"));
            store.deleteAll(h);
            assertThat(store.find(h)).isEmpty();
            store.insert(h, agent("a-2", "Next"));
            assertThat(store.find(h)).map(AgentRow::id).contains("a-2");
        });
    }

    // Collections

    private static CollectionRow item(String id, String slug, boolean enabled, long createdSeconds) {
        return new CollectionRow(
                id,
                slug,
                "Name " + slug,
                enabled,
                "{\"slug\":\"" + slug + "\"}",
                at(createdSeconds),
                at(createdSeconds));
    }

    @ParameterizedTest
    @EnumSource(CollectionTable.class)
    void collection_list_is_ordered_by_creation_time_then_id(CollectionTable table) {
        CollectionStore store = new CollectionStore(table);
        jdbi.useHandle(h -> {
            store.insert(h, item("c", "third", true, 5));
            store.insert(h, item("b", "second", true, 1));
            store.insert(h, item("a", "first", false, 1));
            store.insert(h, item("d", "zeroth", true, 0));
            assertThat(store.list(h)).extracting(CollectionRow::id).containsExactly("d", "a", "b", "c");
        });
    }

    @ParameterizedTest
    @EnumSource(CollectionTable.class)
    void collection_rows_round_trip_booleans_and_timestamps(CollectionTable table) {
        CollectionStore store = new CollectionStore(table);
        CollectionRow on = new CollectionRow("on", "on", "On", true, "{}", Instant.ofEpochMilli(1), at(1));
        CollectionRow off = new CollectionRow(
                "off",
                "off",
                "Off",
                false,
                "[]",
                Instant.ofEpochMilli(-86_400_000L),
                Instant.ofEpochMilli(253402300799999L));
        jdbi.useHandle(h -> {
            store.insert(h, on);
            store.insert(h, off);
            assertThat(store.find(h, "on")).contains(on);
            assertThat(store.find(h, "off")).contains(off);
            assertThat(h.createQuery("SELECT COUNT(*) FROM " + table.tableName() + " WHERE enabled = TRUE")
                            .mapTo(Integer.class)
                            .one())
                    .isEqualTo(1);
            assertThat(h.createQuery("SELECT created_at FROM " + table.tableName() + " WHERE id = 'on'")
                            .mapTo(Long.class)
                            .one())
                    .isEqualTo(1L);
        });
    }

    @ParameterizedTest
    @EnumSource(CollectionTable.class)
    void collection_find_update_delete_and_delete_all(CollectionTable table) {
        CollectionStore store = new CollectionStore(table);
        jdbi.useHandle(h -> {
            store.insert(h, item("x", "x", true, 0));
            store.insert(h, item("y", "y", true, 1));
            assertThat(store.find(h, "missing")).isEmpty();

            CollectionRow changed = new CollectionRow("x", "x2", "Renamed", false, "{\"v\":2}", at(50), at(60));
            store.update(h, changed);
            assertThat(store.find(h, "x"))
                    .contains(new CollectionRow("x", "x2", "Renamed", false, "{\"v\":2}", at(0), at(60)));
            assertThatThrownBy(() -> store.update(h, item("nope", "nope", true, 0)))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(store.delete(h, "x")).isTrue();
            assertThat(store.delete(h, "x")).isFalse();
            assertThat(store.list(h)).extracting(CollectionRow::id).containsExactly("y");
            store.deleteAll(h);
            assertThat(store.list(h)).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(CollectionTable.class)
    void collection_rejects_a_duplicate_slug_or_id(CollectionTable table) {
        CollectionStore store = new CollectionStore(table);
        jdbi.useHandle(h -> {
            store.insert(h, item("x", "same", true, 0));
            store.insert(h, item("y", "other", true, 0));
            assertThatThrownBy(() -> store.insert(h, item("z", "same", true, 0)))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining(table.tableName());
            assertThatThrownBy(() -> store.insert(h, item("x", "fresh", true, 0)))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> store.update(h, item("y", "same", true, 0)))
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(store.list(h)).hasSize(2);
        });
    }

    @Test
    void collections_are_kept_in_separate_tables() {
        CollectionStore servers = new CollectionStore(CollectionTable.MCP_SERVER);
        CollectionStore integrations = new CollectionStore(CollectionTable.INTEGRATION);
        jdbi.useHandle(h -> {
            servers.insert(h, item("x", "shared-slug", true, 0));
            integrations.insert(h, item("x", "shared-slug", true, 0));
            assertThat(servers.delete(h, "x")).isTrue();
            assertThat(integrations.list(h)).extracting(CollectionRow::id).containsExactly("x");
        });
    }

    @ParameterizedTest
    @EnumSource(CollectionTable.class)
    void slugs_starting_with_matches_the_literal_prefix_case_sensitively(CollectionTable table) {
        CollectionStore store = new CollectionStore(table);
        jdbi.useHandle(h -> {
            store.insert(h, item("1", "github", true, 0));
            store.insert(h, item("2", "github-2", true, 0));
            store.insert(h, item("3", "GitHub-3", true, 0));
            store.insert(h, item("4", "git_hub", true, 0));
            store.insert(h, item("5", "gitXhub", true, 0));
            store.insert(h, item("6", "gi%t", true, 0));
            store.insert(h, item("7", "ünïcode-1", true, 0));
            assertThat(store.slugsStartingWith(h, "github")).containsExactlyInAnyOrder("github", "github-2");
            assertThat(store.slugsStartingWith(h, "git_")).containsExactly("git_hub");
            assertThat(store.slugsStartingWith(h, "gi%")).containsExactly("gi%t");
            assertThat(store.slugsStartingWith(h, "ünï")).containsExactly("ünïcode-1");
            assertThat(store.slugsStartingWith(h, "nothing")).isEmpty();
            assertThat(store.slugsStartingWith(h, "")).hasSize(7);
        });
    }

    // Guardrails

    private static GuardrailRow guardrail(String id, String position, int order, long createdSeconds) {
        return new GuardrailRow(
                id, "slug-" + id, "Guard " + id, true, position, order, "{}", at(createdSeconds), at(createdSeconds));
    }

    @Test
    void guardrail_list_is_ordered_by_position_sort_order_then_creation_time() {
        GuardrailStore store = new GuardrailStore();
        jdbi.useHandle(h -> {
            store.insert(h, guardrail("o1", "output", 0, 0));
            store.insert(h, guardrail("i3", "input", 2, 0));
            store.insert(h, guardrail("i2b", "input", 1, 9));
            store.insert(h, guardrail("i2a", "input", 1, 3));
            store.insert(h, guardrail("i0", "input", -5, 20));
            assertThat(store.list(h)).extracting(GuardrailRow::id).containsExactly("i0", "i2a", "i2b", "i3", "o1");
        });
    }

    @Test
    void guardrail_find_update_delete_and_delete_all() {
        GuardrailStore store = new GuardrailStore();
        jdbi.useHandle(h -> {
            GuardrailRow row = guardrail("g", "input", 3, 0);
            store.insert(h, row);
            store.insert(h, guardrail("h", "output", 0, 0));
            assertThat(store.find(h, "g")).contains(row);
            assertThat(store.find(h, "missing")).isEmpty();

            store.update(h, new GuardrailRow("g", "renamed", "New", false, "output", 7, "{\"x\":1}", at(5), at(6)));
            assertThat(store.find(h, "g"))
                    .contains(new GuardrailRow("g", "renamed", "New", false, "output", 7, "{\"x\":1}", at(0), at(6)));
            assertThatThrownBy(() -> store.update(h, guardrail("nope", "input", 0, 0)))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(store.slugsStartingWith(h, "slug-")).containsExactly("slug-h");
            assertThat(store.delete(h, "g")).isTrue();
            assertThat(store.delete(h, "g")).isFalse();
            store.deleteAll(h);
            assertThat(store.list(h)).isEmpty();
        });
    }

    @Test
    void guardrail_rejects_a_duplicate_slug() {
        GuardrailStore store = new GuardrailStore();
        jdbi.useHandle(h -> {
            store.insert(h, guardrail("a", "input", 0, 0));
            GuardrailRow clash = new GuardrailRow("b", "slug-a", "Clash", true, "input", 1, "{}", at(0), at(0));
            assertThatThrownBy(() -> store.insert(h, clash)).isInstanceOf(DuplicateKeyException.class);
        });
    }

    // Prompts

    private static PromptRow prompt(String id, String promptId, int version) {
        return new PromptRow(id, promptId, version, "content " + id, "[\"t\"]", at(version), at(version));
    }

    @Test
    void prompt_list_is_ordered_by_prompt_id_then_newest_version_first() {
        PromptStore store = new PromptStore();
        jdbi.useHandle(h -> {
            store.insert(h, prompt("b1", "beta", 1));
            store.insert(h, prompt("a1", "alpha", 1));
            store.insert(h, prompt("a3", "alpha", 3));
            store.insert(h, prompt("a2", "alpha", 2));
            assertThat(store.list(h)).extracting(PromptRow::id).containsExactly("a3", "a2", "a1", "b1");
        });
    }

    @Test
    void prompt_max_version_is_zero_when_none_then_the_highest() {
        PromptStore store = new PromptStore();
        jdbi.useHandle(h -> {
            assertThat(store.maxVersion(h, "alpha")).isZero();
            store.insert(h, prompt("a1", "alpha", 1));
            store.insert(h, prompt("a7", "alpha", 7));
            store.insert(h, prompt("b9", "beta", 9));
            assertThat(store.maxVersion(h, "alpha")).isEqualTo(7);
            assertThat(store.maxVersion(h, "beta")).isEqualTo(9);
        });
    }

    @Test
    void prompt_rejects_a_second_row_with_the_same_prompt_id_and_version() {
        PromptStore store = new PromptStore();
        jdbi.useHandle(h -> {
            store.insert(h, prompt("a1", "alpha", 1));
            store.insert(h, prompt("b1", "beta", 1));
            assertThatThrownBy(() -> store.insert(h, prompt("a1-again", "alpha", 1)))
                    .isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("idun_prompt");
            assertThatThrownBy(() -> store.update(h, prompt("b1", "alpha", 1)))
                    .isInstanceOf(DuplicateKeyException.class);
        });
    }

    @Test
    void prompt_find_update_delete_and_delete_all() {
        PromptStore store = new PromptStore();
        jdbi.useHandle(h -> {
            PromptRow row = prompt("a1", "alpha", 1);
            store.insert(h, row);
            store.insert(h, prompt("a2", "alpha", 2));
            assertThat(store.find(h, "a1")).contains(row);
            assertThat(store.find(h, "none")).isEmpty();

            store.update(h, new PromptRow("a1", "alpha", 1, "edited", "[]", at(40), at(41)));
            assertThat(store.find(h, "a1")).contains(new PromptRow("a1", "alpha", 1, "edited", "[]", at(1), at(41)));
            assertThatThrownBy(() -> store.update(h, prompt("none", "x", 1))).isInstanceOf(IllegalStateException.class);

            assertThat(store.delete(h, "a1")).isTrue();
            assertThat(store.delete(h, "a1")).isFalse();
            store.deleteAll(h);
            assertThat(store.list(h)).isEmpty();
        });
    }

    // Singletons

    @ParameterizedTest
    @EnumSource(SingletonTable.class)
    void singleton_is_absent_then_upserted_replaced_and_deleted(SingletonTable table) {
        SingletonStore store = new SingletonStore(table);
        String framework = table.hasAgentFramework() ? "LANGGRAPH" : null;
        String otherFramework = table.hasAgentFramework() ? "ADK" : null;
        jdbi.useHandle(h -> {
            assertThat(store.find(h)).isEmpty();
            SingletonRow first = new SingletonRow(framework, "{\"v\":1}", at(1));
            store.upsert(h, first);
            assertThat(store.find(h)).contains(first);

            SingletonRow second = new SingletonRow(otherFramework, "{\"v\":2}", at(2));
            store.upsert(h, second);
            assertThat(store.find(h)).contains(second);
            assertThat(h.createQuery("SELECT COUNT(*) FROM " + table.tableName() + " WHERE id = 'singleton'")
                            .mapTo(Integer.class)
                            .one())
                    .isEqualTo(1);

            assertThat(store.delete(h)).isTrue();
            assertThat(store.delete(h)).isFalse();
            assertThat(store.find(h)).isEmpty();
        });
    }

    @Test
    void singleton_rows_must_match_the_tables_agent_framework_column() {
        jdbi.useHandle(h -> {
            assertThatThrownBy(() ->
                            new SingletonStore(SingletonTable.MEMORY).upsert(h, new SingletonRow(null, "{}", at(0))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SingletonStore(SingletonTable.SSO)
                            .upsert(h, new SingletonRow("LANGGRAPH", "{}", at(0))))
                    .isInstanceOf(IllegalArgumentException.class);
        });
    }

    @Test
    void singleton_tables_are_independent() {
        jdbi.useHandle(h -> {
            new SingletonStore(SingletonTable.OBSERVABILITY).upsert(h, new SingletonRow(null, "{\"o\":1}", at(0)));
            assertThat(new SingletonStore(SingletonTable.SSO).find(h)).isEmpty();
            assertThat(new SingletonStore(SingletonTable.OBSERVABILITY).find(h))
                    .map(SingletonRow::configJson)
                    .contains("{\"o\":1}");
        });
    }

    // Runtime state

    @Test
    void runtime_state_is_absent_then_upserted_with_nulls_and_replaced() {
        RuntimeStateStore store = new RuntimeStateStore();
        jdbi.useHandle(h -> {
            assertThat(store.find(h)).isEmpty();
            RuntimeStateRow sparse = new RuntimeStateRow(null, null, null, null, null, at(1));
            store.upsert(h, sparse);
            assertThat(store.find(h)).contains(sparse);

            RuntimeStateRow full =
                    new RuntimeStateRow("error", "Reload failed", "Traceback\n...", at(2), "a".repeat(64), at(3));
            store.upsert(h, full);
            assertThat(store.find(h)).contains(full);
            store.upsert(h, sparse);
            assertThat(store.find(h)).contains(sparse);
        });
    }

    // Admin user and sessions

    @Test
    void admin_user_is_absent_then_inserted_once_and_rotated() {
        AdminUserStore store = new AdminUserStore();
        jdbi.useHandle(h -> {
            assertThat(store.find(h)).isEmpty();
            assertThatThrownBy(() -> store.updatePassword(h, "$2a$hash", at(1)))
                    .isInstanceOf(IllegalStateException.class);

            AdminUserRow row = new AdminUserRow("$2a$10$first", at(0), at(0), null);
            store.insert(h, row);
            assertThat(store.find(h)).contains(row);
            assertThatThrownBy(() -> store.insert(h, row)).isInstanceOf(DuplicateKeyException.class);

            store.updatePassword(h, "$2a$10$second", at(30));
            assertThat(store.find(h)).contains(new AdminUserRow("$2a$10$second", at(0), at(30), at(30)));
        });
    }

    @Test
    void sessions_are_inserted_found_and_deleted() {
        SessionStore store = new SessionStore();
        jdbi.useHandle(h -> {
            SessionRow row = new SessionRow("token-1", AdminUserStore.ADMIN_ID, at(3600), at(0));
            store.insert(h, row);
            assertThat(store.find(h, "token-1")).contains(row);
            assertThat(store.find(h, "token-2")).isEmpty();
            assertThat(store.delete(h, "token-1")).isTrue();
            assertThat(store.delete(h, "token-1")).isFalse();
        });
    }

    @Test
    void a_reused_session_id_is_a_duplicate_key_whose_message_hides_the_id() {
        SessionStore store = new SessionStore();
        String secret = "secret-session-token-4242";
        jdbi.useHandle(h -> {
            store.insert(h, new SessionRow(secret, AdminUserStore.ADMIN_ID, at(60), at(0)));
            assertThatThrownBy(() -> store.insert(h, new SessionRow(secret, AdminUserStore.ADMIN_ID, at(60), at(0))))
                    .isInstanceOf(DuplicateKeyException.class)
                    .message()
                    .doesNotContain(secret);
        });
    }

    @Test
    void delete_all_sessions_except_one_keeps_only_that_one() {
        SessionStore store = new SessionStore();
        jdbi.useHandle(h -> {
            for (String id : List.of("a", "b", "c")) {
                store.insert(h, new SessionRow(id, AdminUserStore.ADMIN_ID, at(60), at(0)));
            }
            assertThat(store.deleteAllExcept(h, "b")).isEqualTo(2);
            assertThat(store.find(h, "b")).isPresent();
            assertThat(store.find(h, "a")).isEmpty();
            assertThat(store.deleteAllExcept(h, null)).isEqualTo(1);
            assertThat(store.find(h, "b")).isEmpty();
        });
    }

    @Test
    void delete_expired_removes_sessions_expiring_at_or_before_now() {
        SessionStore store = new SessionStore();
        jdbi.useHandle(h -> {
            store.insert(h, new SessionRow("past", AdminUserStore.ADMIN_ID, at(-1), at(-100)));
            store.insert(h, new SessionRow("now", AdminUserStore.ADMIN_ID, at(0), at(-100)));
            store.insert(h, new SessionRow("future", AdminUserStore.ADMIN_ID, at(0).plusMillis(1), at(-100)));
            assertThat(store.deleteExpired(h, at(0))).isEqualTo(2);
            assertThat(store.find(h, "future")).isPresent();
            assertThat(store.find(h, "now")).isEmpty();
        });
    }

    // Timestamps

    @Test
    void timestamps_are_stored_as_epoch_milliseconds_and_sub_millisecond_parts_are_dropped() {
        SessionStore store = new SessionStore();
        Instant precise = Instant.parse("2030-12-31T23:59:59.987654321Z");
        jdbi.useHandle(h -> {
            SessionRow row = new SessionRow("s", AdminUserStore.ADMIN_ID, precise, precise);
            assertThat(row.expiresAt()).isEqualTo(Instant.parse("2030-12-31T23:59:59.987Z"));
            store.insert(h, row);
            assertThat(store.find(h, "s")).contains(row);
            assertThat(h.createQuery("SELECT expires_at FROM idun_session WHERE id = 's'")
                            .mapTo(Long.class)
                            .one())
                    .isEqualTo(precise.toEpochMilli());
        });
    }
}
