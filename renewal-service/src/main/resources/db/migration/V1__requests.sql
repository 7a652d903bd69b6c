-- Requests of the SOP workflow: issuance, renewal and revocation, one state machine (docs: DOMAIN.md).
CREATE TABLE request (
    id              uuid PRIMARY KEY,
    type            varchar(16) NOT NULL CHECK (type IN ('ISSUANCE', 'RENEWAL', 'REVOCATION')),
    state           varchar(16) NOT NULL CHECK (state IN ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'REJECTED',
                                                          'APPROVED', 'ISSUING', 'COMPLETED', 'CANCELLED')),
    applicant_id    uuid        NOT NULL,
    institution_id  uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);
-- an applicant's own requests, newest first
CREATE INDEX request_applicant_idx ON request (applicant_id, created_at DESC);
-- a verifier's queue: their institutions' requests in a state, oldest first
CREATE INDEX request_queue_idx ON request (institution_id, state, created_at);
