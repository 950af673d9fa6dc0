-- 003-imports.sql: summaries imported from other databases.
--
-- Copyright 2026 The Principle Check authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An imported summary is someone else's signed record, not an
-- assessment of this database: its checklist may not be here and its
-- reference may collide with a local one. So it lives in a table of its
-- own, holding the verified file exactly as it came, with the few fields
-- the list shows copied out of it.

CREATE TABLE imports (
  id              INTEGER PRIMARY KEY,
  reference       TEXT NOT NULL,
  revision        INTEGER NOT NULL,
  title           TEXT NOT NULL,
  division        TEXT NOT NULL,
  lead            TEXT NOT NULL,
  state           TEXT NOT NULL,
  answered        INTEGER NOT NULL,
  total           INTEGER NOT NULL,
  content_sha256  TEXT NOT NULL,
  -- The SHA-256 of the canonical {content, signoffs}, so that two
  -- exports of the same signed record (which differ in exported_at and
  -- layout) are imported once.
  fingerprint     TEXT NOT NULL UNIQUE,
  document        BLOB NOT NULL,  -- the file's bytes, as verified
  imported_at     TEXT NOT NULL,
  imported_by     TEXT NOT NULL
) STRICT;

-- The list shows the latest revision of each reference.
CREATE INDEX imports_by_reference ON imports (reference, revision DESC, id DESC);

-- Imported summaries are append-only, whoever asks.
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE (ABORT, 'imported summaries are kept as they were'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE (ABORT, 'imported summaries are kept as they were'); END;
