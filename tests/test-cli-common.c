/* test-cli-common.c: what the tests of the command line share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-cli-common.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pc-test-utils.h"

/* The current test's database and scratch folder. */
char *db_path;

char *scratch_dir;

/* Setup */

/* Prepares a test case: a scratch folder and a database path inside the
 * folders G_TEST_OPTION_ISOLATE_DIRS made for it. Returns FALSE (and
 * skips) when $PC_CLI is not set. */
gboolean
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

char *
scratch_path (const char *name)
{
  return g_build_filename (scratch_dir, name, NULL);
}

char *
write_scratch (const char *name,
               const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = scratch_path (name);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

const char *
json_string (const cJSON *object,
             const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (!cJSON_IsString (item))
    g_error ("“%s” is not a string", key);

  return item->valuestring;
}

int
json_int (const cJSON *object,
          const char  *key)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, key);

  if (!cJSON_IsNumber (item))
    g_error ("“%s” is not a number", key);

  return item->valueint;
}

const cJSON *
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
void
assert_one_line_error (const char *err,
                       const char *needle)
{
  pc_test_assert_printed_line (err, needle);
  g_assert_true (g_str_has_prefix (err, "principle-check ")
                 || g_str_has_prefix (err, "principle-check: "));
}

/* What a user can see of the database: the list, and the assessment
 * @reference with its audit trail. */
char *
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
void
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
void
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
char *
new_draft (const char *title)
{
  g_autofree char *out = pc_test_run_cli_ok (db_path, "new", "--title", title, "--kind", "new_service",
                                             "--division", PC_TEST_DIVISION, "--lead", AUTHOR,
                                             "--review-date", "2030-03-31", NULL);

  g_assert_true (g_regex_match_simple ("^PC-[0-9]{4}-[0-9]{4}\n$", out, 0, 0));
  return g_strndup (out, strlen (out) - 1);
}

/* The prompt ids of @reference, in checklist order. */
GPtrArray *
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

char *
passphrase_file (void)
{
  return write_scratch ("passphrase", PC_TEST_PASSPHRASE "\n");
}
