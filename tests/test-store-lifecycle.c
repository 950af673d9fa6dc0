/* test-store-lifecycle.c: the assessments database: submitting, reviewing,
 * revising, and the audit trail that records each change
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-lifecycle.h"
#include "pc-sign.h"
#include "pc-store-private.h"
#include "pc-summary.h"
#include "pc-test-utils.h"

#define TITLE     "Community rehabilitation pathway"
#define LEAD      "Sam Lead"
#define AUTHOR    "Alex Author"
#define REVIEWER  "Rita Reviewer"

/* Helpers */

/* Asserts that @id's audit trail grew by exactly @delta rows since
 * *@count, and moves *@count on. */
static void
assert_audit_grew (PcStore *store,
                   gint64   id,
                   guint   *count,
                   guint    delta)
{
  guint now = pc_test_n_audit_rows (store, id);

  g_assert_cmpuint (now, ==, *count + delta);
  *count = now;
}

static void
assert_audit_row (const PcAuditEntry *row,
                  const char         *entity,
                  const char         *entity_id,
                  const char         *field,
                  const char         *old_value,
                  const char         *new_value)
{
  g_assert_cmpstr (row->entity, ==, entity);
  g_assert_cmpstr (row->entity_id, ==, entity_id);
  g_assert_cmpstr (row->field, ==, field);
  g_assert_cmpstr (row->old_value, ==, old_value);
  g_assert_cmpstr (row->new_value, ==, new_value);
}

/* Runs @sql on @db and asserts that a trigger refused it with a message
 * containing @message or, when not NULL, @other_message. */
static void
assert_raw_refused (sqlite3    *db,
                    const char *sql,
                    const char *message,
                    const char *other_message)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  g_test_message ("%s → %s", sql, errmsg ? errmsg : "(no error)");
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (errmsg);
  g_assert_true (strstr (errmsg, message) != NULL
                 || (other_message != NULL && strstr (errmsg, other_message) != NULL));
  sqlite3_free (errmsg);
}

/* Asserts that @signoff's signature is good over @a's canonical content
 * as it is now, and made by @key. */
