-- The trace store: one row per finished agent run (keyed by the OpenTelemetry trace id of its spans), its AG-UI
-- events in order and its spans. Times are epoch milliseconds, span times epoch nanoseconds; payload and attributes
-- are JSON. Rows older than the retention period are deleted in the background.

CREATE TABLE idun_trace_run (
    trace_id VARCHAR(32) PRIMARY KEY,
    thread_id VARCHAR(255) NOT NULL,
    run_id VARCHAR(255) NOT NULL,
    title TEXT,
    status VARCHAR(20) NOT NULL,
    error_message TEXT,
    started_at BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    input_tokens BIGINT NOT NULL,
    output_tokens BIGINT NOT NULL,
    message_count INTEGER NOT NULL,
    event_count INTEGER NOT NULL,
    dropped_events INTEGER NOT NULL
);

CREATE INDEX idun_trace_run_thread ON idun_trace_run (thread_id, started_at);
CREATE INDEX idun_trace_run_started ON idun_trace_run (started_at);

CREATE TABLE idun_trace_event (
    trace_id VARCHAR(32) NOT NULL,
    seq INTEGER NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (trace_id, seq)
);

CREATE TABLE idun_trace_span (
    trace_id VARCHAR(32) NOT NULL,
    span_id VARCHAR(16) NOT NULL,
    parent_span_id VARCHAR(16),
    name VARCHAR(255) NOT NULL,
    started_at_nanos BIGINT NOT NULL,
    ended_at_nanos BIGINT NOT NULL,
    status VARCHAR(10) NOT NULL,
    status_message TEXT,
    attributes TEXT NOT NULL,
    PRIMARY KEY (trace_id, span_id)
);
