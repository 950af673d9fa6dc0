/* test-store.c: the assessments database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-store-private.h"
#include "pc-test-utils.h"

#define TITLE     "Community rehabilitation pathway"
#define LEAD      "Sam Lead"
#define AUTHOR    "Alex Author"
#define REVIEWER  "Rita Reviewer"

/* How many answers the kill test's child must have committed before it
 * is killed. */
#define KILL_AFTER 200

/* Helpers */

static guint
n_prompts (void)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();

  return pc_checklist_get_n_prompts (checklist);
}

/* A closed Principle Check database holding one assessment.
 * Returns: (transfer full): its path */
static char *
make_database (void)
{
  char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);

  pc_test_create_assessment (store, TITLE, LEAD);
  pc_test_answer_all (store, 1);

  return path;
}

/* Opening */

static void
test_open_new (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "not", "yet", "assessments.db", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autofree char *journal_mode = NULL;
  sqlite3 *raw;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (pc_store_get_path (store), ==, path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());
  g_assert_null (pc_store_get_backup_path (store));

  /* What is kept in the file, as any other program sees it. */
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  journal_mode = pc_test_raw_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  sqlite3_close (raw);

  /* What holds per connection can only be seen on the store's own. */
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA trusted_schema"), ==, 0);
}

/* Migrations */

static void
test_migrate_empty_file (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  sqlite3 *raw;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());
  pc_test_create_assessment (store, TITLE, LEAD);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  a = pc_test_load_assessment (store, 1);
  g_assert_cmpstr (a->title, ==, TITLE);
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  g_autofree char *backup_title = NULL;
  sqlite3 *raw;
  gint64 id;

  store = _pc_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, 1);
  id = pc_test_create_assessment (store, TITLE, LEAD);
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Minutes of the workshop",
                                      NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'assessments_by_updated'"), ==, 0);
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());

  /* The data came through the migration. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==, "Minutes of the workshop");
  pc_test_assert_chain_holds (store, id);

  /* The later migration ran. */
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'assessments_by_updated'"), ==, 1);
  sqlite3_close (raw);

  /* The backup is the database as it was before. */
  g_assert_nonnull (pc_store_get_backup_path (store));
  backup = g_strdup (pc_store_get_backup_path (store));
  g_assert_cmpstr (backup, !=, path);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  raw = pc_test_raw_open (backup);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 1);
  backup_title = pc_test_raw_text (raw, "SELECT title FROM assessments");
  g_assert_cmpstr (backup_title, ==, TITLE);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM answers"), ==, 1);
  sqlite3_close (raw);

  /* Opening again migrates nothing and takes no new backup. */
  g_clear_object (&store);
  store = pc_test_open_store (path);
  g_assert_null (pc_store_get_backup_path (store));
}

/* Files refused */

/* Opens @path, expecting the store to refuse it with @code, and checks
 * the message and that the file is as it was. */
