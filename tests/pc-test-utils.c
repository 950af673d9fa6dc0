/* pc-test-utils.c: helpers shared by the tests
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-test-utils.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <sys/wait.h>
#include <unistd.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"

void
pc_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          pc_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

char *
pc_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  dir = g_dir_make_tmp ("principle-check-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dir);

  /* The queue runs last in, first out: the folder goes, then the
   * queue's copy of its name. The caller frees the copy returned. */
  g_test_queue_free (dir);
  g_test_queue_destroy ((GDestroyNotify) pc_test_remove_tree, dir);

  return g_strdup (dir);
}

char *
pc_test_db_path (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();

  return g_build_filename (dir, "assessments.db", NULL);
}

PcStore *
pc_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_path = NULL;
  PcStore *store;

  if (path == NULL)
    path = tmp_path = pc_test_db_path ();

  store = pc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

PcChecklist *
pc_test_default_checklist (void)
{
  g_autoptr(GError) error = NULL;
  PcChecklist *checklist;

  checklist = pc_checklist_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  return checklist;
}

GDateTime *
pc_test_time_at (int hour)
{
  return g_date_time_new_utc (2026, 11, 22, hour, 15, 0);
}

PcAssessment *
pc_test_header_new (const char *title,
                    const char *lead)
{
  PcAssessment *header = pc_assessment_new ();

  header->title = g_strdup (title);
  header->lead = g_strdup (lead);
  header->kind = PC_KIND_NEW_SERVICE;
  header->division = g_strdup (PC_TEST_DIVISION);

  return header;
}

gint64
pc_test_create_assessment_with (PcStore            *store,
                                const PcAssessment *header)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = pc_store_create_assessment (store, header, checklist, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

gint64
pc_test_create_assessment (PcStore    *store,
                           const char *title,
                           const char *lead)
{
  g_autoptr(PcAssessment) header = pc_test_header_new (title, lead);

  return pc_test_create_assessment_with (store, header);
}

void
pc_test_answer_all (PcStore *store,
                    gint64   assessment_id)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;

  a = pc_store_load_assessment_by_id (store, assessment_id, &error);
  g_assert_no_error (error);
  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          g_autofree char *evidence = g_strdup_printf ("Evidence for %s.", prompt->id);

          pc_store_set_answer (store, assessment_id, prompt->id, PC_RATING_MET, evidence, NULL,
                               &error);
          g_assert_no_error (error);
        }
    }
}

PcSigningKey *
pc_test_signing_key_new (const char *name,
                         const char *role)
{
  g_autofree char *keys_dir = pc_test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  PcSigningKey *key;

  key = pc_signing_key_generate (keys_dir, name, role, PC_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);

  return key;
}

PcAssessment *
pc_test_load_assessment (PcStore *store,
                         gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a;

  a = pc_store_load_assessment_by_id (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);

  return a;
}

PcState
pc_test_state_of (PcStore *store,
                  gint64   assessment_id)
{
  g_autoptr(PcAssessment) a = pc_test_load_assessment (store, assessment_id);

  return a->state;
}

