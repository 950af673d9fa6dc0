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
#include "test-cli-common.h"

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
        out = pc_test_run_cli_ok (db_path, "answer", reference, id, "--rating", "met",
                                  "--evidence", evidence, NULL);
    }

  g_free (pc_test_run_cli_ok (db_path, "coproduction", "add", reference,
                              "--who", "Service users and carers", "--how", "workshop",
                              "--date", "2026-01-15",
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

static void
keygen (const char *name,
        const char *role)
{
  g_autofree char *path = passphrase_file ();

  g_free (pc_test_run_cli_ok (db_path, "keygen", "--name", name, "--role", role,
                              "--passphrase-file", path, NULL));
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

  g_free (pc_test_run_cli_ok (db_path, "revise", reference, "--reason",
                              "The pathway now includes weekend visits.", NULL));
  revision = pc_test_run_cli_json (db_path, "show", reference, "--revision", "2", "--json", NULL);
  g_assert_cmpint (json_int (revision, "revision"), ==, 2);
  g_assert_cmpstr (json_string (revision, "state"), ==, "draft");
  first = pc_test_run_cli_json (db_path, "show", reference, "--revision", "1", "--json", NULL);
  g_assert_cmpstr (json_string (first, "state"), ==, "approved");
  g_assert_cmpint (cJSON_GetArraySize (json_child (first, "signoffs")), ==, 2);

  /* The new draft can be changed again. */
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 2), "--rating",
                              "met", "--evidence", "Weekend rota agreed.", NULL));

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
  created = pc_test_run_cli_ok (db_path, "keygen", "--name", AUTHOR, "--role", AUTHOR_ROLE,
                                "--passphrase-file", pass, NULL);
  g_assert_true (g_regex_match (fingerprint_re, created, 0, &match));
  first = g_match_info_fetch (match, 1);

  g_assert_cmpint (pc_test_run_cli (db_path, &out, &err, "keygen", "--name", AUTHOR, "--role",
                                    AUTHOR_ROLE, "--passphrase-file", pass, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  assert_one_line_error (err, "keygen --replace");

  replaced = pc_test_run_cli_ok (db_path, "keygen", "--replace", "--name", AUTHOR, "--role",
                                 "Clinical director", "--passphrase-file", pass, NULL);
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
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating",
                              "met", NULL));
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
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 0), "--rating",
                              "met", "--evidence", evidence, NULL));
  g_free (pc_test_run_cli_ok (db_path, "answer", reference, g_ptr_array_index (ids, 1), "--rating",
                              "not_applicable", "--justification", justification, NULL));

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/cli/walk", test_walk);
  g_test_add_func ("/pc/cli/incomplete", test_incomplete);
  g_test_add_func ("/pc/cli/keygen-replace", test_keygen_replace);
  g_test_add_func ("/pc/cli/review-refused", test_review_refused);
  g_test_add_func ("/pc/cli/text-round-trip", test_text_round_trip);
  /* Last: a failure stops the run, and demo is the newest command. */
  g_test_add_func ("/pc/cli/demo/every-state", test_demo);

  return g_test_run ();
}
