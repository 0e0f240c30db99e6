package dev.idun.channels.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The ids of inbound messages already accepted, per integration, in the {@code idun_channel_dedupe} table. A claim
 * is one insert that either adds the row or finds it there (a unique key decides, also across instances sharing
 * PostgreSQL). Thread-safe.
 */
final class DedupeStore {
    private static final int MAX_KEY = 255;

    private final DataSource dataSource;
    private final Clock clock;

    DedupeStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True when this is the first time {@code key} is seen for {@code integration}; false for a repeat. */
    boolean claim(String integration, String key) {
        String sql = "INSERT INTO idun_channel_dedupe (integration, dedupe_key, received_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, integration);
            s.setString(2, key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key);
            s.setLong(3, clock.millis());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ChannelStoreException("Could not record an inbound message id", e);
        }
    }

    /** Forgets ids older than {@code age}: providers stop redelivering long before. */
    int prune(Duration age) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM idun_channel_dedupe WHERE received_at < ?")) {
            s.setLong(1, clock.millis() - age.toMillis());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new ChannelStoreException("Could not prune inbound message ids", e);
        }
    }
}
