/* test-checklist.c: loading checklists, and the strict JSON under them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-test-utils.h"

#include <string.h>

static const char * const default_titles[] = {
  "People at the heart",
  "Whole person care",
  "Kindness matters",
  "Accessible and flexible, recovery-focused and inclusive",
  "Providing safety",
  "Addressing inequalities",
  "Open, honest, trustworthy and transparent",
  "Best evidence and outcome focused",
  "Relationship focused",
  "Collaborative and co-produced",
};

static gboolean
is_blank (const char *text)
{
  g_autofree char *copy = g_strdup (text);

  return g_strstrip (copy)[0] == '\0';
}

/* The built-in checklist is the Trust's ten principles, in order, each
 * with three to six prompts a team can answer. */
static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default (&error);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  g_assert_cmpstr (pc_checklist_get_id (checklist), ==, "beh-clinical-principles");
  g_assert_cmpint (pc_checklist_get_version (checklist), >=, 1);
  g_assert_false (is_blank (pc_checklist_get_title (checklist)));
  g_assert_nonnull (pc_checklist_get_source (checklist));

  g_assert_cmpuint (pc_checklist_get_n_principles (checklist), ==, G_N_ELEMENTS (default_titles));
  for (guint i = 0; i < G_N_ELEMENTS (default_titles); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      g_assert_cmpstr (principle->title, ==, default_titles[i]);
      g_assert_false (is_blank (principle->description));
      g_assert_cmpuint (principle->prompts->len, >=, 3);
      g_assert_cmpuint (principle->prompts->len, <=, 6);
      g_assert_true (g_hash_table_add (ids, principle->id));

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          g_autofree char *expected_id = g_strdup_printf ("%s-%u", principle->id, j + 1);
          const PcPrinciple *found_in = NULL;

          /* Prompt ids follow <principle id>-N, so they read well in
           * exports and stay unique. */
          g_assert_cmpstr (prompt->id, ==, expected_id);
          g_assert_true (g_hash_table_add (ids, prompt->id));
          g_assert_false (is_blank (prompt->question));
          g_assert_nonnull (prompt->guidance);
          g_assert_false (is_blank (prompt->guidance));
          g_assert_nonnull (prompt->refs);

          g_assert_true (pc_checklist_find_prompt (checklist, prompt->id, &found_in) == prompt);
          g_assert_true (found_in == principle);
          total++;
        }
    }

  g_assert_cmpuint (pc_checklist_get_n_prompts (checklist), ==, total);
}

/* The recorded digest is of the exact bytes built into the program. */
static void
test_default_sha256 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_checklist_new_default (&error);
  g_autoptr(GBytes) resource = NULL;
  g_autofree char *expected = NULL;
  const char *sha256;

  g_assert_no_error (error);
  resource = g_resources_lookup_data ("/uk/nhs/beh/PrincipleCheck/checklists/beh-clinical-principles.json",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, resource);
  sha256 = pc_checklist_get_sha256 (checklist);
  g_assert_cmpstr (sha256, ==, expected);
  g_assert_cmpuint (strlen (sha256), ==, 64);
  for (const char *p = sha256; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));

  g_assert_true (g_bytes_equal (pc_checklist_get_bytes (checklist), resource));
}

/* Another framework's checklist, with other ids and other counts, is
 * handled the same way: nothing assumes ten principles. */