GPtrArray *
pc_test_history (PcStore *store,
                 gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = pc_store_history (store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

guint
pc_test_n_audit_rows (PcStore *store,
                      gint64   assessment_id)
{
  g_autoptr(GPtrArray) rows = pc_test_history (store, assessment_id);

  return rows->len;
}

void
pc_test_assert_chain_holds (PcStore *store,
                            gint64   assessment_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = pc_test_history (store, assessment_id);
  g_autofree char *head = NULL;
  guint count = 0;

  g_assert_true (pc_store_check_audit_chain (store, assessment_id, &count, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, rows->len);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpstr (head, ==, ((PcAuditEntry *) g_ptr_array_index (rows, rows->len - 1))->hash);
}

char *
pc_test_nth_prompt_id (guint n)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();

  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      if (n < principle->prompts->len)
        return g_strdup (((const PcPrompt *) g_ptr_array_index (principle->prompts, n))->id);
      n -= principle->prompts->len;
    }

  g_assert_not_reached ();
}

void
pc_test_submit (PcStore      *store,
                gint64        assessment_id,
                PcSigningKey *author)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_store_submit (store, assessment_id, author, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

void
pc_test_review (PcStore      *store,
                gint64        assessment_id,
                PcMeaning     decision,
                const char   *reason,
                PcSigningKey *reviewer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_store_review (store, assessment_id, decision, reason, reviewer, NULL, NULL, NULL,
                                  &error));
  g_assert_no_error (error);
}

void
pc_test_approve (PcStore      *store,
                 gint64        assessment_id,
                 PcSigningKey *author,
                 PcSigningKey *reviewer)
{
  pc_test_submit (store, assessment_id, author);
  pc_test_review (store, assessment_id, PC_MEANING_APPROVED, NULL, reviewer);
}

gint64
pc_test_create_submitted (PcStore      *store,
                          const char   *title,
                          const char   *lead,
                          PcSigningKey *author)
{
  gint64 id = pc_test_create_assessment (store, title, lead);

  pc_test_answer_all (store, id);
  pc_test_submit (store, id, author);
  g_assert_cmpint (pc_test_state_of (store, id), ==, PC_STATE_IN_REVIEW);

  return id;
}

gint64
pc_test_create_approved_assessment (PcStore    *store,
                                    const char *title,
                                    const char *author,
                                    const char *author_role,
                                    const char *reviewer,
                                    const char *reviewer_role)
{
  g_autoptr(PcSigningKey) author_key = pc_test_signing_key_new (author, author_role);
  g_autoptr(PcSigningKey) reviewer_key = pc_test_signing_key_new (reviewer, reviewer_role);
  gint64 id = pc_test_create_submitted (store, title, author, author_key);

  pc_test_review (store, id, PC_MEANING_APPROVED, NULL, reviewer_key);

  return id;
}

void
pc_test_export_summary (PcStore    *store,
                        gint64      assessment_id,
                        GDateTime  *exported_at,
                        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = pc_store_load_assessment_by_id (store, assessment_id, &error);
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GDate) today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (exported_at),
                                           (GDateMonth) g_date_time_get_month (exported_at),
                                           (GDateYear) g_date_time_get_year (exported_at));
  g_autoptr(cJSON) document = NULL;
  g_autofree char *head = NULL;
  guint count = 0;

  g_assert_no_error (error);
  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);
  g_assert_true (pc_store_check_audit_chain (store, assessment_id, &count, &head, &error));
  g_assert_no_error (error);
  findings = pc_lint_run (a, checklist, today);

  document = pc_summary_build_document (a, checklist, findings, count, head, exported_at);
  g_assert_true (pc_summary_write (document, path, &error));
  g_assert_no_error (error);
}

GBytes *
pc_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

void
pc_test_assert_file_unchanged (const char *path,
                               GBytes     *expected)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GBytes) now = pc_test_read_file (path);

  g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *beside = g_strconcat (path, suffixes[i], NULL);

      if (g_file_test (beside, G_FILE_TEST_EXISTS))
        g_error ("“%s” was left beside the refused file", beside);
    }
}

void
pc_test_assert_message_names (const GError *error,
                              const char   *path)
{
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  pc_test_assert_one_line (error->message);
}

sqlite3 *
pc_test_raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    g_error ("Could not open “%s”: %s", path, sqlite3_errmsg (db));
  /* A lock is waited for until the test would count as hung. */
  sqlite3_busy_timeout (db, (int) pc_test_hung_seconds () * 1000);

  return db;
}

void
pc_test_raw_exec (sqlite3    *db,
                  const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, errmsg);
}

static sqlite3_stmt *
raw_first_row (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("“%s” returned no row: %s", sql, sqlite3_errmsg (db));

  return stmt;
}

