-- A key sertel generates is either delivered once as a PKCS#12 (as before) or kept by signing-service for document
-- signing; the request remembers which, and for a kept key the id signing-service gave it.
ALTER TABLE request
    ADD COLUMN key_custody    varchar(16),
    ADD COLUMN signing_key_id uuid;

UPDATE request SET key_custody = 'DELIVERED' WHERE key_generation;

ALTER TABLE request
    ADD CONSTRAINT request_key_custody CHECK (
        (key_generation AND key_custody IN ('DELIVERED', 'KEPT')) OR (NOT key_generation AND key_custody IS NULL)),
    ADD CONSTRAINT request_signing_key CHECK (signing_key_id IS NULL OR key_custody = 'KEPT');