static void
assert_signoff_verifies (PcStore            *store,
                         const PcAssessment *a,
                         const PcSignoff    *signoff,
                         PcSigningKey       *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(cJSON) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *key_id = NULL;
  g_autofree guint8 *altered = NULL;
  gsize size;

  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);
  content = pc_summary_build_content (a, checklist);
  bytes = pc_summary_canonical_bytes (content, &sha256, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (signoff->name, ==, pc_signing_key_get_name (key));
  g_assert_cmpstr (signoff->content_sha256, ==, sha256);
  g_assert_cmpstr (signoff->key_id, ==, pc_signing_key_get_key_id (key));
  g_assert_cmpstr (signoff->public_key, ==, pc_signing_key_get_public_key (key));

  g_assert_true (pc_sign_verify (signoff->public_key, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), signoff->signature,
                                 &comment, &key_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (key_id, ==, signoff->key_id);
  g_assert_nonnull (strstr (comment, sha256));

  /* The same signature over content one byte different does not hold. */
  altered = g_bytes_unref_to_data (g_bytes_ref (bytes), &size);
  altered[size / 2] ^= 0x01;
  g_assert_false (pc_sign_verify (signoff->public_key, altered, size, signoff->signature,
                                  NULL, NULL, NULL));
}

/* Lifecycle */

static void
test_submit_blocked (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  guint audit_before;
  sqlite3 *raw;

  /* Every prompt answered but one. */
  pc_test_answer_all (store, id);
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_ASSESSED, "", NULL, &error));
  g_assert_no_error (error);
  audit_before = pc_test_n_audit_rows (store, id);

  g_assert_false (pc_store_submit (store, id, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_BLOCKED);
  g_assert_null (strchr (error->message, '\n'));

  /* Nothing was written. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->signoffs->len, ==, 0);
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, audit_before);
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM signoffs"), ==, 0);
  sqlite3_close (raw);
}

static void
test_submit_signs (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  const PcSignoff *signoff;
  const PcAuditEntry *last;
  gint64 id;

  id = pc_test_create_submitted (store, TITLE, LEAD, author);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_IN_REVIEW);
  g_assert_cmpuint (a->signoffs->len, ==, 1);
  signoff = g_ptr_array_index (a->signoffs, 0);
  g_assert_cmpint (signoff->meaning, ==, PC_MEANING_PREPARED);
  g_assert_cmpstr (signoff->role, ==, "Service lead");
  g_assert_null (signoff->reason);
  g_assert_true (g_str_has_suffix (signoff->signed_at, "Z"));
  assert_signoff_verifies (store, a, signoff, author);

  /* The state change is in the audit trail, by the signer. */
  rows = pc_test_history (store, id);
  last = g_ptr_array_index (rows, rows->len - 1);
  assert_audit_row (last, "assessment", NULL, "state", "draft", "in_review");
  g_assert_cmpstr (last->actor, ==, AUTHOR);
  pc_test_assert_chain_holds (store, id);

  /* In review, nothing can be changed. */
  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_MET, "Changed", NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "title", "Another title", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_action (store, id, prompt, "Write the leaflet", "Ann Lee",
                                        "2099-01-31", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_pointer (&a, pc_assessment_free);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_cmpint (pc_assessment_get_rating (a, prompt), ==, PC_RATING_MET);
  g_assert_cmpuint (a->actions->len, ==, 0);
}

static void
test_review_refused (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) author_again = pc_test_signing_key_new ("aLEX AUTHOR", "Reviewer");
  g_autoptr(PcSigningKey) lead = pc_test_signing_key_new ("sam lead", "Reviewer");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  gint64 id = pc_test_create_submitted (store, TITLE, " Sam   Lead ", author);
  guint audit_before = pc_test_n_audit_rows (store, id);

  /* The author may not review their own work, whatever the case of the
   * name; nor may the service lead, whatever its spacing. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED, NULL, author_again, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED, NULL, lead, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
  g_clear_error (&error);

  /* Returning needs a reason; approving with conditions needs them. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_RETURNED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_RETURNED, " \t\n", reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED_WITH_CONDITIONS, "", reviewer,
                                   NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);

  /* "Prepared" is not a decision. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_PREPARED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* None of that was written. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_IN_REVIEW);
  g_assert_cmpuint (a->signoffs->len, ==, 1);
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, audit_before);
}

static void
test_returned (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (1);
  const PcSignoff *returned;
  gint64 id = pc_test_create_submitted (store, TITLE, LEAD, author);

  pc_test_review (store, id, PC_MEANING_RETURNED, "Say how carers were involved", reviewer);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->signoffs->len, ==, 2);
  returned = g_ptr_array_index (a->signoffs, 1);
  g_assert_cmpint (returned->meaning, ==, PC_MEANING_RETURNED);
  g_assert_cmpstr (returned->reason, ==, "Say how carers were involved");
  assert_signoff_verifies (store, a, returned, reviewer);

  /* A returned assessment is a draft again: it can be changed and
   * submitted again, and then approved. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET,
                                      "Carers' forum, 12 May: two carers co-wrote the leaflet",
                                      NULL, &error));
  g_assert_no_error (error);
  pc_test_submit (store, id, author);
  g_assert_cmpint (pc_test_state_of (store, id), ==, PC_STATE_IN_REVIEW);
  pc_test_review (store, id, PC_MEANING_APPROVED, NULL, reviewer);

  g_clear_pointer (&a, pc_assessment_free);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_APPROVED);
  g_assert_cmpuint (a->signoffs->len, ==, 4);
  assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 2), author);
  assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 3), reviewer);
  pc_test_assert_chain_holds (store, id);
}

/* Asserts that @id, final, refuses changes through the store and through
 * SQL from another connection, and that nothing changed. */
static void
assert_final (PcStore    *store,
              const char *path,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) before = pc_test_load_assessment (store, id);
  g_autoptr(PcAssessment) after = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  g_autofree char *sql = NULL;
  guint audit_before = pc_test_n_audit_rows (store, id);
  sqlite3 *raw;

  g_assert_true (pc_assessment_is_read_only (before));

  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_MET, "Changed", NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "title", "Another title", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Carers", "Workshop", "2026-05-12",
                                              "Leaflet rewritten", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The database itself refuses, whoever asks. */
  raw = pc_test_raw_open (path);
  sql = g_strdup_printf ("UPDATE assessments SET title = 'Tampered' WHERE id = %" G_GINT64_FORMAT,
                         id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM assessments WHERE id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO answers (assessment_id, prompt_id, rating, updated_at)"
                         " VALUES (%" G_GINT64_FORMAT ", 'added-later', 'met',"
                         " '2026-01-01T00:00:00Z')",
                         id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE answers SET evidence = 'Tampered' WHERE assessment_id = %"
                         G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM signoffs WHERE assessment_id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "sign-offs cannot be changed", "read-only");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE audit SET new_value = 'Tampered' WHERE assessment_id = %"
                         G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM audit WHERE assessment_id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  sqlite3_close (raw);

  after = pc_test_load_assessment (store, id);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpint (after->state, ==, before->state);
  g_assert_cmpuint (after->answers->len, ==, before->answers->len);
  g_assert_cmpstr (pc_assessment_find_answer (after, prompt)->evidence, ==,
                   pc_assessment_find_answer (before, prompt)->evidence);
  g_assert_cmpuint (after->coproduction->len, ==, before->coproduction->len);
  g_assert_cmpuint (after->signoffs->len, ==, before->signoffs->len);
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, audit_before);
  pc_test_assert_chain_holds (store, id);
}

