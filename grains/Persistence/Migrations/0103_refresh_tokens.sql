-- Refresh tokens: only their SHA-256 is stored. Each use rotates the token within its family; presenting
-- a used token again means it leaked, and the whole family is revoked.
CREATE TABLE refresh_tokens
(
    token_hash text PRIMARY KEY,
    family_id uuid NOT NULL,
    user_id uuid NOT NULL REFERENCES users (id),
    org_id uuid NULL REFERENCES organizations (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL,
    revoked_at timestamptz NULL
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id, org_id);
