-- Append-only audit log: who did what to which target, from where, with what outcome.
CREATE TABLE audit_log
(
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_id uuid NULL,
    actor_email text NULL,
    org_id uuid NULL,
    action text NOT NULL,
    target text NULL,
    outcome text NOT NULL,
    client_address text NULL,
    details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ix_audit_log_org_time ON audit_log (org_id, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_log_action ON audit_log (action, occurred_at DESC);

-- No API can change history; the database refuses it too.
CREATE FUNCTION moldash_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION moldash_audit_log_is_append_only();
