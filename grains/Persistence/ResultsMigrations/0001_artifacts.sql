-- An organization's results database. Artifacts: files of the org in its blob container, de-duplicated
-- by checksum, with who made them and when.
CREATE TABLE artifacts
(
    id uuid PRIMARY KEY,
    blob_name text NOT NULL,
    file_name text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_artifacts_sha256 ON artifacts (sha256);
