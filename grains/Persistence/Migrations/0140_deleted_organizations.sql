-- Organizations that were deleted with their data. Their rows elsewhere are gone; this one remains so that
-- grains still holding the org's state in memory answer "not found" to Root, and so audit rows stay explainable.
CREATE TABLE deleted_organizations
(
    id uuid PRIMARY KEY,
    name text NOT NULL,
    deleted_at timestamptz NOT NULL,
    deleted_by uuid NOT NULL
);
