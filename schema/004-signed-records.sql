-- 004-signed-records.sql: closing the holes in the guard rails around
-- signed records, anchoring the audit trail in the signatures, and the
-- register of signers.
--
-- Copyright 2026 The Principle Check authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Triggers are a guard rail, not a lock: whoever can write the file can
-- drop them. The lock is the signatures, which the program checks on
-- every use of a signed assessment, and the schema itself, which the
-- program compares with what its migrations made every time it opens a
-- database. These triggers make the honest mistakes and the one-line
-- attacks fail loudly.

-- Each sign-off signs the head of the assessment's audit chain as it
-- was when it was signed (how many rows, and the last row's hash), so a
-- history cut short or rewritten before the signature no longer matches
-- it. NULL in the sign-offs made before this migration.
ALTER TABLE signoffs ADD COLUMN audit_rows INTEGER CHECK (audit_rows IS NULL OR audit_rows >= 0);
ALTER TABLE signoffs ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);

-- The register of signers: which keys sign for which person in this
-- database. name_key is the name's comparison form (see pc-text.c), so
-- look-alike names are one person. A row is added when a name signs
-- for the first time, when an import brings a new signer, and when a
-- signer replaces their key on purpose (replaces is then the old key's
-- fingerprint); rows are never changed or removed, so the table is the
-- register's own history.
CREATE TABLE signers (
  id           INTEGER PRIMARY KEY,
  name_key     TEXT NOT NULL CHECK (length(name_key) > 0),
  name         TEXT NOT NULL CHECK (length(name) > 0),
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 19),
  public_key   TEXT NOT NULL,
  first_seen   TEXT NOT NULL,
  how          TEXT NOT NULL CHECK (how IN ('signed', 'imported', 'replaced', 'migrated')),
  replaces     TEXT CHECK (replaces IS NULL OR length(replaces) = 19),
  recorded_by  TEXT NOT NULL,
  UNIQUE (name_key, fingerprint)
) STRICT;

CREATE TRIGGER signers_no_update BEFORE UPDATE ON signers
BEGIN SELECT RAISE (ABORT, 'the register of signers is append-only'); END;
CREATE TRIGGER signers_no_delete BEFORE DELETE ON signers
BEGIN SELECT RAISE (ABORT, 'the register of signers is append-only'); END;
CREATE TRIGGER signers_no_replace BEFORE INSERT ON signers
WHEN EXISTS (SELECT 1 FROM signers WHERE id = NEW.id
             OR (name_key = NEW.name_key AND fingerprint = NEW.fingerprint))
BEGIN SELECT RAISE (ABORT, 'the register of signers is append-only'); END;

-- INSERT OR REPLACE deletes the row it replaces without firing DELETE
-- triggers (unless recursive_triggers is on), so every table whose rows
-- are kept refuses an insert over an existing row.
CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id OR hash = NEW.hash)
BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER signoffs_no_replace BEFORE INSERT ON signoffs
WHEN EXISTS (SELECT 1 FROM signoffs WHERE id = NEW.id)
BEGIN SELECT RAISE (ABORT, 'sign-offs cannot be changed'); END;
CREATE TRIGGER checklists_no_replace BEFORE INSERT ON checklists
WHEN EXISTS (SELECT 1 FROM checklists WHERE sha256 = NEW.sha256)
BEGIN SELECT RAISE (ABORT, 'checklist versions are kept as they were'); END;
CREATE TRIGGER imports_no_replace BEFORE INSERT ON imports
WHEN EXISTS (SELECT 1 FROM imports WHERE id = NEW.id OR fingerprint = NEW.fingerprint)
BEGIN SELECT RAISE (ABORT, 'imported summaries are kept as they were'); END;