static void
test_final_states (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  const struct {
    PcMeaning   decision;
    const char *reason;
    PcState     state;
  } decisions[] = {
    { PC_MEANING_APPROVED, NULL, PC_STATE_APPROVED },
    { PC_MEANING_APPROVED_WITH_CONDITIONS, "Review the waiting times after six months",
      PC_STATE_APPROVED_WITH_CONDITIONS },
    { PC_MEANING_NOT_APPROVED, "The pathway leaves out people without a GP",
      PC_STATE_NOT_APPROVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      g_autoptr(PcAssessment) a = NULL;
      const PcSignoff *decided;
      gint64 id = pc_test_create_submitted (store, TITLE, LEAD, author);

      pc_test_review (store, id, decisions[i].decision, decisions[i].reason, reviewer);

      a = pc_test_load_assessment (store, id);
      g_assert_cmpint (a->state, ==, decisions[i].state);
      g_assert_cmpuint (a->signoffs->len, ==, 2);
      decided = g_ptr_array_index (a->signoffs, 1);
      g_assert_cmpint (decided->meaning, ==, decisions[i].decision);
      g_assert_cmpstr (decided->reason, ==, decisions[i].reason);
      g_assert_cmpstr (decided->role, ==, "Governance reviewer");
      assert_signoff_verifies (store, a, decided, reviewer);
      assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 0), author);

      assert_final (store, path, id);
    }
}

