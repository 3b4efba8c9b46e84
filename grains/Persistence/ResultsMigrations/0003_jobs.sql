-- The query model of an org's jobs, written by job grains after their own state (grains/Jobs/IJobRecords):
-- one row per job for the listing, its timeline, and its nodes' results. Enums are stored as their C# names.
CREATE TABLE jobs
(
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    -- "name@version" of the task or pipeline; target_name lets the listing filter by name across versions.
    target text NOT NULL,
    target_name text NOT NULL GENERATED ALWAYS AS (split_part(target, '@', 1)) STORED,
    status text NOT NULL,
    priority text NOT NULL,
    submitted_by uuid NOT NULL,
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    total_nodes integer NOT NULL,
    succeeded_nodes integer NOT NULL,
    failed_nodes integer NOT NULL,
    running_nodes integer NOT NULL,
    error text,
    -- The seq of the latest event the row reflects: a write carrying an older one is ignored.
    last_event_seq bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
)
-- Progress counts change often and are not indexed: room on the page keeps those updates HOT.
WITH (fillfactor = 85);

-- Every listing orders by (created_at, id) in either direction and pages by keyset on it; each filter
-- gets an index that leads with its equality column and then yields rows already in listing order, so a
-- page reads about `limit` index entries whatever the size of the org (even for a rare status or kind).
-- A date range alone rides on the plain order index; combined filters read the most selective index
-- and filter its rows. See the job-listing benchmark in docs/benchmarks.md for the plans.
CREATE INDEX ix_jobs_created ON jobs (created_at, id);
CREATE INDEX ix_jobs_status_created ON jobs (status, created_at, id);
CREATE INDEX ix_jobs_kind_created ON jobs (kind, created_at, id);
CREATE INDEX ix_jobs_target_created ON jobs (target, created_at, id);
CREATE INDEX ix_jobs_target_name_created ON jobs (target_name, created_at, id);
CREATE INDEX ix_jobs_submitter_created ON jobs (submitted_by, created_at, id);

CREATE TABLE job_events
(
    job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    kind text NOT NULL,
    node_id text COLLATE "C",
    message text NOT NULL,
    job_status text NOT NULL,
    node_status text,
    total_nodes integer NOT NULL,
    succeeded_nodes integer NOT NULL,
    failed_nodes integer NOT NULL,
    running_nodes integer NOT NULL,
    PRIMARY KEY (job_id, seq)
);

CREATE TABLE node_results
(
    job_id uuid NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    -- Byte order, so the results' keyset pages in the same order as ordinal string comparison.
    node_id text COLLATE "C" NOT NULL,
    run_id uuid NOT NULL,
    task_name text NOT NULL,
    task_version text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL,
    instance text,
    queued_at timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    output jsonb,
    confidence double precision,
    error text,
    PRIMARY KEY (job_id, node_id)
);