-- An audit row goes on the end of its assessment's chain, and only
-- there.
CREATE TRIGGER audit_appends_to_chain BEFORE INSERT ON audit
WHEN NEW.prev_hash IS NOT coalesce ((SELECT hash FROM audit WHERE assessment_id = NEW.assessment_id
                                     ORDER BY id DESC LIMIT 1),
                                    '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_in_order AFTER INSERT ON audit
WHEN EXISTS (SELECT 1 FROM audit WHERE id > NEW.id)
BEGIN SELECT RAISE (ABORT, 'the audit trail is append-only'); END;

-- Assessments are never deleted, and their ids and references are never
-- used again: a new assessment takes an id above every id the audit
-- trail and the sign-offs have seen (the store gives it explicitly; an
-- id left to SQLite is -1 here, and refused), and a new reference that
-- the audit trail has never named.
CREATE INDEX audit_by_reference ON audit (entity_id) WHERE entity = 'assessment';

DROP TRIGGER assessments_final_no_delete;
CREATE TRIGGER assessments_no_delete BEFORE DELETE ON assessments
BEGIN SELECT RAISE (ABORT, 'assessments are never deleted: this assessment is read-only'); END;

CREATE TRIGGER assessments_insert_new BEFORE INSERT ON assessments
WHEN NEW.id IS NULL OR NEW.id < 1
  OR NEW.state IS NOT 'draft' OR NEW.imported IS NOT 0
  OR EXISTS (SELECT 1 FROM assessments WHERE id >= NEW.id
             OR (reference = NEW.reference AND revision = NEW.revision))
  OR NEW.id <= coalesce ((SELECT max (assessment_id) FROM audit), 0)
  OR NEW.id <= coalesce ((SELECT max (assessment_id) FROM signoffs), 0)
  OR (NEW.revision = 1 AND EXISTS (SELECT 1 FROM audit
                                    WHERE entity = 'assessment' AND entity_id = NEW.reference))
  OR (NEW.revision > 1 AND NOT EXISTS (SELECT 1 FROM assessments
                                        WHERE id = NEW.previous_id AND reference = NEW.reference
                                          AND revision = NEW.revision - 1
                                          AND state IN ('approved', 'approved_with_conditions',
                                                        'not_approved')))
BEGIN SELECT RAISE (ABORT, 'an assessment cannot be inserted over another or given a used id'); END;

-- What identifies an assessment never changes; in review, nothing the
-- signatures cover changes either.
CREATE TRIGGER assessments_identity_fixed BEFORE UPDATE ON assessments
WHEN NEW.id IS NOT OLD.id OR NEW.reference IS NOT OLD.reference
  OR NEW.revision IS NOT OLD.revision OR NEW.previous_id IS NOT OLD.previous_id
  OR NEW.revision_reason IS NOT OLD.revision_reason
  OR NEW.checklist_sha256 IS NOT OLD.checklist_sha256
  OR NEW.imported IS NOT OLD.imported OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER assessments_review_no_update BEFORE UPDATE ON assessments
WHEN OLD.state = 'in_review'
  AND (NEW.title IS NOT OLD.title OR NEW.kind IS NOT OLD.kind
       OR NEW.division IS NOT OLD.division OR NEW.priority IS NOT OLD.priority
       OR NEW.lead IS NOT OLD.lead OR NEW.team IS NOT OLD.team
       OR NEW.outcomes IS NOT OLD.outcomes OR NEW.affected IS NOT OLD.affected
       OR NEW.start_date IS NOT OLD.start_date OR NEW.review_date IS NOT OLD.review_date)
BEGIN SELECT RAISE (ABORT, 'this assessment is in review and read-only'); END;

-- A change of state is made by its sign-off, recorded just before it:
-- submitting by "prepared", returning by "returned", a decision by the
-- same decision.
CREATE TRIGGER assessments_state_signed BEFORE UPDATE OF state ON assessments
WHEN NEW.state IS NOT OLD.state
  AND NOT ((OLD.state = 'draft' AND NEW.state = 'in_review')
           OR (OLD.state = 'in_review' AND NEW.state IN ('draft', 'approved',
                                                        'approved_with_conditions',
                                                        'not_approved')))
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER assessments_state_needs_signoff BEFORE UPDATE OF state ON assessments
WHEN NEW.state IS NOT OLD.state
  AND (SELECT meaning FROM signoffs WHERE assessment_id = NEW.id ORDER BY id DESC LIMIT 1)
      IS NOT (CASE NEW.state WHEN 'draft' THEN 'returned'
                             WHEN 'in_review' THEN 'prepared'
                             ELSE NEW.state END)
BEGIN SELECT RAISE (ABORT, 'a change of state needs its sign-off'); END;

-- A sign-off fits the state it is made in: "prepared" on a draft, a
-- decision or "returned" on an assessment in review.
CREATE TRIGGER signoffs_fit_state BEFORE INSERT ON signoffs
WHEN (SELECT CASE NEW.meaning WHEN 'prepared' THEN state IS NOT 'draft'
                              ELSE state IS NOT 'in_review' END
      FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'a sign-off must fit the state of its assessment'); END;

-- In review, the content is locked as well as once final.
DROP TRIGGER answers_final_no_insert;
DROP TRIGGER answers_final_no_update;
DROP TRIGGER answers_final_no_delete;
DROP TRIGGER attachments_final_no_insert;
DROP TRIGGER attachments_final_no_update;
DROP TRIGGER attachments_final_no_delete;
DROP TRIGGER links_final_no_insert;
DROP TRIGGER links_final_no_update;
DROP TRIGGER links_final_no_delete;
DROP TRIGGER actions_final_no_insert;
DROP TRIGGER actions_final_no_update;
DROP TRIGGER actions_final_no_delete;
DROP TRIGGER coproduction_final_no_insert;
DROP TRIGGER coproduction_final_no_update;
DROP TRIGGER coproduction_final_no_delete;

CREATE TRIGGER answers_signed_no_insert BEFORE INSERT ON answers
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER answers_signed_no_update BEFORE UPDATE ON answers
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
  OR (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER answers_signed_no_delete BEFORE DELETE ON answers
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_signed_no_insert BEFORE INSERT ON attachments
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_signed_no_update BEFORE UPDATE ON attachments
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
  OR (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER attachments_signed_no_delete BEFORE DELETE ON attachments
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_signed_no_insert BEFORE INSERT ON links
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_signed_no_update BEFORE UPDATE ON links
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
  OR (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER links_signed_no_delete BEFORE DELETE ON links
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_signed_no_insert BEFORE INSERT ON actions
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_signed_no_update BEFORE UPDATE ON actions
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
  OR (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER actions_signed_no_delete BEFORE DELETE ON actions
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_signed_no_insert BEFORE INSERT ON coproduction
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_signed_no_update BEFORE UPDATE ON coproduction
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
  OR (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = NEW.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
CREATE TRIGGER coproduction_signed_no_delete BEFORE DELETE ON coproduction
WHEN (SELECT imported = 1 OR state IS NOT 'draft' FROM assessments WHERE id = OLD.assessment_id) IS NOT 0
BEGIN SELECT RAISE (ABORT, 'this assessment is signed off and read-only'); END;
