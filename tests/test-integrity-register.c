/* test-integrity-register.c: signed means signed: what you see is what
 * you sign, the anchors in each sign-off, the first release's files, and
 * the register of signers
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "pc-assessment.h"
#include "pc-sign.h"
#include "pc-test-utils.h"
#include "test-integrity-common.h"

/* What you see is what you sign: a fingerprint that no longer matches
 * the content signs nothing. */
static void
test_what_you_see (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Ann Lee", "Service lead");
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 id = pc_test_create_assessment (store, "Crisis café", "Ann Lee");

  pc_test_answer_all (store, id);
  a = pc_store_load_assessment_by_id (store, id, &error);
  content = pc_store_content_bytes (store, a, &shown, &error);
  g_assert_no_error (error);

  /* A colleague adds a sentence after the author was shown the content. */
  g_assert_true (pc_store_set_header_field (store, id, "outcomes", "Fewer A&E visits", &error));
  g_assert_no_error (error);

  g_assert_false (pc_store_submit (store, id, author, NULL, shown, NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_CHANGED);
  g_clear_pointer (&a, pc_assessment_free);
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->signoffs->len, ==, 0);
}

/* Each sign-off carries the chain's head it signed, in the summary too;
 * a summary whose history is shorter than a signature saw is refused. */
static void
test_anchor_in_summary (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(PcVerifyResult) cut = NULL;
  g_autofree char *text = NULL;
  gint64 id = pc_test_create_approved_assessment (store, "Crisis café", "Ann Lee", "Service lead",
                                                  "Raj Patel", "Clinical director");
  cJSON *signoff;
  gint64 rows = 0;

  pc_test_export_summary (store, id, now, path);
  pc_test_assert_valid_summary (path);
  bytes = pc_test_read_file (path);
  result = pc_verify_summary (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL);
  g_assert_nonnull (result);
  g_assert_true (result->ok);

  document = cJSON_ParseWithLength (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (pc_json_get_int (document, "format_version", &rows));
  g_assert_cmpint (rows, ==, 2);
  signoff = cJSON_GetArrayItem (cJSON_GetObjectItem (document, "signoffs"), 1);
  g_assert_true (pc_json_get_int (signoff, "audit_rows", &rows));
  g_assert_cmpint (rows, >, 1);
  g_assert_nonnull (pc_json_get_string (signoff, "audit_head"));

  cJSON_ReplaceItemInObject (cJSON_GetObjectItem (document, "audit"), "rows",
                             cJSON_CreateNumber (1));
  text = cJSON_Print (document);
  cut = pc_verify_summary (text, strlen (text), NULL, NULL);
  g_assert_nonnull (cut);
  g_assert_false (cut->ok);
}

/* A database made by the first release opens, is migrated (with its
 * backup), and every genuine signature still verifies, in the database
 * and in a summary exported from it; its summaries, in format 1, still
 * verify. */
static void
test_release_1 (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "release-1.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "release-1.db.gz", NULL);
  g_autofree char *summary = g_test_build_filename (G_TEST_DIST, "data", "release-1-approved.json", NULL);
  g_autofree char *export_path = g_build_filename (dir, "summary.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GInputStream) gunzip = NULL;
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out_stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  guint signed_ones = 0;

  in = g_file_read (file, NULL, &error);
  g_assert_no_error (error);
  gunzip = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (decompressor));
  out_stream = g_file_create (out, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_splice (G_OUTPUT_STREAM (out_stream), gunzip,
                          G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                          NULL, &error);
  g_assert_no_error (error);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());
  g_assert_nonnull (pc_store_get_backup_path (store));
  g_assert_true (g_file_test (pc_store_get_backup_path (store), G_FILE_TEST_IS_REGULAR));
  g_assert_null (pc_store_get_altered_schema (store));

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (item->state == PC_STATE_DRAFT)
        continue;
      g_assert_cmpint (item->integrity, ==, PC_INTEGRITY_VERIFIED);
      signed_ones++;
      if (item->state == PC_STATE_APPROVED)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autoptr(GBytes) exported = NULL;
          g_autoptr(PcVerifyResult) again = NULL;

          pc_test_export_summary (store, item->id, now, export_path);
          exported = pc_test_read_file (export_path);
          again = pc_verify_summary (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                                     NULL, NULL);
          g_assert_true (again->ok);
        }
    }
  g_assert_cmpuint (signed_ones, >=, 4);

  {
    g_autoptr(GPtrArray) signers = pc_store_list_signers (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (signers->len, >=, 2);
    g_assert_cmpstr (((PcSigner *) g_ptr_array_index (signers, 0))->how, ==, "migrated");
  }

  bytes = pc_test_read_file (summary);
  result = pc_verify_summary (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->ok);
}

