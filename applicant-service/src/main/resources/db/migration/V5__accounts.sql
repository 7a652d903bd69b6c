-- Accounts as their users expect: password change and reset, deactivation, two-factor login (TOTP), browser login
-- (authorization code + PKCE), and a history of every change to an account.

ALTER TABLE account
    -- the TOTP secret, AES-GCM encrypted under sertel.auth.data-key (never stored in the clear), and its state
    ADD COLUMN totp_secret        bytea,
    ADD COLUMN totp_confirmed_at  timestamptz,
    -- the last 30-second step whose code was accepted: a code is never accepted twice (RFC 6238 §5.2)
    ADD COLUMN totp_last_step     bigint,
    ADD COLUMN password_changed_at timestamptz,
    -- raised whenever what the account's tokens say stops being true (deactivated, institutions changed, password
    -- reset): tokens carry it as "ver", and services refuse tokens of a lower version (GET /api/v1/auth/revocations)
    ADD COLUMN token_version      integer NOT NULL DEFAULT 0,
    ADD COLUMN token_version_at   timestamptz;
CREATE INDEX account_token_version_idx ON account (token_version_at) WHERE token_version_at IS NOT NULL;

-- How the person authenticated in a login session (RFC 8176 amr: pwd, otp), kept by every refresh token of it.
ALTER TABLE refresh_token ADD COLUMN amr varchar(32) NOT NULL DEFAULT 'pwd';

-- Recovery codes: shown once at enrolment, stored as SHA-256 only, each usable once.
CREATE TABLE recovery_code (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX recovery_code_account_idx ON recovery_code (account_id);

-- Password reset links: the token is mailed once, stored as SHA-256 only, single use, short-lived.
CREATE TABLE password_reset (
    id          uuid PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_reset_account_idx ON password_reset (account_id, created_at);

-- Authorization codes of the browser login: stored as SHA-256, single use, bound to client, redirect URI and the
-- PKCE challenge (S256), valid for a minute.
CREATE TABLE authorization_code (
    code_hash       bytea PRIMARY KEY,
    client_id       varchar(64)  NOT NULL,
    account_id      uuid         NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    redirect_uri    varchar(512) NOT NULL,
    code_challenge  varchar(128) NOT NULL,
    amr             varchar(32)  NOT NULL,
    auth_time       timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    used_at         timestamptz
);

-- Devices (browser and address) an account has logged in from; a new one gets the owner a notice by mail.
CREATE TABLE known_device (
    account_id    uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    fingerprint   bytea       NOT NULL,
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, fingerprint)
);

-- Every change to an account, by anyone: append-only, like the applicant history.
CREATE TABLE account_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  uuid         NOT NULL REFERENCES account (id),
    occurred_at timestamptz  NOT NULL,
    actor_id    uuid,
    actor_role  varchar(24)  NOT NULL,
    action      varchar(40)  NOT NULL,
    detail      varchar(500)
);
CREATE INDEX account_event_account_idx ON account_event (account_id, occurred_at);
CREATE TRIGGER account_event_append_only BEFORE UPDATE OR DELETE ON account_event
    FOR EACH ROW EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER account_event_no_truncate BEFORE TRUNCATE ON account_event
    FOR EACH STATEMENT EXECUTE FUNCTION sertel_refuse_change();
