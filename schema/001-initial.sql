-- 001-initial.sql: the first Principle Check database schema.
--
-- Copyright 2026 The Principle Check authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied by the store inside one transaction, after which
-- PRAGMA user_version is 1. Times are UTC ISO 8601 text
-- ("2026-11-22T10:15:00Z"); dates are "YYYY-MM-DD".

-- Every checklist version an assessment has been made against, kept
-- forever so an old assessment opens and exports as it was assessed.
CREATE TABLE checklists (
  sha256        TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
  checklist_id  TEXT NOT NULL,
  version       INTEGER NOT NULL CHECK (version >= 1),
  title         TEXT NOT NULL,
  prompt_count  INTEGER NOT NULL CHECK (prompt_count >= 1),
  json          BLOB NOT NULL,
  first_seen    TEXT NOT NULL
) STRICT;

CREATE TABLE assessments (
  id                INTEGER PRIMARY KEY,
  reference         TEXT NOT NULL,
  revision          INTEGER NOT NULL CHECK (revision >= 1),
  previous_id       INTEGER REFERENCES assessments (id),
  revision_reason   TEXT,
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  kind              TEXT NOT NULL CHECK (kind IN ('new_service', 'service_change',
                                                  'pathway_redesign', 'service_closure')),
  division          TEXT NOT NULL,
  priority          TEXT,
  lead              TEXT NOT NULL CHECK (length(trim(lead)) > 0),
  team              TEXT NOT NULL DEFAULT '[]',  -- a JSON array of names
  outcomes          TEXT,
  affected          TEXT,
  start_date        TEXT,
  review_date       TEXT,
  checklist_sha256  TEXT NOT NULL REFERENCES checklists (sha256),
  state             TEXT NOT NULL DEFAULT 'draft'
                    CHECK (state IN ('draft', 'in_review', 'approved',
                                     'approved_with_conditions', 'not_approved')),
  imported          INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  UNIQUE (reference, revision)
) STRICT;

CREATE TABLE answers (
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  prompt_id      TEXT NOT NULL,
  rating         TEXT NOT NULL DEFAULT 'not_assessed'
                 CHECK (rating IN ('not_assessed', 'met', 'partly_met',
                                   'not_met', 'not_applicable')),
  evidence       TEXT,
  justification  TEXT,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (assessment_id, prompt_id)
) STRICT;

CREATE TABLE attachments (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  prompt_id      TEXT NOT NULL,
  name           TEXT NOT NULL CHECK (length(name) > 0),
  media_type     TEXT NOT NULL,
  size           INTEGER NOT NULL CHECK (size >= 0 AND size <= 26214400),
  sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
  data           BLOB,
  added_at       TEXT NOT NULL
) STRICT;

CREATE TABLE links (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  prompt_id      TEXT NOT NULL,
  url            TEXT NOT NULL CHECK (length(url) > 0),
  title          TEXT,
  added_at       TEXT NOT NULL
) STRICT;