/* The register of signers: a name that signed here with one key cannot
 * sign with another, unless the new key was recorded on purpose. */
static void
test_register_signing (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Ann Lee", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Raj Patel", "Clinical director");
  /* A second key under the reviewer's name, made on another desk. */
  g_autoptr(PcSigningKey) impostor = pc_test_signing_key_new ("RAJ  PATEL", "Clinical director");
  g_autoptr(GPtrArray) signers = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = pc_test_create_assessment (store, "Crisis café", "Ann Lee");
  gint64 second = pc_test_create_assessment (store, "Carers’ line", "Ann Lee");

  pc_test_answer_all (store, first);
  pc_test_answer_all (store, second);
  pc_test_approve (store, first, author, reviewer);
  pc_test_submit (store, second, author);

  g_assert_false (pc_store_review (store, second, PC_MEANING_APPROVED, NULL, impostor, NULL, NULL,
                                   NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_UNKNOWN_KEY);
  g_assert_nonnull (strstr (error->message, pc_signing_key_get_fingerprint (reviewer)));
  g_assert_nonnull (strstr (error->message, pc_signing_key_get_fingerprint (impostor)));
  g_clear_error (&error);

  /* Recorded on purpose, the new key signs; the old signature stands. */
  g_assert_true (pc_store_register_replaced_key (store, pc_signing_key_get_name (impostor),
                                                 pc_signing_key_get_public_key (impostor),
                                                 pc_signing_key_get_fingerprint (reviewer), &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_review (store, second, PC_MEANING_APPROVED, NULL, impostor, NULL, NULL,
                                  NULL, &error));
  g_assert_no_error (error);

  signers = pc_store_list_signers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signers->len, ==, 3);
  g_assert_cmpstr (((PcSigner *) g_ptr_array_index (signers, 2))->how, ==, "replaced");
  g_assert_cmpstr (((PcSigner *) g_ptr_array_index (signers, 2))->replaces, ==,
                   pc_signing_key_get_fingerprint (reviewer));
  g_assert_cmpint (integrity_of_store (store, first), ==, PC_INTEGRITY_VERIFIED);
  g_assert_cmpint (integrity_of_store (store, second), ==, PC_INTEGRITY_VERIFIED);
}

/* A forged decision (a fresh key carrying the genuine reviewer's name
 * and role) is refused by import in a database that knows the reviewer. */
static void
test_register_import (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *genuine_path = g_build_filename (dir, "genuine.json", NULL);
  g_autofree char *forged_path = g_build_filename (dir, "forged.json", NULL);
  g_autofree char *reviewer_db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *err = NULL;
  g_autoptr(PcStore) author_store = pc_test_open_store (NULL);
  g_autoptr(PcStore) forger_store = pc_test_open_store (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 genuine = pc_test_create_approved_assessment (author_store, "Crisis café", "Ann Lee",
                                                       "Service lead", "Raj Patel",
                                                       "Clinical director");
  gint64 forged = pc_test_create_approved_assessment (forger_store, "Crisis café", "Ann Lee",
                                                      "Service lead", "Raj Patel",
                                                      "Clinical director");

  pc_test_export_summary (author_store, genuine, now, genuine_path);
  pc_test_export_summary (forger_store, forged, now, forged_path);

  g_assert_cmpint (pc_test_run_cli (reviewer_db, NULL, NULL, "import", genuine_path, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (reviewer_db, NULL, &err, "import", forged_path, NULL), ==, 1);
  pc_test_assert_printed_line (err, "it may be forged, so it is not imported");
}

/* A sign-off whose key the register does not hold was put in behind the
 * program's back. */
static void
test_register_removed (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = find_id (path, "approved", &reference);

  pc_test_raw_exec_behind_triggers (path, "DELETE FROM signers");

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "register of signers does not hold"));
  assert_altered_everywhere (path, reference, "register of signers does not hold");
}

