/* pc-text.c: what text may be stored, how it is printed, how names compare
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-text"

#include "config.h"

#include "pc-text.h"

#include <glib/gi18n.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/uspoof.h>

G_DEFINE_QUARK (pc-text-error-quark, pc_text_error)

/* What one character is, for storing and for printing. */
typedef enum
{
  CHAR_PLAIN,        /* anything a field may hold */
  CHAR_LINE_BREAK,   /* a newline where only one line is allowed */
  CHAR_INVISIBLE,    /* a control, bidirectional or invisible format character */
  CHAR_UNASSIGNED,   /* unassigned, a noncharacter, private use */
} CharClass;

/* The one spoof checker: ICU lets any number of threads use one checker
 * for checking and for skeletons. */
static USpoofChecker *
spoof_checker (void)
{
  static gsize initialised = 0;
  static USpoofChecker *checker = NULL;

  if (g_once_init_enter (&initialised))
    {
      UErrorCode status = U_ZERO_ERROR;
      USpoofChecker *sc = uspoof_open (&status);
      USet *everything = uset_open (0, 0x10FFFF);

      /* Names hold spaces, hyphens and apostrophes, which are not in
       * UTS #39's identifier profile: pc_text_check() has already refused
       * the characters that matter, so only the scripts are judged. */
      uspoof_setAllowedChars (sc, everything, &status);
      uspoof_setChecks (sc, USPOOF_RESTRICTION_LEVEL, &status);
      uspoof_setRestrictionLevel (sc, USPOOF_MODERATELY_RESTRICTIVE);
      uset_close (everything);

      if (U_FAILURE (status))
        g_error ("ICU's spoof checker could not start: %s", u_errorName (status));

      checker = sc;
      g_once_init_leave (&initialised, 1);
    }

  return checker;
}

/* The script of @c, or USCRIPT_COMMON for characters of any script
 * (spaces, punctuation, combining marks). */
static UScriptCode
script_of (gunichar c)
{
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript ((UChar32) c, &status);

  if (U_FAILURE (status) || script == USCRIPT_INHERITED)
    return USCRIPT_COMMON;

  return script;
}

static gboolean
is_letter_or_mark (gunichar c)
{
  return (U_GET_GC_MASK (c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0;
}

/* Zero-width joiners and non-joiners shape some scripts (Bengali's
 * ya-phala after ra, Persian words): they are allowed between two
 * letters of one such script, never in Latin, Greek or Cyrillic text,
 * where they only hide a difference. A joiner also makes one emoji of
 * two ("👩‍⚕️"). */
static gboolean
joiner_allowed (gunichar joiner,
                gunichar prev,
                gunichar next)
{
  UScriptCode script;

  if (prev == 0 || next == 0)
    return FALSE;

  if (joiner == 0x200D && u_hasBinaryProperty ((UChar32) next, UCHAR_EXTENDED_PICTOGRAPHIC)
      && (u_hasBinaryProperty ((UChar32) prev, UCHAR_EXTENDED_PICTOGRAPHIC)
          || u_hasBinaryProperty ((UChar32) prev, UCHAR_EMOJI_MODIFIER)
          || prev == 0xFE0F))
    return TRUE;

  if (!is_letter_or_mark (prev) || !is_letter_or_mark (next))
    return FALSE;

  script = script_of (prev);
  return script == script_of (next) && script != USCRIPT_LATIN && script != USCRIPT_GREEK
      && script != USCRIPT_CYRILLIC && script != USCRIPT_COMMON;
}

/* Variation selectors choose a glyph (an ideograph's variant in a
 * Japanese name, an emoji's style): allowed after a letter or symbol
 * outside ASCII. */
static gboolean
variation_allowed (gunichar prev)
{
  return prev >= 0x80
      && (U_GET_GC_MASK (prev) & (U_GC_L_MASK | U_GC_S_MASK)) != 0;
}

/* @c between @prev and @next (0 at either end of the text). */
static CharClass
classify (gunichar  c,
          gunichar  prev,
          gunichar  next,
          gboolean  multiline)
{
  int8_t type;

  if (c == '\n')
    return multiline ? CHAR_PLAIN : CHAR_LINE_BREAK;
  if (c == '\t')
    return multiline ? CHAR_PLAIN : CHAR_INVISIBLE;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return CHAR_INVISIBLE;
  if (c < 0x7F)
    return CHAR_PLAIN;

  /* The bidirectional marks, embeddings, overrides and isolates (Cf),
   * and the line and paragraph separators (Zl, Zp), which act as line
   * breaks. */
  if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
      || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029)
    return CHAR_INVISIBLE;

  if (c == 0x200C || c == 0x200D)
    return joiner_allowed (c, prev, next) ? CHAR_PLAIN : CHAR_INVISIBLE;
  if (u_hasBinaryProperty ((UChar32) c, UCHAR_VARIATION_SELECTOR))
    return variation_allowed (prev) ? CHAR_PLAIN : CHAR_INVISIBLE;

  type = u_charType ((UChar32) c);
  if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE)
    return CHAR_UNASSIGNED;

  /* Every other format character (zero-width space, soft hyphen, word
   * joiner, byte order mark, tags…) and every other character that is
   * ignorable by default (Hangul fillers, the combining grapheme
   * joiner): none is needed in an assessment, and each can hide text or
   * make two equal-looking names differ. */
  if (type == U_FORMAT_CHAR
      || u_hasBinaryProperty ((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
    return CHAR_INVISIBLE;

  return CHAR_PLAIN;
}

/* The character's Unicode name, or its alias ("<control-001B>" for
 * controls, which have none). */
static char *
char_name (gunichar c)
{
  char name[128] = "";
  UErrorCode status = U_ZERO_ERROR;

  u_charName ((UChar32) c, U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_FAILURE (status) || name[0] == '\0')
    {
      status = U_ZERO_ERROR;
      u_charName ((UChar32) c, U_EXTENDED_CHAR_NAME, name, sizeof name, &status);
    }
  if (U_FAILURE (status) || name[0] == '\0')
    return g_strdup ("?");

  return g_strdup (name);
}

static void
set_bad_character (GError     **error,
                   const char  *field,
                   gunichar     c,
                   CharClass    class)
{
  g_autofree char *name = char_name (c);

  switch (class)
    {
    case CHAR_LINE_BREAK:
      g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_INVALID,
                   _("The %s contains a line break (U+000A): write it on one line and try again"),
                   field);
      break;
    case CHAR_UNASSIGNED:
      g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_INVALID,
                   _("The %s contains U+%04X %s, which is not a character for text: remove it and try again"),
                   field, c, name);
      break;
    case CHAR_INVISIBLE:
    case CHAR_PLAIN:
    default:
      g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_INVALID,
                   _("The %s contains U+%04X (%s), an invisible control character: remove it and try again"),
                   field, c, name);
      break;
    }
}

