-- When the person of a login session authenticated with a password: access tokens carry it as the OIDC
-- auth_time claim (the SOP timeline's "logged in"), and every refresh token of the family keeps it.
ALTER TABLE refresh_token ADD COLUMN auth_time timestamptz;
UPDATE refresh_token t SET auth_time = f.first_issued
  FROM (SELECT family_id, min(issued_at) AS first_issued FROM refresh_token GROUP BY family_id) f
 WHERE t.family_id = f.family_id;
ALTER TABLE refresh_token ALTER COLUMN auth_time SET NOT NULL;