static void
test_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small-checklist.json", NULL);
  g_autoptr(PcChecklist) checklist = pc_checklist_new_from_file (path, &error);
  g_autofree char *contents = NULL;
  g_autofree char *expected_sha256 = NULL;
  gsize len;
  static const guint counts[] = { 1, 4, 2 };
  const PcPrinciple *principle;
  const PcPrinciple *found_in = NULL;
  const PcPrompt *prompt;

  g_assert_no_error (error);
  g_assert_nonnull (checklist);

  g_assert_cmpstr (pc_checklist_get_id (checklist), ==, "triangle-of-care-sample");
  g_assert_cmpint (pc_checklist_get_version (checklist), ==, 3);
  g_assert_cmpstr (pc_checklist_get_title (checklist), ==, "Triangle of Care (three standards, for testing)");
  g_assert_null (pc_checklist_get_source (checklist));

  g_assert_cmpuint (pc_checklist_get_n_principles (checklist), ==, G_N_ELEMENTS (counts));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpuint (pc_checklist_get_principle (checklist, i)->prompts->len, ==, counts[i]);
  g_assert_cmpuint (pc_checklist_get_n_prompts (checklist), ==, 7);

  principle = pc_checklist_get_principle (checklist, 1);
  g_assert_cmpstr (principle->id, ==, "tc-2");
  g_assert_cmpstr (principle->title, ==, "Staff are carer aware");

  /* Optional fields: absent guidance is NULL, absent refs are empty. */
  prompt = pc_checklist_find_prompt (checklist, "carer-identified", &found_in);
  g_assert_nonnull (prompt);
  g_assert_cmpstr (found_in->id, ==, "tc-1");
  g_assert_null (prompt->guidance);
  g_assert_nonnull (prompt->refs);
  g_assert_cmpuint (g_strv_length (prompt->refs), ==, 0);

  prompt = pc_checklist_find_prompt (checklist, "carer-feedback", &found_in);
  g_assert_nonnull (prompt);
  g_assert_true (found_in == principle);
  g_assert_cmpstr (prompt->question, ==, "How do carers give feedback on the service?");
  g_assert_cmpstr (prompt->guidance, ==, "A carer survey and its results.");
  g_assert_cmpuint (g_strv_length (prompt->refs), ==, 2);
  g_assert_cmpstr (prompt->refs[1], ==, "CQC quality statement: Listening to and involving people");

  /* The default checklist's ids mean nothing here. */
  found_in = principle;
  g_assert_null (pc_checklist_find_prompt (checklist, "people-at-the-heart-1", &found_in));
  g_assert_null (found_in);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  expected_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (pc_checklist_get_sha256 (checklist), ==, expected_sha256);
}

/* Loading from bytes keeps a reference to those exact bytes, and the
 * checklist lives as long as any reference to it. */
static void
test_bytes_and_refs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small-checklist.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PcChecklist *checklist;
  PcChecklist *second;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  bytes = g_bytes_new (contents, len);

  checklist = pc_checklist_new_from_bytes (bytes, "small", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (pc_checklist_get_bytes (checklist), bytes));

  second = pc_checklist_ref (checklist);
  g_assert_true (second == checklist);
  pc_checklist_unref (checklist);
  g_assert_cmpstr (pc_checklist_get_principle (second, 2)->id, ==, "tc-3");
  pc_checklist_unref (second);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "no-such-checklist.json", NULL);

  checklist = pc_checklist_new_from_file (path, &error);
  g_assert_null (checklist);
  g_assert_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-checklist.json"));
  pc_test_assert_one_line (error->message);
}

static PcChecklist *
load_with_principle_id (const char  *id,
                        GError     **error)
{
  g_autofree char *json = g_strdup_printf ("{\"format\": \"principle-check-checklist\", \"format_version\": 1,"
                                           " \"id\": \"ids\", \"version\": 1, \"title\": \"Ids\","
                                           " \"principles\": [{\"id\": \"%s\", \"title\": \"T\","
                                           " \"description\": \"D\", \"prompts\": [{\"id\": \"p\", \"question\": \"Q?\"}]}]}",
                                           id);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return pc_checklist_new_from_bytes (bytes, "ids.json", error);
}

/* Ids are lower-case letters and digits in groups joined by single
 * hyphens; anything else is refused before it reaches an export. */
static void
test_ids (void)
{
  static const char * const good[] = { "a", "a-1", "1-2-3", "people-at-the-heart" };
  static const char * const bad[] = { "-a", "a-", "a--b", "A", "a b", "a_b", "caf\u00e9", "a.b" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PcChecklist) checklist = load_with_principle_id (good[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (pc_checklist_get_principle (checklist, 0)->id, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PcChecklist) checklist = load_with_principle_id (bad[i], &error);

      g_assert_null (checklist);
      g_assert_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_INVALID_VALUE);
      g_assert_true (g_str_has_prefix (error->message, "ids.json: principles[0].id: "));
      pc_test_assert_one_line (error->message);
    }
}

