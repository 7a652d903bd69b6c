-- The CA hand-overs and the workflow events leave through the one outbox engine (topics ca.issue, ca.revoke,
-- workflow.event; reference = the request id). Moves what the old outbox still held, then drops it.
INSERT INTO outbox_item (id, topic, ordering_key, reference, payload, status, attempts, next_attempt_at, last_error, created_at,
                         finished_at)
SELECT id,
       CASE kind WHEN 'CA_ISSUE' THEN 'ca.issue' WHEN 'CA_REVOKE' THEN 'ca.revoke' ELSE 'workflow.event' END,
       CASE WHEN kind = 'EVENT' THEN 'events:' || request_id END,
       request_id::text, payload,
       CASE WHEN gave_up_at IS NOT NULL THEN 'DEAD' ELSE 'PENDING' END,
       attempts, next_attempt_at, last_error, created_at, gave_up_at
FROM outbox
WHERE done_at IS NULL
ORDER BY created_at;

DROP TABLE outbox;

-- SOP step 1, asked of notification-service when the renewal is created (or submitted), never at completion
ALTER TABLE request ADD COLUMN reminder_sent_at timestamptz;
