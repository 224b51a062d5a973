-- Research exports ($export). A job is queued by the kick-off request and made by a worker in one transaction that
-- writes every file and marks the job completed, or nothing: a crash leaves the job queued, to be made again. Files
-- are kept here rather than on one instance's disk, so any instance can serve them, until the job expires.
CREATE TABLE export_job (
    id               uuid        PRIMARY KEY,
    -- The token subject that asked for it: only that caller may poll, download or cancel.
    owner            text        NOT NULL,
    configuration    text        NOT NULL,
    -- Comma-separated resource types.
    types            text        NOT NULL,
    request_url      text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('queued', 'completed', 'failed')),
    requested_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Attempts started; counted when an attempt starts, so an export that crashes the server is not retried forever.
    attempts         integer     NOT NULL DEFAULT 0,
    -- A queued job is not taken before this: a backoff after a failure, or the lease of an attempt under way.
    next_attempt_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    transaction_time timestamptz,
    expires_at       timestamptz,
    -- The manifest's extension object (JSON): configuration, k and what k-anonymity did.
    summary          text
);

CREATE INDEX export_job_due ON export_job (next_attempt_at) WHERE status = 'queued';
CREATE INDEX export_job_owner ON export_job (owner);
-- One export being made per requester at a time, whichever instance takes the kick-off.
CREATE UNIQUE INDEX export_job_one_queued_per_owner ON export_job (owner) WHERE status = 'queued';

CREATE TABLE export_file (
    job_id         uuid    NOT NULL REFERENCES export_job ON DELETE CASCADE,
    file_number    integer NOT NULL,
    resource_type  text    NOT NULL,
    resource_count integer NOT NULL,
    content        text    NOT NULL,
    PRIMARY KEY (job_id, file_number)
);
