/* test-export.c: the signed JSON summary file
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-canon.h"
#include "pc-checklist.h"
#include "pc-export.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-utils.h"

#define TITLE    "Crisis line redesign"
#define AUTHOR   "Ann Lee"
#define REVIEWER "Raj Patel"

/* Helpers */

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  return g_dir_read_name (dir) == NULL;
}

/* Test cases */

/* (a) and (c): an approved assessment exports a valid file whose
 * signatures hold over its parsed content, whatever its layout. */
static void
test_approved (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GDateTime) when = pc_test_time_at (10);
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *canonical = NULL;
  const cJSON *content;
  const cJSON *signoffs;
  const cJSON *audit;
  gsize len = 0;
  GStatBuf st;
  gint64 id = pc_test_create_approved_assessment (store, TITLE, AUTHOR, "Service lead",
                                                 REVIEWER, "Clinical director");

  pc_test_export_summary (store, id, when, path);
  pc_test_assert_valid_summary (path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  document = pc_test_parse_json_file (path);
  g_assert_cmpstr (pc_json_get_string (document, "format"), ==, "principle-check-summary");
  g_assert_cmpstr (pc_json_get_string (document, "exported_at"), ==, "2026-11-22T10:15:00Z");
  g_assert_cmpstr (pc_json_get_string (document, "state"), ==, "approved");
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (document, "signed")));
  audit = cJSON_GetObjectItemCaseSensitive (document, "audit");
  g_assert_nonnull (pc_json_get_string (audit, "head"));

  content = cJSON_GetObjectItemCaseSensitive (document, "content");
  sha256 = pc_canon_sha256 (content, &error);
  g_assert_no_error (error);
  canonical = pc_canon_serialize (content, &len, &error);
  g_assert_no_error (error);

  signoffs = cJSON_GetObjectItemCaseSensitive (document, "signoffs");
  g_assert_cmpint (cJSON_GetArraySize (signoffs), ==, 2);
  for (const cJSON *s = signoffs->child; s != NULL; s = s->next)
    {
      g_autofree char *comment = NULL;
      g_autofree char *key_id = NULL;

      g_assert_cmpstr (pc_json_get_string (s, "content_sha256"), ==, sha256);
      g_assert_true (pc_sign_verify (pc_json_get_string (s, "public_key"),
                                     (const guint8 *) canonical, len,
                                     pc_json_get_string (s, "signature"),
                                     &comment, &key_id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (key_id, ==, pc_json_get_string (s, "key_id"));
      g_assert_nonnull (strstr (comment, sha256));
    }
  g_assert_cmpstr (pc_json_get_string (signoffs->child, "meaning"), ==, "prepared");
  g_assert_cmpstr (pc_json_get_string (signoffs->child->next, "meaning"), ==, "approved");
}

/* (b): the same assessment exports to the same bytes but for the
 * exported_at line. */
static void
test_deterministic (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.json", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *later = g_build_filename (dir, "later.json", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GDateTime) t1 = pc_test_time_at (10);
  g_autoptr(GDateTime) t2 = pc_test_time_at (11);
  g_autoptr(GBytes) b1 = NULL;
  g_autoptr(GBytes) b2 = NULL;
  g_autoptr(GBytes) b3 = NULL;
  g_auto(GStrv) lines1 = NULL;
  g_auto(GStrv) lines3 = NULL;
  guint differing = 0;
  gint64 id = pc_test_create_approved_assessment (store, TITLE, AUTHOR, "Service lead",
                                                 REVIEWER, "Clinical director");

  pc_test_export_summary (store, id, t1, first);
  pc_test_export_summary (store, id, t1, again);
  pc_test_export_summary (store, id, t2, later);

  b1 = pc_test_read_file (first);
  b2 = pc_test_read_file (again);
  b3 = pc_test_read_file (later);
  g_assert_true (g_bytes_equal (b1, b2));
  g_assert_false (g_bytes_equal (b1, b3));

  lines1 = g_strsplit (g_bytes_get_data (b1, NULL), "\n", -1);
  lines3 = g_strsplit (g_bytes_get_data (b3, NULL), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines1), ==, g_strv_length (lines3));
  for (guint i = 0; lines1[i] != NULL; i++)
    if (!g_str_equal (lines1[i], lines3[i]))
      {
        g_assert_nonnull (strstr (lines1[i], "\"exported_at\""));
        differing++;
      }
  g_assert_cmpuint (differing, ==, 1);
}

