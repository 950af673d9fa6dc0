/* test-verify-common.c: what the tests of a summary's verification
 * share: the exports they read, and ways to change and verify them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-verify-common.h"

#include <string.h>

#include "pc-checklist.h"
#include "pc-sign.h"
#include "pc-test-utils.h"

/* Exports made once and shared by the test cases (each case only reads
 * them): an approved assessment with an attachment, one approved with
 * conditions after a returned round, and a draft. */
GBytes *approved_export;

GBytes *returned_round_export;

GBytes *returned_draft_export;

/* Exports @id as the command line does, at @exported_at. Returns:
 * (transfer full): the file's bytes. */
GBytes *
export_bytes (PcStore   *store,
              gint64     id,
              GDateTime *exported_at)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);

  pc_test_export_summary (store, id, exported_at, path);

  return pc_test_read_file (path);
}

const char *
first_prompt_id (void)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);

  return g_intern_string (prompt->id);
}

/* Makes the shared exports, once. */
void
ensure_exports (void)
{
  static const char minutes[] = "Minutes of the co-production workshop, 15 January.\n";
  g_autofree char *db = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t10 = pc_test_time_at (10);
  g_autoptr(GDateTime) t11 = pc_test_time_at (11);
  g_autoptr(GDateTime) t12 = pc_test_time_at (12);
  g_autoptr(GDateTime) t13 = pc_test_time_at (13);
  g_autoptr(GDateTime) t14 = pc_test_time_at (14);
  gint64 id;

  if (approved_export != NULL)
    return;

  db = pc_test_db_path ();
  store = pc_test_open_store (db);
  author = pc_test_signing_key_new (AUTHOR, AUTHOR_ROLE);
  reviewer = pc_test_signing_key_new (REVIEWER, REVIEWER_ROLE);

  /* Approved, with an attachment. */
  id = pc_test_create_assessment (store, TITLE, AUTHOR);
  pc_test_answer_all (store, id);
  data = g_bytes_new_static (minutes, sizeof minutes - 1);
  g_assert_cmpint (pc_store_add_attachment (store, id, first_prompt_id (), "minutes.txt",
                                            "text/plain", data, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (pc_store_submit (store, id, author, NULL, NULL, t10, &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_review (store, id, PC_MEANING_APPROVED, NULL, reviewer, NULL, NULL, t11,
                                  &error));
  g_assert_no_error (error);
  approved_export = export_bytes (store, id, t14);

  /* Returned once, then approved with conditions. */
  id = pc_test_create_assessment (store, "Memory clinic pathway", AUTHOR);
  pc_test_answer_all (store, id);
  g_assert_true (pc_store_submit (store, id, author, NULL, NULL, t10, &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_review (store, id, PC_MEANING_RETURNED, "Say who the carers were.",
                                  reviewer, NULL, NULL, t11, &error));
  g_assert_no_error (error);
  returned_draft_export = export_bytes (store, id, t14);
  g_assert_true (pc_store_submit (store, id, author, NULL, NULL, t12, &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_review (store, id, PC_MEANING_APPROVED_WITH_CONDITIONS, CONDITIONS,
                                  reviewer, NULL, NULL, t13, &error));
  g_assert_no_error (error);
  returned_round_export = export_bytes (store, id, t14);
}

/* Verifies @len bytes, which must give a result. */
PcVerifyResult *
verify_data (const char    *data,
             gsize          len,
             PcTrustedKeys *trusted)
{
  g_autoptr(GError) error = NULL;
  PcVerifyResult *result = pc_verify_summary (data, len, trusted, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_nonnull (result->signoffs);
  g_assert_nonnull (result->problems);

  for (guint i = 0; i < result->problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (result->problems, i));

  return result;
}

PcVerifyResult *
verify_bytes (GBytes        *bytes,
              PcTrustedKeys *trusted)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return verify_data (data, len, trusted);
}

/* Serialises @document as a file would hold it and verifies that. */
PcVerifyResult *
verify_document (const cJSON   *document,
                 PcTrustedKeys *trusted)
{
  char *text = cJSON_Print (document);
  PcVerifyResult *result;

  g_assert_nonnull (text);
  result = verify_data (text, strlen (text), trusted);
  cJSON_free (text);

  return result;
}

/* Asserts that @result does not verify and that one of its problems
 * contains @expected. */
void
assert_problem (const PcVerifyResult *result,
                const char           *expected)
{
  g_assert_false (result->ok);

  for (guint i = 0; i < result->problems->len; i++)
    pc_test_assert_one_line (g_ptr_array_index (result->problems, i));

  for (guint i = 0; i < result->problems->len; i++)
    if (strstr (g_ptr_array_index (result->problems, i), expected) != NULL)
      return;

  g_error ("no problem says “%s”", expected);
}

const PcVerifiedSignoff *
signoff_at (const PcVerifyResult *result,
            guint                 index)
{
  g_assert_cmpuint (index, <, result->signoffs->len);
  return g_ptr_array_index (result->signoffs, index);
}

cJSON *
item_at (cJSON      *parent,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  cJSON *item = parent;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        item = cJSON_GetArrayItem (item, atoi (parts[i]));
      else
        item = cJSON_GetObjectItemCaseSensitive (item, parts[i]);
      g_assert_nonnull (item);
    }

  return item;
}

/* Replaces the member @key of the object at @path with @value. */
void
replace (cJSON      *document,
         const char *path,
         const char *key,
         cJSON      *value)
{
  g_assert_true (cJSON_ReplaceItemInObjectCaseSensitive (item_at (document, path), key, value));
}

void
set_string (cJSON      *document,
            const char *path,
            const char *key,
            const char *value)
{
  replace (document, path, key, cJSON_CreateString (value));
}

const char *
get_string (cJSON      *document,
            const char *path,
            const char *key)
{
  const char *value = pc_json_get_string (item_at (document, path), key);

  g_assert_nonnull (value);
  return value;
}

void
mutate_name (cJSON *d)
{
  set_string (d, "signoffs/0", "name", "Ann Leigh");
}

void
free_exports (void)
{
  g_clear_pointer (&approved_export, g_bytes_unref);
  g_clear_pointer (&returned_round_export, g_bytes_unref);
  g_clear_pointer (&returned_draft_export, g_bytes_unref);
}
