/* test-shared.c: several people, one database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-export.h"
#include "pc-file.h"
#include "pc-store.h"
#include "pc-test-utils.h"

#define TITLE "Community eating disorder pathway"
#define LEAD "Ana Ruiz"

/* The contention test: how many commands each child runs. */
#define N_WRITERS 4
#define N_READERS 2
#define N_COMMANDS 40

static guint
count_assessments (PcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pc_store_list (store, &error);

  g_assert_no_error (error);
  return items->len;
}

static void
assert_integrity_ok (const char *path)
{
  sqlite3 *raw = pc_test_raw_open (path);
  g_autofree char *integrity = pc_test_raw_text (raw, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);
}

/* The database's own files */

/* Reading any of the open database's files, by any of its names, is
 * refused before the file is opened. */
static void
test_read_refused (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *other_name = g_strconcat (path, ".link", NULL);
  g_autofree char *other = g_strconcat (path, ".txt", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  const char *suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GBytes) read_other = NULL;
  g_autoptr(GError) error = NULL;

  pc_test_create_assessment (store, TITLE, LEAD);
  g_assert_cmpint (link (path, other_name), ==, 0);
  g_assert_true (g_file_set_contents (other, "Workshop notes\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GBytes) data = pc_file_read_bounded (name, PC_STORE_MAX_ATTACHMENT,
                                                      "attachment", &error);

      g_assert_null (data);
      g_assert_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE);
      pc_test_assert_one_line (error->message);
      pc_test_assert_message_names (error, name);
      g_clear_error (&error);
    }

  {
    g_autoptr(GBytes) data = pc_file_read_bounded (other_name, PC_STORE_MAX_ATTACHMENT,
                                                    "attachment", &error);

    g_assert_null (data);
    g_assert_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE);
    g_clear_error (&error);
  }

  /* Another file beside it is read as ever. */
  read_other = pc_file_read_bounded (other, 1024, "attachment", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read_other), ==, strlen ("Workshop notes\n"));

  /* Once the database is closed, its file is a file like any other. */
  g_clear_object (&store);
  {
    g_autoptr(GBytes) data = pc_file_read_bounded (path, 64 * 1024 * 1024, "attachment", &error);

    g_assert_no_error (error);
    g_assert_nonnull (data);
  }
}

/* The scenario of the issue: a file of the open database read by the
 * program (as a file chooser or an attachment would) would drop the
 * process's locks, and the next program to close the database would
 * take its write-ahead log away from under it. Refused, the locks hold:
 * the log stays while the store is open and no write is lost. */
static void
test_locks_kept (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *listed = NULL;

  pc_test_create_assessment (store, TITLE, LEAD);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_null (pc_file_read_bounded (path, 64 * 1024 * 1024, "attachment", &error));
  g_assert_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE);
  g_clear_error (&error);

  /* Another program opens the database and closes it again. */
  if (pc_test_have_cli ())
    {
      listed = pc_test_run_cli_ok (path, "list", NULL);
      g_assert_nonnull (strstr (listed, TITLE));
      g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  pc_test_create_assessment (store, "Memory clinic", "Dee Patel");
  g_clear_object (&store);

  store = pc_test_open_store (path);
  g_assert_cmpuint (count_assessments (store), ==, 2);
  g_clear_object (&store);
  assert_integrity_ok (path);
}

/* Nothing is written over the open database's files: not a summary, a
 * report, an action plan nor a saved attachment. */
static void
test_write_refused (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  const PcExportFormat formats[] = { PC_EXPORT_SUMMARY, PC_EXPORT_REPORT, PC_EXPORT_ACTION_PLAN };
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);

  a = pc_test_load_assessment (store, id);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint j = 0; j < 2; j++)
      {
        const char *target = j == 0 ? path : wal;

        g_assert_false (pc_export_to_file (store, a, checklist, formats[i], now, target, NULL,
                                           &error));
        g_assert_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE);
        pc_test_assert_message_names (error, target);
        g_clear_error (&error);
      }

  g_assert_false (pc_file_set_contents (path, "x", 1, 0644, &error));
  g_assert_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE);
  g_clear_error (&error);

  /* The database is still the database. */
  pc_test_create_assessment (store, "Memory clinic", "Dee Patel");
  g_assert_cmpuint (count_assessments (store), ==, 2);
  g_clear_object (&store);
  assert_integrity_ok (path);
}

/* The command line refuses its own database as an export target or an
 * attachment, in one line, with nothing changed. */
