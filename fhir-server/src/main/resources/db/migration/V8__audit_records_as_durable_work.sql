-- Audit records still waiting in their own outbox move over, with the attempts they have had.
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, consecutive_failures, version)
SELECT 'audit-record', 'outbox-' || id, convert_to(event, 'UTF8'), available_at, false, attempts, 1
FROM audit_outbox;

DROP TABLE audit_outbox;