static void
test_wrong_states (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  gint64 draft = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 in_review = pc_test_create_submitted (store, TITLE, LEAD, author);
  gint64 approved = pc_test_create_submitted (store, TITLE, LEAD, author);

  pc_test_review (store, approved, PC_MEANING_APPROVED, NULL, reviewer);
  pc_test_answer_all (store, draft);

  /* A draft cannot be reviewed, however complete. */
  g_assert_false (pc_store_review (store, draft, PC_MEANING_APPROVED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Nothing but a draft can be submitted. */
  g_assert_false (pc_store_submit (store, in_review, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (pc_store_submit (store, approved, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* A decision is made once. */
  g_assert_false (pc_store_review (store, approved, PC_MEANING_NOT_APPROVED, "Second thoughts",
                                   reviewer, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Only a final assessment gets a new revision. */
  g_assert_cmpint (pc_store_revise (store, in_review, "Too early", &error), ==, 0);
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_cmpint (pc_test_state_of (store, draft), ==, PC_STATE_DRAFT);
  g_assert_cmpint (pc_test_state_of (store, in_review), ==, PC_STATE_IN_REVIEW);
  g_assert_cmpint (pc_test_state_of (store, approved), ==, PC_STATE_APPROVED);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 3);
}

static void
test_revise (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) old = NULL;
  g_autoptr(PcAssessment) rev = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("%PDF-1.4 minutes", 16);
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (2);
  const PcAttachment *att;
  const PcAuditEntry *first;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 new_id;

  pc_test_answer_all (store, id);
  g_assert_cmpint (pc_store_add_attachment (store, id, prompt, "minutes.pdf", "application/pdf",
                                            file, &error), >, 0);
  g_assert_cmpint (pc_store_add_link (store, id, prompt, "https://example.org/pathway",
                                      "Pathway page", &error), >, 0);
  g_assert_cmpint (pc_store_add_action (store, id, prompt, "Print the leaflet in Turkish",
                                        "Ann Lee", "2099-01-31", &error), >, 0);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Service users and carers", "Workshop",
                                              "2026-05-12", "The leaflet was rewritten",
                                              &error), >, 0);
  g_assert_no_error (error);
  pc_test_submit (store, id, author);
  pc_test_review (store, id, PC_MEANING_APPROVED, NULL, reviewer);

  /* A revision needs a reason. */
  g_assert_cmpint (pc_store_revise (store, id, NULL, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_revise (store, id, "  ", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  new_id = pc_store_revise (store, id, "The service now opens at weekends", &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, id);

  old = pc_test_load_assessment (store, id);
  rev = pc_test_load_assessment (store, new_id);
  g_assert_cmpstr (rev->reference, ==, old->reference);
  g_assert_cmpint (rev->revision, ==, 2);
  g_assert_cmpint (rev->previous_id, ==, id);
  g_assert_cmpstr (rev->revision_reason, ==, "The service now opens at weekends");
  g_assert_cmpint (rev->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (rev->title, ==, TITLE);
  g_assert_cmpstr (rev->checklist_sha256, ==, old->checklist_sha256);

  /* Everything recorded is copied; the sign-offs are not. */
  g_assert_cmpuint (rev->answers->len, ==, old->answers->len);
  g_assert_cmpstr (pc_assessment_find_answer (rev, prompt)->evidence, ==,
                   pc_assessment_find_answer (old, prompt)->evidence);
  g_assert_cmpuint (rev->attachments->len, ==, 1);
  att = g_ptr_array_index (rev->attachments, 0);
  g_assert_cmpstr (att->sha256, ==,
                   ((PcAttachment *) g_ptr_array_index (old->attachments, 0))->sha256);
  copied = pc_store_get_attachment_data (store, att->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (copied, file));
  g_assert_cmpuint (rev->links->len, ==, 1);
  g_assert_cmpuint (rev->actions->len, ==, 1);
  g_assert_cmpstr (((PcAction *) g_ptr_array_index (rev->actions, 0))->owner, ==, "Ann Lee");
  g_assert_cmpuint (rev->coproduction->len, ==, 1);
  g_assert_cmpuint (rev->signoffs->len, ==, 0);
  g_assert_cmpuint (old->signoffs->len, ==, 2);

  /* The new revision's trail starts with why it was made. */
  rows = pc_test_history (store, new_id);
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (first->field, ==, "revision");
  g_assert_cmpstr (first->reason, ==, "The service now opens at weekends");
  pc_test_assert_chain_holds (store, new_id);
  pc_test_assert_chain_holds (store, id);

  /* The new revision is a draft; the old one is still final. */
  g_assert_true (pc_store_set_answer (store, new_id, prompt, PC_RATING_PARTLY_MET, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_PARTLY_MET, NULL, NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A draft is not revised, and an older revision is not revised once a
   * newer one exists. */
  g_assert_cmpint (pc_store_revise (store, new_id, "Again", &error), ==, 0);
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_revise (store, id, "Again", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&rev, pc_assessment_free);
  rev = pc_store_load_assessment (store, old->reference, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev->id, ==, new_id);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 1);
}

/* Audit trail */

static void
test_audit_every_change (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("minutes", 7);
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  const char * const team[] = { "Ann Lee", "Bo Chen", NULL };
  const PcAuditEntry *row;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 action;
  gint64 link;
  gint64 attachment;
  gint64 entry;
  guint count = 0;

  assert_audit_grew (store, id, &count, 1);

  /* A rating and evidence: two rows, each with the old and new value. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes", NULL,
                                      &error));
  g_assert_no_error (error);
  assert_audit_grew (store, id, &count, 2);
  rows = pc_test_history (store, id);
  row = g_ptr_array_index (rows, 1);
  assert_audit_row (row, "answer", prompt, "rating", "not_assessed", "met");
  g_assert_cmpstr (row->actor, ==, pc_store_get_actor (store));
  assert_audit_row (g_ptr_array_index (rows, 2), "answer", prompt, "evidence", NULL,
                    "Workshop notes");

  /* The same again writes nothing, nor does leaving both texts alone. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes", NULL,
                                      &error));
  g_assert_true (pc_store_set_answer_text (store, id, prompt, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_audit_grew (store, id, &count, 0);

  /* A change refused writes nothing. */
  g_assert_false (pc_store_set_header_field (store, id, "review_date", "2027-02-30", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_audit_grew (store, id, &count, 0);

  /* Every other kind of change writes one row, as whoever is named. */
  pc_store_set_actor (store, "Ann Lee");
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes, v2",
                                      NULL, &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_header_field (store, id, "title", "Weekend crisis pathway", &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_team (store, id, team, &error));
  assert_audit_grew (store, id, &count, 1);
  action = pc_store_add_action (store, id, prompt, "Print the leaflet", NULL, NULL, &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_action_field (store, action, "owner", "Bo Chen", &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_action (store, action, &error));
  assert_audit_grew (store, id, &count, 1);
  link = pc_store_add_link (store, id, prompt, "https://example.org", NULL, &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_link (store, link, &error));
  assert_audit_grew (store, id, &count, 1);
  attachment = pc_store_add_attachment (store, id, prompt, "minutes.txt", "text/plain", file,
                                        &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_attachment (store, attachment, &error));
  assert_audit_grew (store, id, &count, 1);
  entry = pc_store_add_coproduction (store, id, "Carers", "Survey", "2026-04-01",
                                     "Evening clinics added", &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_coproduction (store, entry, &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_no_error (error);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = pc_test_history (store, id);
  row = g_ptr_array_index (rows, 4);
  assert_audit_row (row, "assessment", NULL, "title", TITLE, "Weekend crisis pathway");
  g_assert_cmpstr (row->actor, ==, "Ann Lee");

  pc_test_assert_chain_holds (store, id);
}

/* An assessment with a few audit rows, and a raw connection to its
 * database. Returns: the assessment's id */
static gint64
make_trail (PcStore     *store,
            const char  *path,
            sqlite3    **out_raw)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *prompt = pc_test_nth_prompt_id (i);

      g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes",
                                          NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, 7);
  pc_test_assert_chain_holds (store, id);

  *out_raw = pc_test_raw_open (path);
  return id;
}

/* Asserts that the chain of @id is broken at its @entry-th row. */
static void
assert_chain_broken (PcStore *store,
                     gint64   id,
                     guint    entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *named = g_strdup_printf ("entry %u ", entry);

  g_assert_false (pc_store_check_audit_chain (store, id, NULL, NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, named));
}

/* Runs @sql on @raw, which the append-only trigger @trigger refuses;
 * then drops the trigger and runs it again, as someone with the sqlite3
 * shell could, and closes @raw. */
static void
alter_behind_trigger (sqlite3    *raw,
                      const char *sql,
                      const char *trigger)
{
  g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", trigger);

  assert_raw_refused (raw, sql, "append-only", NULL);
  pc_test_raw_exec (raw, drop);
  pc_test_raw_exec (raw, sql);
  sqlite3_close (raw);
}

static void
test_audit_altered (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *other_raw = NULL;
  gint64 other = make_trail (store, path, &other_raw);
  gint64 id = make_trail (store, path, &raw);

  /* The triggers stop a plain UPDATE; someone who drops them first can
   * alter a row, but not without the chain showing it. */
  rows = pc_test_history (store, id);
  sql = g_strdup_printf ("UPDATE audit SET new_value = 'Tampered' WHERE id = %" G_GINT64_FORMAT,
                         ((PcAuditEntry *) g_ptr_array_index (rows, 3))->id);
  alter_behind_trigger (raw, sql, "audit_no_update");
  sqlite3_close (other_raw);

  assert_chain_broken (store, id, 4);
  pc_test_assert_chain_holds (store, other);
}

static void
test_audit_deleted (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;
  gint64 id = make_trail (store, path, &raw);

  rows = pc_test_history (store, id);
  sql = g_strdup_printf ("DELETE FROM audit WHERE id = %" G_GINT64_FORMAT,
                         ((PcAuditEntry *) g_ptr_array_index (rows, 2))->id);
  alter_behind_trigger (raw, sql, "audit_no_delete");

  /* The row that followed the deleted one no longer links to its
   * predecessor. */
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, 6);
  assert_chain_broken (store, id, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/store/lifecycle/submit-blocked", test_submit_blocked);
  g_test_add_func ("/pc/store/lifecycle/submit-signs", test_submit_signs);
  g_test_add_func ("/pc/store/lifecycle/review-refused", test_review_refused);
  g_test_add_func ("/pc/store/lifecycle/returned", test_returned);
  g_test_add_func ("/pc/store/lifecycle/final-states", test_final_states);
  g_test_add_func ("/pc/store/lifecycle/wrong-states", test_wrong_states);
  g_test_add_func ("/pc/store/lifecycle/revise", test_revise);
  g_test_add_func ("/pc/store/audit/every-change", test_audit_every_change);
  g_test_add_func ("/pc/store/audit/altered", test_audit_altered);
  g_test_add_func ("/pc/store/audit/deleted", test_audit_deleted);

  return g_test_run ();
}
