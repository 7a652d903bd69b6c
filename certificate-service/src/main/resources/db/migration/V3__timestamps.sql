-- Every RFC 3161 time-stamp token our TSA granted: the serial is the primary key, so no two tokens share one, and
-- the row is written in the transaction that also writes the audit event, before the token is handed out.
CREATE TABLE timestamp_token (
    serial            varchar(40)  PRIMARY KEY,
    gen_time          timestamptz  NOT NULL,
    policy_oid        varchar(128) NOT NULL,
    hash_algorithm    varchar(64)  NOT NULL,
    message_imprint   varchar(128) NOT NULL,
    nonce             varchar(80),
    tsa_serial        varchar(40)  NOT NULL
);
CREATE INDEX timestamp_token_gen_time_idx ON timestamp_token (gen_time);