/* The name of @script in English ("Cyrillic"). */
static const char *
script_name (UScriptCode script)
{
  const char *name = uscript_getName (script);

  return name != NULL ? name : "?";
}

/* Says which character of @name makes it mix scripts: the first letter
 * of the script with the fewest letters, among the letters of the most
 * common other script. */
static void
set_suspicious_name (GError     **error,
                     const char  *field,
                     const char  *name)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (UScriptCode));
  UScriptCode rare = USCRIPT_COMMON;
  UScriptCode common = USCRIPT_COMMON;
  guint rare_count = G_MAXUINT;
  guint common_count = 0;
  gunichar rare_char = 0;
  g_autofree char *char_label = NULL;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      UScriptCode script = script_of (g_utf8_get_char (p));
      guint count;

      if (script == USCRIPT_COMMON)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (script)));
      if (count == 0)
        g_array_append_val (order, script);
      g_hash_table_insert (counts, GINT_TO_POINTER (script), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < order->len; i++)
    {
      UScriptCode script = g_array_index (order, UScriptCode, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (script)));

      if (count < rare_count)
        {
          rare = script;
          rare_count = count;
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      UScriptCode script = g_array_index (order, UScriptCode, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (script)));

      if (script != rare && count > common_count)
        {
          common = script;
          common_count = count;
        }
    }
  for (const char *p = name; *p != '\0' && rare_char == 0; p = g_utf8_next_char (p))
    if (script_of (g_utf8_get_char (p)) == rare)
      rare_char = g_utf8_get_char (p);

  char_label = char_name (rare_char);
  g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_SUSPICIOUS_NAME,
               _("The %s “%s” mixes %s letters with %s ones, as look-alike names do (U+%04X %s): write it in one script and try again"),
               field, name, script_name (rare), script_name (common), rare_char, char_label);
}

gboolean
pc_text_check (const char  *field,
               const char  *value,
               PcTextKind   kind,
               GError     **error)
{
  gboolean multiline = kind == PC_TEXT_MULTILINE;
  glong length;
  gunichar prev = 0;

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text: re-type it or save the file as UTF-8"), field);
      return FALSE;
    }

  length = g_utf8_strlen (value, -1);
  if (length > PC_TEXT_MAX_CHARS)
    {
      g_set_error (error, PC_TEXT_ERROR, PC_TEXT_ERROR_TOO_LONG,
                   _("The %s is too long: %ld characters, where at most %d are allowed; shorten it or attach it as a file"),
                   field, length, PC_TEXT_MAX_CHARS);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);
      CharClass class = classify (c, prev, *after != '\0' ? g_utf8_get_char (after) : 0,
                                  multiline);

      if (class != CHAR_PLAIN)
        {
          set_bad_character (error, field, c, class);
          return FALSE;
        }
      prev = c;
    }

  if (kind == PC_TEXT_NAME)
    {
      g_autofree char *nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
      UErrorCode status = U_ZERO_ERROR;
      int32_t result = uspoof_check2UTF8 (spoof_checker (), nfc, -1, NULL, &status);

      if (U_SUCCESS (status) && (result & USPOOF_RESTRICTION_LEVEL) != 0)
        {
          set_suspicious_name (error, field, nfc);
          return FALSE;
        }
    }

  return TRUE;
}

