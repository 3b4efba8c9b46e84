-- OpenID Connect providers configured by Root, and the external identities linked to users through them.
-- The client secret is stored encrypted (AES-GCM, key IdentityProviders:SecretKey, which is not in the database).
CREATE TABLE identity_providers
(
    name text PRIMARY KEY,
    display_name text NOT NULL,
    authority text NOT NULL,
    client_id text NOT NULL,
    client_secret_protected text NOT NULL,
    allowed_domains text[] NOT NULL,
    default_org_id uuid NULL REFERENCES organizations (id) ON DELETE SET NULL,
    default_role text NULL,
    enabled boolean NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE external_identities
(
    id uuid PRIMARY KEY,
    provider text NOT NULL REFERENCES identity_providers (name) ON DELETE CASCADE,
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id uuid NOT NULL REFERENCES users (id),
    email text NOT NULL,
    linked_at timestamptz NOT NULL,
    last_login_at timestamptz NULL,
    UNIQUE (issuer, subject)
);
CREATE INDEX ix_external_identities_provider ON external_identities (provider, linked_at, id);
CREATE INDEX ix_external_identities_user ON external_identities (user_id);
