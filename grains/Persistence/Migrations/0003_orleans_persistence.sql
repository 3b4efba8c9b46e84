-- Grain state for Orleans 10.x ADO.NET persistence: one binary payload per grain, versioned for ETags.
CREATE TABLE OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamptz NOT NULL,
    Version integer NULL
);

CREATE INDEX IX_OrleansStorage ON OrleansStorage USING btree (GrainIdHash, GrainTypeHash);

-- Returns the new version when the write applied, and the expected version unchanged when it lost.
CREATE FUNCTION moldash_storage_write(
    id_hash integer, id_n0 bigint, id_n1 bigint, type_hash integer, type_string varchar,
    id_extension varchar, service varchar, expected_version integer, payload bytea)
    RETURNS TABLE (NewGrainStateVersion integer) LANGUAGE plpgsql AS
$$
DECLARE affected integer;
BEGIN
    IF expected_version IS NOT NULL THEN
        UPDATE OrleansStorage
        SET PayloadBinary = payload, ModifiedOn = now(), Version = Version + 1
        WHERE GrainIdHash = id_hash AND GrainTypeHash = type_hash
          AND GrainIdN0 = id_n0 AND GrainIdN1 = id_n1 AND GrainTypeString = type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM id_extension
          AND ServiceId = service AND Version = expected_version;
        GET DIAGNOSTICS affected = ROW_COUNT;
        RETURN QUERY SELECT CASE WHEN affected > 0 THEN expected_version + 1 ELSE expected_version END;
        RETURN;
    END IF;

    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
         ServiceId, PayloadBinary, ModifiedOn, Version)
    SELECT id_hash, id_n0, id_n1, type_hash, type_string, id_extension, service, payload, now(), 1
    WHERE NOT EXISTS (
        SELECT 1 FROM OrleansStorage
        WHERE GrainIdHash = id_hash AND GrainTypeHash = type_hash
          AND GrainIdN0 = id_n0 AND GrainIdN1 = id_n1 AND GrainTypeString = type_string
          AND GrainIdExtensionString IS NOT DISTINCT FROM id_extension
          AND ServiceId = service);
    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN QUERY SELECT CASE WHEN affected > 0 THEN 1 ELSE NULL::integer END;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $q$
    SELECT * FROM moldash_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$q$),
('ReadFromStorageKey', $q$
    SELECT PayloadBinary, now(), Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId;
$q$),
('ClearStorageKey', $q$
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND ServiceId = @ServiceId AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;
$q$);