char *
pc_text_normalize (const char *value)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_utf8_normalize (value, -1, G_NORMALIZE_NFC);
}

char *
pc_text_tidy_line (const char *value)
{
  g_autoptr(GString) tidy = NULL;
  gboolean in_space = FALSE;

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return NULL;

  tidy = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && tidy->len > 0)
        g_string_append_c (tidy, ' ');
      in_space = FALSE;
      g_string_append_unichar (tidy, c);
    }

  if (tidy->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&tidy), FALSE);
}

/* The UTS #39 skeleton of @text. Returns: (transfer full) */
static char *
skeleton (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = uspoof_getSkeletonUTF8 (spoof_checker (), 0, text, -1, NULL, 0, &status);
  char *out;

  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_strdup (text);

  out = g_malloc ((gsize) length + 1);
  status = U_ZERO_ERROR;
  uspoof_getSkeletonUTF8 (spoof_checker (), 0, text, -1, out, length + 1, &status);
  if (U_FAILURE (status))
    {
      g_free (out);
      return g_strdup (text);
    }

  return out;
}

/* @folded without the characters that are invisible in a name (joiners,
 * variation selectors), and without the dot above of a Turkish capital
 * İ, which folds to "i" and a dot: "İsmail" is "Ismail". */
static char *
drop_invisible (const char *folded)
{
  GString *out = g_string_new (NULL);
  gunichar prev = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (u_hasBinaryProperty ((UChar32) c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
          || (c == 0x0307 && (prev == 'i' || prev == 'j')))
        continue;
      g_string_append_unichar (out, c);
      prev = c;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_lower_alnum (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

gboolean
pc_text_is_id (const char *text,
               char        separator)
{
  const char *p = text;

  g_return_val_if_fail (text != NULL, FALSE);

  for (;;)
    {
      if (!is_lower_alnum (*p))
        return FALSE;
      while (is_lower_alnum (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != separator)
        return FALSE;
      p++;
    }
}

gboolean
pc_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

char *
pc_text_name_fold (const char *name)
{
  g_autofree char *tidy = pc_text_tidy_line (name);
  g_autofree char *folded = NULL;

  if (tidy == NULL)
    return NULL;

  folded = g_utf8_casefold (tidy, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

char *
pc_text_name_key (const char *name)
{
  g_autofree char *folded = pc_text_name_fold (name);
  g_autofree char *visible = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *upper_skeleton = NULL;
  g_autofree char *refolded = NULL;
  g_autofree char *key = NULL;

  if (folded == NULL)
    return NULL;

  /* Case first, so that the comparison ignores it; then the skeleton of
   * the capitals, which finds capitals that look alike (Cyrillic К and
   * Latin K, whose small letters do not); then the skeleton of that in
   * small letters, which finds small letters that look alike ("rn" and
   * "m"). It errs towards "the same person": "Ian" and "lan" are one. */
  visible = drop_invisible (folded);
  upper = g_utf8_strup (visible, -1);
  upper_skeleton = skeleton (upper);
  refolded = g_utf8_casefold (upper_skeleton, -1);
  key = skeleton (refolded);

  return g_utf8_normalize (key, -1, G_NORMALIZE_NFC);
}

gboolean
pc_text_names_equal (const char *a,
                     const char *b)
{
  g_autofree char *key_a = pc_text_name_key (a);
  g_autofree char *key_b = pc_text_name_key (b);

  if (key_a == NULL || key_b == NULL)
    return FALSE;

  return strcmp (key_a, key_b) == 0;
}

/* Appends @c as an escape that reads the same in a JSON string. */
static void
append_escape (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case '\n':
      g_string_append (out, "\\n");
      break;
    case '\r':
      g_string_append (out, "\\r");
      break;
    case '\t':
      g_string_append (out, "\\t");
      break;
    default:
      if (c <= 0xFFFF)
        g_string_append_printf (out, "\\u%04x", c);
      else
        {
          /* JSON has no escape above U+FFFF: a surrogate pair. */
          gunichar v = c - 0x10000;

          g_string_append_printf (out, "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
        }
      break;
    }
}

char *
pc_text_escape_terminal (const char *text,
                         gboolean    multiline)
{
  g_autofree char *valid = NULL;
  GString *out;
  gunichar prev = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);
      CharClass class = classify (c, prev, *after != '\0' ? g_utf8_get_char (after) : 0,
                                  multiline);

      if (class == CHAR_LINE_BREAK || class == CHAR_INVISIBLE)
        append_escape (out, c);
      else
        g_string_append_len (out, p, after - p);
      prev = c;
    }

  return g_string_free (out, FALSE);
}
