-- Task registry: the catalog's query rows for task definitions. The task definition grain owns the
-- definition (document, deployment) and rewrites its row on every change.
CREATE TABLE task_definitions
(
    org_id uuid NOT NULL,
    name text NOT NULL,
    version text NOT NULL,
    description text NOT NULL,
    category text NOT NULL,
    tags text[] NOT NULL,
    status text NOT NULL,
    operation_id text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (org_id, name, version)
);
CREATE INDEX ix_task_definitions_category ON task_definitions (org_id, category, name, version);
CREATE INDEX ix_task_definitions_tags ON task_definitions USING gin (tags);
