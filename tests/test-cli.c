/* test-cli.c: the command line, run as a user runs it
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

#define AUTHOR      "Ann Lee"
#define AUTHOR_ROLE "Service lead"
#define REVIEWER    "Raj Patel"
#define REVIEWER_ROLE "Clinical director"

/* The current test's database and scratch folder. */
static char *db_path;
static char *scratch_dir;

/* Setup */

/* Prepares a test case: a scratch folder and a database path inside the
 * folders G_TEST_OPTION_ISOLATE_DIRS made for it. Returns FALSE (and
 * skips) when $PC_CLI is not set. */
static gboolean
cli_setup (void)
{
  if (!pc_test_have_cli ())
    return FALSE;

  g_clear_pointer (&db_path, g_free);
  g_clear_pointer (&scratch_dir, g_free);

  scratch_dir = g_build_filename (g_get_user_cache_dir (), "pc-cli", NULL);
  g_assert_cmpint (g_mkdir_with_parents (scratch_dir, 0700), ==, 0);
  db_path = g_build_filename (scratch_dir, "assessments.db", NULL);

  return TRUE;
}

static char *
scratch_path (const char *name)
{
  return g_build_filename (scratch_dir, name, NULL);
}

static char *
write_scratch (const char *name,
               const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = scratch_path (name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

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

static const char *
json_string (const cJSON *object,
             const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (!cJSON_IsString (item))
    g_error ("“%s” is not a string", key);

  return item->valuestring;
}

static int
json_int (const cJSON *object,
          const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (!cJSON_IsNumber (item))
    g_error ("“%s” is not a number", key);

  return item->valueint;
}

static const cJSON *
json_child (const cJSON *object,
            const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (item == NULL)
    g_error ("no “%s”", key);

  return item;
}

/* Assertions */

/* @err is exactly one line, beginning "principle-check " (or
 * "principle-check: " when there is no command), containing @needle. */
static void
assert_one_line_error (const char *err,
                       const char *needle)
{
  pc_test_assert_printed_line (err, needle);
  g_assert_true (g_str_has_prefix (err, "principle-check ")
                 || g_str_has_prefix (err, "principle-check: "));
}

/* What a user can see of the database: the list, and the assessment
 * @reference with its audit trail. */
static char *
snapshot (const char *reference)
{
  g_autofree char *list = pc_test_run_cli_ok (db_path, "list", "--json", NULL);
  g_autofree char *show = NULL;
  g_autofree char *history = NULL;

  if (reference == NULL)
    return g_steal_pointer (&list);

  show = pc_test_run_cli_ok (db_path, "show", reference, "--json", NULL);
  history = pc_test_run_cli_ok (db_path, "history", reference, NULL);
  return g_strconcat (list, show, history, NULL);
}

/* Runs @args, which must fail with @status, print nothing on stdout and
 * one line (with @needle) on stderr, and leave the database as it was. */
static void
expect_refusal_argv (const char         *reference,
                     int                 status,
                     const char         *needle,
                     const char * const *args)
{
  g_autofree char *before = snapshot (reference);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (pc_test_run_cli_argv (db_path, args, &out, &err), ==, status);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, needle);

  after = snapshot (reference);
  g_assert_cmpstr (after, ==, before);
}

G_GNUC_NULL_TERMINATED
static void
expect_refusal (const char *reference,
                int         status,
                const char *needle,
                const char *arg0,
                ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, arg0);
  args = pc_test_collect_args (arg0, ap);
  va_end (ap);

  expect_refusal_argv (reference, status, needle, (const char * const *) args->pdata);
}

/* Steps of the walk */

/* Starts a draft and returns its reference. */
static char *
new_draft (const char *title)
{
  g_autofree char *out = pc_test_run_cli_ok (db_path, "new", "--title", title, "--kind", "new_service",
                                             "--division", PC_TEST_DIVISION, "--lead", AUTHOR,
                                             "--review-date", "2030-03-31", NULL);

  g_assert_true (g_regex_match_simple ("^PC-[0-9]{4}-[0-9]{4}\n$", out, 0, 0));
  return g_strndup (out, strlen (out) - 1);
}