typedef struct
{
  const char       *file;
  PcChecklistError  code;
  const char       *expected[3];  /* substrings of the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-json", PC_CHECKLIST_ERROR_PARSE,
    { "line 5, column 3 (offset 90)", "not valid JSON" } },
  { "empty", PC_CHECKLIST_ERROR_PARSE,
    { "offset 0", "empty" } },
  { "control-character", PC_CHECKLIST_ERROR_PARSE,
    { "line 6, column 16 (offset 120)", "control character" } },
  { "too-deep", PC_CHECKLIST_ERROR_PARSE,
    { "line 12, column 79 (offset 319)", "nested more than 64 levels" } },
  { "trailing-data", PC_CHECKLIST_ERROR_TRAILING_DATA,
    { "line 56, column 1 (offset 1149)", "after the end" } },
  { "invalid-utf8", PC_CHECKLIST_ERROR_INVALID_UTF8,
    { "(offset 588)", "UTF-8" } },
  { "lone-surrogate", PC_CHECKLIST_ERROR_INVALID_UTF8,
    { "line 41, column 19 (offset 859)", "surrogate" } },
  { "duplicate-key", PC_CHECKLIST_ERROR_DUPLICATE_KEY,
    { "principles[1].prompts[0]: ", "\"question\"", "more than once" } },
  { "missing-field", PC_CHECKLIST_ERROR_MISSING_FIELD,
    { "principles[2].prompts[1]: missing \"id\"", "every prompt needs a unique id" } },
  { "missing-description", PC_CHECKLIST_ERROR_MISSING_FIELD,
    { "principles[0]: missing \"description\"" } },
  { "wrong-type", PC_CHECKLIST_ERROR_WRONG_TYPE,
    { "principles[0].prompts[1].refs[1]: must be a string, not 7" } },
  { "top-level-array", PC_CHECKLIST_ERROR_WRONG_TYPE,
    { "top level: must be an object" } },
  { "empty-title", PC_CHECKLIST_ERROR_INVALID_VALUE,
    { "principles[1].title: must not be empty" } },
  { "malformed-id", PC_CHECKLIST_ERROR_INVALID_VALUE,
    { "principles[2].prompts[0].id: \"Third_1\" is not a valid id" } },
  { "version-zero", PC_CHECKLIST_ERROR_INVALID_VALUE,
    { "version: must be 1 or more, not 0" } },
  { "duplicate-principle-id", PC_CHECKLIST_ERROR_DUPLICATE_ID,
    { "principles[2].id: \"first\" is already the id of principles[0]" } },
  { "duplicate-prompt-id", PC_CHECKLIST_ERROR_DUPLICATE_ID,
    { "principles[2].prompts[1].id: \"first-2\" is already the id of principles[0].prompts[1]" } },
  { "no-principles", PC_CHECKLIST_ERROR_NO_PRINCIPLES,
    { "principles: the list is empty" } },
  { "no-prompts", PC_CHECKLIST_ERROR_NO_PROMPTS,
    { "principles[1].prompts: the list is empty" } },
  { "unknown-format", PC_CHECKLIST_ERROR_UNKNOWN_FORMAT,
    { "format: \"principle-check-summary\"", "\"principle-check-checklist\"" } },
  { "unsupported-format-version", PC_CHECKLIST_ERROR_UNSUPPORTED_VERSION,
    { "format_version: 2 is newer than this program reads", "update Principle Check" } },
};

/* Each bad file is refused with its own code, and the one-line message
 * starts with the file name and points at the problem. */
static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autofree char *file = g_strconcat (bad->file, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", file, NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);

  checklist = pc_checklist_new_from_file (path, &error);
  g_assert_null (checklist);
  g_assert_error (error, PC_CHECKLIST_ERROR, (int) bad->code);
  g_test_message ("%s", error->message);

  g_assert_true (g_str_has_prefix (error->message, prefix));
  for (guint i = 0; i < G_N_ELEMENTS (bad->expected) && bad->expected[i] != NULL; i++)
    {
      if (strstr (error->message, bad->expected[i]) == NULL)
        g_error ("\"%s\" does not contain \"%s\"", error->message, bad->expected[i]);
    }
  pc_test_assert_one_line (error->message);
}

/* Every checklist error code except IO (tested above) has a fixture. */
static void
test_bad_covers_codes (void)
{
  for (int code = PC_CHECKLIST_ERROR_PARSE; code < PC_CHECKLIST_ERROR_IO; code++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
        found |= (int) bad_cases[i].code == code;

      if (!found)
        g_error ("no bad fixture for PcChecklistError %d", code);
    }
}

static void
assert_json_error (const char  *json,
                   gssize       len,
                   int          code,
                   const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(cJSON) root = pc_json_parse_strict (json, len < 0 ? strlen (json) : (gsize) len, &error);

  g_assert_null (root);
  g_assert_error (error, PC_JSON_ERROR, code);
  if (expected != NULL && strstr (error->message, expected) == NULL)
    g_error ("\"%s\" does not contain \"%s\"", error->message, expected);
  pc_test_assert_one_line (error->message);
}

static cJSON *
parse_ok (const char *json,
          gsize       len)
{
  g_autoptr(GError) error = NULL;
  cJSON *root = pc_json_parse_strict (json, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  return root;
}

static char *
nested_arrays (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');

  return g_string_free (s, FALSE);
}

/* Nesting up to the limit is read; one level more is refused at the
 * bracket that goes too deep, and very deep input does not crash. */
static void
test_json_depth (void)
{
  g_autofree char *at_limit = nested_arrays (PC_JSON_MAX_DEPTH);
  g_autofree char *over_limit = nested_arrays (PC_JSON_MAX_DEPTH + 1);
  g_autofree char *huge = nested_arrays (1000000);
  g_autofree char *expected = g_strdup_printf ("(offset %d)", PC_JSON_MAX_DEPTH);
  g_autoptr(cJSON) root = parse_ok (at_limit, strlen (at_limit));

  g_assert_true (cJSON_IsArray (root));
  assert_json_error (over_limit, -1, PC_JSON_ERROR_TOO_DEEP, expected);
  assert_json_error (huge, -1, PC_JSON_ERROR_TOO_DEEP, expected);
}

/* A \u escape that makes half a surrogate pair is not a character. */
static void
test_json_surrogates (void)
{
  g_autoptr(cJSON) pair = parse_ok ("[\"\\ud83d\\ude00\"]", 16);

  assert_json_error ("[\"\\ud800\"]", -1, PC_JSON_ERROR_INVALID_UTF8, "(offset 2)");
  assert_json_error ("[\"ab\\udc00\"]", -1, PC_JSON_ERROR_INVALID_UTF8, "(offset 4)");
  assert_json_error ("[\"\\ud800\\u0041\"]", -1, PC_JSON_ERROR_INVALID_UTF8, "surrogate");
  assert_json_error ("{\"\\udfff\": 1}", -1, PC_JSON_ERROR_INVALID_UTF8, "surrogate");

  g_assert_cmpstr (cJSON_GetArrayItem (pair, 0)->valuestring, ==, "\xF0\x9F\x98\x80");
}

static void
test_json_invalid_utf8 (void)
{
  assert_json_error ("[\"\xff\"]", -1, PC_JSON_ERROR_INVALID_UTF8, "line 1, column 3 (offset 2)");
  assert_json_error ("{\"caf\xc3\xa9\": \"\xc0\xaf\"}", -1, PC_JSON_ERROR_INVALID_UTF8, "line 1, column 11 (offset 11)");
  assert_json_error ("[\"\xed\xa0\x80\"]", -1, PC_JSON_ERROR_INVALID_UTF8, "(offset 2)");
}

/* A key twice in one object is refused with the path of that object. */
static void
test_json_duplicate_key (void)
{
  assert_json_error ("{\"principles\": [{}, {}, {}, {\"prompts\": [{\"id\": \"a\", \"question\": \"q\", \"id\": \"b\"}]}]}",
                     -1, PC_JSON_ERROR_DUPLICATE_KEY, "principles[3].prompts[0]: the key \"id\" appears more than once");
  assert_json_error ("{\"a\": 1, \"b\": 2, \"a\": 3}", -1, PC_JSON_ERROR_DUPLICATE_KEY, "top level: the key \"a\"");
  assert_json_error ("{\"x y\": {\"k\\n\": 1, \"k\\n\": 2}}", -1, PC_JSON_ERROR_DUPLICATE_KEY, "[\"x y\"]: the key \"k\\u000a\"");
}

/* The input need not end in NUL, and only white space may follow the
 * value. */
static void
test_json_trailing (void)
{
  const char buffer[] = "{\"a\": [1, 2]}garbage";
  g_autoptr(cJSON) root = parse_ok (buffer, 13);
  g_autoptr(cJSON) spaced = parse_ok (" \t\r\n{}\n\n", 8);
  g_autoptr(cJSON) scalar = parse_ok ("42", 2);

  g_assert_true (cJSON_IsObject (spaced));
  g_assert_cmpfloat (scalar->valuedouble, ==, 42);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (root, "a")), ==, 2);

  assert_json_error (buffer, -1, PC_JSON_ERROR_TRAILING_DATA, "(offset 13)");
  assert_json_error ("{} {}", -1, PC_JSON_ERROR_TRAILING_DATA, "(offset 3)");
  assert_json_error ("truex", -1, PC_JSON_ERROR_TRAILING_DATA, "(offset 4)");
  assert_json_error ("{}\x01", -1, PC_JSON_ERROR_TRAILING_DATA, "(offset 2)");
  assert_json_error ("[1]\0 ", 5, PC_JSON_ERROR_TRAILING_DATA, "(offset 3)");
}

