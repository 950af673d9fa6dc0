/* pc-canon.c: the canonical form of JSON (RFC 8785) that signatures cover
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-canon"

#include "config.h"

#include "pc-canon.h"

#include <glib/gi18n.h>
#include <string.h>

/* The deepest nesting of arrays and objects accepted; the same limit as
 * PC_JSON_MAX_DEPTH, so anything the strict parser accepts can be
 * canonicalised. */
#define MAX_DEPTH 64

/* The largest integer magnitude accepted: 2^53 − 1, the largest for
 * which every integer is exactly representable as a double (I-JSON). */
#define MAX_SAFE_INTEGER 9007199254740991.0

G_DEFINE_QUARK (pc-canon-error-quark, pc_canon_error)

/* One step on the way from the root to the value being written. Frames
 * live on the C stack of the recursive walk, so a JSON path is only
 * built when there is an error to report. */
typedef struct _Frame Frame;

struct _Frame
{
  const Frame *parent;
  const char  *key;    /* the member's key, or NULL for an array element */
  int          index;  /* the element's index when @key is NULL */
};

typedef struct
{
  const char  *key;
  const cJSON *item;
} Member;

static gboolean write_value (GString      *out,
                             const cJSON  *value,
                             const Frame  *frame,
                             int           depth,
                             GError      **error);

/* Returns TRUE when @key can appear after a dot in a path, as in
 * principles[3].prompts[0].id. */
static gboolean
is_simple_key (const char *key)
{
  if (!g_ascii_isalpha (key[0]) && key[0] != '_')
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* Appends @key as ["…"], escaping quotes, backslashes, controls and any
 * bytes that are not UTF-8, so the path is always printable. */
static void
append_quoted_key (GString    *path,
                   const char *key)
{
  const char *p = key;
  const char *end = key + strlen (key);

  g_string_append (path, "[\"");

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (path, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '"' || c == '\\')
        g_string_append_printf (path, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (path, "\\u%04x", c);
      else
        g_string_append_len (path, p, g_utf8_next_char (p) - p);

      p = g_utf8_next_char (p);
    }

  g_string_append (path, "\"]");
}

static void
append_path (GString     *path,
             const Frame *frame)
{
  if (frame == NULL)
    return;

  append_path (path, frame->parent);

  if (frame->key == NULL)
    g_string_append_printf (path, "[%d]", frame->index);
  else if (is_simple_key (frame->key))
    g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", frame->key);
  else
    append_quoted_key (path, frame->key);
}

/* Returns the JSON path of @frame, such as principles[3].prompts[0].id,
 * for error messages; the root value is named "(root)". */
static char *
dup_path (const Frame *frame)
{
  GString *path = g_string_new (NULL);

  append_path (path, frame);

  if (path->len == 0)
    g_string_append (path, _("(root)"));

  return g_string_free (path, FALSE);
}

/* Writes @s as a JSON string with the minimal escaping of RFC 8785
 * §3.2.2.2: only '"', '\\' and U+0000–U+001F are escaped, the latter as
 * \b \t \n \f \r or \u00xx with lower-case hex. @s must be valid UTF-8,
 * which the caller has checked. */
static void
write_string (GString    *out,
              const char *s)
{
  const char *run = s;
  const char *p;

  g_string_append_c (out, '"');

  for (p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (unsigned int) c);
          break;
        }
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static gboolean
check_utf8 (const char   *s,
            const Frame  *frame,
            gboolean      is_key,
            GError      **error)
{
  g_autofree char *path = NULL;

  if (g_utf8_validate (s, -1, NULL))
    return TRUE;

  path = dup_path (frame);
  if (is_key)
    g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_INVALID_UTF8,
                 _("%s: a key of the object is not valid UTF-8"), path);
  else
    g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_INVALID_UTF8,
                 _("%s: the string is not valid UTF-8"), path);

  return FALSE;
}

static gboolean
write_number (GString      *out,
              const cJSON  *value,
              const Frame  *frame,
              GError      **error)
{
  double d = value->valuedouble;
  g_autofree char *path = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* NaN fails both comparisons, and the range check comes first so that
   * the cast is defined. The cast turns -0 into 0, as RFC 8785 requires. */
  if (d >= -MAX_SAFE_INTEGER && d <= MAX_SAFE_INTEGER && (double) (gint64) d == d)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
      return TRUE;
    }

  path = dup_path (frame);
  g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_NUMBER,
               _("%s: the number %s is not an integer between "
                 "-9007199254740991 and 9007199254740991"),
               path, g_ascii_dtostr (buf, sizeof buf, d));

  return FALSE;
}

static gboolean
write_array (GString      *out,
             const cJSON  *array,
             const Frame  *frame,
             int           depth,
             GError      **error)
{
  Frame child = { frame, NULL, 0 };
  const cJSON *item;

  g_string_append_c (out, '[');

  cJSON_ArrayForEach (item, array)
    {
      if (child.index > 0)
        g_string_append_c (out, ',');

      if (!write_value (out, item, &child, depth, error))
        return FALSE;

      child.index++;
    }

  g_string_append_c (out, ']');

  return TRUE;
}

/* Compares the UTF-8 strings @a and @b as sequences of UTF-16 code units
 * (RFC 8785 §3.2.3). This is code point order except that characters
 * above U+FFFF, whose first unit is a surrogate (U+D800–U+DBFF), sort
 * before U+E000–U+FFFF. Both strings must be valid UTF-8. */
