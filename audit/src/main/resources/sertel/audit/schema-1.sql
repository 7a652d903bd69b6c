-- The tamper-evident audit trail (module sertel-audit), in the service's own database and Flyway history.
--
-- Records form a few independent hash chains ("lanes"): each record carries the SHA-256 of the one before it in its
-- lane, and its own hash over
--   previous hash (32 bytes) || lane (int4) || seq (int8) || canonical payload of the other columns
-- (the payload encoding is in AuditCodec and the module's README). audit_head holds each lane's last seq and hash;
-- an append locks one head row, so appends within a lane are serialised, while appends of concurrent transactions
-- take different lanes and commit side by side. Everything here is append-only for everyone but a superuser who
-- switches the triggers off; what such a person changes, the verification finds.

CREATE FUNCTION sertel_audit_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

-- A head moves forward one record at a time, and never elsewhere.
CREATE FUNCTION sertel_audit_head_forward() RETURNS trigger AS $$
BEGIN
    IF NEW.lane <> OLD.lane OR NEW.seq <> OLD.seq + 1 OR NEW.prev_hash <> OLD.hash THEN
        RAISE EXCEPTION 'an audit lane head only moves forward by one record (lane %, seq % -> %)', OLD.lane, OLD.seq, NEW.seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TABLE audit_head (
    lane        smallint    PRIMARY KEY CHECK (lane >= 0),
    seq         bigint      NOT NULL CHECK (seq >= 0),
    prev_hash   bytea       NOT NULL,
    hash        bytea       NOT NULL,
    updated_at  timestamptz
);
CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head FOR EACH ROW EXECUTE FUNCTION sertel_audit_head_forward();
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION sertel_audit_refuse();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION sertel_audit_refuse();

CREATE TABLE audit_record (
    id          bigserial   PRIMARY KEY,
    lane        smallint    NOT NULL,
    seq         bigint      NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    actor_role  text,
    action      text        NOT NULL,
    outcome     text,
    subject     text,
    reference   text,
    request_id  text,
    detail      text,
    prev_hash   bytea       NOT NULL,
    hash        bytea       NOT NULL,
    CONSTRAINT audit_record_lane_seq UNIQUE (lane, seq)
);
-- What auditors filter by: the subject (serial, request, account, …), the second reference, the actor, the time.
CREATE INDEX audit_record_subject_idx ON audit_record (subject, id) WHERE subject IS NOT NULL;
CREATE INDEX audit_record_reference_idx ON audit_record (reference, id) WHERE reference IS NOT NULL;
CREATE INDEX audit_record_actor_idx ON audit_record (actor, id);
CREATE INDEX audit_record_time_idx ON audit_record USING brin (occurred_at);
CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record FOR EACH ROW EXECUTE FUNCTION sertel_audit_refuse();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record FOR EACH STATEMENT EXECUTE FUNCTION sertel_audit_refuse();

-- Signed statements of every lane's head at a moment; each names the digest of the one before it.
CREATE TABLE audit_checkpoint (
    id          bigserial   PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    statement   text        NOT NULL,
    algorithm   text        NOT NULL,
    key_id      text        NOT NULL,
    signature   bytea       NOT NULL
);
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint FOR EACH ROW EXECUTE FUNCTION sertel_audit_refuse();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION sertel_audit_refuse();
