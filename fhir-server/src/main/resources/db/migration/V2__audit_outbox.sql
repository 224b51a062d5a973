-- Audit records on their way to becoming AuditEvent resources. A row is written before a read's answer is sent, or in
-- the transaction of the write it records, and deleted in the transaction that stores its AuditEvent: a crash at any
-- point loses no audit record and stores none twice. The event is FHIR JSON, ready to store.
CREATE TABLE audit_outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event        text        NOT NULL,
    enqueued_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- Not before this time: failed attempts back off.
    available_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text
);

CREATE INDEX audit_outbox_due ON audit_outbox (available_at, id);
