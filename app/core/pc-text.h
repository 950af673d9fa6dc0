/* pc-text.h: what text may be stored, how it is printed, how names compare
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PC_TEXT_ERROR (pc_text_error_quark ())

typedef enum
{
  PC_TEXT_ERROR_INVALID,          /* not UTF-8, or a character no field may hold */
  PC_TEXT_ERROR_TOO_LONG,         /* more than PC_TEXT_MAX_CHARS characters */
  PC_TEXT_ERROR_SUSPICIOUS_NAME,  /* a name mixing look-alike scripts (UTS #39) */
} PcTextError;

/* What a field holds: one line (a title, a role, a file name), several
 * lines (evidence, a reason: newline and tab allowed), or a person's
 * name (one line, in scripts that UTS #39 does not call a spoof). */
typedef enum
{
  PC_TEXT_LINE,
  PC_TEXT_MULTILINE,
  PC_TEXT_NAME,
} PcTextKind;

/* The longest text any field may hold, in characters. */
#define PC_TEXT_MAX_CHARS 200000

GQuark    pc_text_error_quark      (void);

/* Checks that @value (nullable: nothing to check) may be stored in the
 * field called @field (a translated noun phrase, "service lead"): valid
 * UTF-8, at most PC_TEXT_MAX_CHARS characters, no control character (but
 * newline and tab in PC_TEXT_MULTILINE), no bidirectional control, no
 * invisible format character, nothing unassigned, private-use or a
 * noncharacter; and for PC_TEXT_NAME, no mix of scripts that UTS #39
 * (moderately restrictive) calls suspicious. The one-line error names
 * the field and the character. */
gboolean  pc_text_check            (const char  *field,
                                    const char  *value,
                                    PcTextKind   kind,
                                    GError     **error);

/* @value in Unicode normalisation form C, the form text is stored in.
 * Returns: (transfer full) (nullable): NULL for NULL or invalid UTF-8. */
char     *pc_text_normalize        (const char  *value);

/* @value trimmed, with every run of white space one space.
 * Returns: (transfer full) (nullable): NULL when nothing is left, or
 * when @value is not valid UTF-8. */
char     *pc_text_tidy_line        (const char  *value);

/* @name tidied, case-folded and composed (NFC): the one normalisation
 * of a name, readable enough to name a file after (a signer's key file),
 * equal for names that differ only in case and runs of white space.
 * pc_text_name_key() goes on from it; whether two names are the same
 * person is pc_text_names_equal()'s to say.
 * Returns: (transfer full) (nullable): NULL for an empty name or invalid
 * UTF-8. */
char     *pc_text_name_fold        (const char  *name);

/* The form two names are compared in: pc_text_name_fold()'s, reduced to
 * its UTS #39 confusable skeleton, so that "Ann  Lee", "ANN
 * LEE" and a look-alike spelled with other scripts' letters have the same
 * key. Only for comparing: never show or store it.
 * Returns: (transfer full) (nullable): NULL for an empty name or invalid
 * UTF-8. */
char     *pc_text_name_key         (const char  *name);

/* TRUE when @text is an id: groups of lower-case ASCII letters and
 * digits joined by single @separators ("people-at-the-heart" with '-',
 * "partly_met" with '_'). */
gboolean  pc_text_is_id            (const char  *text,
                                    char         separator);

/* TRUE when @text is NULL, empty or nothing but white space (any
 * Unicode space, so that a lone no-break space is not evidence);
 * FALSE for invalid UTF-8, which is not blank. */
gboolean  pc_text_is_blank         (const char  *text);

/* TRUE when @a and @b are the same person's name (equal name keys);
 * FALSE when either is empty or NULL. */
gboolean  pc_text_names_equal      (const char  *a,
                                    const char  *b);

/* @text made safe to print on a terminal: every control character (but
 * newline and tab when @multiline), DEL, and every bidirectional or
 * invisible format character is shown as an escape ("\u001b", "\n",
 * "\u202e"), which also reads as the same character in a JSON string.
 * Invalid UTF-8 is shown as U+FFFD. Returns: (transfer full) */
char     *pc_text_escape_terminal  (const char  *text,
                                    gboolean     multiline);

G_END_DECLS