static void
test_cli_refuses_own_files (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *reference = NULL;
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  g_autofree char *err = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *out = NULL;
  int status;

  if (!pc_test_have_cli ())
    return;

  out = pc_test_run_cli_ok (path, "new", "--title", TITLE, "--kind", "new_service",
                            "--division", PC_TEST_DIVISION, "--lead", LEAD, NULL);
  reference = g_strndup (out, strlen (out) - 1);

  status = pc_test_run_cli (path, NULL, &err, "export", reference, "--json", path, NULL);
  g_assert_cmpint (status, ==, 2);
  pc_test_assert_printed_line (err, "database Principle Check has open");
  g_clear_pointer (&err, g_free);

  status = pc_test_run_cli (path, NULL, &err, "attach", reference, prompt, path, NULL);
  g_assert_cmpint (status, ==, 2);
  pc_test_assert_printed_line (err, "database Principle Check has open");

  shown = pc_test_run_cli_ok (path, "show", reference, NULL);
  g_assert_null (strstr (shown, "Attachment"));
  assert_integrity_ok (path);
}

/* Busy */

/* A command that cannot write while another program holds the write
 * lock past the busy timeout says so, and changes nothing. */
static void
test_busy (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  sqlite3 *raw;
  int status;

  if (!pc_test_have_cli ())
    return;

  pc_test_create_assessment (store, TITLE, LEAD);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  pc_test_raw_exec (raw, "BEGIN IMMEDIATE");

  status = pc_test_run_cli (path, NULL, &err, "new", "--title", "Memory clinic",
                            "--kind", "new_service", "--division", PC_TEST_DIVISION,
                            "--lead", "Dee Patel", NULL);
  g_assert_cmpint (status, ==, 2);
  pc_test_assert_printed_line (err, "another program is writing to");
  g_assert_nonnull (strstr (err, path));
  g_assert_nonnull (strstr (err, "try again"));
  g_assert_null (strstr (err, "damaged"));

  /* Readers are not held up by a writer. */
  listed = pc_test_run_cli_ok (path, "list", NULL);
  g_assert_nonnull (strstr (listed, TITLE));

  pc_test_raw_exec (raw, "ROLLBACK");
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  g_assert_cmpuint (count_assessments (store), ==, 1);
}

/* Contention */

typedef enum
{
  ROLE_WRITER,
  ROLE_READER,
  ROLE_EXPORTER,
} Role;

/* One child of the contention test: runs N_COMMANDS commands against
 * @db and prints "ok WHAT" for each acknowledged write, "busy" for each
 * refusal as busy; any other failure is printed as "FAILED …" and ends
 * it with 1. */
static int
run_child (const char *db,
           const char *role_name,
           const char *reference,
           guint       index)
{
  Role role = g_str_equal (role_name, "writer") ? ROLE_WRITER
              : g_str_equal (role_name, "reader") ? ROLE_READER : ROLE_EXPORTER;
  g_autofree char *dir = g_path_get_dirname (db);

  for (guint n = 0; n < N_COMMANDS; n++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *prompt = pc_test_nth_prompt_id (n);
      g_autofree char *evidence = g_strdup_printf ("writer %u, command %u", index, n);
      g_autofree char *target = g_strdup_printf ("%s/export-%u-%u.json", dir, index, n);
      int status;

      switch (role)
        {
        case ROLE_WRITER:
          status = pc_test_run_cli (db, &out, &err, "answer", reference, prompt,
                                    "--rating", "partly_met", "--evidence", evidence, NULL);
          break;
        case ROLE_READER:
          status = pc_test_run_cli (db, &out, &err, n % 2 == 0 ? "list" : "history",
                                    n % 2 == 0 ? NULL : reference, NULL);
          break;
        case ROLE_EXPORTER:
        default:
          status = pc_test_run_cli (db, &out, &err, "export", reference, "--json", target, NULL);
          break;
        }

      if (status == 0 && (err == NULL || *err == '\0'))
        printf ("ok %s\n", role == ROLE_WRITER ? prompt : "read");
      else if (status == 2 && err != NULL && strstr (err, "another program is writing to") != NULL)
        printf ("busy\n");
      else
        {
          printf ("FAILED %d %s\n", status, err != NULL ? err : "");
          return 1;
        }
      fflush (stdout);
    }

  return 0;
}

typedef struct
{
  GPid      pid;
  GString  *out;
  int       fd;
} Child;

static void
spawn_child (Child      *child,
             const char *db,
             const char *role,
             const char *reference,
             guint       index)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *index_text = g_strdup_printf ("%u", index);
  const char *argv[] = { self, "--child", db, role, reference, index_text, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &child->pid, NULL, &child->fd, NULL, &error);
  g_assert_no_error (error);
  child->out = g_string_new (NULL);
}

