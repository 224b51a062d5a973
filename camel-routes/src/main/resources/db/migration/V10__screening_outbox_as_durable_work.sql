-- Screening responses still waiting in the route's own outbox move to durable work, with the attempts they have had
-- and when they were announced; the work's text names the response's version and its patient. Dead letters move too.
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, consecutive_failures, version,
                             enqueued_at)
SELECT 'screening-referral', 'outbox-' || id,
       convert_to('QuestionnaireResponse/' || response_id || '/_history/' || response_version || ' ' || subject, 'UTF8'),
       available_at, false, attempts, 1, enqueued_at
FROM screening_outbox;

INSERT INTO dead_letter (kind, id, data, attempts, error, dead_lettered_at)
SELECT 'screening-referral', 'outbox-' || id,
       'QuestionnaireResponse/' || response_id || '/_history/' || response_version || ' ' || subject,
       attempts, error, dead_lettered_at
FROM screening_dead_letter;

DROP TABLE screening_dead_letter;
DROP TABLE screening_outbox;
