package dev.idun.channels.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery log of every integration in the {@code idun_channel_delivery} table. Writing never fails the caller
 * (a log that cannot be written is reported in the server log). Message bodies are stored only when enabled.
 * Thread-safe.
 */
final class DeliveryLog {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLog.class);
    private static final int MAX_ERROR = 1000;

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean keepBodies;
    private final AtomicLong seq;

    DeliveryLog(DataSource dataSource, Clock clock, boolean keepBodies) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keepBodies = keepBodies;
        this.seq = new AtomicLong(System.nanoTime());
    }

    void inbound(String integration, String status, String threadId, String providerMessageId, String body) {
        write(integration, Delivery.INBOUND, status, 0, null, threadId, providerMessageId, body);
    }

    /** A provider callback that needs no answer (a delivery status); {@code error} is what it reports, or null. */
    void recorded(String integration, String providerMessageId, String threadId, String error) {
        write(integration, Delivery.INBOUND, "received", 0, error, threadId, providerMessageId, null);
    }

    void inboundFailure(String integration, String status, String error) {
        write(integration, Delivery.INBOUND, status, 0, error, null, null, null);
    }

    void outbound(
            String integration,
            String status,
            int attempts,
            String error,
            String threadId,
            String providerMessageId,
            String body) {
        write(integration, Delivery.OUTBOUND, status, attempts, error, threadId, providerMessageId, body);
    }

    private void write(
            String integration,
            String direction,
            String status,
            int attempts,
            String error,
            String threadId,
            String providerMessageId,
            String body) {
        String sql = "INSERT INTO idun_channel_delivery (id, integration, at, seq, direction, status, attempts, error,"
                + " thread_id, provider_message_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, integration);
            s.setLong(3, clock.millis());
            s.setLong(4, seq.incrementAndGet());
            s.setString(5, direction);
            s.setString(6, status);
            s.setInt(7, attempts);
            s.setString(8, error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
            s.setString(9, threadId);
            s.setString(10, providerMessageId);
            s.setString(11, keepBodies ? body : null);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not write the delivery log of integration {}: {}", integration, e.getMessage());
        }
    }

    /** The latest {@code limit} rows of {@code integration}, newest first. */
    List<Delivery> recent(String integration, int limit) {
        String sql = "SELECT id, at, direction, status, attempts, error, thread_id, provider_message_id, body"
                + " FROM idun_channel_delivery WHERE integration = ? ORDER BY at DESC, seq DESC LIMIT ?";
        List<Delivery> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, integration);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Delivery(
                            r.getString(1),
                            Instant.ofEpochMilli(r.getLong(2)),
                            r.getString(3),
                            r.getString(4),
                            r.getInt(5),
                            r.getString(6),
                            r.getString(7),
                            r.getString(8),
                            r.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ChannelStoreException("Could not read the delivery log", e);
        }
    }

    /** Deletes rows older than {@code age}. */
    int prune(Duration age) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM idun_channel_delivery WHERE at < ?")) {
            s.setLong(1, clock.millis() - age.toMillis());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new ChannelStoreException("Could not prune the delivery log", e);
        }
    }
}
