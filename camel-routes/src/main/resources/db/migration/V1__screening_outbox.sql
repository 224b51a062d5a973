-- Screening responses waiting to become referrals. A row is written in the same transaction that stores the
-- response, and deleted in the same transaction that stores the referrals: the hand-off is never lost or doubled.
CREATE TABLE screening_outbox (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    response_id      text        NOT NULL,
    response_version bigint      NOT NULL,
    -- The patient reference; referrals for one patient are decided one at a time.
    subject          text        NOT NULL,
    enqueued_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Not before this time: failed attempts back off exponentially.
    available_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text
);

CREATE INDEX screening_outbox_due ON screening_outbox (available_at, id);

-- Hand-offs that failed permanently or too often. Kept until an operator replays them; never dropped.
CREATE TABLE screening_dead_letter (
    id                bigint      PRIMARY KEY,
    response_id       text        NOT NULL,
    response_version  bigint      NOT NULL,
    subject           text        NOT NULL,
    enqueued_at       timestamptz NOT NULL,
    attempts          integer     NOT NULL,
    error             text        NOT NULL,
    dead_lettered_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Secrets generated once per installation (shared by every server instance on this database).
CREATE TABLE installation_secret (
    name   text  PRIMARY KEY,
    secret bytea NOT NULL
);

-- Keys the identifier of an anonymous Duty to Notify Task: stable, so the Task is created once, but not derivable
-- from the screening response without this key. gen_random_uuid() draws from PostgreSQL's strong random source.
INSERT INTO installation_secret (name, secret)
VALUES ('anonymous-referral-key',
        decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