/* The prompt ids of @reference, in checklist order. */
static GPtrArray *
prompt_ids (const char *reference)
{
  g_autoptr(cJSON) json = pc_test_run_cli_json (db_path, "show", reference, "--json", NULL);
  const cJSON *principles = json_child (json_child (json, "content"), "principles");
  const cJSON *principle;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  cJSON_ArrayForEach (principle, principles)
    {
      const cJSON *prompt;

      cJSON_ArrayForEach (prompt, json_child (principle, "prompts"))
        g_ptr_array_add (ids, g_strdup (json_string (prompt, "id")));
    }

  g_assert_cmpuint (ids->len, >, 2);
  return ids;
}

/* Answers every prompt: the first partly met with an action, the second
 * not applicable, the rest met with evidence; and records co-production,
 * so nothing blocks sign-off. */
static void
complete_draft (const char *reference)
{
  g_autoptr(GPtrArray) ids = prompt_ids (reference);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autofree char *evidence = g_strdup_printf ("Evidence for %s: the pathway document, section %u.",
                                                   id, i + 1);
      g_autofree char *out = NULL;

      if (i == 0)
        {
          g_free (pc_test_run_cli_ok (db_path, "answer", reference, id, "--rating", "partly_met",
                                      "--evidence", evidence, NULL));
          out = pc_test_run_cli_ok (db_path, "action", "add", reference, id,
                                    "--description", "Agree the carers’ leaflet",
                                    "--owner", "Mo Khan", "--due", "2030-06-30", NULL);
          g_assert_true (g_regex_match_simple ("^[0-9]+\n$", out, 0, 0));
        }
      else if (i == 1)
        out = pc_test_run_cli_ok (db_path, "answer", reference, id, "--rating", "not_applicable",
                                  "--justification", "The service has no inpatient beds.", NULL);
      else
        out = pc_test_run_cli_ok (db_path, "answer", reference, id, "--rating", "met", "--evidence", evidence, NULL);
    }

  g_free (pc_test_run_cli_ok (db_path, "coproduction", "add", reference, "--who", "Service users and carers",
                              "--how", "workshop", "--date", "2026-01-15",
                              "--changed", "Evening appointments were added.", NULL));
}

/* Attaches a small file to @prompt_id; it comes back byte for byte. */
static void
attach_minutes (const char *reference,
                const char *prompt_id)
{
  static const char minutes[] = "Minutes of the co-production workshop, 15 January.\n";
  g_autofree char *path = write_scratch ("workshop-minutes.txt", minutes);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, minutes, -1);
  g_autofree char *out = pc_test_run_cli_ok (db_path, "attach", reference, prompt_id, path, NULL);
  g_autoptr(cJSON) show = pc_test_run_cli_json (db_path, "show", reference, "--json", NULL);
  const cJSON *principle;
  const cJSON *attachment = NULL;

  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", out, 0, 0));

  cJSON_ArrayForEach (principle, json_child (json_child (show, "content"), "principles"))
    {
      const cJSON *prompt;

      cJSON_ArrayForEach (prompt, json_child (principle, "prompts"))
        if (g_str_equal (json_string (prompt, "id"), prompt_id))
          attachment = cJSON_GetArrayItem (json_child (prompt, "attachments"), 0);
    }

  g_assert_nonnull (attachment);
  g_assert_cmpstr (json_string (attachment, "name"), ==, "workshop-minutes.txt");
  g_assert_cmpstr (json_string (attachment, "sha256"), ==, sha256);
  g_assert_cmpint (json_int (attachment, "size"), ==, sizeof minutes - 1);
}

static char *
passphrase_file (void)
{
  return write_scratch ("passphrase", PC_TEST_PASSPHRASE "\n");
}

static void
keygen (const char *name,
        const char *role)
{
  g_autofree char *path = passphrase_file ();

  g_free (pc_test_run_cli_ok (db_path, "keygen", "--name", name, "--role", role, "--passphrase-file", path, NULL));
}

static void
submit (const char *reference)
{
  g_autofree char *path = passphrase_file ();

  g_free (pc_test_run_cli_ok (db_path, "submit", reference, "--name", AUTHOR, "--role", AUTHOR_ROLE,
                              "--passphrase-file", path, NULL));
}

