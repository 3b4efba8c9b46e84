-- Artifacts get their checked format; uploads are remembered so completing one again answers the same
-- artifact; task outputs link artifacts to the job and node that produced them.
ALTER TABLE artifacts ADD COLUMN format text NOT NULL DEFAULT 'unknown';
CREATE INDEX ix_artifacts_created ON artifacts (created_at DESC, id DESC);
CREATE INDEX ix_artifacts_format_created ON artifacts (format, created_at DESC, id DESC);

CREATE TABLE artifact_uploads
(
    upload_id uuid PRIMARY KEY,
    artifact_id uuid NOT NULL REFERENCES artifacts (id),
    completed_at timestamptz NOT NULL
);

CREATE TABLE artifact_links
(
    job_id uuid NOT NULL,
    node_id text NOT NULL,
    name text NOT NULL,
    artifact_id uuid NOT NULL REFERENCES artifacts (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (job_id, node_id, name)
);
CREATE INDEX ix_artifact_links_artifact ON artifact_links (artifact_id, job_id);
