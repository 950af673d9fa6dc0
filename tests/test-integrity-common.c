/* test-integrity-common.c: what the tests of integrity share: the demo
 * database they alter, and ways to alter it and see what the program says
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-integrity-common.h"

#include <gio/gio.h>
#include <string.h>

#include <sqlite3.h>

#include "pc-checklist.h"
#include "pc-assessment.h"
#include "pc-demo.h"
#include "pc-test-utils.h"

/* The demo database every test copies. */
char *template_db;

void
make_template (void)
{
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GError) error = NULL;
  g_autofree char *keys_dir = NULL;
  g_autofree char *dir = NULL;

  dir = g_dir_make_tmp ("principle-check-integrity-XXXXXX", &error);
  g_assert_no_error (error);
  keys_dir = g_build_filename (dir, "keys", NULL);
  template_db = g_build_filename (dir, "demo.db", NULL);

  store = pc_test_open_store (template_db);
  g_assert_cmpuint (pc_demo_fill (store, checklist, keys_dir, NULL, &error), >, 0);
  g_assert_no_error (error);
  /* Closing the last connection checkpoints the log into the file. */
  g_clear_object (&store);
  pc_test_remove_tree (keys_dir);
}

void
remove_template (void)
{
  if (template_db != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (template_db);

      pc_test_remove_tree (dir);
    }
}

/* A fresh copy of the demo database for one test. */
char *
demo_copy (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GFile) from = g_file_new_for_path (template_db);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Runs @sql through a plain connection, as the sqlite3 shell would
 * (no foreign keys, triggers as the file has them); returns whether
 * SQLite accepted it. */
gboolean
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = pc_test_raw_open (path);
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_test_message ("sqlite3 refused: %s", message);
  sqlite3_free (message);
  sqlite3_close (db);

  return rc == SQLITE_OK;
}

/* The id and reference of the demo's first assessment in @state. */
gint64
find_id (const char  *path,
         const char  *state,
         char       **out_reference)
{
  sqlite3 *db = pc_test_raw_open (path);
  g_autofree char *sql = g_strdup_printf ("SELECT min (id) FROM assessments WHERE state = '%s'", state);
  gint64 id = pc_test_raw_int (db, sql);

  if (out_reference != NULL)
    {
      g_autofree char *ref_sql = g_strdup_printf ("SELECT reference FROM assessments WHERE id = %"
                                                  G_GINT64_FORMAT, id);
      *out_reference = pc_test_raw_text (db, ref_sql);
    }
  sqlite3_close (db);
  g_assert_cmpint (id, >, 0);

  return id;
}

static PcIntegrity
verify_integrity (PcStore    *store,
                  gint64      id,
                  GPtrArray **out_problems)
{
  g_autoptr(PcAssessment) a = pc_test_load_assessment (store, id);
  g_autoptr(GError) error = NULL;
  PcIntegrity integrity;

  integrity = pc_store_verify_assessment (store, a, out_problems, &error);
  g_assert_no_error (error);

  return integrity;
}

/* What @store says of assessment @id. */
PcIntegrity
integrity_of_store (PcStore *store,
                    gint64   id)
{
  return verify_integrity (store, id, NULL);
}

/* What the store says of assessment @id of @path. */
PcIntegrity
integrity_of (const char  *path,
              gint64       id,
              GPtrArray  **out_problems)
{
  g_autoptr(PcStore) store = pc_test_open_store (path);

  return verify_integrity (store, id, out_problems);
}

gboolean
problems_mention (GPtrArray  *problems,
                  const char *words)
{
  for (guint i = 0; i < problems->len; i++)
    if (strstr (g_ptr_array_index (problems, i), words) != NULL)
      return TRUE;

  return FALSE;
}

/* The integrity `list --json` gives @reference. */
char *
listed_integrity (const char *path,
                  const char *reference)
{
  g_autofree char *out = NULL;
  g_autoptr(cJSON) list = NULL;
  cJSON *row;

  g_assert_cmpint (pc_test_run_cli (path, &out, NULL, "list", "--json", NULL), ==, 0);
  list = pc_test_parse_json (out);
  cJSON_ArrayForEach (row, list)
    if (g_strcmp0 (pc_json_get_string (row, "reference"), reference) == 0)
      return g_strdup (pc_json_get_string (row, "integrity"));

  g_assert_not_reached ();
}

