// Central migration 3 (plain Postgres SQL): document content, content-addressed by SHA-256 like the device's
// documents folder, stored in chunks so an upload over a poor link resumes where it stopped (a chunk is
// one statement; chunks central already holds are never sent again).
//
// A blob is `is_complete` only after `lms_complete_document` has checked, inside Postgres, that every chunk
// is there and that sha256(all chunks in order) is the blob's name; devices download complete blobs only,
// and check the SHA-256 again on arrival (a chunk damaged on central after completion is caught there).
// Branch roles may read and add blobs and chunks but never change or delete them; the content of a blob is
// only reachable by its hash, which a branch learns only from the document metadata it may read.
// Immutable once released: a change is a new numbered migration.

export const name = 'documents';

export const up = String.raw`
CREATE TABLE document_blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  chunk_count integer NOT NULL CHECK (chunk_count >= 0),
  is_complete boolean NOT NULL DEFAULT false,
  completed_at timestamptz
);

CREATE TABLE document_chunks (
  sha256 text NOT NULL REFERENCES document_blobs (sha256),
  idx integer NOT NULL CHECK (idx >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (sha256, idx)
);
-- Scans are already compressed (JPEG, PNG, mostly-compressed PDF): store them out of line without trying again.
ALTER TABLE document_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- Marks a blob complete when its chunks are all present and hash to its name. Answers 'complete',
-- 'incomplete' (chunks missing: the upload resumes) or 'mismatch' (the chunks are wrong: they are deleted so
-- the next upload sends them again). SECURITY DEFINER so that a branch role, which may not delete chunks,
-- can still have wrong ones removed, and only by this check.
CREATE FUNCTION lms_complete_document(p_sha text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  b document_blobs%ROWTYPE;
  have integer;
  digest text;
BEGIN
  SELECT * INTO b FROM document_blobs WHERE sha256 = p_sha FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no document blob %', p_sha USING ERRCODE = 'P0002';
  END IF;
  IF b.is_complete THEN
    RETURN 'complete';
  END IF;
  SELECT count(*), encode(sha256(coalesce(string_agg(data, ''::bytea ORDER BY idx), ''::bytea)), 'hex')
    INTO have, digest FROM document_chunks WHERE sha256 = p_sha AND idx < b.chunk_count;
  IF have < b.chunk_count THEN
    RETURN 'incomplete';
  END IF;
  IF digest <> p_sha THEN
    DELETE FROM document_chunks WHERE sha256 = p_sha;
    RETURN 'mismatch';
  END IF;
  UPDATE document_blobs SET is_complete = true, completed_at = now() WHERE sha256 = p_sha;
  RETURN 'complete';
END $$;

GRANT SELECT, INSERT ON document_blobs, document_chunks TO lms_branch;
`;
