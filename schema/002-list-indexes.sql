-- 002-list-indexes.sql: indexes that keep the assessment list fast with
-- tens of thousands of assessments, and one that keeps a reference's
-- revisions unique and ordered.
--
-- Copyright 2026 The Principle Check authors
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE INDEX assessments_by_updated ON assessments (updated_at DESC);
CREATE INDEX assessments_by_reference ON assessments (reference, revision DESC);
CREATE INDEX answers_answered ON answers (assessment_id, rating) WHERE rating <> 'not_assessed';
