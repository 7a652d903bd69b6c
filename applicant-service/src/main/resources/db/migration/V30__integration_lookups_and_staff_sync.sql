-- Issue 16, regional systems using people's data: every status lookup and staff-sync item an integration client makes
-- (who asked about whom, when, what was answered), data changes a staffing system submits, and who wrote an applicant's
-- history when no person did.

-- The data change a staffing system (SIMPEG) submitted: the source is the integration client, not the applicant.
ALTER TABLE data_change ADD COLUMN submitted_by_client varchar(40) REFERENCES integration_client (id);

-- A history entry written by an integration client (a registration from SIMPEG): actor_role 'INTEGRATION', no actor_id.
ALTER TABLE applicant_history ADD COLUMN actor_client varchar(40);

-- One row per person asked about or sent, per call (UU 27/2022 PDP: every lookup of a person is recorded). The NIK or
-- NIP is kept only masked (all but the last four digits); applicant_id names the person when they are known, also when
-- they are outside the client's institutions (the client was told "not found", the admin sees who it was).
CREATE TABLE integration_audit (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL,
    client_id     varchar(40)  NOT NULL REFERENCES integration_client (id),
    operation     varchar(24)  NOT NULL CHECK (operation IN ('STATUS_LOOKUP', 'STAFF_SYNC', 'STAFF_SYNC_DRY_RUN')),
    batch_id      uuid         NOT NULL,
    item_index    integer      NOT NULL CHECK (item_index >= 0),
    applicant_id  uuid,
    person        varchar(40)  NOT NULL CHECK (person !~ '[0-9]{5}'),
    outcome       varchar(32)  NOT NULL,
    detail        varchar(500),
    request_id    varchar(100)
);
CREATE INDEX integration_audit_operation_idx ON integration_audit (operation, occurred_at DESC);
CREATE INDEX integration_audit_client_idx ON integration_audit (client_id, operation, occurred_at DESC);
CREATE INDEX integration_audit_applicant_idx ON integration_audit (applicant_id) WHERE applicant_id IS NOT NULL;
CREATE TRIGGER integration_audit_append_only BEFORE UPDATE OR DELETE ON integration_audit
    FOR EACH ROW EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER integration_audit_no_truncate BEFORE TRUNCATE ON integration_audit
    FOR EACH STATEMENT EXECUTE FUNCTION sertel_refuse_change();
