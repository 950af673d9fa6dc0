/* test-canon.c: tests of the RFC 8785 canonical form
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-canon.h"

#include "pc-json.h"
#include "pc-test-utils.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Asserts that @value canonicalises to exactly @expected (NUL-terminated),
 * through both entry points. */
static void
assert_canon (const cJSON *value,
              const char  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *canon = NULL;
  g_autofree char *canon_again = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *expected_digest = NULL;
  gsize len = 0;

  canon = pc_canon_serialize (value, &len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (canon);
  g_assert_cmpstr (canon, ==, expected);
  g_assert_cmpuint (len, ==, strlen (expected));

  canon_again = pc_canon_serialize (value, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (canon_again, ==, expected);

  digest = pc_canon_sha256 (value, &error);
  g_assert_no_error (error);
  expected_digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, expected, -1);
  g_assert_cmpstr (digest, ==, expected_digest);
}

/* Asserts that @value is refused with @code and a message that begins
 * with @path and a colon. */
static void
assert_canon_error (const cJSON *value,
                    int          code,
                    const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) sha_error = NULL;
  g_autofree char *canon = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);
  gsize len = 42;

  canon = pc_canon_serialize (value, &len, &error);
  g_assert_error (error, PC_CANON_ERROR, code);
  g_assert_null (canon);
  g_assert_cmpuint (len, ==, 0);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not begin with “%s”", error->message, prefix);

  digest = pc_canon_sha256 (value, &sha_error);
  g_assert_error (sha_error, PC_CANON_ERROR, code);
  g_assert_null (digest);
}

static cJSON *
parse (const char *text)
{
  cJSON *value = cJSON_Parse (text);

  g_assert_nonnull (value);
  return value;
}

/* RFC 8785 §3.2.3: members are sorted by the UTF-16 code units of their
 * keys, so U+1F600 (D83D DE00) comes before U+FB33, although its UTF-8
 * bytes (F0 …) sort after those of U+FB33 (EF …). */
