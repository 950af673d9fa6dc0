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

#include "pc-canon.h"
#include "pc-test-utils.h"
#include "test-verify-common.h"

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
  g_autoptr(GDateTime) when = pc_test_time_at (10);
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
  g_test_add_func ("/pc/verify/impossible-dates", test_impossible_dates);

  status = g_test_run ();

  free_exports ();

  return status;
}
