-- The workflow of issue 5: key material, the frozen subject snapshot, review, decisions and the result;
-- the transition log, the step-7 evidence, the transactional outbox and the SOP step durations.

ALTER TABLE request
    ADD COLUMN csr                    text,
    ADD COLUMN key_generation         boolean      NOT NULL DEFAULT false,
    ADD COLUMN key_type               varchar(16),
    -- RENEWAL: the certificate being renewed (predecessor); REVOCATION: the certificate to revoke
    ADD COLUMN certificate_serial     varchar(40),
    ADD COLUMN revocation_reason      varchar(32),
    -- SOP step 2: when the applicant logged in for the session that created the request (auth_time, else iat)
    ADD COLUMN login_at               timestamptz,
    ADD COLUMN first_submitted_at     timestamptz,
    ADD COLUMN submitted_at           timestamptz,
    ADD COLUMN claimed_by             uuid,
    ADD COLUMN claimed_at             timestamptz,
    ADD COLUMN approved_by            uuid,
    ADD COLUMN approved_at            timestamptz,
    ADD COLUMN completed_at           timestamptz,
    ADD COLUMN reason                 varchar(1000),
    ADD COLUMN issued_serial          varchar(40),
    ADD COLUMN issued_not_before      timestamptz,
    ADD COLUMN issued_not_after       timestamptz,
    -- the subject snapshot, frozen at (each) submission
    ADD COLUMN snap_full_name         varchar(200),
    ADD COLUMN snap_email             varchar(254),
    ADD COLUMN snap_nik               varchar(16),
    ADD COLUMN snap_institution_id    uuid,
    ADD COLUMN snap_institution_name  varchar(200),
    ADD COLUMN snap_institution_code  varchar(32),
    ADD COLUMN snap_unit_name         varchar(200),
    ADD COLUMN snap_data_version      integer,
    ADD COLUMN snap_confirmed_version integer,
    ADD COLUMN snap_confirmed_at      timestamptz,
    ADD COLUMN snap_subject_version   integer,
    ADD COLUMN snap_taken_at          timestamptz,
    ADD CONSTRAINT request_key_source CHECK (NOT (csr IS NOT NULL AND key_generation));

-- one open request per applicant and type, enforced by the database as well as by the service
CREATE UNIQUE INDEX request_one_open_per_type ON request (applicant_id, type)
    WHERE state NOT IN ('REJECTED', 'COMPLETED', 'CANCELLED');
-- the verifiers' queue: submitted requests of an institution, oldest submission first
CREATE INDEX request_submitted_queue_idx ON request (institution_id, submitted_at) WHERE state = 'SUBMITTED';

-- every state change: who, when, why
CREATE TABLE request_transition (
    id          bigserial PRIMARY KEY,
    request_id  uuid         NOT NULL REFERENCES request (id),
    from_state  varchar(16),
    to_state    varchar(16)  NOT NULL,
    actor       varchar(64)  NOT NULL,
    actor_role  varchar(32)  NOT NULL,
    at          timestamptz  NOT NULL,
    reason      varchar(1000)
);
CREATE INDEX request_transition_request_idx ON request_transition (request_id, id);

-- SOP step 7a: each subject item checked against the applicant's documents
CREATE TABLE subject_check (
    request_id  uuid          NOT NULL REFERENCES request (id),
    item        varchar(16)   NOT NULL CHECK (item IN ('FULL_NAME', 'EMAIL', 'NIK', 'INSTITUTION', 'UNIT')),
    matches     boolean       NOT NULL,
    note        varchar(1000),
    recorded_by uuid          NOT NULL,
    recorded_at timestamptz   NOT NULL,
    PRIMARY KEY (request_id, item)
);

-- SOP step 7b: the applicant's institution contacted
CREATE TABLE institution_contact (
    request_id     uuid PRIMARY KEY REFERENCES request (id),
    contact_person varchar(200)  NOT NULL,
    channel        varchar(16)   NOT NULL CHECK (channel IN ('PHONE', 'EMAIL', 'LETTER', 'IN_PERSON')),
    contacted_at   timestamptz   NOT NULL,
    outcome        varchar(16)   NOT NULL CHECK (outcome IN ('CONFIRMED', 'NOT_CONFIRMED', 'UNREACHABLE')),
    note           varchar(1000),
    recorded_by    uuid          NOT NULL,
    recorded_at    timestamptz   NOT NULL
);

-- The transactional outbox: work that must survive a crash, written in the transaction of the state change.
-- Scheduling columns use the database clock, so several replicas agree on what is due.
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,
    kind            varchar(16)  NOT NULL CHECK (kind IN ('CA_ISSUE', 'CA_REVOKE', 'EVENT')),
    request_id      uuid         NOT NULL REFERENCES request (id),
    payload         text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    locked_until    timestamptz,
    attempts        integer      NOT NULL DEFAULT 0,
    last_error      varchar(1000),
    last_attempt_at timestamptz,
    done_at         timestamptz,
    gave_up_at      timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE done_at IS NULL AND gave_up_at IS NULL;
CREATE INDEX outbox_request_idx ON outbox (request_id);

-- SOP step durations of completed requests, for the monthly summary (median, p90, share within standard)
CREATE TABLE sop_step_duration (
    request_id       uuid             NOT NULL REFERENCES request (id),
    step             smallint         NOT NULL,
    completed_at     timestamptz      NOT NULL,
    duration_seconds double precision NOT NULL,
    standard_seconds double precision NOT NULL,
    PRIMARY KEY (request_id, step)
);
CREATE INDEX sop_step_duration_completed_idx ON sop_step_duration (completed_at);
