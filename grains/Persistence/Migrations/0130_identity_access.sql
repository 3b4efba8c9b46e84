-- Fine-grained permissions per membership: granted beyond the roles' defaults, or withheld from them.
-- The security stamp changes with every change to the membership and to the user's password; access
-- tokens carry it and the silo refuses a token whose stamp is no longer the membership's.
ALTER TABLE memberships
    ADD COLUMN permissions_granted text[] NOT NULL DEFAULT '{}',
    ADD COLUMN permissions_withheld text[] NOT NULL DEFAULT '{}',
    ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid();

-- Invitations into an org. Only the token's SHA-256 is stored; it is shown once to whoever invited.
CREATE TABLE invitations
(
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    email text NOT NULL,
    display_name text NOT NULL,
    roles text[] NOT NULL,
    permissions_granted text[] NOT NULL,
    permissions_withheld text[] NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    accepted_at timestamptz NULL,
    accepted_by uuid NULL REFERENCES users (id),
    revoked_at timestamptz NULL
);
CREATE INDEX ix_invitations_org ON invitations (org_id, created_at, id);
CREATE INDEX ix_invitations_email ON invitations (org_id, lower(email));

-- Password reset tokens issued by an org's user managers: hashed, short-lived, single use.
CREATE TABLE password_resets
(
    token_hash text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    org_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL
);
CREATE INDEX ix_password_resets_user ON password_resets (user_id);
