/* pc-json.c: strict JSON parsing over cJSON
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-json"

#include "config.h"

#include <inttypes.h>

#include "pc-json.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* cJSON copies a number into a 64-byte buffer before converting it and
 * silently stops at the 63rd character, so longer numbers are refused
 * rather than misread. */
#define MAX_NUMBER_CHARS 63

G_DEFINE_QUARK (pc-json-error-quark, pc_json_error)

/* The first pass over the bytes, before cJSON sees them. It stops at
 * the end of the first JSON value and refuses what cJSON would let
 * through: nesting deeper than PC_JSON_MAX_DEPTH (checked before cJSON
 * recurses), control characters inside strings or between tokens,
 * numbers outside the JSON grammar, \u0000 and unpaired surrogates.
 * Anything else that is wrong is left for cJSON to report. */
typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  int         depth;
  gsize       value_end;  /* where the first value ends, once seen */
} Scanner;

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
offset_to_line_column (const char *data,
                       gsize       offset,
                       gsize      *line,
                       gsize      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  /* The bytes before @offset are valid UTF-8 by the time this runs. */
  *column = g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

G_GNUC_PRINTF (5, 6)
static void
set_offset_error (GError     **error,
                  PcJsonError  code,
                  const char  *data,
                  gsize        offset,
                  const char  *format,
                  ...)
{
  g_autofree char *what = NULL;
  gsize line;
  gsize column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  offset_to_line_column (data, offset, &line, &column);
  g_set_error (error, PC_JSON_ERROR, code,
               _("line %zu, column %zu"
                 " (offset %zu): %s"),
               line, column, offset, what);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits of a \u escape starting at @pos (the
 * backslash). Returns -1 when they are not there, for cJSON to report. */
static int
read_u_escape (const Scanner *scanner,
               gsize          pos)
{
  int code = 0;

  if (scanner->len - pos < 6
      || scanner->data[pos] != '\\' || scanner->data[pos + 1] != 'u')
    return -1;

  for (gsize i = pos + 2; i < pos + 6; i++)
    {
      int digit = hex_value (scanner->data[i]);

      if (digit < 0)
        return -1;
      code = code * 16 + digit;
    }

  return code;
}

static gboolean
scan_string (Scanner  *scanner,
             GError  **error)
{
  const char *data = scanner->data;

  g_assert (data[scanner->pos] == '"');

  scanner->pos++;
  while (scanner->pos < scanner->len)
    {
      guchar c = data[scanner->pos];

      if (c == '"')
        {
          scanner->pos++;
          return TRUE;
        }

      if (c < 0x20)
        {
          set_offset_error (error, PC_JSON_ERROR_PARSE, data, scanner->pos,
                            _("a control character inside a string; write it as an escape such as \\n or \\t"));
          return FALSE;
        }

      if (c != '\\')
        {
          scanner->pos++;
          continue;
        }

      if (scanner->pos + 1 < scanner->len && data[scanner->pos + 1] == 'u')
        {
          int code = read_u_escape (scanner, scanner->pos);

          if (code == 0)
            {
              set_offset_error (error, PC_JSON_ERROR_PARSE, data, scanner->pos,
                                _("\\u0000 inside a string; text may not contain NUL characters"));
              return FALSE;
            }

          if (code >= 0xD800 && code <= 0xDBFF)
            {
              int low = read_u_escape (scanner, scanner->pos + 6);

              if (low < 0xDC00 || low > 0xDFFF)
                {
                  set_offset_error (error, PC_JSON_ERROR_INVALID_UTF8, data, scanner->pos,
                                    _("\\u escape makes an unpaired UTF-16 surrogate, which is not a character"));
                  return FALSE;
                }
              scanner->pos += 12;
              continue;
            }

          if (code >= 0xDC00 && code <= 0xDFFF)
            {
              set_offset_error (error, PC_JSON_ERROR_INVALID_UTF8, data, scanner->pos,
                                _("\\u escape makes an unpaired UTF-16 surrogate, which is not a character"));
              return FALSE;
            }

          /* cJSON would read a malformed escape as U+0000 and cut the
           * string short there. */
          if (code < 0)
            {
              set_offset_error (error, PC_JSON_ERROR_PARSE, data, scanner->pos,
                                _("a \\u escape needs four hexadecimal digits"));
              return FALSE;
            }

          scanner->pos += 6;
          continue;
        }

      /* Other escapes are checked by cJSON; skip the escaped byte so an
       * escaped quote does not end the string here. */
      scanner->pos += 2;
    }

  /* An unterminated string: cJSON reports it. */
  scanner->pos = scanner->len;
  return TRUE;
}

static gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

static gboolean
scan_number (Scanner  *scanner,
             GError  **error)
{
  const char *data = scanner->data;
  gsize start = scanner->pos;
  gsize p = start;
  gsize len = scanner->len;
  gboolean ok = TRUE;

  if (p < len && data[p] == '-')
    p++;

  if (p < len && data[p] == '0')
    p++;
  else if (p < len && data[p] >= '1' && data[p] <= '9')
    while (p < len && g_ascii_isdigit (data[p]))
      p++;
  else
    ok = FALSE;

  if (ok && p < len && data[p] == '.')
    {
      p++;
      ok = p < len && g_ascii_isdigit (data[p]);
      while (p < len && g_ascii_isdigit (data[p]))
        p++;
    }

  if (ok && p < len && (data[p] == 'e' || data[p] == 'E'))
    {
      p++;
      if (p < len && (data[p] == '+' || data[p] == '-'))
        p++;
      ok = p < len && g_ascii_isdigit (data[p]);
      while (p < len && g_ascii_isdigit (data[p]))
        p++;
    }

  if (!ok || (p < len && is_number_char (data[p])))
    {
      set_offset_error (error, PC_JSON_ERROR_PARSE, data, start,
                        _("malformed number; JSON numbers have no leading zeros or plus sign, and need digits on both sides of a decimal point"));
      return FALSE;
    }

  if (p - start > MAX_NUMBER_CHARS)
    {
      set_offset_error (error, PC_JSON_ERROR_PARSE, data, start,
                        _("a number with more than %d characters"), MAX_NUMBER_CHARS);
      return FALSE;
    }

  scanner->pos = p;
  return TRUE;
}

/* Skips a literal if one is there; anything else is left to cJSON. */
static void
scan_literal (Scanner *scanner)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i]);

      if (scanner->len - scanner->pos >= n
          && memcmp (scanner->data + scanner->pos, literals[i], n) == 0)
        {
          scanner->pos += n;
          return;
        }
    }

  scanner->pos++;
}