/* What cJSON alone would accept but JSON does not. */
static void
test_json_strict_syntax (void)
{
  assert_json_error ("", 0, PC_JSON_ERROR_PARSE, "(offset 0)");
  assert_json_error (" \n ", -1, PC_JSON_ERROR_PARSE, "empty");
  assert_json_error ("[01]", -1, PC_JSON_ERROR_PARSE, "(offset 1)");
  assert_json_error ("[1.]", -1, PC_JSON_ERROR_PARSE, "malformed number");
  assert_json_error ("[-]", -1, PC_JSON_ERROR_PARSE, "malformed number");
  assert_json_error ("[1e]", -1, PC_JSON_ERROR_PARSE, "malformed number");
  assert_json_error ("[\"a\tb\"]", -1, PC_JSON_ERROR_PARSE, "(offset 3)");
  assert_json_error ("[\"a\\u0000b\"]", -1, PC_JSON_ERROR_PARSE, "\\u0000");
  /* cJSON alone reads a bad \u escape as U+0000 and cuts the string. */
  assert_json_error ("[\"a\\u0ge9b\"]", -1, PC_JSON_ERROR_PARSE, "(offset 3)");
  assert_json_error ("[\"\\u12\"]", -1, PC_JSON_ERROR_PARSE, "four hexadecimal digits");
  assert_json_error ("[1,\x01 2]", -1, PC_JSON_ERROR_PARSE, "(offset 3)");
  assert_json_error ("[1,\0 2]", 6, PC_JSON_ERROR_PARSE, "NUL");
  assert_json_error ("\xEF\xBB\xBF{}", -1, PC_JSON_ERROR_PARSE, "byte-order mark");
  assert_json_error ("{\"a\": 1,}", -1, PC_JSON_ERROR_PARSE, "not valid JSON");
  assert_json_error ("{\n  \"a\": tru\n}", -1, PC_JSON_ERROR_PARSE, "line 2");
  assert_json_error ("[\"unterminated", -1, PC_JSON_ERROR_PARSE, "offset");

  /* A number cJSON would silently cut short at 63 characters. */
  {
    g_autofree char *digits = g_strnfill (70, '1');
    g_autofree char *json = g_strdup_printf ("[%s]", digits);

    assert_json_error (json, -1, PC_JSON_ERROR_PARSE, "(offset 1)");
  }
}

