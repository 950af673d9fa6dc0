/* test-cli-input.c: the command line, run as a user runs it: bad input,
 * databases and checklists it refuses, and help
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cjson/cJSON.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-test-utils.h"
#include "test-cli-common.h"

/* A sparse file of @size bytes. */
static char *
write_sparse (const char *name,
              goffset     size)
{
  char *path = scratch_path (name);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_true (g_close (fd, NULL));

  return path;
}

/* Bad input, one case each: a fresh database holding one draft with an
 * answer; "@REF" stands for its reference, "@PROMPT" for its first
 * prompt, "@DIR" for a folder and "@BIG" for a 26 MiB file. */
typedef struct
{
  const char *name;
  int         status;
  const char *needle;
  const char *args[16];
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-command", 2, "frobnicate", { "frobnicate", "@REF" } },
  { "unknown-option", 2, "--colour", { "list", "--colour" } },
  { "unknown-option-after-ref", 2, "--colour", { "show", "@REF", "--colour" } },
  { "missing-argument", 2, "Missing", { "answer", "@REF", "--rating", "met" } },
  { "missing-option", 2, "--lead",
    { "new", "--title", "T", "--kind", "new_service", "--division", PC_TEST_DIVISION } },
  { "too-many-arguments", 2, "Too many", { "show", "@REF", "@REF" } },
  { "bad-rating", 2, "bogus",
    { "answer", "@REF", "@PROMPT", "--rating", "bogus", "--evidence", "x" } },
  { "unknown-prompt", 2, "no-such-prompt",
    { "answer", "@REF", "no-such-prompt", "--rating", "met", "--evidence", "x" } },
  { "unknown-reference", 2, "PC-1999-9999",
    { "answer", "PC-1999-9999", "@PROMPT", "--rating", "met", "--evidence", "x" } },
  { "unknown-reference-show", 2, "PC-1999-9999", { "show", "PC-1999-9999" } },
  { "bad-kind", 2, "bogus",
    { "new", "--title", "T", "--kind", "bogus", "--division", PC_TEST_DIVISION, "--lead", "A" } },
  { "bad-division", 2, "bogus",
    { "new", "--title", "T", "--kind", "new_service", "--division", "bogus", "--lead", "A" } },
  { "bad-date/review-date", 2, "2026-02-30",
    { "new", "--title", "T", "--kind", "new_service", "--division", PC_TEST_DIVISION, "--lead", "A",
      "--review-date", "2026-02-30" } },
  { "bad-date/set", 2, "2026-02-30", { "set", "@REF", "review_date", "2026-02-30" } },
  { "bad-date/coproduction", 2, "2026-02-30",
    { "coproduction", "add", "@REF", "--who", "Carers", "--how", "survey", "--date", "2026-02-30",
      "--changed", "x" } },
  { "bad-date/action-due", 2, "2026-02-30",
    { "action", "add", "@REF", "@PROMPT", "--description", "d", "--owner", "o", "--due",
      "2026-02-30" } },
  { "bad-field", 2, "colour", { "set", "@REF", "colour", "blue" } },
  { "bad-action-id", 2, "99", { "action", "set", "@REF", "99", "--status", "done" } },
  { "bad-decision", 2, "maybe",
    { "review", "@REF", "--decision", "maybe", "--name", REVIEWER, "--role", REVIEWER_ROLE } },
  { "review-draft", 2, "no signing key",
    { "review", "@REF", "--decision", "approved", "--name", "Nobody", "--role", "R" } },
  { "attach-directory", 2, "not a file", { "attach", "@REF", "@PROMPT", "@DIR" } },
  { "attach-missing-file", 2, "no-such-file",
    { "attach", "@REF", "@PROMPT", "@DIR/no-such-file.pdf" } },
  { "attach-too-big", 2, "25 MiB", { "attach", "@REF", "@PROMPT", "@BIG" } },
  { "bad-link-subcommand", 2, NULL, { "link", "remove", "@REF" } },
  { "revise-without-reason", 2, "--reason", { "revise", "@REF" } },
  { "revise-draft", 2, "@REF", { "revise", "@REF", "--reason", "Weekend visits" } },
  { "keygen-short-passphrase", 2, "8 characters",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@SHORT" } },
  { "keygen-no-terminal", 2, "--passphrase-file",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse" } },
  { "submit-without-key", 2, "keygen",
    { "submit", "@REF", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@PASS" } },
  { "keygen-replace-without-key", 2, "no signing key to replace",
    { "keygen", "--replace", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@PASS" } },
  /* Files that are not files, or too large: refused at once, never read
   * to the end or waited on ("@FIFO" is a named pipe nobody writes to,
   * "@ZERO" /dev/zero, "@HUGE" a 65 MiB file). */
  { "verify-fifo", 2, "is a named pipe", { "verify", "@FIFO" } },
  { "verify-device", 2, "is a device", { "verify", "@ZERO" } },
  { "verify-folder", 2, "is a folder", { "verify", "@DIR" } },
  { "verify-too-large", 2, "over the limit of 64 MiB", { "verify", "@HUGE" } },
  { "import-fifo", 2, "is a named pipe", { "import", "@FIFO" } },
  { "import-device", 2, "is a device", { "import", "@ZERO" } },
  { "import-folder", 2, "is a folder", { "import", "@DIR" } },
  { "import-too-large", 2, "over the limit of 64 MiB", { "import", "@HUGE" } },
  { "trusted-fifo", 2, "is a named pipe", { "verify", "@PASS", "--trusted", "@FIFO" } },
  { "trusted-device", 2, "is a device", { "verify", "@PASS", "--trusted", "@ZERO" } },
  { "trusted-folder", 2, "is a folder", { "verify", "@PASS", "--trusted", "@DIR" } },
  { "trusted-too-large", 2, "over the limit of 1 MiB", { "verify", "@PASS", "--trusted", "@HUGE" } },
  { "passphrase-fifo", 2, "is a named pipe",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@FIFO" } },
  { "passphrase-device", 2, "is a device",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@ZERO" } },
  { "passphrase-folder", 2, "is a folder",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@DIR" } },
  { "passphrase-too-large", 2, "over the limit of 4 KiB",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse", "--passphrase-file", "@HUGE" } },
  { "attach-fifo", 2, "is a named pipe", { "attach", "@REF", "@PROMPT", "@FIFO" } },
  { "attach-device", 2, "is a device", { "attach", "@REF", "@PROMPT", "@ZERO" } },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  if (!cli_setup ())
    return;

  reference = new_draft ("Memory clinic triage");
  ids = prompt_ids (reference);
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating",
                              "met", "--evidence", "Triage protocol v2.", NULL));

  for (guint i = 0; c->args[i] != NULL; i++)
    {
      const char *arg = c->args[i];
      char *value;

      if (g_str_equal (arg, "@REF"))
        value = g_strdup (reference);
      else if (g_str_equal (arg, "@PROMPT"))
        value = g_strdup (g_ptr_array_index (ids, 0));
      else if (g_str_has_prefix (arg, "@DIR"))
        value = g_strconcat (scratch_dir, arg + strlen ("@DIR"), NULL);
      else if (g_str_equal (arg, "@BIG"))
        value = write_sparse ("minutes.pdf", (goffset) 26 * 1024 * 1024);
      else if (g_str_equal (arg, "@HUGE"))
        value = write_sparse ("huge.json", (goffset) 65 * 1024 * 1024);
      else if (g_str_equal (arg, "@ZERO"))
        value = g_strdup ("/dev/zero");
      else if (g_str_equal (arg, "@FIFO"))
        {
          value = scratch_path ("pipe");
          g_assert_cmpint (mkfifo (value, 0600), ==, 0);
        }
      else if (g_str_equal (arg, "@PASS"))
        value = passphrase_file ();
      else if (g_str_equal (arg, "@SHORT"))
        value = write_scratch ("short-passphrase", "2short\n");
      else
        value = g_strdup (arg);

      g_ptr_array_add (strings, value);
      g_ptr_array_add (args, value);
    }
  g_ptr_array_add (args, NULL);

  expect_refusal_argv (reference, c->status,
                       g_strcmp0 (c->needle, "@REF") == 0 ? reference : c->needle,
                       (const char * const *) args->pdata);
}

/* A database nobody may write is refused, and left as it was. */
static void
test_db_read_only (void)
{
  g_autofree char *reference = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  gsize length = 0;
  gsize after_length = 0;

  if (!cli_setup ())
    return;

  reference = new_draft ("Talking therapies self-referral");
  ids = prompt_ids (reference);
  g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
  g_assert_cmpint (g_chmod (db_path, 0444), ==, 0);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "answer", reference,
                                    g_ptr_array_index (ids, 0), "--rating", "met",
                                    "--evidence", "Self-referral form online.", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "read-only");

  g_assert_true (g_file_get_contents (db_path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, contents, length);
  g_assert_cmpint (g_chmod (db_path, 0644), ==, 0);
}

/* A file that is not a database is refused and left exactly as it was. */
static void
test_db_not_database (void)
{
  static const char notes[] = "Notes from the carers' forum, 12 March.\nNot a database.\n";
  g_autofree char *text = NULL;
  g_autofree char *real_db = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!cli_setup ())
    return;

  text = write_scratch ("notes.txt", notes);
  real_db = g_steal_pointer (&db_path);
  db_path = g_strdup (text);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "list", "--json", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "new", "--title", "T", "--kind", "new_service",
                        "--division", PC_TEST_DIVISION, "--lead", AUTHOR, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, NULL);

  g_assert_true (g_file_get_contents (text, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, notes, sizeof notes - 1);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
      g_autofree char *beside = g_strconcat (text, suffixes[i], NULL);

      g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
    }

  g_free (db_path);
  db_path = g_steal_pointer (&real_db);
}

static void
test_checklist_validate (void)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;

  if (!cli_setup ())
    return;

  path = g_test_build_filename (G_TEST_DIST, "..", "checklists", "beh-clinical-principles.json",
                               NULL);
  out = pc_test_run_cli_ok (db_path, "checklist", "validate", path, NULL);
  g_assert_nonnull (strstr (out, "valid"));
}

static void
test_checklist_bad (gconstpointer data)
{
  const char *basename = data;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!cli_setup ())
    return;

  path = g_test_build_filename (G_TEST_DIST, "data", "bad", basename, NULL);
  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "checklist", "validate", path, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, NULL);
}

/* An assessment against another checklist: nothing assumes ten
 * principles. */
static void
test_other_checklist (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(cJSON) file = NULL;
  g_autoptr(cJSON) show = NULL;
  g_autoptr(cJSON) list = NULL;
  const cJSON *principle;
  const cJSON *principles;
  int n_prompts = 0;

  if (!cli_setup ())
    return;

  path = g_test_build_filename (G_TEST_DIST, "data", "small-checklist.json", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  file = pc_test_parse_json (contents);
  principles = json_child (file, "principles");
  cJSON_ArrayForEach (principle, principles)
    n_prompts += cJSON_GetArraySize (json_child (principle, "prompts"));
  g_assert_cmpint (cJSON_GetArraySize (principles), !=, 10);

  g_free (pc_test_run_cli_ok (db_path, "checklist", "validate", path, NULL));

  out = pc_test_run_cli_ok (db_path, "new", "--title", "Carers’ pathway", "--kind", "service_change",
                "--division", PC_TEST_DIVISION, "--lead", AUTHOR, "--checklist", path, NULL);
  g_assert_true (g_regex_match_simple ("^PC-[0-9]{4}-[0-9]{4}\n$", out, 0, 0));
  reference = g_strndup (out, strlen (out) - 1);

  show = pc_test_run_cli_json (db_path, "show", reference, "--json", NULL);
  g_assert_cmpint (cJSON_GetArraySize (json_child (json_child (show, "content"), "principles")),
                   ==, cJSON_GetArraySize (principles));
  g_assert_cmpstr (json_string (json_child (json_child (show, "content"), "checklist"), "id"),
                   ==, json_string (file, "id"));

  list = pc_test_run_cli_json (db_path, "list", "--json", NULL);
  g_assert_cmpint (json_int (cJSON_GetArrayItem (list, 0), "total"), ==, n_prompts);
  g_assert_cmpint (json_int (cJSON_GetArrayItem (list, 0), "answered"), ==, 0);
}

/* "--db FILE" may come before the command, as it may after it. */
static void
test_db_before_command (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!cli_setup ())
    return;

  {
    const char * const demo[] = { "--db", db_path, "demo", NULL };
    const char * const list[] = { "--db", db_path, "list", NULL };
    const char * const typo[] = { "--db", db_path, "lsit", NULL };

    g_assert_cmpint (pc_test_run_cli_argv (NULL, demo, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (pc_test_run_cli_argv (NULL, list, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "PC-2026-0001"));
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    /* A word that is no command still gets the command line's answer,
     * not a window. */
    g_assert_cmpint (pc_test_run_cli_argv (NULL, typo, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "“lsit” is not a command"));
  }
}

static void
test_help (void)
{
  const char * const help[] = { "--help", NULL };
  const char * const none[] = { NULL };
  const char * const list_help[] = { "list", "--help", NULL };
  const char * const help_list[] = { "help", "list", NULL };
  const char * const link_help[] = { "link", "--help", NULL };
  const char * const link_typo[] = { "link", "ad", "PC-2026-0001", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (!cli_setup ())
    return;

  g_assert_cmpint (pc_test_run_cli_argv (NULL, help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Usage"));
  g_assert_nonnull (strstr (out, "principle-check list"));
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli_argv (NULL, list_help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--json"));
  /* The usage line is the one to type. */
  g_assert_nonnull (strstr (out, "principle-check list [OPTION"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli_argv (NULL, none, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* "help list" is "list --help". */
  g_assert_cmpint (pc_test_run_cli_argv (NULL, help_list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "principle-check list [OPTION"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A command with sub-commands lists them on --help, and says what to
   * type when the sub-command is wrong. */
  g_assert_cmpint (pc_test_run_cli_argv (NULL, link_help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "principle-check link add REF PROMPT_ID"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pc_test_run_cli_argv (NULL, link_typo, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "Unknown sub-command"));
  g_assert_nonnull (strstr (err, "principle-check link add REF PROMPT_ID"));
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_null (memchr (err, '\n', strlen (err) - 1));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_bad_checklist_tests (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *basename = g_ptr_array_index (names, i);
      g_autofree char *path = g_strdup_printf ("/pc/cli/checklist-validate/bad/%s", basename);

      g_test_add_data_func_full (path, g_strdup (basename), test_checklist_bad, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pc/cli/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/pc/cli/bad/db-not-database", test_db_not_database);
  g_test_add_func ("/pc/cli/bad/db-read-only", test_db_read_only);
  g_test_add_func ("/pc/cli/checklist-validate/default", test_checklist_validate);
  add_bad_checklist_tests ();
  g_test_add_func ("/pc/cli/other-checklist", test_other_checklist);
  g_test_add_func ("/pc/cli/help", test_help);
  g_test_add_func ("/pc/cli/db-before-command", test_db_before_command);

  return g_test_run ();
}
