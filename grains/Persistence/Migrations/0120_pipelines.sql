-- Pipeline catalog: the query rows of pipelines. The pipeline grain owns the pipeline (settings, versions,
-- graphs) and rewrites its row on every change; runs update the last-run columns.
CREATE TABLE pipelines
(
    org_id uuid NOT NULL,
    name text NOT NULL,
    description text NOT NULL,
    category text NOT NULL,
    tags text[] NOT NULL,
    visibility text NOT NULL,
    published_versions text[] NOT NULL,
    latest_version text NOT NULL,
    inputs text[] NOT NULL,
    tasks text[] NOT NULL,
    updated_at timestamptz NOT NULL,
    runs bigint NOT NULL DEFAULT 0,
    cache_hits bigint NOT NULL DEFAULT 0,
    last_run_at timestamptz,
    PRIMARY KEY (org_id, name)
);
CREATE INDEX ix_pipelines_public ON pipelines (name) WHERE visibility = 'Public';
CREATE INDEX ix_pipelines_category ON pipelines (org_id, category, name);
CREATE INDEX ix_pipelines_tags ON pipelines USING gin (tags);
