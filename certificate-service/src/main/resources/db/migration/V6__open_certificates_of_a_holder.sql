-- renewal-service's guards (create and submit of every request) ask for a holder's certificates that are neither
-- superseded nor revoked: GET /internal/certificates?holderId=…&open=true. certificate_holder_idx would walk every
-- certificate the holder ever had and read each row to test its status; this index holds only the open ones, a
-- handful per holder however often they renewed. SUPERSEDED and REVOKED rows leave it when their status changes.
CREATE INDEX certificate_holder_open_idx ON certificate (holder_id, created_at DESC) WHERE status IN ('ACTIVE', 'SUSPENDED');
