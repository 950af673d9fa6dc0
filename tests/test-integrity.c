/* test-integrity.c: signed means signed, tried as an attacker with the
 * sqlite3 shell would try it
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test takes a copy of one demo database, alters it through a
 * second, plain SQLite connection exactly as someone with the stock
 * sqlite3 shell could, and checks that the program refuses the change
 * or shows the record as altered everywhere it is used: the store,
 * `show`, `list --json`, every export, and `revise`.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "pc-assessment.h"
#include "pc-test-utils.h"
#include "test-integrity-common.h"

/* Genuine demo data is verified throughout. */
static void
test_genuine (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *out = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(cJSON) list = NULL;
  cJSON *row;
  guint verified = 0;

  g_assert_cmpint (pc_test_run_cli (path, &out, NULL, "list", "--json", NULL), ==, 0);
  list = pc_test_parse_json (out);
  cJSON_ArrayForEach (row, list)
    {
      const char *state = pc_json_get_string (row, "state");
      const char *integrity = pc_json_get_string (row, "integrity");

      g_assert_cmpstr (integrity, ==, g_str_equal (state, "draft") ? "unsigned" : "verified");
      verified += g_str_equal (integrity, "verified");
    }
  g_assert_cmpuint (verified, >=, 4);

  find_id (path, "approved", &reference);
  g_assert_cmpint (pc_test_run_cli (path, NULL, NULL, "show", reference, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (path, NULL, NULL, "history", reference, NULL), ==, 0);
}

/* INSERT OR REPLACE with the triggers in place: refused. */
static void
test_replace_refused (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *sql = NULL;
  gint64 approved = find_id (path, "approved", NULL);
  gint64 in_review = find_id (path, "in_review", NULL);

  sql = g_strdup_printf ("INSERT OR REPLACE INTO assessments SELECT id, reference, revision,"
                         " previous_id, revision_reason, title, kind, division, priority, lead,"
                         " team, outcomes, affected, start_date, review_date, checklist_sha256,"
                         " 'draft', imported, created_at, updated_at FROM assessments WHERE id = %"
                         G_GINT64_FORMAT, approved);
  g_assert_false (raw_exec (path, sql));
  g_clear_pointer (&sql, g_free);

  /* In review to approved, in one statement and with no decision. */
  sql = g_strdup_printf ("INSERT OR REPLACE INTO assessments SELECT id, reference, revision,"
                         " previous_id, revision_reason, title, kind, division, priority, lead,"
                         " team, outcomes, affected, start_date, review_date, checklist_sha256,"
                         " 'approved', imported, created_at, updated_at FROM assessments WHERE id = %"
                         G_GINT64_FORMAT, in_review);
  g_assert_false (raw_exec (path, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE assessments SET state = 'approved' WHERE id = %" G_GINT64_FORMAT,
                         in_review);
  g_assert_false (raw_exec (path, sql));

  /* Nor over a sign-off or an audit row. */
  g_assert_false (raw_exec (path, "INSERT OR REPLACE INTO signoffs SELECT * FROM signoffs LIMIT 1"));
  g_assert_false (raw_exec (path, "INSERT OR REPLACE INTO audit SELECT * FROM audit LIMIT 1"));
  g_assert_false (raw_exec (path, "DELETE FROM assessments WHERE state = 'draft'"));

  g_assert_cmpint (integrity_of (path, approved, NULL), ==, PC_INTEGRITY_VERIFIED);
  g_assert_cmpint (integrity_of (path, in_review, NULL), ==, PC_INTEGRITY_VERIFIED);
}

/* The state flipped to draft, the evidence edited, the state flipped
 * back, every trigger put back as it was. */
static void
test_state_flip (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = find_id (path, "approved", &reference);

  sql = g_strdup_printf ("UPDATE assessments SET state = 'draft' WHERE id = %1$" G_GINT64_FORMAT ";"
                         "UPDATE answers SET evidence = 'Agreed at the board.' WHERE assessment_id = %1$"
                         G_GINT64_FORMAT ";"
                         "UPDATE assessments SET state = 'approved' WHERE id = %1$" G_GINT64_FORMAT,
                         id);
  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "the content is not what"));
  assert_altered_everywhere (path, reference, "the content is not what");
}

/* In review set to approved, with no decision signed. */
static void
test_in_review_approved (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = find_id (path, "in_review", &reference);

  sql = g_strdup_printf ("UPDATE assessments SET state = 'approved' WHERE id = %" G_GINT64_FORMAT, id);
  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "no reviewer signed that decision"));
  assert_altered_everywhere (path, reference, "no reviewer signed that decision");
}

/* An attachment's bytes swapped, its hash left as it was. */
static void
test_swapped_attachment (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_id (path, "approved", &reference);
  gint64 attachment;
  sqlite3 *db = pc_test_raw_open (path);

  sql = g_strdup_printf ("SELECT min (id) FROM attachments WHERE assessment_id = %" G_GINT64_FORMAT, id);
  attachment = pc_test_raw_int (db, sql);
  sqlite3_close (db);
  g_clear_pointer (&sql, g_free);

  sql = g_strdup_printf ("UPDATE attachments SET data = CAST ('a forged file' AS BLOB) WHERE id = %"
                         G_GINT64_FORMAT, attachment);
  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "its bytes have been replaced"));
  assert_altered_everywhere (path, reference, "its bytes have been replaced");

  /* The window's Open gets no bytes at all. */
  store = pc_test_open_store (path);
  data = pc_store_get_attachment_data (store, attachment, &error);
  g_assert_null (data);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED);
}