/* The state of the latest revision of @reference. */
static char *
state_of (const char *reference)
{
  g_autoptr(cJSON) json = pc_test_run_cli_json (db_path, "show", reference, "--json", NULL);

  return g_strdup (json_string (json, "state"));
}

/* Tests */

static void
test_walk (void)
{
  static const char * const keys[] = {
    "reference", "revision", "title", "division", "state", "answered", "total", "updated_at",
  };
  g_autofree char *reference = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *out = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(cJSON) list = NULL;
  g_autoptr(cJSON) revision = NULL;
  g_autoptr(cJSON) first = NULL;
  g_auto(GStrv) lines = NULL;
  const cJSON *item;
  guint n_lines;

  if (!cli_setup ())
    return;

  reference = new_draft ("Community rehabilitation pathway");
  ids = prompt_ids (reference);
  complete_draft (reference);
  attach_minutes (reference, g_ptr_array_index (ids, 3));

  out = pc_test_run_cli_ok (db_path, "check", reference, NULL);
  g_assert_nonnull (strstr (out, "ready for sign-off"));
  g_clear_pointer (&out, g_free);

  keygen (AUTHOR, AUTHOR_ROLE);
  keygen (REVIEWER, REVIEWER_ROLE);
  submit (reference);
  state = state_of (reference);
  g_assert_cmpstr (state, ==, "in_review");

  pass = passphrase_file ();
  g_free (pc_test_run_cli_ok (db_path, "review", reference, "--decision", "approved", "--name", REVIEWER,
                              "--role", REVIEWER_ROLE, "--passphrase-file", pass, NULL));

  list = pc_test_run_cli_json (db_path, "list", "--json", NULL);
  g_assert_true (cJSON_IsArray (list));
  g_assert_cmpint (cJSON_GetArraySize (list), ==, 1);
  item = cJSON_GetArrayItem (list, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_nonnull (cJSON_GetObjectItemCaseSensitive (item, keys[i]));
  g_assert_cmpstr (json_string (item, "reference"), ==, reference);
  g_assert_cmpint (json_int (item, "revision"), ==, 1);
  g_assert_cmpstr (json_string (item, "title"), ==, "Community rehabilitation pathway");
  g_assert_cmpstr (json_string (item, "division"), ==, PC_TEST_DIVISION);
  g_assert_cmpstr (json_string (item, "state"), ==, "approved");
  g_assert_cmpint (json_int (item, "total"), ==, ids->len);
  g_assert_cmpint (json_int (item, "answered"), ==, json_int (item, "total"));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T",
                                       json_string (item, "updated_at"), 0, 0));

  /* Signed off: read-only. */
  expect_refusal (reference, 2, "read-only",
                  "answer", reference, g_ptr_array_index (ids, 2), "--rating", "not_met", NULL);

  g_free (pc_test_run_cli_ok (db_path, "revise", reference, "--reason", "The pathway now includes weekend visits.",
                              NULL));
  revision = pc_test_run_cli_json (db_path, "show", reference, "--revision", "2", "--json", NULL);
  g_assert_cmpint (json_int (revision, "revision"), ==, 2);
  g_assert_cmpstr (json_string (revision, "state"), ==, "draft");
  first = pc_test_run_cli_json (db_path, "show", reference, "--revision", "1", "--json", NULL);
  g_assert_cmpstr (json_string (first, "state"), ==, "approved");
  g_assert_cmpint (cJSON_GetArraySize (json_child (first, "signoffs")), ==, 2);

  /* The new draft can be changed again. */
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 2), "--rating", "met",
                              "--evidence", "Weekend rota agreed.", NULL));

  out = pc_test_run_cli_ok (db_path, "history", reference, "--revision", "1", NULL);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >, ids->len);
  g_assert_true (g_str_has_prefix (lines[n_lines - 1], "Audit chain intact"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  out = pc_test_run_cli_ok (db_path, "history", reference, NULL);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_true (g_str_has_prefix (lines[n_lines - 1], "Audit chain intact"));
}

/* keygen refuses a second key for a name; --replace keeps the old key
 * files and says both fingerprints. */
static void
test_keygen_replace (void)
{
  g_autofree char *pass = NULL;
  g_autofree char *created = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *keys_dir = NULL;
  g_autoptr(GRegex) fingerprint_re = g_regex_new ("fingerprint ([0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4})",
                                                  0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *old_line = NULL;
  g_autofree char *new_line = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *name;
  guint n_kept = 0;

  if (!cli_setup ())
    return;

  pass = passphrase_file ();
  created = pc_test_run_cli_ok (db_path, "keygen", "--name", AUTHOR, "--role", AUTHOR_ROLE, "--passphrase-file", pass, NULL);
  g_assert_true (g_regex_match (fingerprint_re, created, 0, &match));
  first = g_match_info_fetch (match, 1);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "keygen", "--name", AUTHOR, "--role", AUTHOR_ROLE,
                                    "--passphrase-file", pass, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "keygen --replace");

  replaced = pc_test_run_cli_ok (db_path, "keygen", "--replace", "--name", AUTHOR, "--role", "Clinical director",
                                 "--passphrase-file", pass, NULL);
  old_line = g_strdup_printf ("\nOld key fingerprint: %s\n", first);
  g_assert_nonnull (strstr (replaced, old_line));
  g_assert_nonnull (strstr (replaced, "\nNew key fingerprint: "));
  new_line = g_strdup_printf ("New key fingerprint: %s\n", first);
  g_assert_null (strstr (replaced, new_line));

  /* The old pair is kept beside the new one. */
  keys_dir = g_build_filename (g_get_user_data_dir (), "principle-check", "keys", NULL);
  dir = g_dir_open (keys_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "ann-lee.key.replaced-") || g_str_has_prefix (name, "ann-lee.pub.replaced-"))
      n_kept++;
  g_assert_cmpuint (n_kept, ==, 2);
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
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating", "met",
                              "--evidence", "Triage protocol v2.", NULL));

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

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "answer", reference, g_ptr_array_index (ids, 0),
                                    "--rating", "met", "--evidence", "Self-referral form online.", NULL), ==, 2);
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

