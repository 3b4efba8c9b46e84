-- The files each node's run returned, kept as artifacts of the job: a JSON array of
-- {pointer, artifactId, fileName, format}, so results link straight to their downloads.
ALTER TABLE node_results ADD COLUMN artifacts jsonb NOT NULL DEFAULT '[]';