/* Rows written after the last signature's anchor, rewritten and
 * re-chained: only what signing writes may stand there. */
static void
test_rewritten_tail (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 id = find_id (path, "approved", &reference);

  rewrite_history (path, id, -1);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "the history after"));
  assert_altered_everywhere (path, reference, "the history after");
}

/* A sign-off of an earlier round (the reviewer's "returned") rewritten:
 * its signature still says what was signed. */
static void
test_earlier_round (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  sqlite3 *db = pc_test_raw_open (path);
  gint64 signoff = pc_test_raw_int (db, "SELECT min (id) FROM signoffs WHERE meaning = 'returned'");
  gint64 id = 0;
  g_autofree char *sql = g_strdup_printf ("SELECT assessment_id FROM signoffs WHERE id = %" G_GINT64_FORMAT,
                                          signoff);

  id = pc_test_raw_int (db, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT reference FROM assessments WHERE id = %" G_GINT64_FORMAT, id);
  reference = pc_test_raw_text (db, sql);
  sqlite3_close (db);
  g_clear_pointer (&sql, g_free);

  sql = g_strdup_printf ("UPDATE signoffs SET reason = 'Returned at the author''s request.',"
                         " audit_rows = NULL, audit_head = NULL WHERE id = %" G_GINT64_FORMAT, signoff);
  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  g_assert_true (problems_mention (problems, "are not what the signature carries"));
  g_assert_cmpint (pc_test_run_cli (path, &out, NULL, "show", reference, NULL), ==, 1);
}

/* Checks switched off, a count no database should hold: altered, and no
 * crash. */
static void
test_impossible_anchor (void)
{
  g_autofree char *path = demo_copy ();
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *listed = NULL;
  gint64 id = find_id (path, "approved", &reference);
  g_autofree char *sql = g_strdup_printf ("PRAGMA ignore_check_constraints = ON;"
                                          "UPDATE signoffs SET audit_rows = -100000000"
                                          " WHERE assessment_id = %" G_GINT64_FORMAT, id);

  pc_test_raw_exec_behind_triggers (path, sql);

  g_assert_cmpint (integrity_of (path, id, &problems), ==, PC_INTEGRITY_ALTERED);
  listed = listed_integrity (path, reference);
  g_assert_cmpstr (listed, ==, "altered");
}

/* A trigger or a table hidden under a name like SQLite's own. */
static void
test_hidden_schema (void)
{
  g_autofree char *path = demo_copy ();
  g_autoptr(PcStore) store = NULL;

  g_assert_true (raw_exec (path,
                           "PRAGMA writable_schema = ON;"
                           "CREATE TABLE sqlite_stat_log (v);"
                           "CREATE TRIGGER sqlite_stat_hook AFTER INSERT ON audit"
                           " BEGIN INSERT INTO sqlite_stat_log VALUES (NEW.new_value); END;"));

  store = pc_test_open_store (path);
  g_assert_nonnull (pc_store_get_altered_schema (store));
}

/* An imported summary's list columns edited: the file says otherwise. */
static void
test_import_columns (void)
{
  g_autoptr(PcStore) author_store = pc_test_open_store (NULL);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *summary = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *reference = NULL;
  g_autofree char *integrity = NULL;
  gint64 id = pc_test_create_approved_assessment (author_store, "Crisis café", "Ann Lee",
                                                  "Service lead", "Raj Patel", "Clinical director");
  g_autoptr(PcAssessment) a = pc_store_load_assessment_by_id (author_store, id, NULL);

  pc_test_export_summary (author_store, id, now, summary);
  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "import", summary, NULL), ==, 0);
  integrity = listed_integrity (db, a->reference);
  g_assert_cmpstr (integrity, ==, "verified");
  g_clear_pointer (&integrity, g_free);

  pc_test_raw_exec_behind_triggers (db, "UPDATE imports SET title = 'Approved by the Board'");
  integrity = listed_integrity (db, a->reference);
  g_assert_cmpstr (integrity, ==, "altered");
}

