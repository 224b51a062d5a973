-- Task notifications. A subscription's delivery details live here beside the Subscription resource: who made it (the
-- roles and subject its notifications are judged against), where it delivers, the secret that signs its deliveries,
-- and how its deliveries are going. Notifications are written in the transaction that changes the Task and deleted
-- once delivered: a crash at any point loses none, and a failing receiver is retried with backoff, never skipped.
CREATE TABLE subscription_channel (
    subscription_id text        PRIMARY KEY,
    owner           text        NOT NULL,
    -- The owner's roles (claim values, comma-separated) when the Subscription was last written.
    roles           text        NOT NULL,
    -- Whether the owner's token let it read Tasks at all.
    reads_tasks     boolean     NOT NULL,
    criteria        text        NOT NULL,
    channel_type    text        NOT NULL CHECK (channel_type IN ('rest-hook', 'websocket')),
    endpoint        text,
    -- "Name: value" lines sent with each rest-hook delivery.
    headers         text        NOT NULL DEFAULT '',
    server_base     text        NOT NULL,
    secret          text        NOT NULL,
    active          boolean     NOT NULL,
    -- Event numbers run per subscription without gaps, so a receiver can tell when it missed one.
    events          bigint      NOT NULL DEFAULT 0,
    failures        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text
);

CREATE TABLE notification_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id text        NOT NULL REFERENCES subscription_channel ON DELETE CASCADE,
    event_number    bigint      NOT NULL,
    -- The Task, versionless (Task/123): payloads are id-only.
    focus           text        NOT NULL,
    interaction     text        NOT NULL CHECK (interaction IN ('create', 'update', 'delete')),
    occurred_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX notification_outbox_subscription ON notification_outbox (subscription_id, id);
