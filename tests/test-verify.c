/* test-verify.c: checking a summary file without the database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-canon.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-file.h"
#include "pc-sign.h"
#include "pc-sign-private.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-utils.h"
#include "pc-verify.h"

#define TITLE       "Crisis line redesign"
#define AUTHOR      "Ann Lee"
#define AUTHOR_ROLE "Service lead"
#define REVIEWER    "Raj Patel"
#define REVIEWER_ROLE "Clinical director"
#define CONDITIONS  "Report the first three months' call data to the committee."
#define MINISIGN    "/usr/bin/minisign"
#define UNCONFIRMED "The signatures are intact, but nothing confirms who made them: check each key’s fingerprint with its signer, or run “principle-check verify FILE --trusted KEYS”."

/* Exports made once and shared by the test cases (each case only reads
 * them): an approved assessment with an attachment, one approved with
 * conditions after a returned round, and a draft. */
static GBytes *approved_export;
static GBytes *returned_round_export;
static GBytes *returned_draft_export;

/* Helpers */

static GDateTime *
time_at (int hour)
{
  return g_date_time_new_utc (2026, 11, 22, hour, 15, 0);
}

/* Exports @id as the command line does, at @exported_at. Returns:
 * (transfer full): the file's bytes. */
static GBytes *
export_bytes (PcStore   *store,
              gint64     id,
              GDateTime *exported_at)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);

  pc_test_export_summary (store, id, exported_at, path);

  return pc_test_read_file (path);
}

static const char *
first_prompt_id (void)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);

  return g_intern_string (prompt->id);
}

/* Makes the shared exports, once. */
static void
ensure_exports (void)
{
  static const char minutes[] = "Minutes of the co-production workshop, 15 January.\n";
  g_autofree char *db = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t10 = time_at (10);
  g_autoptr(GDateTime) t11 = time_at (11);
  g_autoptr(GDateTime) t12 = time_at (12);
  g_autoptr(GDateTime) t13 = time_at (13);
  g_autoptr(GDateTime) t14 = time_at (14);
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
static PcVerifyResult *
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

static PcVerifyResult *
verify_bytes (GBytes        *bytes,
              PcTrustedKeys *trusted)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  return verify_data (data, len, trusted);
}

/* Serialises @document as a file would hold it and verifies that. */
static PcVerifyResult *
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
static void
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

static const PcVerifiedSignoff *
signoff_at (const PcVerifyResult *result,
            guint                 index)
{
  g_assert_cmpuint (index, <, result->signoffs->len);
  return g_ptr_array_index (result->signoffs, index);
}

static cJSON *
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
static void
replace (cJSON      *document,
         const char *path,
         const char *key,
         cJSON      *value)
{
  g_assert_true (cJSON_ReplaceItemInObjectCaseSensitive (item_at (document, path), key, value));
}

static void
set_string (cJSON      *document,
            const char *path,
            const char *key,
            const char *value)
{
  replace (document, path, key, cJSON_CreateString (value));
}

static const char *
get_string (cJSON      *document,
            const char *path,
            const char *key)
{
  const char *value = pc_json_get_string (item_at (document, path), key);

  g_assert_nonnull (value);
  return value;
}

/* The base64 line of a sign-off's public key. Returns: (transfer full) */
static char *
public_key_line (cJSON      *document,
                 guint       index)
{
  g_autofree char *path = g_strdup_printf ("signoffs/%u", index);
  g_auto(GStrv) lines = g_strsplit (get_string (document, path, "public_key"), "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
}

static char *
write_tmp (const char *dir,
           const char *name,
           const char *contents,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return path;
}

/* A good file verifies */

static void
test_approved (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) error = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  sha256 = pc_canon_sha256 (item_at (document, "content"), &error);
  g_assert_no_error (error);

  result = verify_bytes (approved_export, NULL);
  g_assert_true (result->ok);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpstr (result->title, ==, TITLE);
  g_assert_cmpstr (result->state, ==, "approved");
  g_assert_cmpstr (result->reference, ==, get_string (document, "content/header", "reference"));
  g_assert_cmpint (result->revision, ==, 1);
  g_assert_cmpstr (result->content_sha256, ==, sha256);
  g_assert_nonnull (result->document);

  g_assert_cmpuint (result->signoffs->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const PcVerifiedSignoff *so = signoff_at (result, i);
      g_autofree char *path = g_strdup_printf ("signoffs/%u", i);

      g_assert_true (so->good);
      g_assert_null (so->problem);
      g_assert_cmpstr (so->key_id, ==, get_string (document, path, "key_id"));
    }
  g_assert_cmpstr (signoff_at (result, 0)->name, ==, AUTHOR);
  g_assert_cmpstr (signoff_at (result, 0)->role, ==, AUTHOR_ROLE);
  g_assert_cmpint (signoff_at (result, 0)->meaning, ==, PC_MEANING_PREPARED);
  g_assert_cmpstr (signoff_at (result, 0)->signed_at, ==, "2026-11-22T10:15:00Z");
  g_assert_cmpstr (signoff_at (result, 1)->name, ==, REVIEWER);
  g_assert_cmpint (signoff_at (result, 1)->meaning, ==, PC_MEANING_APPROVED);
  g_assert_null (signoff_at (result, 1)->reason);

  /* The layout does not matter: the same document printed without white
   * space verifies too. */
  {
    char *compact = cJSON_PrintUnformatted (document);
    g_autoptr(PcVerifyResult) again = verify_data (compact, strlen (compact), NULL);

    g_assert_true (again->ok);
    cJSON_free (compact);
  }
}

/* A file approved with conditions after a returned round carries only
 * the second round's sign-offs, and verifies. */
