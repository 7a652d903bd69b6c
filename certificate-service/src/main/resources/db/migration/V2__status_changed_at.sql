-- When a certificate's revocation status last changed (revoked, suspended, resumed): every replica's OCSP response
-- cache polls this to drop what another replica made stale.
ALTER TABLE certificate ADD COLUMN status_changed_at timestamptz;
UPDATE certificate SET status_changed_at = revoked_at WHERE revoked_at IS NOT NULL;
CREATE INDEX certificate_status_changed_idx ON certificate (status_changed_at) WHERE status_changed_at IS NOT NULL;