/* (d): a draft exports with no sign-offs, says so, and is valid. */
static void
test_draft (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "draft.json", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GDateTime) when = pc_test_time_at (10);
  g_autoptr(cJSON) document = NULL;
  gint64 id = pc_test_create_assessment (store, TITLE, AUTHOR);

  pc_test_export_summary (store, id, when, path);
  pc_test_assert_valid_summary (path);

  document = pc_test_parse_json_file (path);
  g_assert_cmpstr (pc_json_get_string (document, "state"), ==, "draft");
  g_assert_true (cJSON_IsFalse (cJSON_GetObjectItemCaseSensitive (document, "signed")));
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (document, "signoffs")),
                   ==, 0);
  /* Nothing is answered yet, so the linter blocks sign-off. */
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (document, "findings")),
                   >, 0);
}

/* (e): a path in a folder that does not exist fails with one line and
 * leaves nothing behind. */
static void
test_missing_folder (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "summary.json", NULL);
  g_autoptr(cJSON) document = cJSON_CreateObject ();
  g_autoptr(GError) error = NULL;

  cJSON_AddStringToObject (document, "format", "principle-check-summary");
  g_assert_false (pc_summary_write (document, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  pc_test_assert_message_names (error, path);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (folder_is_empty (dir));
}

/* (f): the command: it exports a known reference, and refuses an
 * unknown one or a missing folder with one line and exit status 2. */
static void
test_cli (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *reference = NULL;
  gint64 id;

  if (!pc_test_have_cli ())
    return;

  store = pc_test_open_store (db);
  id = pc_test_create_approved_assessment (store, TITLE, AUTHOR, "Service lead",
                                           REVIEWER, "Clinical director");
  a = pc_test_load_assessment (store, id);
  reference = g_strdup (a->reference);
  g_clear_object (&store);

  {
    const char *args[] = { "export", reference, "--json", path, NULL };

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    pc_test_assert_valid_summary (path);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "export", "PC-1999-9999", "--json", path, NULL };

    g_assert_true (g_unlink (path) == 0);
    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 2);
    pc_test_assert_printed_line (err, NULL);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "export", reference, "--json", missing, NULL };

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 2);
    pc_test_assert_printed_line (err, NULL);
    g_assert_nonnull (strstr (err, "does not exist"));
    g_assert_true (folder_is_empty (dir));
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "export", reference, NULL };

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 2);
    pc_test_assert_printed_line (err, NULL);
  }
}

/* What every export states, gathered once for the summary, the report
 * and the window and the command line alike: the content hash the
 * sign-offs cover, the checked audit chain, and the findings on the UTC
 * day of the export (half past midnight at UTC+2 is still the day before
 * in UTC). */
static void
test_facts (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GTimeZone) plus_two = g_time_zone_new_offset (2 * 3600);
  g_autoptr(GDateTime) when = g_date_time_new (plus_two, 2026, 11, 23, 0, 30, 0);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcExportFacts) facts = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *head = NULL;
  guint count = 0;
  gint64 id = pc_test_create_approved_assessment (store, TITLE, AUTHOR, "Service lead",
                                                 REVIEWER, "Clinical director");

  a = pc_store_load_assessment_by_id (store, id, &error);
  g_assert_no_error (error);
  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);
  facts = pc_export_facts_gather (store, a, checklist, when, &error);
  g_assert_no_error (error);
  g_assert_nonnull (facts);

  content = pc_store_content_bytes (store, a, &sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (facts->content_sha256, ==, sha256);
  for (guint i = 0; i < a->signoffs->len; i++)
    g_assert_cmpstr (((PcSignoff *) g_ptr_array_index (a->signoffs, i))->content_sha256, ==,
                     facts->content_sha256);

  g_assert_true (pc_store_check_audit_chain (store, id, &count, &head, &error));
  g_assert_cmpuint (facts->audit_count, ==, count);
  g_assert_cmpstr (facts->audit_head, ==, head);

  g_assert_cmpint (g_date_time_get_utc_offset (facts->exported_at), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (facts->exported_at), ==, 22);
  g_assert_cmpint (g_date_get_day (facts->today), ==, 22);
  g_assert_cmpint (g_date_get_month (facts->today), ==, G_DATE_NOVEMBER);
  g_assert_nonnull (facts->findings);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/export/approved", test_approved);
  g_test_add_func ("/pc/export/deterministic", test_deterministic);
  g_test_add_func ("/pc/export/draft", test_draft);
  g_test_add_func ("/pc/export/missing-folder", test_missing_folder);
  g_test_add_func ("/pc/export/cli", test_cli);
  g_test_add_func ("/pc/export/facts", test_facts);

  return g_test_run ();
}
