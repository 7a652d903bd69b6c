-- The AUDITOR role (issue 19): read-only access to the audit trails of every service, an officer account that admins
-- create like verifiers and admins, with no institutions.
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check CHECK (role IN ('APPLICANT', 'VERIFIER', 'ADMIN', 'AUDITOR'));
