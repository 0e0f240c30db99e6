-- The last state an agent reported for a thread (its last STATE_SNAPSHOT, JSON), given back to the next run of the
-- thread when the client sends none. updated_at is epoch milliseconds.

CREATE TABLE idun_thread_state (
    thread_id VARCHAR(255) NOT NULL PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