static void
assert_refused (const char   *path,
                PcStoreError  code)
{
  g_autoptr(GBytes) before = pc_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;

  store = pc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PC_STORE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  pc_test_assert_message_names (error, path);
  pc_test_assert_file_unchanged (path, before);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Minutes of the pathway workshop, 3 March.\n", -1, &error);
  g_assert_no_error (error);

  assert_refused (path, PC_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  const gint64 ids[] = { 0, 0x12345678 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("other-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sql = NULL;
      sqlite3 *raw = pc_test_raw_open (path);

      sql = g_strdup_printf ("PRAGMA application_id = %" G_GINT64_FORMAT ";"
                             "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                             "INSERT INTO notes (body) VALUES ('shopping list');",
                             ids[i]);
      pc_test_raw_exec (raw, sql);
      sqlite3_close (raw);

      assert_refused (path, PC_STORE_ERROR_FOREIGN);
    }
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = make_database ();
  g_autoptr(GBytes) whole = pc_test_read_file (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (whole), >, 4096);
  g_file_set_contents (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2, &error);
  g_assert_no_error (error);

  assert_refused (path, PC_STORE_ERROR_DAMAGED);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          pc_store_get_latest_version () + 1);
  sqlite3 *raw = pc_test_raw_open (path);

  pc_test_raw_exec (raw, sql);
  sqlite3_close (raw);

  assert_refused (path, PC_STORE_ERROR_TOO_NEW);
}

/* A file nobody may write is opened read-only by itself: it is read,
 * every change is refused saying why, and nothing is written, not even
 * beside it. */
static void
test_read_only_file (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GBytes) before = pc_test_read_file (path);
  g_autoptr(PcAssessment) header = pc_test_header_new ("Memory clinic", "Dee Patel");
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const PcListItem *item;

  /* The store looks at the mode bits, so this holds when run as root. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  store = pc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pc_store_get_read_only_reason (store));
  g_assert_nonnull (strstr (pc_store_get_read_only_reason (store), path));
  g_assert_nonnull (strstr (pc_store_get_read_only_reason (store), "read-only"));
  pc_test_assert_one_line (pc_store_get_read_only_reason (store));

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->title, ==, TITLE);

  g_assert_cmpint (pc_store_create_assessment (store, header, checklist, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE);
  g_assert_cmpstr (error->message, ==, pc_store_get_read_only_reason (store));
  g_clear_object (&store);

  pc_test_assert_file_unchanged (path, before);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* The list */

static const PcListItem *
find_item (GPtrArray  *items,
           const char *reference)
{
  const PcListItem *found = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->reference, reference))
        {
          g_assert_null (found);
          found = item;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static void
test_list (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PcAssessment) revised = NULL;
  g_autoptr(PcAssessment) partial = NULL;
  g_autoptr(PcAssessment) empty = NULL;
  const PcListItem *item;
  gint64 first = pc_test_create_submitted (store, TITLE, LEAD, author);
  gint64 second = pc_test_create_assessment (store, "Memory clinic", "Dee Patel");
  gint64 third = pc_test_create_assessment (store, "Perinatal outreach", "Eve Stone");
  gint64 revision;

  pc_test_review (store, first, PC_MEANING_APPROVED, NULL, reviewer);
  revision = pc_store_revise (store, first, "New premises", &error);
  g_assert_no_error (error);

  /* Three prompts rated; one with evidence only, which is not an answer. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *prompt = pc_test_nth_prompt_id (i * 5);

      if (i < 3)
        pc_store_set_answer (store, second, prompt, PC_RATING_PARTLY_MET, "Notes", NULL, &error);
      else
        pc_store_set_answer_text (store, second, prompt, "Notes", NULL, &error);
      g_assert_no_error (error);
    }

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 3);

  revised = pc_test_load_assessment (store, revision);
  item = find_item (items, revised->reference);
  g_assert_cmpint (item->id, ==, revision);
  g_assert_cmpint (item->revision, ==, 2);
  g_assert_cmpint (item->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (item->title, ==, TITLE);
  g_assert_cmpuint (item->total, ==, n_prompts ());
  g_assert_cmpuint (item->answered, ==, n_prompts ());

  partial = pc_test_load_assessment (store, second);
  item = find_item (items, partial->reference);
  g_assert_cmpint (item->id, ==, second);
  g_assert_cmpstr (item->title, ==, "Memory clinic");
  g_assert_cmpstr (item->lead, ==, "Dee Patel");
  g_assert_cmpstr (item->division, ==, PC_TEST_DIVISION);
  g_assert_cmpuint (item->answered, ==, 3);
  g_assert_cmpuint (item->total, ==, n_prompts ());

  empty = pc_test_load_assessment (store, third);
  item = find_item (items, empty->reference);
  g_assert_cmpuint (item->answered, ==, 0);
  g_assert_cmpuint (item->total, ==, n_prompts ());

  /* References are distinct. */
  g_assert_cmpstr (revised->reference, !=, partial->reference);
  g_assert_cmpstr (partial->reference, !=, empty->reference);
}

/* A kill at any moment */

/* The child of the kill test: creates an assessment in the database at
 * @path, then answers prompts in turn for ever, evidence "answer N",
 * telling its parent after each answer is committed. */
static int
run_child_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = pc_store_open (path, &error);
  g_autoptr(GPtrArray) prompts = g_ptr_array_new_with_free_func (g_free);
  guint total = n_prompts ();
  gint64 id;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  id = pc_test_create_assessment (store, TITLE, LEAD);
  for (guint i = 0; i < total; i++)
    g_ptr_array_add (prompts, pc_test_nth_prompt_id (i));

  for (guint n = 1; ; n++)
    {
      g_autofree char *evidence = g_strdup_printf ("answer %u", n);

      if (!pc_store_set_answer (store, id, g_ptr_array_index (prompts, (n - 1) % total),
                                PC_RATING_MET, evidence, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("committed %u\n", n);
      fflush (stdout);
    }
}

/* Reads "committed N" lines from @channel until @until (0: the end) or
 * the end; returns the last N. */
static guint
read_commits (GIOChannel *channel,
              guint       last,
              guint       until)
{
  while (until == 0 || last < until)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      GIOStatus status;
      guint n;

      status = g_io_channel_read_line (channel, &line, NULL, NULL, &error);
      g_assert_no_error (error);
      if (status == G_IO_STATUS_EOF)
        break;
      g_assert_cmpint (status, ==, G_IO_STATUS_NORMAL);
      g_assert_cmpint (sscanf (line, "committed %u", &n), ==, 1);
      g_assert_cmpuint (n, ==, last + 1);
      last = n;
    }

  return last;
}