static void
test_returned_round (void)
{
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(PcVerifyResult) draft = NULL;

  ensure_exports ();

  result = verify_bytes (returned_round_export, NULL);
  g_assert_true (result->ok);
  g_assert_cmpstr (result->state, ==, "approved_with_conditions");
  g_assert_cmpuint (result->signoffs->len, ==, 2);
  g_assert_cmpint (signoff_at (result, 0)->meaning, ==, PC_MEANING_PREPARED);
  g_assert_cmpstr (signoff_at (result, 0)->signed_at, ==, "2026-11-22T12:15:00Z");
  g_assert_cmpint (signoff_at (result, 1)->meaning, ==, PC_MEANING_APPROVED_WITH_CONDITIONS);
  g_assert_cmpstr (signoff_at (result, 1)->reason, ==, CONDITIONS);
  g_assert_true (signoff_at (result, 1)->good);

  /* Between the rounds it is a draft again, with no sign-offs. */
  draft = verify_bytes (returned_draft_export, NULL);
  g_assert_true (draft->ok);
  g_assert_cmpstr (draft->state, ==, "draft");
  g_assert_cmpuint (draft->signoffs->len, ==, 0);
}

/* A draft verifies (nothing in it is false) but carries no sign-offs. */
static void
test_draft (void)
{
  g_autofree char *db = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GDateTime) when = time_at (10);
  gint64 id = pc_test_create_assessment (store, TITLE, AUTHOR);
  g_autoptr(GBytes) bytes = export_bytes (store, id, when);
  g_autoptr(PcVerifyResult) result = verify_bytes (bytes, NULL);
  g_autoptr(cJSON) document = pc_test_parse_json_bytes (bytes);

  g_assert_true (result->ok);
  g_assert_cmpstr (result->state, ==, "draft");
  g_assert_cmpuint (result->signoffs->len, ==, 0);
  g_assert_nonnull (result->content_sha256);

  /* Claiming it is signed, or in review, does not hold. */
  {
    g_autoptr(PcVerifyResult) claimed = NULL;

    replace (document, "", "signed", cJSON_CreateTrue ());
    claimed = verify_document (document, NULL);
    assert_problem (claimed, "“signed” is true, but the file carries no sign-offs");
  }
  {
    g_autoptr(PcVerifyResult) claimed = NULL;

    replace (document, "", "signed", cJSON_CreateFalse ());
    set_string (document, "", "state", "in_review");
    claimed = verify_document (document, NULL);
    assert_problem (claimed, "the state is in review, but no author’s “prepared” sign-off is in the file");
  }
}

/* Tampering, one change at a time */

typedef void (*Mutation) (cJSON *document);

typedef struct
{
  const char  *name;
  Mutation     mutate;
  const char  *expected;   /* in one of the problems */
  int          bad;        /* the sign-off that no longer holds, -1 for both, -2 for none */
} TamperCase;

static void
mutate_rating (cJSON *d)
{
  g_assert_cmpstr (get_string (d, "content/principles/0/prompts/0", "rating"), ==, "met");
  set_string (d, "content/principles/0/prompts/0", "rating", "not_met");
}

static void
mutate_evidence (cJSON *d)
{
  g_autofree char *evidence = g_strdup (get_string (d, "content/principles/2/prompts/1", "evidence"));

  /* One character: "Evidence" becomes "evidence". */
  g_assert_cmpint (evidence[0], ==, 'E');
  evidence[0] = 'e';
  set_string (d, "content/principles/2/prompts/1", "evidence", evidence);
}

static void
mutate_attachment (cJSON *d)
{
  g_autofree char *sha256 = g_strdup (get_string (d, "content/principles/0/prompts/0/attachments/0",
                                                  "sha256"));

  sha256[10] = sha256[10] == 'a' ? 'b' : 'a';
  set_string (d, "content/principles/0/prompts/0/attachments/0", "sha256", sha256);
}

static void
mutate_name (cJSON *d)
{
  set_string (d, "signoffs/0", "name", "Ann Leigh");
}

static void
mutate_time (cJSON *d)
{
  set_string (d, "signoffs/1", "signed_at", "2026-11-22T11:16:00Z");
}

static void
mutate_prompt_order (cJSON *d)
{
  cJSON *prompts = item_at (d, "content/principles/0/prompts");
  cJSON *first = cJSON_Duplicate (item_at (prompts, "0"), TRUE);
  cJSON *second = cJSON_Duplicate (item_at (prompts, "1"), TRUE);

  /* Replaced rather than inserted: Debian's cJSON 1.7.15 refuses some
   * insertions. */
  g_assert_true (cJSON_ReplaceItemInArray (prompts, 0, second));
  g_assert_true (cJSON_ReplaceItemInArray (prompts, 1, first));
}

static void
mutate_public_key (cJSON *d)
{
  set_string (d, "signoffs/0", "public_key", get_string (d, "signoffs/1", "public_key"));
}

static void
mutate_key_id (cJSON *d)
{
  set_string (d, "signoffs/0", "key_id", get_string (d, "signoffs/1", "key_id"));
}

static void
mutate_role (cJSON *d)
{
  set_string (d, "signoffs/1", "role", "Chief executive");
}

static void
mutate_meaning (cJSON *d)
{
  set_string (d, "signoffs/1", "meaning", "not_approved");
  set_string (d, "", "state", "not_approved");
}

static void
mutate_state (cJSON *d)
{
  set_string (d, "", "state", "not_approved");
}

static void
mutate_reason (cJSON *d)
{
  set_string (d, "signoffs/1", "reason", "No conditions.");
}

static void
mutate_content_sha256 (cJSON *d)
{
  set_string (d, "signoffs/0", "content_sha256",
              "0000000000000000000000000000000000000000000000000000000000000000");
}

