/* test-import.c: importing a verified summary as a read-only record
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
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-utils.h"
#include "pc-verify.h"

#define TITLE    "Crisis line redesign"
#define AUTHOR   "Ann Lee"
#define REVIEWER "Raj Patel"

/* Helpers */

/* A database holding one approved assessment, exported to a file in
 * @dir. The out parameters (all nullable) receive its reference, the
 * SHA-256 of its canonical content, and the file's path. */
static void
make_summary (const char  *dir,
              char       **out_reference,
              char       **out_content_sha256,
              char       **out_path)
{
  g_autofree char *db = g_build_filename (dir, "origin.db", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GDateTime) when = pc_test_time_at (10);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(cJSON) content = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = pc_test_create_approved_assessment (store, TITLE, AUTHOR, "Service lead",
                                                 REVIEWER, "Clinical director");

  pc_test_export_summary (store, id, when, path);

  a = pc_test_load_assessment (store, id);
  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);
  content = pc_summary_build_content (a, checklist);

  if (out_reference != NULL)
    *out_reference = g_strdup (a->reference);
  if (out_content_sha256 != NULL)
    {
      *out_content_sha256 = pc_canon_sha256 (content, &error);
      g_assert_no_error (error);
    }
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
}

/* Verifies @bytes, which must come out as a summary. */
static PcVerifyResult *
verify_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  PcVerifyResult *result = pc_verify_summary (data, len, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

/* Verifies and imports the file at @path, which must succeed. */
static gint64
import_file (PcStore    *store,
             const char *path,
             gboolean   *out_already)
{
  g_autoptr(GBytes) bytes = pc_test_read_file (path);
  g_autoptr(PcVerifyResult) result = verify_bytes (bytes);
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  gint64 id;

  g_assert_true (result->ok);
  id = pc_store_import_summary (store, result, data, len, out_already, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static gint64
count_rows (const char *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *raw = pc_test_raw_open (db);
  gint64 n = pc_test_raw_int (raw, sql);

  sqlite3_close (raw);
  return n;
}

static char *
content_sha256_of (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(cJSON) document = pc_json_parse_strict (data, len, &error);
  char *sha256;

  g_assert_no_error (error);
  sha256 = pc_canon_sha256 (cJSON_GetObjectItemCaseSensitive (document, "content"), &error);
  g_assert_no_error (error);

  return sha256;
}

/* Writes @document (a tree parsed from @path and then changed) over a
 * new file @name in @dir. Returns: (transfer full) its path */
static char *
write_changed (const char *dir,
               const char *name,
               cJSON      *document)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_summary_write (document, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* A copy of the summary at @path whose first prompt's evidence says
 * something else: the signatures no longer hold. */
static char *
write_tampered (const char *dir,
                const char *path)
{
  g_autoptr(cJSON) document = pc_test_parse_json_file (path);
  cJSON *content = cJSON_GetObjectItemCaseSensitive (document, "content");
  cJSON *principle = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (content, "principles"), 0);
  cJSON *prompt = cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (principle, "prompts"), 0);

  g_assert_nonnull (prompt);
  cJSON_ReplaceItemInObjectCaseSensitive (prompt, "evidence",
                                          cJSON_CreateString ("Nothing was done."));

  return write_changed (dir, "tampered.json", document);
}

/* Test cases */

/* Export → import → export --imported gives the same file, hence the
 * same content. */
static void
test_round_trip (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *again = g_build_filename (dir, "again.json", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *origin_sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stored_sha256 = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GError) error = NULL;
  gboolean already = TRUE;
  gint64 id;

  make_summary (dir, &reference, &origin_sha256, &path);
  original = pc_test_read_file (path);

  store = pc_test_open_store (db);
  id = import_file (store, path, &already);
  g_assert_false (already);
  g_assert_cmpint (pc_store_find_import (store, reference, 0, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_find_import (store, reference, 1, &error), ==, id);
  g_assert_no_error (error);

  stored = pc_store_get_imported_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, original));
  stored_sha256 = content_sha256_of (stored);
  g_assert_cmpstr (stored_sha256, ==, origin_sha256);
  g_clear_object (&store);

  if (!pc_test_have_cli ())
    return;

  {
    const char *args[] = { "export", reference, "--imported", "--json", again, NULL };
    g_autoptr(GBytes) exported = NULL;
    g_autofree char *exported_sha256 = NULL;
    g_autofree char *err = NULL;
    GStatBuf st;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    exported = pc_test_read_file (again);
    g_assert_true (g_bytes_equal (exported, original));
    exported_sha256 = content_sha256_of (exported);
    g_assert_cmpstr (exported_sha256, ==, origin_sha256);
    g_assert_cmpint (g_stat (again, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  }
}

/* The same record twice, even exported again at another time, is kept
 * once. */
static void
test_twice (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *origin = g_build_filename (dir, "origin.db", NULL);
  g_autofree char *later = g_build_filename (dir, "later.json", NULL);
  g_autofree char *path = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GDateTime) when = pc_test_time_at (15);
  gboolean already = FALSE;
  gint64 first;
  gint64 second;
  gint64 third;

  make_summary (dir, NULL, NULL, &path);
  {
    g_autoptr(PcStore) origin_store = pc_test_open_store (origin);

    pc_test_export_summary (origin_store, 1, when, later);
  }

  store = pc_test_open_store (db);
  first = import_file (store, path, &already);
  g_assert_false (already);
  second = import_file (store, path, &already);
  g_assert_true (already);
  g_assert_cmpint (second, ==, first);
  third = import_file (store, later, &already);
  g_assert_true (already);
  g_assert_cmpint (third, ==, first);
  g_clear_object (&store);

  g_assert_cmpint (count_rows (db, "imports"), ==, 1);
}

/* The list shows the import beside the local assessments, marked as
 * imported, with its state and progress. */
static void
test_list (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const PcListItem *imported = NULL;
  guint n_local = 0;
  gint64 id;

  make_summary (dir, &reference, NULL, &path);
  store = pc_test_open_store (db);
  /* A local assessment with the same reference as the import. */
  pc_test_create_assessment (store, "Memory clinic", "Lee Local");
  id = import_file (store, path, NULL);

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_assert_cmpstr (((PcListItem *) g_ptr_array_index (items, i - 1))->updated_at, >=,
                         item->updated_at);
      if (item->imported)
        imported = item;
      else
        n_local++;
    }

  g_assert_cmpuint (n_local, ==, 1);
  g_assert_nonnull (imported);
  g_assert_cmpint (imported->id, ==, id);
  g_assert_cmpstr (imported->reference, ==, reference);
  g_assert_cmpint (imported->revision, ==, 1);
  g_assert_cmpstr (imported->title, ==, TITLE);
  g_assert_cmpstr (imported->lead, ==, AUTHOR);
  g_assert_cmpstr (imported->division, ==, PC_TEST_DIVISION);
  g_assert_cmpint (imported->state, ==, PC_STATE_APPROVED);
  g_assert_cmpuint (imported->total, ==, pc_checklist_get_n_prompts (checklist));
  g_assert_cmpuint (imported->answered, ==, imported->total);
  g_assert_nonnull (imported->updated_at);

  /* The local assessment is not disturbed by the import's reference. */
  {
    g_autoptr(PcAssessment) a = pc_store_load_assessment (store, reference, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (a->title, ==, "Memory clinic");
  }
}

/* A summary altered after sign-off is refused, and nothing is written. */
static void
test_altered (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data;
  gboolean already = TRUE;

  make_summary (dir, NULL, NULL, &path);
  tampered = write_tampered (dir, path);
  bytes = pc_test_read_file (tampered);
  data = g_bytes_get_data (bytes, &len);
  result = verify_bytes (bytes);
  g_assert_false (result->ok);

  store = pc_test_open_store (db);
  g_assert_cmpint (pc_store_import_summary (store, result, data, len, &already, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (already);
  g_clear_object (&store);

  g_assert_cmpint (count_rows (db, "imports"), ==, 0);
  g_assert_cmpint (count_rows (db, "assessments"), ==, 0);
}

/* A verification of one file does not vouch for another's bytes. */
static void
test_other_file (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *path = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data;

  make_summary (dir, NULL, NULL, &path);
  tampered = write_tampered (dir, path);
  good = pc_test_read_file (path);
  bad = pc_test_read_file (tampered);
  result = verify_bytes (good);
  g_assert_true (result->ok);

  store = pc_test_open_store (db);
  data = g_bytes_get_data (bad, &len);
  g_assert_cmpint (pc_store_import_summary (store, result, data, len, NULL, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  data = "not JSON";
  g_assert_cmpint (pc_store_import_summary (store, result, data, strlen (data), NULL, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_object (&store);

  g_assert_cmpint (count_rows (db, "imports"), ==, 0);
}

/* Files that are not summaries at all: never verified, never imported,
 * no crash. */
static void
test_not_summary (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GString) invalid_utf8 = NULL;
  g_autoptr(GString) duplicate = NULL;
  const char *text;
  gsize len = 0;
  char *at;

  make_summary (dir, NULL, NULL, &path);
  good = pc_test_read_file (path);
  text = g_bytes_get_data (good, &len);

  invalid_utf8 = g_string_new_len (text, len);
  at = strstr (invalid_utf8->str, TITLE);
  g_assert_nonnull (at);
  at[0] = (char) 0xff;

  duplicate = g_string_new_len (text, len);
  g_string_insert (duplicate, 1, "\"format\": \"principle-check-summary\",");

  {
    const struct
    {
      const char *name;
      const char *data;
      gsize       len;
    } cases[] = {
      { "empty", "", 0 },
      { "truncated", text, len / 2 },
      { "not JSON", "This is a letter, not a summary.\n", G_MAXSIZE },
      { "an array", "[1, 2, 3]", G_MAXSIZE },
      { "another object", "{\"format\": \"principle-check-checklist\", \"format_version\": 1}",
        G_MAXSIZE },
      { "the summary's name only", "{\"format\": \"principle-check-summary\", \"format_version\": 1}",
        G_MAXSIZE },
      { "content of the wrong type",
        "{\"format\": \"principle-check-summary\", \"format_version\": 1, \"content\": [],"
        " \"signoffs\": {}}", G_MAXSIZE },
      { "invalid UTF-8", invalid_utf8->str, invalid_utf8->len },
      { "duplicate keys", duplicate->str, duplicate->len },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(PcVerifyResult) result = NULL;

        gsize n = cases[i].len == G_MAXSIZE ? strlen (cases[i].data) : cases[i].len;

        g_test_message ("%s", cases[i].name);
        result = pc_verify_summary (cases[i].data, n, NULL, &error);
        if (result == NULL)
          {
            g_assert_nonnull (error);
            g_assert_null (strchr (error->message, '\n'));
          }
        else
          g_assert_false (result->ok);
      }
  }
}

/* Imported summaries stay as they came, whoever asks. */
static void
test_read_only (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *path = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autofree char *title = NULL;
  sqlite3 *raw;

  make_summary (dir, NULL, NULL, &path);
  store = pc_test_open_store (db);
  import_file (store, path, NULL);
  g_clear_object (&store);

  raw = pc_test_raw_open (db);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE imports SET title = 'Something else'", NULL, NULL,
                                 NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (raw), "kept as they were"));
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE imports SET document = x'00'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM imports", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (raw), "kept as they were"));
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM imports"), ==, 1);
  title = pc_test_raw_text (raw, "SELECT title FROM imports");
  g_assert_cmpstr (title, ==, TITLE);
  sqlite3_close (raw);
}

/* A version-2 database gains the imports table, keeping its data and a
 * backup of itself. */
static void
test_migrate_from_v2 (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *backup = NULL;
  sqlite3 *raw;
  gint64 id;

  store = _pc_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, 2);
  id = pc_test_create_assessment (store, TITLE, AUTHOR);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'imports'"), ==, 0);
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), >=, 3);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'imports'"), ==, 1);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM imports"), ==, 0);
  sqlite3_close (raw);

  g_assert_nonnull (pc_store_get_backup_path (store));
  backup = g_strdup (pc_store_get_backup_path (store));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  raw = pc_test_raw_open (backup);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM assessments"), ==, 1);
  sqlite3_close (raw);
}