/* Reads what @child printed until it closes its output, and reaps it. */
static void
finish_child (Child *child)
{
  char buffer[4096];
  ssize_t n;
  int status;

  while ((n = read (child->fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      g_string_append_len (child->out, buffer, n);
    }
  close (child->fd);
  g_assert_cmpint (waitpid (child->pid, &status, 0), ==, child->pid);
  g_spawn_close_pid (child->pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("a child of the contention test failed: %s", child->out->str);
}

/* The lines a child printed of its own: not the "# $ command" lines
 * the test helpers print for each command they run.
 * Returns: (transfer full) */
static GStrv
reports_of (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GStrvBuilder) reports = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && *lines[i] != '#')
      g_strv_builder_add (reports, lines[i]);

  return g_strv_builder_end (reports);
}

/* Writers, readers and exporters on one database at once: nothing is
 * refused but as busy, nothing is called damaged, every acknowledged
 * write is there, and the file and its history hold. */
static void
test_contention (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GPtrArray) references = g_ptr_array_new_with_free_func (g_free);
  Child children[N_WRITERS + N_READERS + 1];
  guint n_children = 0;
  guint acknowledged = 0;
  guint busy = 0;

  if (!pc_test_have_cli ())
    return;

  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_autofree char *title = g_strdup_printf ("Pathway %u", w);
      g_autofree char *out = pc_test_run_cli_ok (path, "new", "--title", title,
                                                 "--kind", "new_service",
                                                 "--division", PC_TEST_DIVISION,
                                                 "--lead", LEAD, NULL);

      g_ptr_array_add (references, g_strndup (out, strlen (out) - 1));
    }

  for (guint w = 0; w < N_WRITERS; w++)
    spawn_child (&children[n_children++], path, "writer", references->pdata[w], w);
  for (guint r = 0; r < N_READERS; r++)
    spawn_child (&children[n_children++], path, "reader", references->pdata[r], r);
  spawn_child (&children[n_children++], path, "exporter", references->pdata[0], 0);

  for (guint i = 0; i < n_children; i++)
    finish_child (&children[i]);

  store = pc_test_open_store (path);
  for (guint w = 0; w < N_WRITERS; w++)
    {
      g_auto(GStrv) lines = reports_of (children[w].out->str);
      g_autoptr(PcAssessment) a = pc_store_load_assessment (store, references->pdata[w], 0, NULL);

      g_assert_nonnull (a);
      for (guint n = 0; lines[n] != NULL; n++)
        {
          g_autofree char *prompt = pc_test_nth_prompt_id (n);
          g_autofree char *evidence = g_strdup_printf ("writer %u, command %u", w, n);
          g_autofree char *ok_line = g_strconcat ("ok ", prompt, NULL);
          const PcAnswer *answer = pc_assessment_find_answer (a, prompt);

          if (g_str_equal (lines[n], "busy"))
            {
              busy++;
              continue;
            }
          g_assert_cmpstr (lines[n], ==, ok_line);
          g_assert_nonnull (answer);
          g_assert_cmpstr (answer->evidence, ==, evidence);
          acknowledged++;
        }
      pc_test_assert_chain_holds (store, a->id);
    }
  for (guint i = 0; i < n_children; i++)
    {
      g_assert_null (strstr (children[i].out->str, "damaged"));
      g_string_free (children[i].out, TRUE);
    }

  g_test_message ("%u writes acknowledged, %u refused as busy", acknowledged, busy);
  g_assert_cmpuint (acknowledged + busy, ==, N_WRITERS * N_COMMANDS);
  g_assert_cmpuint (acknowledged, >, 0);
  g_clear_object (&store);
  assert_integrity_ok (path);
}

/* Read-only */

/* Creates a database at @path with one draft; returns its reference. */
static char *
new_database (const char *path)
{
  g_autofree char *out = pc_test_run_cli_ok (path, "new", "--title", TITLE, "--kind", "new_service",
                                             "--division", PC_TEST_DIVISION, "--lead", LEAD, NULL);

  return g_strndup (out, strlen (out) - 1);
}

/* Everything that only reads works on @path; a change is refused with
 * exit status 2, in one line containing @why, and the file is left
 * byte for byte as it was, with nothing made beside it when
 * @nothing_beside. @extra is an option for every command (nullable). */