/* The trusted comment inside the signature, changed to match a changed
 * name: the signature no longer verifies. */
static void
mutate_comment (cJSON *d)
{
  const char *signature = get_string (d, "signoffs/0", "signature");
  g_auto(GStrv) parts = g_strsplit (signature, "\"name\":\"" AUTHOR "\"", -1);
  g_autofree char *changed = g_strjoinv ("\"name\":\"Ann Leigh\"", parts);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  set_string (d, "signoffs/0", "signature", changed);
  set_string (d, "signoffs/0", "name", "Ann Leigh");
}

static void
mutate_global_signature (cJSON *d)
{
  g_autofree char *signature = g_strdup (get_string (d, "signoffs/1", "signature"));
  char *last_line = strrchr (g_strchomp (signature), '\n') + 1;

  last_line[5] = last_line[5] == 'A' ? 'B' : 'A';
  set_string (d, "signoffs/1", "signature", signature);
}

static void
mutate_add_decision (cJSON *d)
{
  cJSON *signoffs = item_at (d, "signoffs");

  cJSON_AddItemToArray (signoffs, cJSON_Duplicate (item_at (d, "signoffs/1"), TRUE));
}

static void
mutate_add_prepared (cJSON *d)
{
  cJSON *signoffs = cJSON_CreateArray ();

  cJSON_AddItemToArray (signoffs, cJSON_Duplicate (item_at (d, "signoffs/0"), TRUE));
  cJSON_AddItemToArray (signoffs, cJSON_Duplicate (item_at (d, "signoffs/0"), TRUE));
  cJSON_AddItemToArray (signoffs, cJSON_Duplicate (item_at (d, "signoffs/1"), TRUE));
  replace (d, "", "signoffs", signoffs);
}

static void
mutate_remove_decision (cJSON *d)
{
  cJSON_DeleteItemFromArray (item_at (d, "signoffs"), 1);
}

static void
mutate_remove_prepared (cJSON *d)
{
  cJSON_DeleteItemFromArray (item_at (d, "signoffs"), 0);
}

static void
mutate_self_review (cJSON *d)
{
  /* Raj Patel's decision, relabelled as the author's: the trusted
   * comment gives it away, and so does the lifecycle. */
  set_string (d, "signoffs/1", "name", "ann  LEE");
}

static const TamperCase tamper_cases[] = {
  { "rating", mutate_rating, "the content has been changed since Ann Lee signed it", -1 },
  { "evidence", mutate_evidence, "the content has been changed since Raj Patel signed it", -1 },
  { "attachment", mutate_attachment, "the content has been changed since Ann Lee signed it", -1 },
  { "name", mutate_name,
    "signoffs[0].name has been altered: the signature says “Ann Lee”, the file says “Ann Leigh”", 0 },
  { "time", mutate_time,
    "signoffs[1].signed_at has been altered: the signature says “2026-11-22T11:15:00Z”, the file says “2026-11-22T11:16:00Z”", 1 },
  { "prompt-order", mutate_prompt_order, "the content has been changed since Raj Patel signed it", -1 },
  { "public-key", mutate_public_key,
    "Ann Lee’s signature was not made with the public key beside it: signoffs[0].public_key has been replaced", 0 },
  { "key-id", mutate_key_id, "signoffs[0].key_id has been altered", 0 },
  { "role", mutate_role, "signoffs[1].role has been altered: the signature says “Clinical director”", 1 },
  { "meaning", mutate_meaning, "signoffs[1].meaning has been altered: the signature says “approved”", 1 },
  { "state", mutate_state, "the state is “not approved”, but Raj Patel signed “approved”", -2 },
  { "reason", mutate_reason, "signoffs[1].reason has been added after Raj Patel signed", 1 },
  { "content-sha256", mutate_content_sha256, "signoffs[0].content_sha256 has been altered", 0 },
  { "trusted-comment", mutate_comment, "Ann Leigh’s signature does not verify", 0 },
  { "global-signature", mutate_global_signature, "Raj Patel’s signature does not verify", 1 },
  { "add-decision", mutate_add_decision, "signoffs[2] (Raj Patel, “approved”) comes after the decision", -2 },
  { "add-prepared", mutate_add_prepared, "signoffs[1] (Ann Lee) is a second “prepared” sign-off", -2 },
  { "remove-decision", mutate_remove_decision,
    "the state is “approved”, but no reviewer’s decision is signed in the file", -2 },
  { "remove-prepared", mutate_remove_prepared,
    "the first sign-off must be the author’s “prepared”, but signoffs[0] is Raj Patel’s “approved”", -2 },
  { "self-review", mutate_self_review, "ann  LEE both prepared and reviewed this assessment", 1 },
};

static void
test_tamper (gconstpointer data)
{
  const TamperCase *tc = data;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  tc->mutate (document);
  result = verify_document (document, NULL);

  assert_problem (result, tc->expected);

  for (guint i = 0; i < result->signoffs->len; i++)
    {
      const PcVerifiedSignoff *so = signoff_at (result, i);
      gboolean expect_bad = tc->bad == -1 || tc->bad == (int) i;

      g_assert_cmpint (so->good, ==, !expect_bad);
      if (!so->good)
        {
          g_assert_nonnull (so->problem);
          pc_test_assert_one_line (so->problem);
        }
    }
}

/* The conditions of an approval are covered by the signature. */
static void
test_tamper_conditions (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) changed = NULL;
  g_autoptr(PcVerifyResult) removed = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (returned_round_export);

  set_string (document, "signoffs/1", "reason", "Report the first month's call data.");
  changed = verify_document (document, NULL);
  assert_problem (changed, "signoffs[1].reason has been altered: it is not the reason or conditions Raj Patel signed");

  replace (document, "signoffs/1", "reason", cJSON_CreateNull ());
  removed = verify_document (document, NULL);
  assert_problem (removed, "signoffs[1].reason has been removed");
  assert_problem (removed, "Raj Patel approved with conditions, but signoffs[1].reason gives no conditions");
}