static gboolean
prescan (Scanner  *scanner,
         GError  **error)
{
  const char *data = scanner->data;

  while (scanner->pos < scanner->len)
    {
      char c = data[scanner->pos];
      gboolean at_top = scanner->depth == 0;

      if (is_json_space (c))
        {
          scanner->pos++;
          continue;
        }

      if ((guchar) c < 0x20)
        {
          set_offset_error (error, PC_JSON_ERROR_PARSE, data, scanner->pos,
                            c == '\0' ? _("a NUL byte; JSON text may not contain one")
                                      : _("an unexpected control character"));
          return FALSE;
        }

      if (c == '{' || c == '[')
        {
          if (++scanner->depth > PC_JSON_MAX_DEPTH)
            {
              set_offset_error (error, PC_JSON_ERROR_TOO_DEEP, data, scanner->pos,
                                _("nested more than %d levels deep"), PC_JSON_MAX_DEPTH);
              return FALSE;
            }
          scanner->pos++;
          continue;
        }

      if (at_top && c != '"' && c != '-' && !g_ascii_isalnum (c))
        return TRUE;  /* Not a value: cJSON reports it. */

      if (c == '}' || c == ']')
        {
          scanner->pos++;
          if (--scanner->depth == 0)
            {
              scanner->value_end = scanner->pos;
              return TRUE;
            }
          continue;
        }

      if (c == '"')
        {
          if (!scan_string (scanner, error))
            return FALSE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          if (!scan_number (scanner, error))
            return FALSE;
        }
      else if (g_ascii_isalpha (c))
        scan_literal (scanner);
      else
        scanner->pos++;

      if (at_top)
        {
          scanner->value_end = scanner->pos;
          return TRUE;
        }
    }

  return TRUE;
}