static void
test_json_getters (void)
{
  const char *json = "{\"n\": 1, \"neg\": -3, \"frac\": 1.5, \"text\": \"1\", \"big\": 1e300, \"s\": \"caf\xc3\xa9\"}";
  g_autoptr(cJSON) root = parse_ok (json, strlen (json));
  g_autoptr(cJSON) built = cJSON_CreateObject ();
  g_autofree char *printed = NULL;
  gint64 value = 0;

  g_assert_true (pc_json_get_int (root, "n", &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (pc_json_get_int (root, "neg", &value));
  g_assert_cmpint (value, ==, -3);
  g_assert_false (pc_json_get_int (root, "frac", &value));
  g_assert_false (pc_json_get_int (root, "text", &value));
  g_assert_false (pc_json_get_int (root, "big", &value));
  g_assert_false (pc_json_get_int (root, "absent", &value));
  g_assert_cmpint (value, ==, -3);

  g_assert_cmpstr (pc_json_get_string (root, "s"), ==, "caf\xc3\xa9");
  g_assert_null (pc_json_get_string (root, "n"));
  g_assert_null (pc_json_get_string (root, "absent"));

  pc_json_add_string_or_null (built, "x", "y");
  pc_json_add_string_or_null (built, "z", NULL);
  printed = cJSON_PrintUnformatted (built);
  g_assert_cmpstr (printed, ==, "{\"x\":\"y\",\"z\":null}");
  cJSON_free (g_steal_pointer (&printed));
}

static void
test_json_quote (void)
{
  g_autofree char *escaped = pc_json_quote ("a\"b\\c\nd\u2028", 0);
  g_autofree char *cut = pc_json_quote ("caf\xc3\xa9 au lait", 4);
  g_autofree char *whole = pc_json_quote ("abc", 3);

  g_assert_cmpstr (escaped, ==, "\"a\\\"b\\\\c\\u000ad\\u2028\"");
  g_assert_cmpstr (cut, ==, "\"caf\xc3\xa9…\"");
  g_assert_cmpstr (whole, ==, "\"abc\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/checklist/default", test_default);
  g_test_add_func ("/pc/checklist/default-sha256", test_default_sha256);
  g_test_add_func ("/pc/checklist/small", test_small);
  g_test_add_func ("/pc/checklist/bytes-and-refs", test_bytes_and_refs);
  g_test_add_func ("/pc/checklist/missing-file", test_missing_file);
  g_test_add_func ("/pc/checklist/ids", test_ids);
  g_test_add_func ("/pc/checklist/bad/covers-every-code", test_bad_covers_codes);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/pc/checklist/bad/", bad_cases[i].file, NULL);

      g_test_add_data_func (test_path, &bad_cases[i], test_bad);
    }

  g_test_add_func ("/pc/checklist/json/depth", test_json_depth);
  g_test_add_func ("/pc/checklist/json/surrogates", test_json_surrogates);
  g_test_add_func ("/pc/checklist/json/invalid-utf8", test_json_invalid_utf8);
  g_test_add_func ("/pc/checklist/json/duplicate-key", test_json_duplicate_key);
  g_test_add_func ("/pc/checklist/json/trailing", test_json_trailing);
  g_test_add_func ("/pc/checklist/json/strict-syntax", test_json_strict_syntax);
  g_test_add_func ("/pc/checklist/json/getters", test_json_getters);
  g_test_add_func ("/pc/checklist/json/quote", test_json_quote);

  return g_test_run ();
}