/* The layout: the schema's rules, with paths */

static void
test_layout (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);

  set_string (document, "signoffs/1", "signed_at", "yesterday");
  cJSON_AddStringToObject (document, "colour", "red");
  replace (document, "audit", "rows", cJSON_CreateNumber (-1));
  set_string (document, "findings/0", "level", "severe");
  set_string (document, "signoffs/0", "key_id", "abc");
  replace (document, "generator", "version", cJSON_CreateNumber (2));
  cJSON_DeleteItemFromObjectCaseSensitive (item_at (document, "generator"), "name");

  result = verify_document (document, NULL);
  assert_problem (result, "signoffs[1].signed_at is not a UTC time like 2026-11-22T10:15:00Z");
  assert_problem (result, "the file has a field “colour” that a summary does not have");
  assert_problem (result, "audit.rows is not a whole number, 0 or more");
  assert_problem (result, "findings[0].level is “severe”, which is not one of: warn, block");
  assert_problem (result, "signoffs[0].key_id is not a key id");
  assert_problem (result, "generator.version is not text");
  assert_problem (result, "generator.name is missing");
}

/* Dates are real calendar dates, and times real times, as in the store. */
static void
put_string (cJSON      *document,
            const char *path,
            const char *key,
            const char *value)
{
  cJSON *object = item_at (document, path);

  cJSON_DeleteItemFromObjectCaseSensitive (object, key);
  cJSON_AddStringToObject (object, key, value);
}

static void
test_impossible_dates (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(cJSON) times = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(PcVerifyResult) time_result = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  put_string (document, "content/header", "start_date", "2026-02-30");
  put_string (document, "content/header", "review_date", "2027-13-01");
  set_string (document, "signoffs/1", "signed_at", "2026-02-29T11:15:00Z");
  set_string (document, "", "exported_at", "2026-13-01T25:61:00Z");

  result = verify_document (document, NULL);
  g_assert_false (result->ok);
  assert_problem (result, "content.header.start_date is not a date like 2026-11-22");
  assert_problem (result, "content.header.review_date is not a date like 2026-11-22");
  assert_problem (result, "signoffs[1].signed_at is not a UTC time like 2026-11-22T10:15:00Z");
  assert_problem (result, "exported_at is not a UTC time like 2026-11-22T10:15:00Z");

  /* A time of day that does not exist, on a real day, outside what is
   * signed: only the layout tells. */
  times = pc_test_parse_json_bytes (approved_export);
  set_string (times, "", "exported_at", "2026-11-22T24:00:00Z");
  time_result = verify_document (times, NULL);
  g_assert_false (time_result->ok);
  assert_problem (time_result, "exported_at is not a UTC time like 2026-11-22T10:15:00Z");
}

/* Many problems: the first few are listed, the rest counted. */
static void
test_layout_many (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  cJSON *principles;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  principles = item_at (document, "content/principles");
  for (cJSON *p = principles->child; p != NULL; p = p->next)
    replace (p, "", "status", cJSON_CreateString ("purple"));

  result = verify_document (document, NULL);
  assert_problem (result, "content.principles[0].status is “purple”, which is not one of: grey, green, amber, red");
  assert_problem (result, "… and 2 more problems with the layout of the file");
  assert_problem (result, "the content has been changed since Ann Lee signed it");
}

/* Bad input: errors or problems, one line each, never a crash */

static void
assert_not_summary (const char *data,
                    gsize       len,
                    int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcVerifyResult) result = pc_verify_summary (data, len, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, PC_VERIFY_ERROR, code);
  pc_test_assert_one_line (error->message);
  g_assert_cmpuint (strlen (error->message), <, 1000);
}

/* Either an error or a result that does not verify. */
static void
assert_refused (const char *data,
                gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcVerifyResult) result = pc_verify_summary (data, len, NULL, &error);

  if (result == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == PC_VERIFY_ERROR);
      pc_test_assert_one_line (error->message);
      g_assert_cmpuint (strlen (error->message), <, 1000);
      return;
    }

  g_assert_no_error (error);
  g_assert_false (result->ok);
  for (guint i = 0; i < result->problems->len; i++)
    {
      pc_test_assert_one_line (g_ptr_array_index (result->problems, i));
      g_assert_cmpuint (strlen (g_ptr_array_index (result->problems, i)), <, 1000);
    }
}