static int
compare_utf16 (const char *a,
               const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      gunichar ca = g_utf8_get_char (a);
      gunichar cb = g_utf8_get_char (b);

      if (ca != cb)
        {
          gunichar ua = ca > 0xffff ? 0xd800 + ((ca - 0x10000) >> 10) : ca;
          gunichar ub = cb > 0xffff ? 0xd800 + ((cb - 0x10000) >> 10) : cb;

          /* When the first units are equal, both characters are above
           * U+FFFF and their second units are in code point order. */
          if (ua == ub)
            return ca < cb ? -1 : 1;

          return ua < ub ? -1 : 1;
        }

      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }

  if (*a == '\0' && *b == '\0')
    return 0;

  return *a == '\0' ? -1 : 1;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const Member *ma = a;
  const Member *mb = b;

  return compare_utf16 (ma->key, mb->key);
}

/* Collects the members of @object, checks that their keys are UTF-8 and
 * distinct, and sorts them into canonical order. */
static GArray *
collect_members (const cJSON  *object,
                 const Frame  *frame,
                 GError      **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  const cJSON *item;

  cJSON_ArrayForEach (item, object)
    {
      Member m = { item->string, item };

      if (m.key == NULL)
        {
          g_autofree char *path = dup_path (frame);

          g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_INVALID,
                       _("%s: an object member has no key"), path);
          return NULL;
        }

      if (!check_utf8 (m.key, frame, TRUE, error))
        return NULL;

      g_array_append_val (members, m);
    }

  g_array_sort (members, compare_members);

  for (guint i = 1; i < members->len; i++)
    {
      const char *key = g_array_index (members, Member, i).key;

      if (strcmp (key, g_array_index (members, Member, i - 1).key) == 0)
        {
          Frame child = { frame, key, 0 };
          g_autofree char *path = dup_path (&child);

          g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_DUPLICATE_KEY,
                       _("%s: the key appears more than once in the object"),
                       path);
          return NULL;
        }
    }

  return g_steal_pointer (&members);
}

static gboolean
write_object (GString      *out,
              const cJSON  *object,
              const Frame  *frame,
              int           depth,
              GError      **error)
{
  g_autoptr(GArray) members = NULL;

  members = collect_members (object, frame, error);
  if (members == NULL)
    return FALSE;

  g_string_append_c (out, '{');

  for (guint i = 0; i < members->len; i++)
    {
      const Member *m = &g_array_index (members, Member, i);
      Frame child = { frame, m->key, 0 };

      if (i > 0)
        g_string_append_c (out, ',');

      write_string (out, m->key);
      g_string_append_c (out, ':');

      if (!write_value (out, m->item, &child, depth, error))
        return FALSE;
    }

  g_string_append_c (out, '}');

  return TRUE;
}

/* Writes @value, which is nested inside @depth arrays and objects. */
static gboolean
write_value (GString      *out,
             const cJSON  *value,
             const Frame  *frame,
             int           depth,
             GError      **error)
{
  g_autofree char *path = NULL;

  switch (value->type & 0xff)
    {
    case cJSON_NULL:
      g_string_append (out, "null");
      return TRUE;

    case cJSON_True:
      g_string_append (out, "true");
      return TRUE;

    case cJSON_False:
      g_string_append (out, "false");
      return TRUE;

    case cJSON_Number:
      return write_number (out, value, frame, error);

    case cJSON_String:
      if (value->valuestring == NULL)
        break;
      if (!check_utf8 (value->valuestring, frame, FALSE, error))
        return FALSE;
      write_string (out, value->valuestring);
      return TRUE;

    case cJSON_Array:
    case cJSON_Object:
      if (depth >= MAX_DEPTH)
        {
          path = dup_path (frame);
          g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_INVALID,
                       _("%s: arrays and objects are nested more than %d deep"),
                       path, MAX_DEPTH);
          return FALSE;
        }
      if ((value->type & 0xff) == cJSON_Array)
        return write_array (out, value, frame, depth + 1, error);
      else
        return write_object (out, value, frame, depth + 1, error);

    default:
      break;
    }

  path = dup_path (frame);
  g_set_error (error, PC_CANON_ERROR, PC_CANON_ERROR_INVALID,
               _("%s: the value is not of a JSON type"), path);

  return FALSE;
}

/**
 * pc_canon_serialize:
 * @value: (transfer none): the tree to serialise
 * @out_len: (out) (optional): the length of the result without the NUL
 * @error: return location for a #GError in the %PC_CANON_ERROR domain
 *
 * Serialises @value in RFC 8785 (JCS) form; see pc-canon.h.
 *
 * Returns: (transfer full) (nullable): NUL-terminated UTF-8, or %NULL
 *   with @error set
 */
char *
pc_canon_serialize (const cJSON  *value,
                    gsize        *out_len,
                    GError      **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_len != NULL)
    *out_len = 0;

  out = g_string_new (NULL);
  if (!write_value (out, value, NULL, 0, error))
    return NULL;

  if (out_len != NULL)
    *out_len = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pc_canon_sha256:
 * @value: (transfer none): the tree to digest
 * @error: return location for a #GError in the %PC_CANON_ERROR domain
 *
 * Computes the SHA-256 of the canonical form of @value.
 *
 * Returns: (transfer full) (nullable): 64 lower-case hex digits, or
 *   %NULL with @error set
 */
char *
pc_canon_sha256 (const cJSON  *value,
                 GError      **error)
{
  g_autofree char *canon = NULL;
  gsize len;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  canon = pc_canon_serialize (value, &len, error);
  if (canon == NULL)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) canon, len);
}
