-- Durable work of every kind, on db-scheduler's table (its PostgreSQL layout for version 16): a row is written in the
-- transaction that announces the work, claimed by one node (picked, with a heartbeat while it runs), and removed when
-- the work is done. Attempts that failed, or whose node died, are counted in consecutive_failures.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    -- The work's text (UTF-8): a FHIR resource as JSON, an id.
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Work given up after its kind's attempts, of every kind; kept until an operator replays it, never dropped.
CREATE TABLE dead_letter (
    kind             text        NOT NULL,
    id               text        NOT NULL,
    data             text,
    attempts         integer     NOT NULL,
    error            text        NOT NULL,
    dead_lettered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (kind, id)
);