CREATE TABLE actions (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  prompt_id      TEXT NOT NULL,
  description    TEXT NOT NULL CHECK (length(trim(description)) > 0),
  owner          TEXT,
  due_date       TEXT,
  status         TEXT NOT NULL DEFAULT 'open'
                 CHECK (status IN ('open', 'in_progress', 'done')),
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE coproduction (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  who            TEXT NOT NULL CHECK (length(trim(who)) > 0),
  how            TEXT NOT NULL CHECK (length(trim(how)) > 0),
  date           TEXT NOT NULL,
  changed        TEXT NOT NULL,
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE signoffs (
  id              INTEGER PRIMARY KEY,
  assessment_id   INTEGER NOT NULL REFERENCES assessments (id),
  name            TEXT NOT NULL,
  role            TEXT NOT NULL,
  meaning         TEXT NOT NULL CHECK (meaning IN ('prepared', 'approved',
                                                   'approved_with_conditions',
                                                   'not_approved', 'returned')),
  reason          TEXT,
  signed_at       TEXT NOT NULL,
  content_sha256  TEXT NOT NULL CHECK (length(content_sha256) = 64),
  key_id          TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  signature       TEXT NOT NULL
) STRICT;

-- The audit trail: one row per change, chained per assessment. Each
-- row's hash is the SHA-256 of its predecessor's hash and its own fields
-- (see pc-store.c, audit_row_hash), so a row altered or removed behind
-- the store's back breaks the chain.
CREATE TABLE audit (
  id             INTEGER PRIMARY KEY,
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  at             TEXT NOT NULL,
  actor          TEXT NOT NULL,
  entity         TEXT NOT NULL,
  entity_id      TEXT,
  field          TEXT,
  old_value      TEXT,
  new_value      TEXT,
  reason         TEXT,
  prev_hash      TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash           TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE INDEX audit_by_assessment ON audit (assessment_id, id);
CREATE INDEX answers_by_assessment ON answers (assessment_id);
CREATE INDEX attachments_by_assessment ON attachments (assessment_id);
CREATE INDEX links_by_assessment ON links (assessment_id);
CREATE INDEX actions_by_assessment ON actions (assessment_id);
CREATE INDEX coproduction_by_assessment ON coproduction (assessment_id);
CREATE INDEX signoffs_by_assessment ON signoffs (assessment_id);

-- The audit trail, the sign-offs and the checklist versions are
-- append-only.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
BEGIN SELECT RAISE (ABORT, 'sign-offs cannot be changed'); END;
CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
BEGIN SELECT RAISE (ABORT, 'sign-offs cannot be changed'); END;
CREATE TRIGGER checklists_no_update BEFORE UPDATE ON checklists
BEGIN SELECT RAISE (ABORT, 'checklist versions are kept as they were'); END;
CREATE TRIGGER checklists_no_delete BEFORE DELETE ON checklists
BEGIN SELECT RAISE (ABORT, 'checklist versions are kept as they were'); END;

-- An assessment in a final state (approved, approved with conditions,
-- not approved) or imported from a summary is read-only, whoever asks:
-- the program, or sqlite3 on the command line.
CREATE TRIGGER assessments_final_no_update BEFORE UPDATE ON assessments
WHEN OLD.imported = 1
  OR OLD.state IN ('approved', 'approved_with_conditions', 'not_approved')
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER assessments_final_no_delete BEFORE DELETE ON assessments
WHEN OLD.imported = 1
  OR OLD.state IN ('approved', 'approved_with_conditions', 'not_approved')
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER answers_final_no_insert BEFORE INSERT ON answers
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER answers_final_no_update BEFORE UPDATE ON answers
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER answers_final_no_delete BEFORE DELETE ON answers
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_final_no_insert BEFORE INSERT ON attachments
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_final_no_update BEFORE UPDATE ON attachments
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_final_no_delete BEFORE DELETE ON attachments
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_final_no_insert BEFORE INSERT ON links
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_final_no_update BEFORE UPDATE ON links
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_final_no_delete BEFORE DELETE ON links
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_final_no_insert BEFORE INSERT ON actions
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_final_no_update BEFORE UPDATE ON actions
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_final_no_delete BEFORE DELETE ON actions
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_final_no_insert BEFORE INSERT ON coproduction
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_final_no_update BEFORE UPDATE ON coproduction
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_final_no_delete BEFORE DELETE ON coproduction
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER signoffs_final_no_insert BEFORE INSERT ON signoffs
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = NEW.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER signoffs_final_no_update BEFORE UPDATE ON signoffs
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER signoffs_final_no_delete BEFORE DELETE ON signoffs
WHEN (SELECT imported = 1
          OR state IN ('approved', 'approved_with_conditions', 'not_approved')
      FROM assessments WHERE id = OLD.assessment_id)
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