/* The history rewritten and re-chained: the chain holds, the anchors in
 * the signatures do not. */
static void
test_rechained_history (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = find_id (path, "approved", &reference);

  rewrite_history (path, id, 0);

  store = pc_test_open_store (path);
  g_assert_true (pc_store_check_audit_chain (store, id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "has been rewritten"));
  assert_altered_everywhere (path, reference, "has been rewritten");
  g_assert_cmpint (pc_test_run_cli (path, NULL, NULL, "history", reference, NULL), ==, 1);
}

/* The history cut short before the last signature. */
static void
test_truncated_history (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = find_id (path, "in_review", &reference);

  /* Keep the first three rows only. */
  sql = g_strdup_printf ("DELETE FROM audit WHERE assessment_id = %1$" G_GINT64_FORMAT
                         " AND id > (SELECT id FROM audit WHERE assessment_id = %1$" G_GINT64_FORMAT
                         " ORDER BY id LIMIT 1 OFFSET 2)", id);
  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "cut short"));
  assert_altered_everywhere (path, reference, "cut short");
}

/* A dropped trigger is noticed when the database opens: read-only,
 * naming the trigger. */
static void
test_dropped_trigger (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *err = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft = find_id (path, "draft", NULL);

  g_assert_true (raw_exec (path, "DROP TRIGGER signoffs_no_delete"));

  store = pc_test_open_store (path);
  g_assert_nonnull (pc_store_get_altered_schema (store));
  g_assert_nonnull (strstr (pc_store_get_altered_schema (store),
                            "the trigger signoffs_no_delete is missing"));
  g_assert_false (pc_store_set_header_field (store, draft, "title", "New title", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED);
  g_clear_object (&store);

  /* The command line says so on every command, and still reads. */
  g_assert_cmpint (pc_test_run_cli (path, NULL, &err, "list", NULL), ==, 0);
  pc_test_assert_printed_line (err,
                               "has been changed outside Principle Check (the trigger signoffs_no_delete is missing)");
}

/* A trigger's body neutered through writable_schema. */
static void
test_writable_schema (void)
{
  g_autofree char *path = demo_copy ();
  g_autoptr(PcStore) store = NULL;

  g_assert_true (raw_exec (path,
                           "PRAGMA writable_schema = ON;"
                           "UPDATE sqlite_schema SET sql = 'CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                           " WHEN 0 BEGIN SELECT RAISE (ABORT, ''the audit trail is append-only''); END'"
                           " WHERE name = 'audit_no_update';"
                           "PRAGMA writable_schema = OFF;"));

  store = pc_test_open_store (path);
  g_assert_nonnull (strstr (pc_store_get_altered_schema (store),
                            "the trigger audit_no_update has been changed"));
}

/* A deleted assessment: its id and reference are never used again, and
 * nothing new inherits its history or sign-offs. */
static void
test_deleted_assessment (void)
{
  g_autofree char *path = demo_copy ();
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  sqlite3 *db = pc_test_raw_open (path);
  gint64 newest = pc_test_raw_int (db, "SELECT max (id) FROM assessments");
  g_autofree char *sql = g_strdup_printf ("SELECT reference FROM assessments WHERE id = %" G_GINT64_FORMAT,
                                          newest);
  g_autofree char *reference = pc_test_raw_text (db, sql);
  gint64 id;

  sqlite3_close (db);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM answers WHERE assessment_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM attachments WHERE assessment_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM links WHERE assessment_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM actions WHERE assessment_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM coproduction WHERE assessment_id = %1$" G_GINT64_FORMAT ";"
                         "DELETE FROM assessments WHERE id = %1$" G_GINT64_FORMAT, newest);
  pc_test_raw_exec_behind_triggers (path, sql);

  store = pc_test_open_store (path);
  id = pc_test_create_assessment (store, "A new service", "Mo Khan");
  g_assert_cmpint (id, >, newest);
  created = pc_test_load_assessment (store, id);
  g_assert_cmpstr (created->reference, !=, reference);
  g_assert_cmpuint (created->signoffs->len, ==, 0);
  history = pc_store_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);

  /* And by hand: an old id or an old reference is refused. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO assessments (id, reference, revision, title, kind, division,"
                         " lead, checklist_sha256, created_at, updated_at)"
                         " SELECT %" G_GINT64_FORMAT ", '%s', 1, 'x', kind, division, lead,"
                         " checklist_sha256, created_at, updated_at FROM assessments LIMIT 1",
                         id + 1, reference);
  g_assert_false (raw_exec (path, sql));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("PC_CLI") != NULL)
    {
      g_test_add_func ("/pc/integrity/genuine", test_genuine);
      g_test_add_func ("/pc/integrity/replace-refused", test_replace_refused);
      g_test_add_func ("/pc/integrity/state-flip", test_state_flip);
      g_test_add_func ("/pc/integrity/in-review-approved", test_in_review_approved);
      g_test_add_func ("/pc/integrity/swapped-attachment", test_swapped_attachment);
      g_test_add_func ("/pc/integrity/rechained-history", test_rechained_history);
      g_test_add_func ("/pc/integrity/truncated-history", test_truncated_history);
      g_test_add_func ("/pc/integrity/dropped-trigger", test_dropped_trigger);
      g_test_add_func ("/pc/integrity/writable-schema", test_writable_schema);
      g_test_add_func ("/pc/integrity/deleted-assessment", test_deleted_assessment);
      make_template ();
    }

  status = g_test_run ();

  remove_template ();

  return status;
}