/* g_utf8_validate_len() stops at NUL bytes, which are valid UTF-8; they
 * are refused later as JSON errors, so look past them here. */
static gboolean
validate_utf8 (const char *data,
               gsize       len,
               gsize      *bad_offset)
{
  gsize pos = 0;

  while (pos < len)
    {
      const char *end = NULL;

      if (g_utf8_validate_len (data + pos, len - pos, &end))
        return TRUE;

      if (*end != '\0')
        {
          *bad_offset = end - data;
          return FALSE;
        }

      pos = end - data + 1;
    }

  return TRUE;
}

static gboolean
is_identifier (const char *key)
{
  if (!g_ascii_isalpha (key[0]) && key[0] != '_')
    return FALSE;

  for (const char *p = key + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

static void
append_path_key (GString    *path,
                 const char *key)
{
  if (is_identifier (key))
    {
      if (path->len > 0)
        g_string_append_c (path, '.');
      g_string_append (path, key);
    }
  else
    {
      g_autofree char *quoted = pc_json_quote (key, 40);

      g_string_append_printf (path, "[%s]", quoted);
    }
}

static const char *
path_or_top (const GString *path)
{
  return path->len > 0 ? path->str : _("top level");
}

/* Walks the tree cJSON built: no key twice in one object, and every key
 * and string valid UTF-8. The pre-scan has bounded the depth. */
static gboolean
check_tree (const cJSON  *item,
            GString      *path,
            GError      **error)
{
  gsize path_len = path->len;

  if (cJSON_IsString (item)
      && !g_utf8_validate (item->valuestring, -1, NULL))
    {
      g_set_error (error, PC_JSON_ERROR, PC_JSON_ERROR_INVALID_UTF8,
                   _("%s: the text is not valid UTF-8"), path_or_top (path));
      return FALSE;
    }

  if (cJSON_IsArray (item))
    {
      guint index = 0;

      for (const cJSON *child = item->child; child != NULL; child = child->next, index++)
        {
          g_string_append_printf (path, "[%u]", index);
          if (!check_tree (child, path, error))
            return FALSE;
          g_string_truncate (path, path_len);
        }
    }
  else if (cJSON_IsObject (item))
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (const cJSON *child = item->child; child != NULL; child = child->next)
        {
          if (!g_utf8_validate (child->string, -1, NULL))
            {
              g_set_error (error, PC_JSON_ERROR, PC_JSON_ERROR_INVALID_UTF8,
                           _("%s: a key is not valid UTF-8"), path_or_top (path));
              return FALSE;
            }

          if (!g_hash_table_add (seen, child->string))
            {
              g_autofree char *quoted = pc_json_quote (child->string, 40);

              g_set_error (error, PC_JSON_ERROR, PC_JSON_ERROR_DUPLICATE_KEY,
                           _("%s: the key %s appears more than once; each key may appear only once in an object"),
                           path_or_top (path), quoted);
              return FALSE;
            }

          append_path_key (path, child->string);
          if (!check_tree (child, path, error))
            return FALSE;
          g_string_truncate (path, path_len);
        }
    }

  return TRUE;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!is_json_space (data[i]))
      return FALSE;

  return TRUE;
}

