-- A user belongs to organizations through memberships, each with its own roles.
CREATE TABLE memberships
(
    user_id uuid NOT NULL REFERENCES users (id),
    org_id uuid NOT NULL REFERENCES organizations (id),
    roles text[] NOT NULL,
    -- Disabled in this org only: the same person may still work in their other orgs.
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, org_id)
);
CREATE INDEX ix_memberships_org ON memberships (org_id, created_at, user_id);
