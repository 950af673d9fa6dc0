/* test-verify-input.c: verifying a summary: bad and huge input gives
 * errors or problems, one line each, never a crash
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

#include "pc-test-utils.h"
#include "test-verify-common.h"

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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/verify/bad-input", test_bad_input);
  g_test_add_func ("/pc/verify/huge", test_huge);

  status = g_test_run ();
  free_exports ();

  return status;
}