/* An incomplete draft fails its check (1), and cannot be submitted. */
static void
test_incomplete (void)
{
  g_autofree char *reference = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pass = NULL;
  g_autoptr(cJSON) findings = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  if (!cli_setup ())
    return;

  reference = new_draft ("Crisis café");
  ids = prompt_ids (reference);
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating", "met", NULL));
  before = snapshot (reference);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "check", reference, NULL), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "block"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "check", reference, "--json", NULL), ==, 1);
  findings = pc_test_parse_json (out);
  g_assert_cmpint (cJSON_GetArraySize (findings), >=, ids->len);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  keygen (AUTHOR, AUTHOR_ROLE);
  pass = passphrase_file ();
  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "submit", reference, "--name", AUTHOR,
                                    "--role", AUTHOR_ROLE, "--passphrase-file", pass, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "principle-check check");

  after = snapshot (reference);
  g_assert_cmpstr (after, ==, before);
}

/* The reviewer may not be the author, and must know the passphrase. */
static void
test_review_refused (void)
{
  g_autofree char *reference = NULL;
  g_autofree char *pass = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *state = NULL;

  if (!cli_setup ())
    return;

  reference = new_draft ("Perinatal outreach");
  complete_draft (reference);
  keygen (AUTHOR, AUTHOR_ROLE);
  keygen (REVIEWER, REVIEWER_ROLE);
  submit (reference);

  pass = passphrase_file ();
  wrong = write_scratch ("wrong-passphrase", "correct horse battery staple\n");
  upper = g_utf8_strup (AUTHOR, -1);

  expect_refusal (reference, 2, NULL, "review", reference, "--decision", "approved",
                  "--name", upper, "--role", REVIEWER_ROLE, "--passphrase-file", pass, NULL);
  expect_refusal (reference, 2, "passphrase", "review", reference, "--decision", "approved",
                  "--name", REVIEWER, "--role", REVIEWER_ROLE, "--passphrase-file", wrong, NULL);
  state = state_of (reference);
  g_assert_cmpstr (state, ==, "in_review");
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

static void
test_demo (void)
{
  static const char * const states[] = {
    "draft", "in_review", "approved", "approved_with_conditions", "not_approved",
  };
  g_autoptr(cJSON) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const cJSON *item;
  int status;

  if (!cli_setup ())
    return;

  /* A failure here fails this case only, so the others still run. */
  status = pc_test_run_cli (db_path, &out, &err, "demo", NULL);
  if (status != 0)
    {
      g_test_fail_printf ("demo exited %d: %s", status, err);
      return;
    }
  g_assert_nonnull (strstr (out, "Added"));

  list = pc_test_run_cli_json (db_path, "list", "--json", NULL);
  cJSON_ArrayForEach (item, list)
    g_hash_table_add (seen, (char *) json_string (item, "state"));
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_test_message ("state %s", states[i]);
      g_assert_true (g_hash_table_contains (seen, states[i]));
    }
}

