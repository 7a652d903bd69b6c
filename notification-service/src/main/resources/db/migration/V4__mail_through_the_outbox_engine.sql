-- Mail leaves through the one outbox engine (topic 'mail', item id = delivery id). The delivery row stays the
-- log of the message; its attempts are the engine's attempt records. Moves what the old outbox held.

UPDATE delivery SET status = 'PENDING' WHERE status = 'SENDING';

-- every message that was or is to be sent gets its outbox item, so its attempts have a home
INSERT INTO outbox_item (id, topic, reference, status, attempts, next_attempt_at, created_at, finished_at, last_error)
SELECT id, 'mail', id::text,
       CASE WHEN status IN ('PENDING', 'RETRYING') THEN 'PENDING' WHEN status = 'FAILED' THEN 'DEAD' ELSE 'DONE' END,
       attempts, COALESCE(next_attempt_at, created_at), created_at,
       CASE WHEN status IN ('PENDING', 'RETRYING') THEN NULL ELSE updated_at END, last_error
FROM delivery
WHERE status <> 'SKIPPED' OR attempts > 0;

INSERT INTO outbox_attempt (item_id, number, worker, started_at, finished_at, outcome, code, detail)
SELECT a.delivery_id, a.number, a.worker, a.started_at, COALESCE(a.finished_at, a.started_at),
       CASE a.outcome WHEN 'SENT' THEN 'DONE' WHEN 'SKIPPED' THEN 'DONE' WHEN 'TRANSIENT' THEN 'RETRY'
                      WHEN 'PERMANENT' THEN 'DEAD' ELSE 'ABANDONED' END,
       CASE WHEN a.outcome = 'SKIPPED' THEN 'SKIPPED' ELSE a.smtp_code::text END,
       a.detail
FROM delivery_attempt a JOIN outbox_item i ON i.id = a.delivery_id;

DROP TABLE delivery_attempt;
DROP INDEX delivery_due_idx;
DROP INDEX delivery_leased_idx;
ALTER TABLE delivery DROP COLUMN lease_until;
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check CHECK (status IN ('PENDING', 'SENT', 'RETRYING', 'FAILED', 'SKIPPED'));
