-- When each piece of work was enqueued. db-scheduler writes only its own columns and keeps a row through its retries,
-- so this stays the time the work was announced: the lag (age of the oldest unfinished piece) and the latency
-- (announced to done) of every kind are measured from it.
ALTER TABLE scheduled_tasks ADD COLUMN enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp();