/* Text goes in and comes out byte for byte, whatever it looks like. */
static void
test_text_round_trip (void)
{
  static const char title[] = "Zoë’s café — 患者の会 🙂 '); DROP TABLE assessments; --";
  static const char evidence[] =
    "Ünïcödé: Ελληνικά, עברית, 中文, emoji 👩‍⚕️\n"
    "Robert'); DROP TABLE answers; -- \"quoted\" \\back\\slash\n"
    "  indented line\ttab, %s %d %n, 100%\n"
    "' OR '1'='1";
  static const char justification[] = "Не применяется: “no beds”; SELECT * FROM keys; ";
  g_autofree char *reference = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(cJSON) show = NULL;
  g_autoptr(cJSON) list = NULL;
  const cJSON *content;
  const cJSON *principles;
  const cJSON *prompts;
  const cJSON *first;
  const cJSON *second;

  if (!cli_setup ())
    return;

  reference = new_draft (title);
  ids = prompt_ids (reference);
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating", "met",
                              "--evidence", evidence, NULL));
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 1), "--rating", "not_applicable",
                              "--justification", justification, NULL));

  show = pc_test_run_cli_json (db_path, "show", reference, "--json", NULL);
  content = json_child (show, "content");
  g_assert_cmpstr (json_string (json_child (content, "header"), "title"), ==, title);
  principles = json_child (content, "principles");
  prompts = json_child (cJSON_GetArrayItem (principles, 0), "prompts");
  first = cJSON_GetArrayItem (prompts, 0);
  second = cJSON_GetArrayItem (prompts, 1);
  g_assert_cmpstr (json_string (first, "id"), ==, g_ptr_array_index (ids, 0));
  g_assert_cmpstr (json_string (first, "rating"), ==, "met");
  g_assert_cmpstr (json_string (first, "evidence"), ==, evidence);
  g_assert_cmpstr (json_string (second, "id"), ==, g_ptr_array_index (ids, 1));
  g_assert_cmpstr (json_string (second, "rating"), ==, "not_applicable");
  g_assert_cmpstr (json_string (second, "justification"), ==, justification);

  list = pc_test_run_cli_json (db_path, "list", "--json", NULL);
  g_assert_cmpint (cJSON_GetArraySize (list), ==, 1);
  g_assert_cmpstr (json_string (cJSON_GetArrayItem (list, 0), "title"), ==, title);
  g_assert_cmpint (json_int (cJSON_GetArrayItem (list, 0), "answered"), ==, 2);
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

  g_test_add_func ("/pc/cli/walk", test_walk);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pc/cli/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/pc/cli/bad/db-not-database", test_db_not_database);
  g_test_add_func ("/pc/cli/bad/db-read-only", test_db_read_only);
  g_test_add_func ("/pc/cli/incomplete", test_incomplete);
  g_test_add_func ("/pc/cli/keygen-replace", test_keygen_replace);
  g_test_add_func ("/pc/cli/review-refused", test_review_refused);
  g_test_add_func ("/pc/cli/checklist-validate/default", test_checklist_validate);
  add_bad_checklist_tests ();
  g_test_add_func ("/pc/cli/other-checklist", test_other_checklist);
  g_test_add_func ("/pc/cli/text-round-trip", test_text_round_trip);
  g_test_add_func ("/pc/cli/help", test_help);
  g_test_add_func ("/pc/cli/db-before-command", test_db_before_command);
  /* Last: a failure stops the run, and demo is the newest command. */
  g_test_add_func ("/pc/cli/demo/every-state", test_demo);

  return g_test_run ();
}