cJSON *
pc_json_parse_strict (const char  *data,
                      gsize        len,
                      GError     **error)
{
  Scanner scanner = { data, len, 0, 0, G_MAXSIZE };
  g_autofree char *copy = NULL;
  g_autoptr(cJSON) root = NULL;
  g_autoptr(GString) path = NULL;
  const char *end = NULL;
  gsize offset;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate_utf8 (data, len, &offset))
    {
      set_offset_error (error, PC_JSON_ERROR_INVALID_UTF8, data, offset,
                        _("not valid UTF-8; save the file with UTF-8 encoding"));
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      set_offset_error (error, PC_JSON_ERROR_PARSE, data, 0,
                        _("the text starts with a byte-order mark; save it as UTF-8 without one"));
      return NULL;
    }

  if (is_blank (data, len))
    {
      set_offset_error (error, PC_JSON_ERROR_PARSE, data, len,
                        _("there is no JSON value; the input is empty"));
      return NULL;
    }

  if (!prescan (&scanner, error))
    return NULL;

  /* cJSON may read one byte past the length it is given (CVE-2023-53154
   * in older builds), so it only ever sees a NUL-terminated copy. */
  copy = g_malloc (len + 1);
  memcpy (copy, data, len);
  copy[len] = '\0';

  root = cJSON_ParseWithLengthOpts (copy, len, &end, FALSE);
  if (root == NULL)
    {
      offset = end != NULL ? (gsize) (end - copy) : 0;
      set_offset_error (error, PC_JSON_ERROR_PARSE, data, MIN (offset, len),
                        _("not valid JSON; look for a missing comma, colon, quote or bracket"));
      return NULL;
    }

  /* cJSON skips every byte up to 0x20 after the value as if it were
   * white space, so the end comes from the pre-scan instead. */
  g_assert (scanner.value_end != G_MAXSIZE);
  for (offset = scanner.value_end; offset < len; offset++)
    {
      if (!is_json_space (data[offset]))
        {
          set_offset_error (error, PC_JSON_ERROR_TRAILING_DATA, data, offset,
                            _("more data after the end of the JSON value"));
          return NULL;
        }
    }

  path = g_string_new (NULL);
  if (!check_tree (root, path, error))
    return NULL;

  return g_steal_pointer (&root);
}

const char *
pc_json_get_string (const cJSON *object,
                    const char  *key)
{
  const cJSON *item;

  g_return_val_if_fail (key != NULL, NULL);

  item = cJSON_GetObjectItemCaseSensitive (object, key);
  return cJSON_IsString (item) ? item->valuestring : NULL;
}

gboolean
pc_json_get_int (const cJSON *object,
                 const char  *key,
                 gint64      *out)
{
  const cJSON *item;
  double value;

  g_return_val_if_fail (key != NULL, FALSE);

  item = cJSON_GetObjectItemCaseSensitive (object, key);
  if (!cJSON_IsNumber (item))
    return FALSE;

  /* Only whole numbers that a gint64 holds exactly count as integers;
   * 2^63 itself is out of range. */
  value = item->valuedouble;
  if (!isfinite (value) || value != floor (value)
      || value < -9223372036854775808.0 || value >= 9223372036854775808.0)
    return FALSE;

  if (out != NULL)
    *out = (gint64) value;
  return TRUE;
}

void
pc_json_add_string_or_null (cJSON      *object,
                            const char *key,
                            const char *value)
{
  g_return_if_fail (cJSON_IsObject (object));
  g_return_if_fail (key != NULL);

  if (value != NULL)
    cJSON_AddStringToObject (object, key, value);
  else
    cJSON_AddNullToObject (object, key);
}

char *
pc_json_quote (const char *text,
               gsize       max_chars)
{
  GString *quoted;
  gsize n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  quoted = g_string_new ("\"");
  for (const char *p = text; *p != '\0'; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (quoted, "…");
          break;
        }

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: show the byte and step over just that byte. */
          g_string_append_printf (quoted, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }

      if (c == '"' || c == '\\')
        g_string_append_printf (quoted, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029)
        g_string_append_printf (quoted, "\\u%04x", c);
      else
        g_string_append_unichar (quoted, c);

      p = g_utf8_next_char (p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}
