-- The org's cache entries as the Admin lists them; each cache entry grain writes its own row.
CREATE TABLE cache_entries
(
    signature text PRIMARY KEY,
    pipeline_name text NOT NULL,
    pipeline_version text NOT NULL,
    canonical_job_id uuid NOT NULL,
    status text NOT NULL,
    confidence_score double precision,
    hit_count bigint NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    ttl_seconds bigint,
    expires_at timestamptz,
    pinned boolean NOT NULL
);
CREATE INDEX ix_cache_entries_created ON cache_entries (created_at DESC, signature);
CREATE INDEX ix_cache_entries_pipeline ON cache_entries (pipeline_name, pipeline_version, created_at DESC, signature);
CREATE INDEX ix_cache_entries_expiry ON cache_entries (expires_at) WHERE NOT pinned AND expires_at IS NOT NULL;
