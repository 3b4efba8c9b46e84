-- MolDash metadata: organizations and user accounts. Listings read these; grains write them.
CREATE TABLE organizations
(
    id uuid PRIMARY KEY,
    name text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid NOT NULL
);
CREATE UNIQUE INDEX ux_organizations_name ON organizations (lower(name));

CREATE TABLE users
(
    id uuid PRIMARY KEY,
    email text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    is_root boolean NOT NULL DEFAULT false,
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_users_email ON users (lower(email));