/* A long list is verified in shares, side by side: each item's verdict
 * is its own. */
static void
test_long_list (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Ann Lee", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Raj Patel", "Clinical director");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 altered = 0;
  guint n_altered = 0;
  guint n_verified = 0;

  /* More than the 16 signed ones a list verifies in one share. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Service %u", i);
      gint64 id = pc_test_create_assessment (store, title, "Ann Lee");

      pc_test_answer_all (store, id);
      pc_test_approve (store, id, author, reviewer);
      if (i == 11)
        altered = id;
    }

  sql = g_strdup_printf ("UPDATE answers SET evidence = 'Changed' WHERE assessment_id = %" G_GINT64_FORMAT,
                         altered);
  pc_test_raw_exec_behind_triggers (path, sql);

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (item->id == altered)
        n_altered += item->integrity == PC_INTEGRITY_ALTERED;
      else
        n_verified += item->integrity == PC_INTEGRITY_VERIFIED;
    }
  g_assert_cmpuint (n_altered, ==, 1);
  g_assert_cmpuint (n_verified, ==, 19);
}

/* The command line: a second key under a known name is refused, until
 * recorded on purpose; then what it signs says so. */
static void
test_register_cli (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *pass = g_build_filename (dir, "pass", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Ann Lee", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Raj Patel", "Clinical director");
  g_autoptr(PcAssessment) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  gint64 first_id = pc_test_create_assessment (store, "Crisis café", "Ann Lee");
  gint64 second_id = pc_test_create_assessment (store, "Carers’ line", "Ann Lee");

  pc_test_answer_all (store, first_id);
  pc_test_answer_all (store, second_id);
  pc_test_submit (store, first_id, author);
  pc_test_submit (store, second_id, author);
  pc_test_review (store, first_id, PC_MEANING_APPROVED, NULL, reviewer);
  second = pc_store_load_assessment_by_id (store, second_id, &error);
  g_assert_true (g_file_set_contents (pass, PC_TEST_PASSPHRASE "\n", -1, &error));

  /* A fresh key in the reviewer's name, on this desk. */
  g_assert_cmpint (pc_test_run_cli (NULL, NULL, NULL, "keygen", "--name", "Raj Patel", "--role",
                                    "Clinical director", "--passphrase-file", pass, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (path, NULL, &err, "review", second->reference, "--decision",
                                    "approved", "--name", "Raj Patel", "--role", "Clinical director",
                                    "--passphrase-file", pass, NULL), ==, 1);
  pc_test_assert_printed_line (err, "signs in this database with the key");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli (path, NULL, NULL, "signers", "record", "--name", "Raj Patel",
                                    "--passphrase-file", pass, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (path, NULL, NULL, "review", second->reference, "--decision",
                                    "approved", "--name", "Raj Patel", "--role", "Clinical director",
                                    "--passphrase-file", pass, NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (path, &out, NULL, "show", second->reference, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "This key was recorded on "));
  g_assert_nonnull (strstr (out, " as replacing an earlier key of Raj Patel"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/integrity/what-you-see", test_what_you_see);
  g_test_add_func ("/pc/integrity/anchor-in-summary", test_anchor_in_summary);
  g_test_add_func ("/pc/integrity/release-1", test_release_1);
  g_test_add_func ("/pc/integrity/register-signing", test_register_signing);
  g_test_add_func ("/pc/integrity/long-list", test_long_list);

  if (g_getenv ("PC_CLI") != NULL)
    {
      g_test_add_func ("/pc/integrity/register-import", test_register_import);
      g_test_add_func ("/pc/integrity/register-removed", test_register_removed);
      g_test_add_func ("/pc/integrity/register-cli", test_register_cli);
      g_test_add_func ("/pc/integrity/rewritten-tail", test_rewritten_tail);
      g_test_add_func ("/pc/integrity/earlier-round", test_earlier_round);
      g_test_add_func ("/pc/integrity/impossible-anchor", test_impossible_anchor);
      g_test_add_func ("/pc/integrity/hidden-schema", test_hidden_schema);
      g_test_add_func ("/pc/integrity/import-columns", test_import_columns);
      make_template ();
    }

  status = g_test_run ();

  remove_template ();

  return status;
}
