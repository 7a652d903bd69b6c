-- Regional systems (e-office, SIMPEG, portals) registered by an admin: what they may see (institutions) and do
-- (scopes), how they authenticate (a client secret, stored as SHA-256 only, rotated with overlap; or private_key_jwt,
-- RFC 7523, with registered public keys), and an append-only history of every change and token.

CREATE TABLE integration_client (
    id                 varchar(40)  PRIMARY KEY,
    name               varchar(200) NOT NULL,
    owner_contact      varchar(254) NOT NULL,
    scopes             varchar(200) NOT NULL,
    auth_method        varchar(20)  NOT NULL CHECK (auth_method IN ('client_secret', 'private_key_jwt')),
    status             varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    -- raised when what the client's tokens say stops being true (disabled, scopes or institutions changed)
    token_version      integer      NOT NULL DEFAULT 0,
    token_version_at   timestamptz,
    created_at         timestamptz  NOT NULL,
    created_by         uuid         NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            integer      NOT NULL DEFAULT 0
);
CREATE INDEX integration_client_token_version_idx ON integration_client (token_version_at) WHERE token_version_at IS NOT NULL;

CREATE TABLE integration_client_institution (
    client_id       varchar(40) NOT NULL REFERENCES integration_client (id) ON DELETE CASCADE,
    institution_id  uuid        NOT NULL REFERENCES institution (id),
    PRIMARY KEY (client_id, institution_id)
);

CREATE TABLE integration_client_secret (
    id           uuid        PRIMARY KEY,
    client_id    varchar(40) NOT NULL REFERENCES integration_client (id) ON DELETE CASCADE,
    secret_hash  bytea       NOT NULL UNIQUE,
    -- the first characters, so an admin can tell secrets apart without seeing them
    hint         varchar(16) NOT NULL,
    created_at   timestamptz NOT NULL,
    -- set on the old secret when a new one is made: both work until then (rotation with overlap)
    expires_at   timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX integration_client_secret_client_idx ON integration_client_secret (client_id);

CREATE TABLE integration_client_key (
    id           uuid         PRIMARY KEY,
    client_id    varchar(40)  NOT NULL REFERENCES integration_client (id) ON DELETE CASCADE,
    kid          varchar(100) NOT NULL,
    algorithm    varchar(8)   NOT NULL CHECK (algorithm IN ('ES256', 'RS256')),
    public_key   bytea        NOT NULL,
    created_at   timestamptz  NOT NULL,
    revoked_at   timestamptz,
    UNIQUE (client_id, kid)
);

-- Every client assertion's jti until it expires: an assertion is accepted once (RFC 7523 §3, item 7).
CREATE TABLE client_assertion_use (
    client_id   varchar(40)  NOT NULL,
    jti         varchar(200) NOT NULL,
    expires_at  timestamptz  NOT NULL,
    PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_use_expiry_idx ON client_assertion_use (expires_at);

CREATE TABLE integration_client_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id    varchar(40)  NOT NULL REFERENCES integration_client (id),
    occurred_at  timestamptz  NOT NULL,
    action       varchar(32)  NOT NULL,
    actor_id     uuid,
    detail       varchar(1000)
);
CREATE INDEX integration_client_event_client_idx ON integration_client_event (client_id, occurred_at);
CREATE TRIGGER integration_client_event_append_only BEFORE UPDATE OR DELETE ON integration_client_event
    FOR EACH ROW EXECUTE FUNCTION sertel_refuse_change();
CREATE TRIGGER integration_client_event_no_truncate BEFORE TRUNCATE ON integration_client_event
    FOR EACH STATEMENT EXECUTE FUNCTION sertel_refuse_change();