static void
test_kill (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) audited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *integrity = NULL;
  const char *argv[] = { self, "--child-writer", path, NULL };
  guint total = n_prompts ();
  guint last;
  GPid pid;
  int out_fd;
  int status;
  sqlite3 *raw;

  g_assert_nonnull (self);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  last = read_commits (channel, 0, KILL_AFTER);
  g_assert_cmpuint (last, ==, KILL_AFTER);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  /* What the child said before it died was committed too. */
  last = read_commits (channel, last, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_test_message ("killed after %u commits", last);

  store = pc_test_open_store (path);
  raw = pc_test_raw_open (path);
  integrity = pc_test_raw_text (raw, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);

  /* Each prompt holds its last committed answer or, for one prompt, the
   * answer being written when the child was killed. */
  a = pc_test_load_assessment (store, 1);
  for (guint k = 0; k < total; k++)
    {
      g_autofree char *prompt = pc_test_nth_prompt_id (k);
      const PcAnswer *answer = pc_assessment_find_answer (a, prompt);
      guint committed = last - (last - 1 - k) % total;
      g_autofree char *expected = g_strdup_printf ("answer %u", committed);
      g_autofree char *in_flight = g_strdup_printf ("answer %u", last + 1);

      g_assert_nonnull (answer);
      if (last % total == k)
        g_assert_true (g_str_equal (answer->evidence, expected)
                       || g_str_equal (answer->evidence, in_flight));
      else
        g_assert_cmpstr (answer->evidence, ==, expected);
    }

  /* Every committed answer is in the audit trail, and the chain holds. */
  rows = pc_test_history (store, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const PcAuditEntry *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->field, "evidence") == 0)
        g_hash_table_add (audited, g_strdup (row->new_value));
    }
  for (guint n = 1; n <= last; n++)
    {
      g_autofree char *evidence = g_strdup_printf ("answer %u", n);

      g_assert_true (g_hash_table_contains (audited, evidence));
    }
  g_assert_cmpuint (g_hash_table_size (audited), <=, last + 1);
  pc_test_assert_chain_holds (store, 1);
}

/* The statement cache: a statement is reused reset and unbound, and one
 * still being stepped is never handed out again. */
static void
test_statement_cache (void)
{
  const char *sql = "SELECT value FROM numbers WHERE value >= ?1 ORDER BY value";
  sqlite3 *db = NULL;
  PcDbCache *cache;
  PcDbStatement *first;
  PcDbStatement *second;
  PcDbStatement *again;
  sqlite3_stmt *reused;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (_pc_db_exec (db, "CREATE TABLE numbers (value INTEGER);"
                                  "INSERT INTO numbers VALUES (1), (2), (3);", NULL));
  cache = _pc_db_cache_new (db);

  first = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_nonnull (first);
  sqlite3_bind_int (first->stmt, 1, 2);
  g_assert_cmpint (sqlite3_step (first->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first->stmt, 0), ==, 2);

  /* The same SQL while the first is mid-way: a statement of its own. */
  second = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_nonnull (second);
  g_assert_true (second->stmt != first->stmt);
  sqlite3_bind_int (second->stmt, 1, 3);
  g_assert_cmpint (sqlite3_step (second->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (second->stmt, 0), ==, 3);
  _pc_db_statement_give_back (second);

  /* The first goes on where it was. */
  g_assert_cmpint (sqlite3_step (first->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first->stmt, 0), ==, 3);
  reused = first->stmt;
  _pc_db_statement_give_back (first);

  /* Given back, it is lent again from the start, with nothing bound
   * (NULL: no row is >= NULL). */
  again = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_true (again->stmt == reused);
  g_assert_cmpint (sqlite3_step (again->stmt), ==, SQLITE_DONE);
  _pc_db_statement_give_back (again);

  /* Every statement is finalized with the cache: the connection closes. */
  _pc_db_cache_free (cache);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  /* The kill test runs this program again as its child. */
  if (argc == 3 && g_str_equal (argv[1], "--child-writer"))
    return run_child_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/store/open/new", test_open_new);
  g_test_add_func ("/pc/store/statement-cache", test_statement_cache);
  g_test_add_func ("/pc/store/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/pc/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/pc/store/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/pc/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/pc/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/pc/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/pc/store/read-only-file", test_read_only_file);
  g_test_add_func ("/pc/store/list", test_list);
  g_test_add_func ("/pc/store/kill", test_kill);

  return g_test_run ();
}