static void
test_bad_input (void)
{
  static const char *small[] = {
    "not json",
    "",
    "   ",
    "[]",
    "\"principle-check-summary\"",
    "42",
    "null",
    "{}",
    "{\"format\":\"x\"}",
    "{\"format\":1}",
    "{\"format\":\"principle-check-summary\"",
    "{\"format\":\"principle-check-summary\"} trailing",
    "{\"format\":\"principle-check-summary\",\"format\":\"principle-check-summary\",\"format_version\":1}",
    "{\"format\":\"principle-check-summary\",\"format_version\":1,\"x\":\"\xff\xfe\"}",
    "\xef\xbb\xbf{\"format\":\"principle-check-summary\",\"format_version\":1}",
  };
  gsize len = 0;
  const char *good;

  ensure_exports ();
  good = g_bytes_get_data (approved_export, &len);

  for (guint i = 0; i < G_N_ELEMENTS (small); i++)
    assert_not_summary (small[i], strlen (small[i]), PC_VERIFY_ERROR_NOT_SUMMARY);
  assert_not_summary (NULL, 0, PC_VERIFY_ERROR_NOT_SUMMARY);

  /* Another version, or none. */
  {
    static const char v3[] = "{\"format\":\"principle-check-summary\",\"format_version\":3}";
    static const char none[] = "{\"format\":\"principle-check-summary\"}";

    assert_not_summary (v3, strlen (v3), PC_VERIFY_ERROR_UNSUPPORTED_VERSION);
    assert_not_summary (none, strlen (none), PC_VERIFY_ERROR_UNSUPPORTED_VERSION);
  }

  /* The right format and version, but nothing else: problems, not an
   * error. */
  {
    static const char bare[] = "{\"format\":\"principle-check-summary\",\"format_version\":1}";
    g_autoptr(PcVerifyResult) result = verify_data (bare, strlen (bare), NULL);

    assert_problem (result, "content is missing");
    assert_problem (result, "signoffs is missing");
  }

  /* Truncated at many offsets. */
  for (gsize cut = 0; cut + 2 < len; cut += 1 + cut / 3)
    assert_not_summary (good, cut, PC_VERIFY_ERROR_NOT_SUMMARY);

  /* Invalid UTF-8 and duplicate keys inside a real file. */
  {
    g_autoptr(GString) text = g_string_new_len (good, (gssize) len);
    char *at = strstr (text->str, AUTHOR);

    at[1] = (char) 0xC3;
    assert_not_summary (text->str, text->len, PC_VERIFY_ERROR_NOT_SUMMARY);

    g_string_assign (text, good);
    at = strstr (text->str, "\"state\"");
    g_string_insert (text, at - text->str, "\"state\": \"draft\",\n");
    assert_not_summary (text->str, text->len, PC_VERIFY_ERROR_NOT_SUMMARY);
  }

  /* 100,000 levels deep. */
  {
    gsize depth = 100000;
    g_autofree char *deep = g_malloc (2 * depth);

    memset (deep, '[', depth);
    memset (deep + depth, ']', depth);
    assert_not_summary (deep, 2 * depth, PC_VERIFY_ERROR_NOT_SUMMARY);

    for (gsize i = 0; i < depth; i++)
      deep[i] = i % 2 == 0 ? '{' : '[';
    assert_not_summary (deep, depth, PC_VERIFY_ERROR_NOT_SUMMARY);
  }

  /* Wrong shapes of a real file: problems with paths. */
  {
    g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
    g_autoptr(PcVerifyResult) result = NULL;

    replace (document, "", "content", cJSON_CreateArray ());
    replace (document, "", "signoffs", cJSON_CreateString ("none"));
    result = verify_document (document, NULL);
    assert_problem (result, "content is not a group of fields (a JSON object)");
    assert_problem (result, "signoffs is not a list (a JSON array)");
  }
  {
    g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
    g_autoptr(PcVerifyResult) result = NULL;
    cJSON *signoffs = item_at (document, "signoffs");

    cJSON_AddItemToArray (signoffs, cJSON_CreateNumber (3));
    cJSON_AddItemToArray (signoffs, cJSON_CreateObject ());
    replace (document, "content/header", "revision", cJSON_CreateNumber (1.5));
    result = verify_document (document, NULL);
    assert_problem (result, "signoffs[2] is not a sign-off");
    assert_problem (result, "content.header.revision is not a whole number from 1 to 2147483647");
    assert_problem (result, "The content cannot be put in the form that signatures cover");
    g_assert_cmpuint (result->signoffs->len, ==, 4);
    g_assert_false (signoff_at (result, 3)->good);
    g_assert_nonnull (signoff_at (result, 3)->problem);
  }
}

/* Huge values stay linear, and messages stay short. */
static void
test_huge (void)
{
  gsize big = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (big + 1);

  ensure_exports ();
  memset (huge, 'x', big);
  huge[big] = '\0';

  /* A 10 MB title. */
  {
    g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
    g_autoptr(PcVerifyResult) result = NULL;

    set_string (document, "content/header", "title", huge);
    result = verify_document (document, NULL);
    assert_problem (result, "the content has been changed since Ann Lee signed it");
  }

  /* A 10 MB name, key and signature. */
  {
    g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
    g_autoptr(PcVerifyResult) result = NULL;

    set_string (document, "signoffs/0", "name", huge);
    set_string (document, "signoffs/1", "signature", huge);
    cJSON_AddStringToObject (item_at (document, "signoffs/1"), huge, "x");
    result = verify_document (document, NULL);
    g_assert_false (result->ok);
    for (guint i = 0; i < result->problems->len; i++)
      g_assert_cmpuint (strlen (g_ptr_array_index (result->problems, i)), <, 1000);
    assert_problem (result, "signoffs[1].signature is not a minisign signature");
  }

  /* A 10 MB string in a file that is not JSON. */
  {
    g_autoptr(GString) text = g_string_new ("{\"format\":\"principle-check-summary\",\"format_version\":1,\"x\":\"");

    g_string_append_len (text, huge, (gssize) big);
    assert_not_summary (text->str, text->len, PC_VERIFY_ERROR_NOT_SUMMARY);
    g_string_append (text, "\"}");
    assert_refused (text->str, text->len);
  }

  /* Thousands of sign-offs: only the first few are checked. */
  {
    g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
    g_autoptr(PcVerifyResult) result = NULL;
    cJSON *signoffs = item_at (document, "signoffs");

    for (guint i = 0; i < 5000; i++)
      cJSON_AddItemToArray (signoffs, cJSON_Duplicate (item_at (document, "signoffs/1"), TRUE));
    result = verify_document (document, NULL);
    assert_problem (result, "The file carries 5002 sign-offs");
    assert_problem (result, "… and 4992 more problems with the order of the sign-offs");
    g_assert_cmpuint (result->problems->len, <, 20);
    g_assert_cmpuint (result->signoffs->len, ==, 5002);
    g_assert_false (signoff_at (result, 5001)->good);
  }
}