/* The command: import, import again, refuse what does not verify or is
 * not a summary, and read the import back. */
static void
test_cli (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *not_json = g_build_filename (dir, "letter.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-file.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tampered = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;

  if (!pc_test_have_cli ())
    return;

  make_summary (dir, &reference, NULL, &path);
  tampered = write_tampered (dir, path);
  original = pc_test_read_file (path);
  g_file_set_contents (not_json, "Dear reviewer, please find attached…\n", -1, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "import", path, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_str_has_prefix (out, "Imported "));
    g_assert_nonnull (strstr (out, reference));
    g_assert_nonnull (strstr (out, "2 sign-offs"));
  }

  {
    const char *args[] = { "import", path, NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, &out, NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out, "Already imported"));
    g_assert_cmpint (count_rows (db, "imports"), ==, 1);
  }

  /* Altered: exit 1, every line names the command, the last says
   * nothing was imported, and no database was even made. */
  {
    const char *args[] = { "import", tampered, NULL };
    g_autofree char *err = NULL;
    g_auto(GStrv) lines = NULL;
    guint n;

    g_assert_cmpint (pc_test_run_cli_argv (fresh, args, NULL, &err), ==, 1);
    lines = g_strsplit (err, "\n", -1);
    n = g_strv_length (lines);
    g_assert_cmpuint (n, >=, 3);
    g_assert_cmpstr (lines[n - 1], ==, "");
    for (guint i = 0; i + 1 < n; i++)
      g_assert_true (g_str_has_prefix (lines[i], "principle-check import: "));
    g_assert_nonnull (strstr (lines[n - 2], "Nothing was imported"));
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }

  {
    const char *args[] = { "import", tampered, NULL };

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, NULL), ==, 1);
    g_assert_cmpint (count_rows (db, "imports"), ==, 1);
  }

  /* Not a summary, a folder, a missing file: exit 2, one line. */
  {
    const char *files[] = { not_json, dir, missing };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        const char *args[] = { "import", files[i], NULL };
        g_autofree char *err = NULL;

        g_assert_cmpint (pc_test_run_cli_argv (fresh, args, NULL, &err), ==, 2);
        pc_test_assert_printed_line (err, NULL);
        g_assert_true (g_str_has_prefix (err, "principle-check import: "));
        g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      }
  }

  /* The list marks it imported. */
  {
    const char *args[] = { "list", "--json", NULL };
    g_autofree char *out = NULL;
    g_autoptr(cJSON) list = NULL;
    const cJSON *item;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, &out, NULL), ==, 0);
    list = pc_test_parse_json (out);
    g_assert_cmpint (cJSON_GetArraySize (list), ==, 1);
    item = cJSON_GetArrayItem (list, 0);
    g_assert_cmpstr (pc_json_get_string (item, "reference"), ==, reference);
    g_assert_cmpstr (pc_json_get_string (item, "state"), ==, "approved");
    g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (item, "imported")));
  }

  /* show --imported: readable, with its sign-offs; --json is the file. */
  {
    const char *args[] = { "show", reference, "--imported", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_nonnull (strstr (out, reference));
    g_assert_nonnull (strstr (out, TITLE));
    g_assert_nonnull (strstr (out, "imported summary, read-only"));
    g_assert_nonnull (strstr (out, "People at the heart"));
    g_assert_nonnull (strstr (out, "Evidence: Evidence for "));
    g_assert_nonnull (strstr (out, AUTHOR));
    g_assert_nonnull (strstr (out, REVIEWER));
  }

  {
    const char *args[] = { "show", reference, "--imported", "--json", NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, &out, NULL), ==, 0);
    g_assert_cmpmem (out, strlen (out), g_bytes_get_data (original, NULL),
                     g_bytes_get_size (original));
  }

  {
    const char *args[] = { "export", reference, "--imported", "--json", out_path, NULL };
    g_autoptr(GBytes) exported = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, NULL), ==, 0);
    exported = pc_test_read_file (out_path);
    g_assert_true (g_bytes_equal (exported, original));
  }

  /* Without --imported, the message says what to add. */
  {
    const char *show[] = { "show", reference, NULL };
    const char *export[] = { "export", reference, "--json", out_path, NULL };
    const char * const *commands[] = { show, export };

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (pc_test_run_cli_argv (db, commands[i], NULL, &err), ==, 2);
        pc_test_assert_printed_line (err, NULL);
        g_assert_nonnull (strstr (err, "add --imported"));
      }
  }

  /* --imported for a reference that was never imported. */
  {
    const char *args[] = { "show", "PC-1999-9999", "--imported", NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (pc_test_run_cli_argv (db, args, NULL, &err), ==, 2);
    pc_test_assert_printed_line (err, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/import/round-trip", test_round_trip);
  g_test_add_func ("/pc/import/twice", test_twice);
  g_test_add_func ("/pc/import/list", test_list);
  g_test_add_func ("/pc/import/altered", test_altered);
  g_test_add_func ("/pc/import/other-file", test_other_file);
  g_test_add_func ("/pc/import/not-summary", test_not_summary);
  g_test_add_func ("/pc/import/read-only", test_read_only);
  g_test_add_func ("/pc/import/migrate-from-v2", test_migrate_from_v2);
  g_test_add_func ("/pc/import/cli", test_cli);

  return g_test_run ();
}
