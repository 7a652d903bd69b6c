-- A revoked or suspended certificate is listed on the CRL with its revocation time, so its row must have one. Our
-- own revocation always writes both; this refuses a row that does not (a hand-made UPDATE, a bulk import) where it is
-- written, instead of the CRL's next signing failing on it. NOT VALID: an existing database migrates even if it
-- already holds such a row; new and changed rows are checked. docs/RUNBOOK.md (SertelCrlNearNextUpdate) finds and
-- mends old ones, then VALIDATE CONSTRAINT covers them too.
ALTER TABLE certificate
    ADD CONSTRAINT certificate_revoked_at_present
    CHECK (status NOT IN ('REVOKED', 'SUSPENDED') OR revoked_at IS NOT NULL) NOT VALID;