/* minisign checks every signature */

static void
test_minisign (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *message = NULL;
  g_autofree char *changed = NULL;
  gsize len = 0;
  guint index = 0;

  if (!g_file_test (MINISIGN, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("minisign is not installed at " MINISIGN);
      return;
    }

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);

  dir = pc_test_make_tmp_dir ();
  message = write_tmp (dir, "content.json", canonical, (gssize) len);
  canonical[len / 2] = canonical[len / 2] == 'a' ? 'b' : 'a';
  changed = write_tmp (dir, "changed.json", canonical, (gssize) len);

  for (const cJSON *s = item_at (document, "signoffs")->child; s != NULL; s = s->next, index++)
    {
      g_autofree char *pub_name = g_strdup_printf ("signer-%u.pub", index);
      g_autofree char *sig_name = g_strdup_printf ("content-%u.minisig", index);
      g_autofree char *pub = write_tmp (dir, pub_name, pc_json_get_string (s, "public_key"), -1);
      g_autofree char *sig = write_tmp (dir, sig_name, pc_json_get_string (s, "signature"), -1);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *expected = g_strdup_printf ("\"name\":\"%s\"", pc_json_get_string (s, "name"));
      const char *good_argv[] = { MINISIGN, "-V", "-p", pub, "-m", message, "-x", sig, NULL };
      const char *bad_argv[] = { MINISIGN, "-V", "-p", pub, "-m", changed, "-x", sig, NULL };
      int status = 0;

      g_spawn_sync (NULL, (char **) good_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_test_message ("minisign: %s%s", out, err);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "Trusted comment: "));
      g_assert_nonnull (strstr (out, expected));
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      g_spawn_sync (NULL, (char **) bad_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
    }
  g_assert_cmpuint (index, ==, 2);
}

/* Trusted keys */

static PcTrustedKeys *
load_trusted (const char *dir,
              const char *contents)
{
  g_autofree char *path = write_tmp (dir, "trusted.txt", contents, -1);
  g_autoptr(GError) error = NULL;
  PcTrustedKeys *keys = pc_trusted_keys_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (keys);

  return keys;
}

static void
assert_trusted_error (const char *dir,
                      const char *contents,
                      const char *expected)
{
  g_autofree char *path = write_tmp (dir, "bad-trusted.txt", contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcTrustedKeys) keys = pc_trusted_keys_load (path, &error);

  g_assert_null (keys);
  g_assert_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS);
  pc_test_assert_one_line (error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_trusted (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(cJSON) document = NULL;
  g_autofree char *author_key = NULL;
  g_autofree char *reviewer_key = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  author_key = public_key_line (document, 0);
  reviewer_key = public_key_line (document, 1);

  /* Both listed, names compared as people's names are. */
  {
    g_autofree char *text = g_strdup_printf ("# Signers of the committee\n\n"
                                             "ann  LEE\t%s\r\n"
                                             "  Raj Patel \t %s\n",
                                             author_key, reviewer_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    g_assert_true (result->ok);
  }

  /* Ann Lee listed with Raj Patel's key. */
  {
    g_autofree char *text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n",
                                             reviewer_key, reviewer_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    assert_problem (result, "the key that signed as Ann Lee is not the one trusted for Ann Lee");
    g_assert_false (signoff_at (result, 0)->good);
    g_assert_true (signoff_at (result, 1)->good);
  }

  /* Raj Patel not listed at all. */
  {
    g_autofree char *text = g_strdup_printf ("Ann Lee\t%s\n", author_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    assert_problem (result, "no key is trusted for Raj Patel");
    g_assert_true (signoff_at (result, 0)->good);
    g_assert_false (signoff_at (result, 1)->good);
  }

  /* Malformed files say which line. */
  {
    g_autofree char *no_tab = g_strdup_printf ("Ann Lee\t%s\nRaj Patel %s\n", author_key, reviewer_key);
    g_autofree char *no_name = g_strdup_printf ("\t%s\n", author_key);
    g_autofree char *missing = g_build_filename (dir, "no-such-file.txt", NULL);
    g_autoptr(GError) error = NULL;

    assert_trusted_error (dir, no_tab, "Line 2 of the trusted keys file");
    assert_trusted_error (dir, no_tab, "has no tab");
    assert_trusted_error (dir, no_name, "has no name before the tab");
    assert_trusted_error (dir, "# nobody\n\nAnn Lee\tRWnot-a-key\n", "Line 3");
    assert_trusted_error (dir, "# nobody\n\nAnn Lee\tRWnot-a-key\n", "does not give a minisign public key for Ann Lee");
    assert_trusted_error (dir, "# nobody yet\n", "lists no keys");
    assert_trusted_error (dir, "Ann Lee\t\xff\n", "not UTF-8");

    g_assert_null (pc_trusted_keys_load (missing, &error));
    g_assert_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS);
    pc_test_assert_one_line (error->message);
  }
}

/* Someone re-signs the content with a key of their own made in Ann
 * Lee's name: the file holds together, and only the trusted keys tell. */
static void
test_forged (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(PcSigningKey) forger = pc_test_signing_key_new (AUTHOR, AUTHOR_ROLE);
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcVerifyResult) untrusted = NULL;
  g_autoptr(PcVerifyResult) trusted = NULL;
  g_autoptr(PcTrustedKeys) keys = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *genuine = NULL;
  g_autofree char *text = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *reviewer = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  genuine = public_key_line (document, 0);
  reviewer = public_key_line (document, 1);
  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);

  lines = g_strsplit (get_string (document, "signoffs/0", "signature"), "\n", -1);
  comment = g_strdup (lines[2] + strlen ("trusted comment: "));
  signature = pc_signing_key_sign (forger, (const guint8 *) canonical, len, comment, &error);
  g_assert_no_error (error);
  set_string (document, "signoffs/0", "signature", signature);
  set_string (document, "signoffs/0", "public_key", pc_signing_key_get_public_key (forger));
  set_string (document, "signoffs/0", "key_id", pc_signing_key_get_key_id (forger));

  untrusted = verify_document (document, NULL);
  g_assert_true (untrusted->ok);

  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", genuine, reviewer);
  keys = load_trusted (dir, text);
  trusted = verify_document (document, keys);
  assert_problem (trusted, "the key that signed as Ann Lee is not the one trusted for Ann Lee");
}

