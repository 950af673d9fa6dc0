/* pc-verify-common.c: what the verifying files share: text from the
 * file made safe for a message, and the list of problems
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-verify"

#include "config.h"

#include "pc-verify-private.h"

/* Text for messages */

/* @text as it may appear inside a one-line message: controls, line
 * separators and invisible formatting characters (such as a right-to-left
 * override) are replaced, and it is cut to @max_chars characters with
 * "…". Returns: (transfer full) */
char *
_pc_verify_shown_text (const char *text,
                       guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type;

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      type = g_unichar_type (c);
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR
          || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_string_append_c (out, ' ');
      else if (type == G_UNICODE_FORMAT)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
pc_verify_printable (const char *text,
                     guint       max_chars)
{
  if (text == NULL || *text == '\0')
    return g_strdup ("—");

  return _pc_verify_shown_text (text, max_chars);
}

/* @text quoted for a message; freed with @v. */
const char *
_pc_verify_shown (Verifier   *v,
                  const char *text)
{
  char *copy = _pc_verify_shown_text (text != NULL ? text : "", SHOWN_CHARS);

  g_ptr_array_add (v->pool, copy);
  return copy;
}

void
_pc_verify_add_problem (Verifier   *v,
                        const char *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (v->result->problems, g_strdup_vprintf (format, args));
  va_end (args);
}
