-- The language the applicant reads mail in, taken with the subject snapshot at submission (refreshed at approval):
-- the workflow's events name their recipients, so notification-service writes without looking anybody up. A request
-- submitted before this column has none; its events name nobody and notification-service looks the applicant up.
ALTER TABLE request ADD COLUMN snap_language varchar(8);

-- Whether notification-service answered the question of SOP step 1 (which reminder preceded this renewal), also when
-- the answer was "none": a submission asks only when creating the request could not get an answer.
ALTER TABLE request ADD COLUMN reminder_known boolean NOT NULL DEFAULT false;
UPDATE request SET reminder_known = true WHERE reminder_sent_at IS NOT NULL;
