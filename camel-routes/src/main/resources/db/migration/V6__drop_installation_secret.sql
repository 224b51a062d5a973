-- V1's key for the identifiers of anonymous Duty to Notify Tasks is read by nothing any more: the pipeline no longer
-- creates such a Task (a lead decides on the notification). A secret nobody uses is still a secret to guard, so it
-- goes; the pipeline's migrations keep only the pipeline's own tables, the outbox and its dead letters.
DROP TABLE IF EXISTS installation_secret;