/* Everything a user can do with an altered record shows it altered or
 * refuses: show (exit 1, saying what), list --json, the three exports
 * (exit 1, one line, no file), and revise. */
void
assert_altered_everywhere (const char *path,
                           const char *reference,
                           const char *what)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *json = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *integrity = NULL;
  const char *exports[][2] = { { "--json", json }, { "--pdf", pdf }, { "--csv", csv } };

  g_assert_cmpint (pc_test_run_cli (path, &out, NULL, "show", reference, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "ALTERED SINCE IT WAS SIGNED"));
  g_assert_nonnull (strstr (out, what));
  g_clear_pointer (&out, g_free);

  integrity = listed_integrity (path, reference);
  g_assert_cmpstr (integrity, ==, "altered");

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_assert_cmpint (pc_test_run_cli (path, NULL, &err, "export", reference, exports[i][0],
                                        exports[i][1], NULL), ==, 1);
      pc_test_assert_printed_line (err, "has been altered since it was signed");
      g_assert_false (g_file_test (exports[i][1], G_FILE_TEST_EXISTS));
      g_clear_pointer (&err, g_free);
    }

  g_assert_cmpint (pc_test_run_cli (path, NULL, &err, "revise", reference, "--reason", "Update",
                                    NULL), !=, 0);
  g_assert_cmpstr (err, !=, "");
}

/* The audit hash as the store computes it (pc-store-audit.c), written
 * again as an attacker would to re-chain a rewritten history. */
void
append_field (GChecksum  *checksum,
              const char *value)
{
  g_autofree char *prefix = NULL;

  if (value == NULL)
    {
      g_checksum_update (checksum, (const guint8 *) "-;", 2);
      return;
    }
  prefix = g_strdup_printf ("%zu:", strlen (value));
  g_checksum_update (checksum, (const guint8 *) prefix, -1);
  g_checksum_update (checksum, (const guint8 *) value, -1);
  g_checksum_update (checksum, (const guint8 *) ";", 1);
}

/* Rewrites the actor of @assessment_id's audit row number @which (from
 * 0; -1 for the last) and re-chains every row, so the chain holds
 * again. */
void
rewrite_history (const char *path,
                 gint64      assessment_id,
                 gint64      which)
{
  g_autoptr(GString) script = g_string_new (NULL);
  sqlite3 *db = pc_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = g_strnfill (64, '0');
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, assessment_id);
  g_autofree char *sql = g_strdup_printf ("SELECT id, at, actor, entity, entity_id, field, old_value,"
                                          " new_value, reason FROM audit WHERE assessment_id = %"
                                          G_GINT64_FORMAT " ORDER BY id", assessment_id);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count (*) FROM audit WHERE assessment_id = %"
                                                G_GINT64_FORMAT, assessment_id);
  gint64 target = which >= 0 ? which : pc_test_raw_int (db, count_sql) + which;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
      const char *actor = n == target ? "Somebody Else" : (const char *) sqlite3_column_text (stmt, 2);
      char *quoted;

      append_field (checksum, "principle-check-audit-v1");
      append_field (checksum, prev);
      append_field (checksum, id_text);
      append_field (checksum, (const char *) sqlite3_column_text (stmt, 1));
      append_field (checksum, actor);
      for (int c = 3; c <= 8; c++)
        append_field (checksum, (const char *) sqlite3_column_text (stmt, c));

      quoted = sqlite3_mprintf ("UPDATE audit SET actor = %Q, prev_hash = %Q, hash = %Q"
                                " WHERE id = %lld;", actor, prev,
                                g_checksum_get_string (checksum),
                                (long long) sqlite3_column_int64 (stmt, 0));
      g_string_append (script, quoted);
      sqlite3_free (quoted);
      g_free (prev);
      prev = g_strdup (g_checksum_get_string (checksum));
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  pc_test_raw_exec_behind_triggers (path, script->str);
}
