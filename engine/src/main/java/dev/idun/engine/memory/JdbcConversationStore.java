package dev.idun.engine.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.idun.config.Json;
import dev.idun.engine.agent.ChatMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * History in the {@code idun_message} table of a SQLite or PostgreSQL database: the server's own database (its
 * migrations create the table) or a database of its own named by the memory config ({@link #open}, which creates
 * the table when missing). Thread-safe.
 */
public final class JdbcConversationStore implements ConversationStore {
    /** How many of a thread's most recent messages a run sees (older ones stay stored and listed). */
    public static final int HISTORY_WINDOW = 500;

    static final String STATE_SCHEMA = """
            CREATE TABLE IF NOT EXISTS idun_thread_state (
                thread_id VARCHAR(255) NOT NULL PRIMARY KEY,
                state TEXT NOT NULL,
                updated_at BIGINT NOT NULL
            )""";
    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS idun_message (
                thread_id VARCHAR(255) NOT NULL,
                seq BIGINT NOT NULL,
                message_id VARCHAR(255) NOT NULL,
                role VARCHAR(20) NOT NULL,
                content TEXT NOT NULL,
                tool_calls TEXT,
                tool_call_id VARCHAR(255),
                created_at BIGINT NOT NULL,
                PRIMARY KEY (thread_id, seq),
                UNIQUE (thread_id, message_id)
            )""";
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final HikariDataSource owned;
    private final Clock clock;
    private final LinkedBlockingQueue<PendingAppend> pending = new LinkedBlockingQueue<>();
    private final ReentrantLock writeLock;

    /** A store on a database whose schema is already in place; the caller owns {@code dataSource}. */
    public JdbcConversationStore(DataSource dataSource, Clock clock) {
        this(dataSource, null, clock, new ReentrantLock());
    }

    /**
     * As {@link #JdbcConversationStore(DataSource, Clock)}, writing under {@code writeLock}: the server shares it with
     * its other steady writer (the trace writer), so their transactions queue in this process instead of in SQLite's
     * sleeping busy handler.
     */
    public JdbcConversationStore(DataSource dataSource, Clock clock, ReentrantLock writeLock) {
        this(dataSource, null, clock, writeLock);
    }

    private JdbcConversationStore(DataSource dataSource, HikariDataSource owned, Clock clock, ReentrantLock writeLock) {
        this.writeLock = Objects.requireNonNull(writeLock, "writeLock");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.owned = owned;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens a pool on a memory {@code db_url} ({@code sqlite:///…} or {@code postgresql://…}) and creates the table
     * when missing; closing the store closes the pool.
     *
     * @throws MemoryStoreException when the database cannot be reached
     */
    public static JdbcConversationStore open(String dbUrl, Clock clock) {
        MemoryDatabaseUrl url = MemoryDatabaseUrl.parse(dbUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName(url.sqlite() ? "idun-memory-sqlite" : "idun-memory-postgres");
        config.setJdbcUrl(url.jdbcUrl());
        config.setDriverClassName(url.sqlite() ? "org.sqlite.JDBC" : "org.postgresql.Driver");
        config.setMaximumPoolSize(url.sqlite() ? 2 : 5);
        config.setConnectionTimeout(10_000);
        if (url.sqlite()) {
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new MemoryStoreException("Cannot open the memory database " + url.jdbcUrl(), e);
        }
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
            statement.execute(STATE_SCHEMA);
        } catch (SQLException e) {
            pool.close();
            throw new MemoryStoreException("Cannot create the memory table in " + url.jdbcUrl(), e);
        }
        return new JdbcConversationStore(pool, pool, clock, new ReentrantLock());
    }

    @Override
    public List<ChatMessage> messages(String threadId) {
        String sql = "SELECT message_id, role, content, tool_calls, tool_call_id FROM (SELECT * FROM idun_message"
                + " WHERE thread_id = ? ORDER BY seq DESC LIMIT ?) recent ORDER BY seq";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, threadId);
            statement.setInt(2, HISTORY_WINDOW);
            List<ChatMessage> messages = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    messages.add(new ChatMessage(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            toolCalls(rows.getString(4)),
                            rows.getString(5)));
                }
            }
            return messages;
        } catch (SQLException e) {
            throw new MemoryStoreException("Cannot read thread history", e);
        }
    }

    /**
     * Appends through a group commit: concurrent appends queue up, and whoever holds the write lock stores every
     * queued one in a single transaction. Each caller still returns only once its own messages are committed, so
     * nothing acknowledged is lost, while the database sees one writer and one commit per batch instead of many
     * writers waiting on its lock.
     */
    @Override
    public void append(String threadId, List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        PendingAppend own = new PendingAppend(threadId, messages);
        pending.add(own);
        writeLock.lock();
        try {
            if (!own.done) {
                List<PendingAppend> batch = new ArrayList<>();
                pending.drainTo(batch);
                write(batch);
            }
        } finally {
            writeLock.unlock();
        }
        if (own.failure != null) {
            throw own.failure;
        }
    }

    private void write(List<PendingAppend> batch) {
        try {
            appendOnce(batch);
            batch.forEach(append -> append.done = true);
        } catch (SQLException | RuntimeException e) {
            // One transaction failed (e.g. another instance took a seq): store each append alone, with retries.
            for (PendingAppend append : batch) {
                try {
                    appendAlone(append);
                } catch (MemoryStoreException failure) {
                    append.failure = failure;
                } catch (RuntimeException failure) {
                    append.failure = new MemoryStoreException("Cannot store thread history", failure);
                }
                append.done = true;
            }
        }
    }

    private void appendAlone(PendingAppend append) {
        for (int attempt = 1; ; attempt++) {
            try {
                appendOnce(List.of(append));
                return;
            } catch (SQLException e) {
                // Two runs of one thread may pick the same next seq; the loser retries with a fresh one.
                if (attempt == ATTEMPTS) {
                    throw new MemoryStoreException("Cannot store thread history", e);
                }
            }
        }
    }

    private void appendOnce(List<PendingAppend> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                for (PendingAppend append : batch) {
                    insert(connection, append.threadId, append.messages);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void insert(Connection connection, String threadId, List<ChatMessage> messages) throws SQLException {
        Set<String> known = new HashSet<>();
        long seq = 0;
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM idun_message WHERE thread_id = ?")) {
            statement.setString(1, threadId);
            try (ResultSet rows = statement.executeQuery()) {
                seq = rows.next() ? rows.getLong(1) : 0;
            }
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT 1 FROM idun_message WHERE thread_id = ? AND message_id = ?")) {
            for (ChatMessage message : messages) {
                statement.setString(1, threadId);
                statement.setString(2, message.id());
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        known.add(message.id());
                    }
                }
            }
        }
        long now = clock.millis();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idun_message"
                + " (thread_id, seq, message_id, role, content, tool_calls, tool_call_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChatMessage message : messages) {
                if (!known.add(message.id())) {
                    continue;
                }
                insert.setString(1, threadId);
                insert.setLong(2, ++seq);
                insert.setString(3, message.id());
                insert.setString(4, message.role());
                insert.setString(5, message.content());
                insert.setString(6, message.toolCalls().isEmpty() ? null : toolCallsJson(message));
                insert.setString(7, message.toolCallId());
                insert.setLong(8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** One caller's append waiting for a group commit; written and read under the write lock only. */
    private static final class PendingAppend {
        final String threadId;
        final List<ChatMessage> messages;
        boolean done;
        MemoryStoreException failure;

        PendingAppend(String threadId, List<ChatMessage> messages) {
            this.threadId = threadId;
            this.messages = messages;
        }
    }

    @Override
    public Optional<JsonNode> state(String threadId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT state FROM idun_thread_state WHERE thread_id = ?")) {
            statement.setString(1, threadId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(Json.parse(rows.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new MemoryStoreException("Cannot read thread state", e);
        }
    }

    @Override
    public void saveState(String threadId, JsonNode state) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO idun_thread_state (thread_id, state, updated_at) VALUES (?, ?, ?)"
                                + " ON CONFLICT (thread_id) DO UPDATE SET state = excluded.state,"
                                + " updated_at = excluded.updated_at")) {
            statement.setString(1, threadId);
            statement.setString(2, Json.write(state));
            statement.setLong(3, clock.millis());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new MemoryStoreException("Cannot store thread state", e);
        }
    }

    @Override
    public List<ThreadSummary> threads() {
        String listing = "SELECT thread_id, COUNT(*), MAX(created_at) FROM idun_message"
                + " GROUP BY thread_id ORDER BY MAX(created_at) DESC, thread_id";
        String previews = "SELECT m.thread_id, m.content FROM idun_message m WHERE m.role = 'user' AND m.seq ="
                + " (SELECT MIN(f.seq) FROM idun_message f WHERE f.thread_id = m.thread_id AND f.role = 'user')";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            Map<String, String> firstUserTexts = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(previews)) {
                while (rows.next()) {
                    firstUserTexts.put(rows.getString(1), Previews.cut(rows.getString(2)));
                }
            }
            List<ThreadSummary> summaries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(listing)) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    summaries.add(new ThreadSummary(
                            id, Instant.ofEpochMilli(rows.getLong(3)), rows.getInt(2), firstUserTexts.get(id)));
                }
            }
            return summaries;
        } catch (SQLException e) {
            throw new MemoryStoreException("Cannot list threads", e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    private static String toolCallsJson(ChatMessage message) {
        ArrayNode calls = Json.mapper().createArrayNode();
        for (ChatMessage.ToolCall call : message.toolCalls()) {
            calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
        }
        return Json.write(calls);
    }

    private static List<ChatMessage.ToolCall> toolCalls(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        List<ChatMessage.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : Json.parse(json)) {
            calls.add(new ChatMessage.ToolCall(
                    call.path("id").asText(),
                    call.path("name").asText(),
                    call.path("arguments").asText("{}")));
        }
        return calls;
    }
}
