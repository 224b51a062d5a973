-- Queued research exports are made as durable work (kind research-export, the job's id as the piece's id and text);
-- a job's attempts so far count as the piece's failures. Backoff and leases are durable work's now.
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, consecutive_failures, version)
SELECT 'research-export', id::text, convert_to(id::text, 'UTF8'), next_attempt_at, false, attempts, 1
FROM export_job
WHERE status = 'queued';

DROP INDEX export_job_due;
ALTER TABLE export_job DROP COLUMN next_attempt_at;
COMMENT ON COLUMN export_job.attempts IS 'Attempts started, counted as each starts: the status says an export is under way';