/* A key made to pass for the reviewer's: a fresh key pair carrying Raj
 * Patel's name, role and key id re-signs the decision. Everything holds
 * together, so only the fingerprint and the trusted keys tell. Returns:
 * (transfer full): the forged summary */
static cJSON *
forge_decision (char **out_forged_fingerprint)
{
  g_autoptr(PcSigningKey) forger = pc_test_signing_key_new (REVIEWER, REVIEWER_ROLE);
  g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *genuine_line = public_key_line (document, 1);
  g_autofree guint8 *blob = NULL;
  g_auto(GStrv) lines = NULL;
  gsize blob_len = 0;
  gsize len = 0;

  /* The genuine key's id, written into the forger's key. */
  blob = g_base64_decode (genuine_line, &blob_len);
  g_assert_cmpuint (blob_len, ==, 2 + KEY_ID_BYTES + 32);
  memcpy (forger->key_id, blob + 2, KEY_ID_BYTES);
  g_free (forger->key_id_hex);
  forger->key_id_hex = _pc_minisign_key_id_to_hex (forger->key_id);
  g_free (forger->public_key_text);
  forger->public_key_text = _pc_minisign_public_key_text (forger->key_id, forger->public_key);
  g_assert_cmpstr (pc_signing_key_get_key_id (forger), ==, get_string (document, "signoffs/1", "key_id"));

  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);
  lines = g_strsplit (get_string (document, "signoffs/1", "signature"), "\n", -1);
  comment = g_strdup (lines[2] + strlen ("trusted comment: "));
  signature = pc_signing_key_sign (forger, (const guint8 *) canonical, len, comment, &error);
  g_assert_no_error (error);
  set_string (document, "signoffs/1", "signature", signature);
  set_string (document, "signoffs/1", "public_key", pc_signing_key_get_public_key (forger));

  *out_forged_fingerprint = g_strdup (pc_signing_key_get_fingerprint (forger));
  return g_steal_pointer (&document);
}

static void
test_forged_decision (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *forged_fingerprint = NULL;
  g_autoptr(cJSON) genuine_document = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) genuine = NULL;
  g_autoptr(PcVerifyResult) untrusted = NULL;
  g_autoptr(PcVerifyResult) trusted = NULL;
  g_autoptr(PcTrustedKeys) keys = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reviewer = NULL;

  ensure_exports ();
  genuine_document = pc_test_parse_json_bytes (approved_export);
  genuine = verify_document (genuine_document, NULL);
  author = public_key_line (genuine_document, 0);
  reviewer = public_key_line (genuine_document, 1);
  document = forge_decision (&forged_fingerprint);

  /* The same name, role and key id; not the same fingerprint. */
  untrusted = verify_document (document, NULL);
  g_assert_true (untrusted->ok);
  g_assert_cmpstr (signoff_at (untrusted, 1)->key_id, ==, signoff_at (genuine, 1)->key_id);
  g_assert_cmpstr (signoff_at (untrusted, 1)->fingerprint, ==, forged_fingerprint);
  g_assert_cmpstr (signoff_at (untrusted, 1)->fingerprint, !=, signoff_at (genuine, 1)->fingerprint);
  g_assert_cmpstr (signoff_at (untrusted, 0)->fingerprint, ==, signoff_at (genuine, 0)->fingerprint);

  /* The trusted keys refuse it, saying which key signed. */
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", author, reviewer);
  keys = load_trusted (dir, text);
  trusted = verify_document (document, keys);
  g_assert_false (trusted->ok);
  g_assert_true (signoff_at (trusted, 0)->good);
  g_assert_false (signoff_at (trusted, 1)->good);
  assert_problem (trusted, "the key that signed as Raj Patel is not the one trusted for Raj Patel");
  g_assert_nonnull (strstr (signoff_at (trusted, 1)->problem, forged_fingerprint));
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_cli (CliRun             *run,
         const char * const *args)
{
  cli_run_clear (run);
  run->status = pc_test_run_cli_argv (NULL, args, &run->out, &run->err);
}