static void
assert_reads_only (const char *path,
                   const char *reference,
                   const char *extra,
                   const char *why,
                   gboolean    nothing_beside)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *json = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  g_autoptr(GBytes) before = pc_test_read_file (path);
  const char *reads[][4] = {
    { "list", NULL },
    { "show", reference, NULL },
    { "history", reference, NULL },
    { "check", reference, NULL },
    { "export", reference, "--pdf", pdf },
    { "export", reference, "--json", json },
  };
  const char *writes[][6] = {
    { "answer", reference, prompt, "--rating", "met", NULL },
    { "set", reference, "title", "Renamed", NULL },
    { "new", "--title", "Memory clinic", "--kind", "new_service", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      for (guint j = 0; j < G_N_ELEMENTS (reads[i]) && reads[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) reads[i][j]);
      if (extra != NULL)
        g_ptr_array_add (args, (gpointer) extra);
      g_ptr_array_add (args, NULL);
      status = pc_test_run_cli_argv (path, (const char * const *) args->pdata, &out, &err);
      /* check says 1 when a draft is not ready for sign-off. */
      g_assert_cmpint (status, ==, g_str_equal (reads[i][0], "check") ? 1 : 0);
      g_assert_cmpstr (err, ==, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autofree char *err = NULL;
      int status;

      for (guint j = 0; j < G_N_ELEMENTS (writes[i]) && writes[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) writes[i][j]);
      if (g_str_equal (writes[i][0], "new"))
        {
          g_ptr_array_add (args, (gpointer) "--division");
          g_ptr_array_add (args, (gpointer) PC_TEST_DIVISION);
          g_ptr_array_add (args, (gpointer) "--lead");
          g_ptr_array_add (args, (gpointer) LEAD);
        }
      if (extra != NULL)
        g_ptr_array_add (args, (gpointer) extra);
      g_ptr_array_add (args, NULL);
      status = pc_test_run_cli_argv (path, (const char * const *) args->pdata, NULL, &err);
      g_assert_cmpint (status, ==, 2);
      pc_test_assert_printed_line (err, why);
    }

  if (nothing_beside)
    {
      pc_test_assert_file_unchanged (path, before);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    }
  else
    {
      /* SQLite's files beside it are shared with its other readers and
       * writers; the database file itself is untouched. */
      g_autoptr(GBytes) after = pc_test_read_file (path);

      g_assert_true (g_bytes_equal (before, after));
    }
}

/* A file nobody may write opens read-only by itself. */
static void
test_read_only_file (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *reference = NULL;

  if (!pc_test_have_cli ())
    return;

  reference = new_database (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_reads_only (path, reference, NULL, "it is open read-only", TRUE);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* --read-only on a file that could be written. */
static void
test_read_only_option (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *reference = NULL;

  if (!pc_test_have_cli ())
    return;

  reference = new_database (path);
  assert_reads_only (path, reference, "--read-only", "without --read-only", FALSE);

  /* Without it, the same file is written as ever. */
  g_free (pc_test_run_cli_ok (path, "set", reference, "title", "Renamed", NULL));
}

/* On a network drive (the filesystem type stands in for one), the
 * write-ahead log cannot work: the database is read, never written, and
 * a new one is not made there. */
static void
test_network_drive (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *other = g_build_filename (dir, "new.db", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *err = NULL;
  const char *types[] = { "nfs4", "cifs", "fuse.sshfs" };
  const char *names[] = { "(NFS)", "(SMB)", "(sshfs)" };

  if (!pc_test_have_cli ())
    return;

  reference = new_database (path);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_setenv ("PC_TEST_FS_TYPE", types[i], TRUE);
      assert_reads_only (path, reference, NULL, names[i], TRUE);
    }

  g_assert_cmpint (pc_test_run_cli (other, NULL, &err, "new", "--title", TITLE,
                                    "--kind", "new_service", "--division", PC_TEST_DIVISION,
                                    "--lead", LEAD, NULL), ==, 2);
  pc_test_assert_printed_line (err, "network drive");
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_unsetenv ("PC_TEST_FS_TYPE");

  /* On a local disk again, it is written as ever. */
  g_free (pc_test_run_cli_ok (path, "set", reference, "title", "Renamed", NULL));
}

int
main (int   argc,
      char *argv[])
{
  /* The contention test runs this program again as its children. */
  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4], (guint) atoi (argv[5]));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/shared/own-files/read-refused", test_read_refused);
  g_test_add_func ("/pc/shared/own-files/locks-kept", test_locks_kept);
  g_test_add_func ("/pc/shared/own-files/write-refused", test_write_refused);
  g_test_add_func ("/pc/shared/own-files/command-line", test_cli_refuses_own_files);
  g_test_add_func ("/pc/shared/busy", test_busy);
  g_test_add_func ("/pc/shared/read-only/file", test_read_only_file);
  g_test_add_func ("/pc/shared/read-only/option", test_read_only_option);
  g_test_add_func ("/pc/shared/read-only/network-drive", test_network_drive);
  g_test_add_func ("/pc/shared/contention", test_contention);

  return g_test_run ();
}