gint64
pc_test_raw_int (sqlite3    *db,
                 const char *sql)
{
  sqlite3_stmt *stmt = raw_first_row (db, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
pc_test_raw_text (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *stmt = raw_first_row (db, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

void
pc_test_assert_valid_summary (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "validate-json.py", NULL);
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "schema",
                                                   "summary.schema.json", NULL);
  const char *argv[] = { "python3", script, schema, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (pc_test_run_program (argv, &out, &err) != 0)
    g_error ("%s does not validate against %s: %s%s", path, schema, out, err);
}

int
pc_test_run_program (const char * const  *argv,
                     char               **out,
                     char               **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out_text, &err_text, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("%s did not exit normally (wait status %d): %s", argv[0], status, err_text);
  g_test_message ("%s %s: exit %d%s%s", argv[0], argv[1] != NULL ? argv[1] : "",
                  WEXITSTATUS (status), *err_text != '\0' ? ", stderr: " : "", err_text);

  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);

  return WEXITSTATUS (status);
}

char *
pc_test_run_program_ok (const char * const *argv)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = pc_test_run_program (argv, &out, &err);

  if (status != 0)
    g_error ("%s failed (exit %d): %s", argv[0], status, err);

  return out;
}

guint
pc_test_hung_seconds (void)
{
  const char *multiplier = g_getenv ("PC_TEST_TIMEOUT_MULTIPLIER");
  guint64 times = 1;

  if (multiplier != NULL && *multiplier != '\0')
    g_assert_true (g_ascii_string_to_unsigned (multiplier, 10, 1, 100, &times, NULL));

  return (guint) (60 * times);
}

gint64
pc_test_hung_deadline (void)
{
  return g_get_monotonic_time () + (gint64) pc_test_hung_seconds () * G_USEC_PER_SEC;
}

void
pc_test_assert_not_hung (gint64      deadline,
                         const char *what)
{
  if (g_get_monotonic_time () >= deadline)
    g_error ("Hung: still waiting for %s after %u s", what, pc_test_hung_seconds ());
}

static gboolean
hung_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pc_test_wait_until (PcTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gboolean hung = FALSE;
  guint source;

  if (condition (data))
    return;

  /* Blocks in the main loop until something happens, or the test has
   * waited so long it must be hung. */
  source = g_timeout_add_seconds (pc_test_hung_seconds (), hung_cb, &hung);
  while (!condition (data))
    {
      if (hung)
        g_error ("Hung: still waiting for %s after %u s", what, pc_test_hung_seconds ());
      g_main_context_iteration (NULL, TRUE);
    }
  if (!hung)
    g_source_remove (source);
}

typedef struct
{
  const guint *counter;
  guint        wanted;
} CountWait;

static gboolean
count_reached (gpointer data)
{
  CountWait *wait = data;

  return *wait->counter >= wait->wanted;
}

void
pc_test_wait_for_count (const guint *counter,
                        guint        wanted,
                        const char  *what)
{
  CountWait wait = { counter, wanted };

  pc_test_wait_until (count_reached, &wait, what);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
pc_test_wait_for_null (gpointer   *pointer,
                       const char *what)
{
  pc_test_wait_until (is_null, pointer, what);
}

void
pc_test_wait_idle (void)
{
  gint64 deadline = pc_test_hung_deadline ();

  while (g_main_context_pending (NULL))
    {
      pc_test_assert_not_hung (deadline, "the main loop to be idle");
      g_main_context_iteration (NULL, FALSE);
    }
}

gboolean
pc_test_have_cli (void)
{
  const char *cli = g_getenv ("PC_CLI");

  if (cli == NULL || *cli == '\0')
    {
      g_test_skip ("PC_CLI is not set: point it at the built principle-check");
      return FALSE;
    }

  return TRUE;
}

static void
cli_child_setup (gpointer user_data)
{
  /* No controlling terminal: a command that would ask for a passphrase
   * fails at once instead of waiting for someone to type it. */
  setsid ();
}

int
pc_test_run_cli_with_data_home (const char         *data_home,
                                const char         *db,
                                const char * const *args,
                                char              **out,
                                char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GString) command = g_string_new ("$ principle-check");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out_text = NULL;
  g_autofree char *err_text = NULL;
  const char *cli = g_getenv ("PC_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (char *) "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  g_ptr_array_add (argv, NULL);

  for (guint i = 1; i + 1 < argv->len; i++)
    {
      g_autofree char *quoted = g_shell_quote (g_ptr_array_index (argv, i));

      g_string_append_printf (command, " %s", quoted);
    }

  /* The children see this process's folders (the signing keys live in
   * XDG_DATA_HOME), untranslated messages, and never a display: without
   * a command the program would open its window. */
  env = g_environ_setenv (env, "HOME", g_get_home_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home != NULL ? data_home : g_get_user_data_dir (),
                          TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  env = g_environ_setenv (env, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDIN_FROM_DEV_NULL, cli_child_setup, NULL,
                &out_text, &err_text, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status))
    g_error ("%s did not exit normally (wait status %d): %s", command->str, status, err_text);
  g_test_message ("%s: exit %d%s%s", command->str, WEXITSTATUS (status),
                  *err_text != '\0' ? ", stderr: " : "", err_text);

  if (out != NULL)
    *out = g_steal_pointer (&out_text);
  if (err != NULL)
    *err = g_steal_pointer (&err_text);

  return WEXITSTATUS (status);
}

int
pc_test_run_cli_argv (const char         *db,
                      const char * const *args,
                      char              **out,
                      char              **err)
{
  return pc_test_run_cli_with_data_home (NULL, db, args, out, err);
}

GPtrArray *
pc_test_collect_args (const char *first,
                      va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  return args;
}

int
pc_test_run_cli (const char  *db,
                 char       **out,
                 char       **err,
                 const char  *first,
                 ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = pc_test_collect_args (first, ap);
  va_end (ap);

  return pc_test_run_cli_argv (db, (const char * const *) args->pdata, out, err);
}

char *
pc_test_run_cli_ok (const char *db,
                    const char *first,
                    ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  args = pc_test_collect_args (first, ap);
  va_end (ap);

  status = pc_test_run_cli_argv (db, (const char * const *) args->pdata, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  return out;
}

cJSON *
pc_test_run_cli_json (const char *db,
                      const char *first,
                      ...)
{
  g_autoptr(GPtrArray) args = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  va_start (ap, first);
  args = pc_test_collect_args (first, ap);
  va_end (ap);

  status = pc_test_run_cli_argv (db, (const char * const *) args->pdata, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);

  return pc_test_parse_json (out);
}

cJSON *
pc_test_parse_json (const char *text)
{
  cJSON *json;

  g_assert_nonnull (text);
  json = cJSON_Parse (text);
  if (json == NULL)
    g_error ("Not JSON: %s", text);

  return json;
}

cJSON *
pc_test_parse_json_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  cJSON *json = pc_json_parse_strict (data, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);

  return json;
}

cJSON *
pc_test_parse_json_file (const char *path)
{
  g_autoptr(GBytes) bytes = pc_test_read_file (path);

  return pc_test_parse_json_bytes (bytes);
}

void
pc_test_assert_printed_line (const char *text,
                             const char *needle)
{
  const char *newline;

  g_assert_nonnull (text);
  g_assert_cmpstr (text, !=, "");
  newline = strchr (text, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
  if (needle != NULL && strstr (text, needle) == NULL)
    g_error ("expected “%s” in: %s", needle, text);
}

void
pc_test_assert_one_line (const char *message)
{
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
  g_assert_null (strchr (message, '\n'));
  g_assert_null (strchr (message, '\r'));
}

/* Runs @sql with every trigger dropped, then puts each trigger back
 * exactly as it was: the schema the program compares is unchanged, so
 * only the signatures can tell. */
void
pc_test_raw_exec_behind_triggers (const char *path,
                                  const char *sql)
{
  sqlite3 *db = pc_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) script = g_string_new ("BEGIN;");

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (script, "DROP TRIGGER \"%s\";", sqlite3_column_text (stmt, 0));
      g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (triggers->len, >, 30);

  g_string_append (script, sql);
  for (guint i = 0; i < triggers->len; i++)
    g_string_append_printf (script, ";%s", (const char *) g_ptr_array_index (triggers, i));
  g_string_append (script, ";COMMIT;");

  g_assert_cmpint (sqlite3_exec (db, script->str, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