static void
assert_error_line (const CliRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "principle-check verify: "));
  pc_test_assert_printed_line (run->err, NULL);
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *not_json = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *wrong_keys = NULL;
  g_autofree char *bad_keys = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author_key = NULL;
  g_autofree char *reviewer_key = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *forged_fingerprint = NULL;
  g_autofree char *author_line = NULL;
  g_autofree char *reviewer_line = NULL;
  g_autoptr(cJSON) document = NULL;
  g_auto(CliRun) run = { 0 };
  gsize len = 0;
  const char *data;

  if (!pc_test_have_cli ())
    return;

  ensure_exports ();
  dir = pc_test_make_tmp_dir ();
  data = g_bytes_get_data (approved_export, &len);
  good = write_tmp (dir, "summary.json", data, (gssize) len);
  document = pc_test_parse_json_bytes (approved_export);
  author_key = public_key_line (document, 0);
  reviewer_key = public_key_line (document, 1);
  mutate_name (document);
  text = cJSON_Print (document);
  tampered = write_tmp (dir, "tampered.json", text, -1);
  cJSON_free (g_steal_pointer (&text));
  data = g_bytes_get_data (returned_draft_export, &len);
  draft = write_tmp (dir, "draft.json", data, (gssize) len);
  not_json = write_tmp (dir, "notes.txt", "Minutes of the meeting\n", -1);
  v2 = write_tmp (dir, "v3.json", "{\"format\": \"principle-check-summary\", \"format_version\": 3}", -1);
  missing = g_build_filename (dir, "no-such-file.json", NULL);
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", author_key, reviewer_key);
  keys = write_tmp (dir, "keys.txt", text, -1);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", reviewer_key, reviewer_key);
  wrong_keys = write_tmp (dir, "wrong-keys.txt", text, -1);
  bad_keys = write_tmp (dir, "bad-keys.txt", "Ann Lee RWQ\n", -1);
  {
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, NULL);
    g_autoptr(cJSON) forged_document = forge_decision (&forged_fingerprint);

    author_line = g_strdup_printf ("good  prepared  Ann Lee, Service lead — 2026-11-22T10:15:00Z — key %s\n",
                                   signoff_at (result, 0)->fingerprint);
    reviewer_line = g_strdup_printf ("\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key %s\n",
                                     signoff_at (result, 1)->fingerprint);
    g_clear_pointer (&text, g_free);
    text = cJSON_Print (forged_document);
    forged = write_tmp (dir, "forged.json", text, -1);
    cJSON_free (g_steal_pointer (&text));
  }

  {
    const char *args[] = { "verify", good, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, "good  prepared  Ann Lee, Service lead — 2026-11-22T10:15:00Z — key "));
    g_assert_nonnull (strstr (run.out, "\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key "));
    g_assert_nonnull (strstr (run.out, "\nVerified: PC-"));
    g_assert_nonnull (strstr (run.out, " revision 1, “" TITLE "”, approved; the content has not changed since it was signed (SHA-256 "));
    /* Keys are shown by fingerprint, and nothing has said whose they are. */
    g_assert_nonnull (strstr (run.out, author_line));
    g_assert_nonnull (strstr (run.out, reviewer_line));
    g_assert_true (g_str_has_suffix (run.out, "\n" UNCONFIRMED "\n"));
  }

  {
    const char *args[] = { "verify", tampered, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, "BAD   prepared  Ann Leigh, Service lead"));
    g_assert_nonnull (strstr (run.out, ": signoffs[0].name has been altered"));
    g_assert_nonnull (strstr (run.out, "\nNOT VERIFIED: "));
  }

  {
    const char *args[] = { "verify", draft, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Verified, but NOT SIGNED: "));
  }

  {
    const char *args[] = { "verify", good, "--trusted", keys, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, reviewer_line));
    g_assert_null (strstr (run.out, UNCONFIRMED));
  }

  /* A decision re-signed by a fresh key carrying the reviewer's name,
   * role and key id: intact, so exit 0, but shown with its own
   * fingerprint and as unconfirmed; refused against the trusted keys. */
  {
    const char *args[] = { "verify", forged, NULL };
    const char *trusted_args[] = { "verify", forged, "--trusted", keys, NULL };
    g_autofree char *forged_line = g_strdup_printf ("\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key %s\n",
                                                    forged_fingerprint);

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, forged_line));
    g_assert_null (strstr (run.out, reviewer_line));
    g_assert_nonnull (strstr (run.out, UNCONFIRMED));

    run_cli (&run, trusted_args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "the key that signed as Raj Patel is not the one trusted for Raj Patel"));
    g_assert_nonnull (strstr (run.out, forged_fingerprint));
    g_assert_null (strstr (run.out, UNCONFIRMED));
  }

  {
    const char *args[] = { "verify", good, "--trusted", wrong_keys, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "the key that signed as Ann Lee is not the one trusted for Ann Lee"));
  }

  {
    const char *args[] = { "verify", good, "--trusted", bad_keys, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "Line 1"));
  }

  {
    const char *args[] = { "verify", not_json, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "is not a Principle Check summary"));
  }

  {
    const char *args[] = { "verify", v2, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "format version 3"));
  }

  {
    const char *args[] = { "verify", missing, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }

  {
    const char *args[] = { "verify", NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }

  {
    const char *args[] = { "verify", good, tampered, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/verify/approved", test_approved);
  g_test_add_func ("/pc/verify/returned-round", test_returned_round);
  g_test_add_func ("/pc/verify/draft", test_draft);
  for (guint i = 0; i < G_N_ELEMENTS (tamper_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pc/verify/tamper/%s", tamper_cases[i].name);

      g_test_add_data_func (path, &tamper_cases[i], test_tamper);
    }
  g_test_add_func ("/pc/verify/tamper/conditions", test_tamper_conditions);
  g_test_add_func ("/pc/verify/layout", test_layout);
  g_test_add_func ("/pc/verify/layout-many", test_layout_many);
  g_test_add_func ("/pc/verify/bad-input", test_bad_input);
  g_test_add_func ("/pc/verify/huge", test_huge);
  g_test_add_func ("/pc/verify/minisign", test_minisign);
  g_test_add_func ("/pc/verify/trusted", test_trusted);
  g_test_add_func ("/pc/verify/forged", test_forged);
  g_test_add_func ("/pc/verify/forged-decision", test_forged_decision);
  g_test_add_func ("/pc/verify/impossible-dates", test_impossible_dates);
  g_test_add_func ("/pc/verify/cli", test_cli);

  status = g_test_run ();

  g_clear_pointer (&approved_export, g_bytes_unref);
  g_clear_pointer (&returned_round_export, g_bytes_unref);
  g_clear_pointer (&returned_draft_export, g_bytes_unref);

  return status;
}