static void
test_rfc8785_sorting (void)
{
  g_autoptr(cJSON) value = parse ("{\n"
                                  "  \"\\u20ac\": \"Euro Sign\",\n"
                                  "  \"\\r\": \"Carriage Return\",\n"
                                  "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                                  "  \"1\": \"One\",\n"
                                  "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                                  "  \"\\u0080\": \"Control\",\n"
                                  "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                                  "}");

  assert_canon (value,
                "{\"\\r\":\"Carriage Return\","
                "\"1\":\"One\","
                "\"\xc2\x80\":\"Control\","
                "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\","
                "\"\xe2\x82\xac\":\"Euro Sign\","
                "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\","
                "\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

/* More keys around the surrogate range: U+D7FF < U+10000 < U+1F600 <
 * U+1F601 < U+10FFFF < U+E000 < U+FFFD in UTF-16 order (U+1F600 and
 * U+1F601 share their first code unit), and a prefix sorts first. */
static void
test_utf16_order (void)
{
  g_autoptr(cJSON) value = cJSON_CreateObject ();

  cJSON_AddNumberToObject (value, "\xef\xbf\xbd", 5);       /* U+FFFD */
  cJSON_AddNumberToObject (value, "\xee\x80\x80", 4);       /* U+E000 */
  cJSON_AddNumberToObject (value, "\xf4\x8f\xbf\xbf", 3);   /* U+10FFFF */
  cJSON_AddNumberToObject (value, "\xf0\x9f\x98\x81", 2);   /* U+1F601 */
  cJSON_AddNumberToObject (value, "\xf0\x9f\x98\x80", 2);   /* U+1F600 */
  cJSON_AddNumberToObject (value, "\xf0\x90\x80\x80", 2);   /* U+10000 */
  cJSON_AddNumberToObject (value, "\xed\x9f\xbf", 1);       /* U+D7FF */
  cJSON_AddNumberToObject (value, "ab", 0);
  cJSON_AddNumberToObject (value, "a", -1);
  cJSON_AddNumberToObject (value, "", -2);
  cJSON_AddNumberToObject (value, "B", -3);

  assert_canon (value,
                "{\"\":-2,\"B\":-3,\"a\":-1,\"ab\":0,"
                "\"\xed\x9f\xbf\":1,"
                "\"\xf0\x90\x80\x80\":2,"
                "\"\xf0\x9f\x98\x80\":2,"
                "\"\xf0\x9f\x98\x81\":2,"
                "\"\xf4\x8f\xbf\xbf\":3,"
                "\"\xee\x80\x80\":4,"
                "\"\xef\xbf\xbd\":5}");
}

/* RFC 8785 §3.2.4, with the numbers given as strings, since the value
 * set has no decimals; the original, with numbers, is refused. */
static void
test_rfc8785_example (void)
{
  g_autoptr(cJSON) value = parse ("{\n"
                                  "  \"numbers\": [\"333333333.3333333\", \"1e+30\", \"4.5\", \"0.002\", \"1e-27\"],\n"
                                  "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                                  "  \"literals\": [null, true, false]\n"
                                  "}");
  g_autoptr(cJSON) original = parse ("{\n"
                                     "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                                     "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                                     "  \"literals\": [null, true, false]\n"
                                     "}");

  assert_canon (value,
                "{\"literals\":[null,true,false],"
                "\"numbers\":[\"333333333.3333333\",\"1e+30\",\"4.5\",\"0.002\",\"1e-27\"],"
                "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  assert_canon_error (original, PC_CANON_ERROR_NUMBER, "numbers[0]");
}

/* Every C0 control, and the characters next to the escaped ones. Only
 * '"', '\\' and U+0000–U+001F are escaped; U+007F, U+2028, U+2029 and
 * '/' are written as they are. (U+0000 cannot be in a cJSON string.) */
static void
test_string_escapes (void)
{
  static const char * const expected_controls[] = {
    NULL, "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
  };

  for (int c = 1; c < 0x20; c++)
    {
      char s[4] = { 'a', (char) c, 'z', '\0' };
      g_autoptr(cJSON) value = cJSON_CreateString (s);
      g_autofree char *expected = g_strdup_printf ("\"a%sz\"", expected_controls[c]);

      assert_canon (value, expected);
    }

  {
    g_autoptr(cJSON) value = cJSON_CreateString ("\"\\/\x7f\xe2\x80\xa8\xe2\x80\xa9 \xc4\x9f\xc5\x82");

    assert_canon (value, "\"\\\"\\\\/\x7f\xe2\x80\xa8\xe2\x80\xa9 \xc4\x9f\xc5\x82\"");
  }

  {
    g_autoptr(cJSON) value = cJSON_CreateObject ();

    cJSON_AddStringToObject (value, "\t\"k\\", "");
    cJSON_AddItemToObject (value, "e", cJSON_CreateArray ());
    cJSON_AddItemToObject (value, "o", cJSON_CreateObject ());
    assert_canon (value, "{\"\\t\\\"k\\\\\":\"\",\"e\":[],\"o\":{}}");
  }
}

static void
test_integers (void)
{
  static const struct
  {
    double      value;
    const char *expected;
  } accepted[] = {
    { 0.0, "0" },
    { -0.0, "0" },
    { 1.0, "1" },
    { -1.0, "-1" },
    { 1e15, "1000000000000000" },
    { 9007199254740991.0, "9007199254740991" },
    { -9007199254740991.0, "-9007199254740991" },
  };
  static const double refused[] = {
    9007199254740992.0, -9007199254740992.0, 1.5, -0.5, 1e-300, 1e300,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(cJSON) value = cJSON_CreateNumber (accepted[i].value);
      g_autoptr(cJSON) array = cJSON_CreateArray ();
      g_autofree char *expected = g_strdup_printf ("[%s]", accepted[i].expected);

      assert_canon (value, accepted[i].expected);
      cJSON_AddItemToArray (array, cJSON_CreateNumber (accepted[i].value));
      assert_canon (array, expected);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(cJSON) value = parse ("{\"a\": [0, {\"b\": 0}]}");
      cJSON *inner = cJSON_GetArrayItem (cJSON_GetObjectItem (value, "a"), 1);

      cJSON_ReplaceItemInObjectCaseSensitive (inner, "b", cJSON_CreateNumber (refused[i]));
      assert_canon_error (value, PC_CANON_ERROR_NUMBER, "a[1].b");
    }

  /* 1e400 overflows to infinity in cJSON's parser; NaN cannot be parsed
   * but can be built. */
  {
    g_autoptr(cJSON) value = parse ("{\"big\": 1e400}");
    g_autoptr(cJSON) nan = cJSON_CreateNumber (NAN);
    g_autoptr(cJSON) inf = cJSON_CreateNumber (-INFINITY);

    assert_canon_error (value, PC_CANON_ERROR_NUMBER, "big");
    assert_canon_error (nan, PC_CANON_ERROR_NUMBER, "(root)");
    assert_canon_error (inf, PC_CANON_ERROR_NUMBER, "(root)");
  }
}

static void
test_invalid_utf8 (void)
{
  /* A lone continuation byte, a truncated sequence, an overlong '/', a
   * UTF-16 surrogate (CESU-8) and a code point above U+10FFFF. */
  static const char * const bad[] = {
    "\x80", "ok\xe2\x82", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(cJSON) string = cJSON_CreateObject ();
      g_autoptr(cJSON) key = cJSON_CreateObject ();
      cJSON *array = cJSON_AddArrayToObject (string, "x");
      cJSON *inner = cJSON_AddObjectToObject (key, "y z");

      cJSON_AddItemToArray (array, cJSON_CreateString ("fine"));
      cJSON_AddItemToArray (array, cJSON_CreateString (bad[i]));
      assert_canon_error (string, PC_CANON_ERROR_INVALID_UTF8, "x[1]");

      cJSON_AddTrueToObject (inner, "fine");
      cJSON_AddTrueToObject (inner, bad[i]);
      assert_canon_error (key, PC_CANON_ERROR_INVALID_UTF8, "[\"y z\"]");
    }
}

static void
test_duplicate_key (void)
{
  g_autoptr(cJSON) value = cJSON_CreateArray ();
  g_autoptr(cJSON) root = cJSON_CreateObject ();
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddItemToObject (object, "b", cJSON_CreateString ("one"));
  cJSON_AddItemToObject (object, "a", cJSON_CreateNull ());
  cJSON_AddItemToObject (object, "b", cJSON_CreateString ("two"));
  cJSON_AddItemToArray (value, object);
  assert_canon_error (value, PC_CANON_ERROR_DUPLICATE_KEY, "[0].b");

  cJSON_AddItemToObject (root, "\xc3\xb6", cJSON_CreateTrue ());
  cJSON_AddItemToObject (root, "\xc3\xb6", cJSON_CreateFalse ());
  assert_canon_error (root, PC_CANON_ERROR_DUPLICATE_KEY, "[\"\xc3\xb6\"]");
}

static void
test_invalid_node (void)
{
  g_autoptr(cJSON) raw = cJSON_CreateObject ();
  g_autoptr(cJSON) invalid = cJSON_CreateNull ();

  cJSON_AddRawToObject (raw, "r", "1.5");
  assert_canon_error (raw, PC_CANON_ERROR_INVALID, "r");

  invalid->type = cJSON_Invalid;
  assert_canon_error (invalid, PC_CANON_ERROR_INVALID, "(root)");
}

static cJSON *
build_nested (int depth)
{
  cJSON *value = cJSON_CreateArray ();

  for (int i = 1; i < depth; i++)
    {
      cJSON *outer = cJSON_CreateArray ();

      cJSON_AddItemToArray (outer, value);
      value = outer;
    }

  return value;
}

static void
test_depth (void)
{
  g_autoptr(cJSON) deep = build_nested (64);
  g_autoptr(cJSON) too_deep = build_nested (65);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new (NULL);

  for (int i = 0; i < 64; i++)
    g_string_append_c (expected, '[');
  for (int i = 0; i < 64; i++)
    g_string_append_c (expected, ']');
  assert_canon (deep, expected->str);

  for (int i = 0; i < 64; i++)
    g_string_append (path, "[0]");
  assert_canon_error (too_deep, PC_CANON_ERROR_INVALID, path->str);
}

/* Builds the same document, adding the members of each object in the
 * order given by @order (a permutation of 0–4). */
static cJSON *
build_in_order (const int *order)
{
  cJSON *value = cJSON_CreateObject ();

  for (int i = 0; i < 5; i++)
    {
      switch (order[i])
        {
        case 0:
          cJSON_AddStringToObject (value, "title", "Ward 7 \xe2\x80\x94 discharge");
          break;
        case 1:
          cJSON_AddNumberToObject (value, "version", 3);
          break;
        case 2:
          {
            cJSON *inner = cJSON_AddObjectToObject (value, "checklist");

            for (int j = 0; j < 5; j++)
              {
                static const char * const keys[] = { "id", "sha256", "title", "version", "\xc3\xa9" };

                cJSON_AddNumberToObject (inner, keys[order[j]], order[j]);
              }
          }
          break;
        case 3:
          cJSON_AddNullToObject (value, "withdrawn");
          break;
        case 4:
          cJSON_AddTrueToObject (value, "Signed");
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return value;
}

static void
test_insertion_order (void)
{
  static const int orders[][5] = {
    { 0, 1, 2, 3, 4 },
    { 4, 3, 2, 1, 0 },
    { 2, 0, 4, 1, 3 },
    { 1, 4, 0, 3, 2 },
    { 3, 2, 1, 4, 0 },
  };
  g_autoptr(cJSON) first = build_in_order (orders[0]);
  g_autofree char *expected = pc_canon_serialize (first, NULL, NULL);

  g_assert_nonnull (expected);

  for (gsize i = 1; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(cJSON) value = build_in_order (orders[i]);

      assert_canon (value, expected);
    }
}

/* The digest of a fixed document, computed independently with Python's
 * json.dumps (sort_keys, compact separators, ensure_ascii=False) and
 * hashlib. */
static void
test_sha256 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(cJSON) value = parse ("{\"withdrawn\": null, \"signed\": true,"
                                  " \"principles\": [{\"status\": \"met\", \"id\": \"p1\","
                                  "   \"prompts\": [{\"rating\": 2, \"evidence\": \"Zo\\u00eb said \\\"yes\\\"\\n\"}]}],"
                                  " \"checklist\": {\"version\": 3, \"id\": \"beh-clinical-principles\", \"sha256\": \"00ff\"}}");
  g_autofree char *digest = NULL;

  assert_canon (value,
                "{\"checklist\":{\"id\":\"beh-clinical-principles\",\"sha256\":\"00ff\",\"version\":3},"
                "\"principles\":[{\"id\":\"p1\",\"prompts\":[{\"evidence\":\"Zo\xc3\xab said \\\"yes\\\"\\n\",\"rating\":2}],"
                "\"status\":\"met\"}],\"signed\":true,\"withdrawn\":null}");

  digest = pc_canon_sha256 (value, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (digest, ==, "4de34c1df519dd791250cf48aeb66451220bf00aba41cf2396ba6faa6c64bbe4");
}

/* The differential test against Python's json module. */

#define N_DOCUMENTS 200

typedef struct
{
  gunichar lo;
  gunichar hi;
} Range;

/* Turkish and Polish letters, Bengali, Arabic and CJK blocks, and the
 * characters whose escaping matters. All are below U+D800. */
static const Range bmp_ranges[] = {
  { 0x20, 0x7e },                               /* ASCII */
  { 0x01, 0x1f },                               /* C0 controls (not U+0000) */
  { '"', '"' }, { '\\', '\\' }, { '/', '/' },
  { 0x7f, 0x7f }, { 0x80, 0x9f },               /* DEL and C1 controls */
  { 0x2028, 0x2029 },                           /* line and paragraph separators */
  { 0x011e, 0x011f }, { 0x0130, 0x0131 },       /* Turkish ğ Ğ İ ı */
  { 0x015e, 0x015f }, { 0x00c7, 0x00c7 },       /* Turkish ş Ş Ç */
  { 0x00e7, 0x00e7 }, { 0x00d6, 0x00d6 },
  { 0x00f6, 0x00f6 }, { 0x00dc, 0x00dc }, { 0x00fc, 0x00fc },
  { 0x0104, 0x0107 }, { 0x0118, 0x0119 },       /* Polish ą ć ę */
  { 0x0141, 0x0144 }, { 0x00d3, 0x00d3 },       /* Polish ł ń ó */
  { 0x00f3, 0x00f3 }, { 0x015a, 0x015b },       /* Polish ś */
  { 0x0179, 0x017c },                           /* Polish ź ż */
  { 0x0985, 0x09b9 },                           /* Bengali letters */
  { 0x09be, 0x09cd },                           /* Bengali vowel signs */
  { 0x0621, 0x064a },                           /* Arabic letters */
  { 0x4e00, 0x9fff },                           /* CJK ideographs */
  { 0x0800, 0xd7ff },                           /* the rest of the 3-byte BMP below surrogates */
};

/* Characters only used in string values: above the surrogates. */
static const Range high_ranges[] = {
  { 0xe000, 0xfffd },                           /* private use to U+FFFD */
  { 0x1f600, 0x1f64f },                         /* emoji */
  { 0x10000, 0x10ffff },                        /* any supplementary */
};

static gunichar
random_char (GRand    *rand,
             gboolean  for_key)
{
  const Range *r;

  if (!for_key && g_rand_int_range (rand, 0, 8) == 0)
    r = &high_ranges[g_rand_int_range (rand, 0, G_N_ELEMENTS (high_ranges))];
  else if (g_rand_boolean (rand))
    r = &bmp_ranges[0];
  else
    r = &bmp_ranges[g_rand_int_range (rand, 0, G_N_ELEMENTS (bmp_ranges))];

  return r->lo + (gunichar) g_rand_int_range (rand, 0, (gint32) (r->hi - r->lo + 1));
}

/* Keys are limited to characters below U+D800 so that Python's sort,
 * which compares code points, agrees with RFC 8785's UTF-16 order; the
 * two differ only between U+E000–U+FFFF and characters above U+FFFF.
 * test_utf16_order() and test_rfc8785_sorting() cover that case. */
static char *
random_text (GRand    *rand,
             gboolean  for_key)
{
  GString *s = g_string_new (NULL);
  int len = g_rand_int_range (rand, 0, for_key ? 6 : 12);

  for (int i = 0; i < len; i++)
    g_string_append_unichar (s, random_char (rand, for_key));

  return g_string_free (s, FALSE);
}

static double
random_integer (GRand *rand)
{
  gint64 magnitude;

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return g_rand_boolean (rand) ? 9007199254740991.0 : -9007199254740991.0;
    case 1:
      return g_rand_boolean (rand) ? 0.0 : -0.0;
    case 2:
    case 3:
      return (double) g_rand_int_range (rand, -1000, 1001);
    default:
      magnitude = (((gint64) g_rand_int (rand) << 21) ^ g_rand_int (rand)) & G_GINT64_CONSTANT (0x1fffffffffffff);
      return (double) (g_rand_boolean (rand) ? magnitude : -magnitude);
    }
}

static cJSON *
random_value (GRand *rand,
              int    depth)
{
  int kind = g_rand_int_range (rand, 0, depth < 4 ? 9 : 6);
  cJSON *value;
  int n;

  switch (kind)
    {
    case 0:
      return cJSON_CreateNull ();
    case 1:
      return cJSON_CreateBool (g_rand_boolean (rand));
    case 2:
    case 3:
      return cJSON_CreateNumber (random_integer (rand));
    case 4:
    case 5:
      {
        g_autofree char *text = random_text (rand, FALSE);

        return cJSON_CreateString (text);
      }
    case 6:
      value = cJSON_CreateArray ();
      n = g_rand_int_range (rand, 0, 5);
      for (int i = 0; i < n; i++)
        cJSON_AddItemToArray (value, random_value (rand, depth + 1));
      return value;
    default:
      value = cJSON_CreateObject ();
      n = g_rand_int_range (rand, 0, 7);
      for (int i = 0; i < n; i++)
        {
          g_autofree char *key = random_text (rand, TRUE);

          if (cJSON_GetObjectItemCaseSensitive (value, key) == NULL)
            cJSON_AddItemToObject (value, key, random_value (rand, depth + 1));
        }
      return value;
    }
}

static void
append_code_unit (GString  *out,
                  gboolean  upper,
                  gunichar  unit)
{
  if (upper)
    g_string_append_printf (out, "\\u%04X", unit);
  else
    g_string_append_printf (out, "\\u%04x", unit);
}

/* Writes @c as \uXXXX, or as a surrogate pair, in random case. */
static void
append_u_escape (GString  *out,
                 GRand    *rand,
                 gunichar  c)
{
  gboolean upper = g_rand_boolean (rand);

  if (c > 0xffff)
    {
      append_code_unit (out, upper, 0xd800 + ((c - 0x10000) >> 10));
      append_code_unit (out, upper, 0xdc00 + ((c - 0x10000) & 0x3ff));
    }
  else
    {
      append_code_unit (out, upper, c);
    }
}

/* Writes @s as a JSON string, independently of pc-canon: each character
 * is written as it is, as a \u escape, or as a short escape, at random. */
static void
loose_string (GString    *out,
              GRand      *rand,
              const char *s)
{
  static const char * const short_escapes[0x80] = {
    ['"'] = "\\\"", ['\\'] = "\\\\", ['/'] = "\\/",
    ['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t",
  };

  g_string_append_c (out, '"');

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *short_escape = NULL;

      if (c < 0x80)
        short_escape = short_escapes[c];

      if (g_rand_int_range (rand, 0, 4) == 0)
        append_u_escape (out, rand, c);
      else if (short_escape != NULL && (c != '/' || g_rand_boolean (rand)))
        g_string_append (out, short_escape);
      else if (c < 0x20)
        append_u_escape (out, rand, c);
      else
        g_string_append_unichar (out, c);
    }

  g_string_append_c (out, '"');
}

/* Writes @value as JSON in insertion order, with random white space. */
static void
loose_print (GString     *out,
             GRand       *rand,
             const cJSON *value)
{
  static const char * const spaces[] = { "", "", "", " ", "\n", "\t", "\r\n  " };
  const char *space = spaces[g_rand_int_range (rand, 0, G_N_ELEMENTS (spaces))];
  const cJSON *item;

  switch (value->type & 0xff)
    {
    case cJSON_NULL:
      g_string_append (out, "null");
      break;
    case cJSON_True:
      g_string_append (out, "true");
      break;
    case cJSON_False:
      g_string_append (out, "false");
      break;
    case cJSON_Number:
      if (value->valuedouble == 0.0 && signbit (value->valuedouble))
        g_string_append (out, "-0");
      else
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value->valuedouble);
      break;
    case cJSON_String:
      loose_string (out, rand, value->valuestring);
      break;
    case cJSON_Array:
      g_string_append_printf (out, "[%s", space);
      cJSON_ArrayForEach (item, value)
        {
          if (item != value->child)
            g_string_append_printf (out, ",%s", space);
          loose_print (out, rand, item);
        }
      g_string_append_printf (out, "%s]", space);
      break;
    case cJSON_Object:
      g_string_append_printf (out, "{%s", space);
      cJSON_ArrayForEach (item, value)
        {
          if (item != value->child)
            g_string_append_printf (out, ",%s", space);
          loose_string (out, rand, item->string);
          g_string_append_printf (out, "%s:%s", space, space);
          loose_print (out, rand, item);
        }
      g_string_append_printf (out, "%s}", space);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Reads a JSON array of documents and writes, for each, the length of
 * its canonical form in bytes, a newline, and the bytes: content may
 * hold line separators, so the output is length-prefixed. */
static const char python_script[] =
  "import json, sys\n"
  "out = sys.stdout.buffer\n"
  "with open (sys.argv[1], encoding='utf-8') as f:\n"
  "    docs = json.load (f)\n"
  "for d in docs:\n"
  "    b = json.dumps (d, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode ('utf-8')\n"
  "    out.write (b'%d\\n' % len (b))\n"
  "    out.write (b)\n";

static char *
run_python (const char  *path,
            gsize       *out_len)
{
  const char *argv[] = { "python3", "-c", python_script, path, NULL };
  g_autofree char *out = pc_test_run_program_ok (argv);

  /* g_spawn_sync() gives no length, so the output is measured by the
   * length prefixes; canonical JSON holds no NUL bytes. */
  *out_len = strlen (out);
  return g_steal_pointer (&out);
}

static void
test_differential_python (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) cJSON_Delete);
  g_autoptr(GString) input = g_string_new ("[");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  const char *seed_env = g_getenv ("PC_TEST_CANON_SEED");
  guint32 seed;
  gsize expected_len;
  const char *p;
  const char *end;
  int fd;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  seed = seed_env != NULL ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : (guint32) g_test_rand_int ();
  g_test_message ("seed %" G_GUINT32_FORMAT " (set PC_TEST_CANON_SEED to repeat)", seed);
  rand = g_rand_new_with_seed (seed);

  for (int i = 0; i < N_DOCUMENTS; i++)
    {
      cJSON *doc = cJSON_CreateObject ();
      int n = g_rand_int_range (rand, 1, 8);

      for (int j = 0; j < n; j++)
        {
          g_autofree char *key = random_text (rand, TRUE);

          if (cJSON_GetObjectItemCaseSensitive (doc, key) == NULL)
            cJSON_AddItemToObject (doc, key, random_value (rand, 1));
        }

      if (i > 0)
        g_string_append (input, ",\n");
      loose_print (input, rand, doc);
      g_ptr_array_add (docs, doc);
    }
  g_string_append (input, "]\n");

  fd = g_file_open_tmp ("test-canon-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, input->str, input->len, &error);
  g_assert_no_error (error);

  expected = run_python (path, &expected_len);
  g_unlink (path);

  p = expected;
  end = expected + expected_len;
  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *canon = NULL;
      g_autofree char *canon_again = NULL;
      g_autoptr(cJSON) reparsed = NULL;
      char *after_len;
      guint64 len;
      gsize canon_len;

      g_assert_true (p < end);
      len = g_ascii_strtoull (p, &after_len, 10);
      g_assert_true (*after_len == '\n');
      p = after_len + 1;
      g_assert_cmpuint (len, <=, (guint64) (end - p));

      canon = pc_canon_serialize (g_ptr_array_index (docs, i), &canon_len, &error);
      g_assert_no_error (error);
      if (canon_len != len || memcmp (canon, p, len) != 0)
        {
          g_autofree char *python_bytes = g_strndup (p, len);
          g_autofree char *python_escaped = g_strescape (python_bytes, NULL);
          g_autofree char *canon_escaped = g_strescape (canon, NULL);

          g_error ("document %u differs (seed %" G_GUINT32_FORMAT "):\n"
                   "python:   %s\npc-canon: %s",
                   i, seed, python_escaped, canon_escaped);
        }

      /* The canonical form is a fixed point. */
      reparsed = cJSON_ParseWithLength (canon, canon_len);
      g_assert_nonnull (reparsed);
      canon_again = pc_canon_serialize (reparsed, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (canon_again, ==, canon);

      p += len;
    }
  g_assert_true (p == end);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/canon/rfc8785-sorting", test_rfc8785_sorting);
  g_test_add_func ("/pc/canon/utf16-order", test_utf16_order);
  g_test_add_func ("/pc/canon/rfc8785-example", test_rfc8785_example);
  g_test_add_func ("/pc/canon/string-escapes", test_string_escapes);
  g_test_add_func ("/pc/canon/integers", test_integers);
  g_test_add_func ("/pc/canon/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pc/canon/duplicate-key", test_duplicate_key);
  g_test_add_func ("/pc/canon/invalid-node", test_invalid_node);
  g_test_add_func ("/pc/canon/depth", test_depth);
  g_test_add_func ("/pc/canon/insertion-order", test_insertion_order);
  g_test_add_func ("/pc/canon/sha256", test_sha256);
  g_test_add_func ("/pc/canon/differential-python", test_differential_python);

  return g_test_run ();
}
