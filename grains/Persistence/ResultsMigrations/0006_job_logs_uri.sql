-- Where a finished job's log is kept (its logs_uri, see grains/Jobs/LogLocation.cs). The job grain keeps the log after
-- its final state write, so that live clients hear the end without waiting for blob storage; the location is then
-- recorded here, with the job's row, and read back when the finished job is activated again.
ALTER TABLE jobs ADD COLUMN logs_uri text;
