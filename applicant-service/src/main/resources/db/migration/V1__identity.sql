-- Identity: accounts of people (applicants, verifiers, admins), their refresh tokens, and login throttling.
-- Service identities are not stored here: their client credentials come from configuration.

CREATE TABLE account (
    id              uuid PRIMARY KEY,
    email           varchar(254) NOT NULL,
    password_hash   varchar(255),
    role            varchar(16)  NOT NULL CHECK (role IN ('APPLICANT', 'VERIFIER', 'ADMIN')),
    status          varchar(24)  NOT NULL CHECK (status IN ('PENDING_EMAIL', 'PENDING_ACTIVATION', 'ACTIVE', 'DISABLED')),
    full_name       varchar(200) NOT NULL,
    language        varchar(2)   NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);
-- e-mail addresses are compared case-insensitively; the stored form is lower case
CREATE UNIQUE INDEX account_email_uk ON account (lower(email));
CREATE INDEX account_role_idx ON account (role);

-- Opaque refresh tokens, stored only as SHA-256 hashes. Each login starts a family; each refresh marks the
-- presented token used and issues the next one in the same family. Presenting a used token revokes the family.
CREATE TABLE refresh_token (
    id          uuid PRIMARY KEY,
    token_hash  bytea        NOT NULL UNIQUE,
    family_id   uuid         NOT NULL,
    account_id  uuid         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    issued_at   timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);

-- Failed password logins per user name (whether or not the account exists, so the lock reveals nothing).
CREATE TABLE login_attempt (
    username        varchar(254) PRIMARY KEY,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz
);
