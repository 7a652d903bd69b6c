-- Institutions, officers' assignments, applicants, confirmations, data changes and the append-only history.
-- An applicant's id is its account id; name, e-mail, language and status live on the account (V1).

CREATE TABLE institution (
    id          uuid PRIMARY KEY,
    code        varchar(32)  NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name        varchar(200) NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX institution_code_uk ON institution (code);
CREATE UNIQUE INDEX institution_name_uk ON institution (lower(name));

-- e-mail domains an applicant's official address may use, lower case, exact match
CREATE TABLE institution_email_domain (
    institution_id  uuid         NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    domain          varchar(253) NOT NULL CHECK (domain = lower(domain)),
    PRIMARY KEY (institution_id, domain)
);

CREATE TABLE work_unit (
    id              uuid PRIMARY KEY,
    institution_id  uuid         NOT NULL REFERENCES institution (id),
    name            varchar(200) NOT NULL,
    active          boolean      NOT NULL DEFAULT true
);
CREATE UNIQUE INDEX work_unit_name_uk ON work_unit (institution_id, lower(name));

-- which institutions a verifier serves (admins serve all and have no rows)
CREATE TABLE officer_institution (
    account_id      uuid        NOT NULL REFERENCES account (id),
    institution_id  uuid        NOT NULL REFERENCES institution (id),
    assigned_at     timestamptz NOT NULL,
    assigned_by     uuid,
    PRIMARY KEY (account_id, institution_id)
);
CREATE INDEX officer_institution_inst_idx ON officer_institution (institution_id);

CREATE TABLE applicant (
    id                 uuid PRIMARY KEY REFERENCES account (id),
    nik                char(16)     NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    nip                char(18)     CHECK (nip ~ '^[0-9]{18}$'),
    phone              varchar(16)  NOT NULL,
    position           varchar(200) NOT NULL,
    employment_type    varchar(8)   NOT NULL CHECK (employment_type IN ('PNS', 'PPPK', 'NON_ASN')),
    institution_id     uuid         NOT NULL REFERENCES institution (id),
    work_unit_id       uuid         NOT NULL REFERENCES work_unit (id),
    self_registered    boolean      NOT NULL,
    data_version       integer      NOT NULL CHECK (data_version >= 1),
    subject_version    integer      NOT NULL CHECK (subject_version >= 1 AND subject_version <= data_version),
    confirmed_version  integer,
    confirmed_at       timestamptz
);
CREATE UNIQUE INDEX applicant_nik_uk ON applicant (nik);
CREATE UNIQUE INDEX applicant_nip_uk ON applicant (nip) WHERE nip IS NOT NULL;
CREATE INDEX applicant_institution_idx ON applicant (institution_id);

-- single-use e-mail confirmation tokens; only their SHA-256 is stored
CREATE TABLE email_token (
    id          uuid PRIMARY KEY,
    account_id  uuid         NOT NULL REFERENCES account (id),
    token_hash  bytea        NOT NULL UNIQUE,
    email       varchar(254) NOT NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz
);
CREATE INDEX email_token_account_idx ON email_token (account_id);

-- SOP step 3 ("Sesuai"): the applicant confirmed data version N at time T
CREATE TABLE applicant_confirmation (
    id            uuid PRIMARY KEY,
    applicant_id  uuid        NOT NULL REFERENCES applicant (id),
    data_version  integer     NOT NULL,
    confirmed_at  timestamptz NOT NULL
);
CREATE INDEX applicant_confirmation_applicant_idx ON applicant_confirmation (applicant_id, confirmed_at);

-- SOP step 4 ("Perubahan Data Pemohon"): requested new values, reviewed by a verifier
CREATE TABLE data_change (
    id                 uuid PRIMARY KEY,
    applicant_id       uuid          NOT NULL REFERENCES applicant (id),
    institution_id     uuid          NOT NULL REFERENCES institution (id),
    status             varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED')),
    base_data_version  integer       NOT NULL,
    changes            jsonb         NOT NULL,
    subject_change     boolean       NOT NULL,
    reason             varchar(1000) NOT NULL,
    submitted_at       timestamptz   NOT NULL,
    decided_at         timestamptz,
    decided_by         uuid REFERENCES account (id),
    decision_reason    varchar(1000),
    result_version     integer,
    version            bigint        NOT NULL DEFAULT 0
);
-- one open change per applicant
CREATE UNIQUE INDEX data_change_one_open_uk ON data_change (applicant_id) WHERE status = 'SUBMITTED';
CREATE INDEX data_change_queue_idx ON data_change (institution_id, status, submitted_at);

CREATE TABLE data_change_document (
    id              uuid PRIMARY KEY,
    data_change_id  uuid         NOT NULL REFERENCES data_change (id),
    file_name       varchar(200) NOT NULL,
    media_type      varchar(40)  NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes      integer      NOT NULL CHECK (size_bytes > 0),
    sha256          char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content         bytea        NOT NULL,
    uploaded_at     timestamptz  NOT NULL
);
CREATE INDEX data_change_document_change_idx ON data_change_document (data_change_id);

-- every change to applicant data, by anyone: append-only, enforced below
CREATE TABLE applicant_history (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    applicant_id    uuid          NOT NULL REFERENCES applicant (id),
    data_version    integer       NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    actor_id        uuid,
    actor_role      varchar(24)   NOT NULL,
    action          varchar(32)   NOT NULL,
    changes         jsonb         NOT NULL,
    reason          varchar(1000),
    data_change_id  uuid REFERENCES data_change (id)
);
CREATE INDEX applicant_history_applicant_idx ON applicant_history (applicant_id, id);

CREATE FUNCTION sertel_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER applicant_history_append_only BEFORE UPDATE OR DELETE ON applicant_history
    FOR EACH ROW EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER applicant_history_no_truncate BEFORE TRUNCATE ON applicant_history
    FOR EACH STATEMENT EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER applicant_confirmation_append_only BEFORE UPDATE OR DELETE ON applicant_confirmation
    FOR EACH ROW EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER applicant_confirmation_no_truncate BEFORE TRUNCATE ON applicant_confirmation
    FOR EACH STATEMENT EXECUTE FUNCTION sertel_refuse_change();
