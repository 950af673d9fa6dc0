/* pc-vocab.h: the fixed vocabularies of an assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-types.h"

G_BEGIN_DECLS

/* Each vocabulary is one table in pc-vocab.c: a stable id (stored,
 * exported, typed on the command line) and a label in words (shown to
 * people, translated) for each value, and whatever else belongs to the
 * value (whether a state is final). Everything below is derived from
 * those tables: the CLI, the window, the report and the validators ask
 * here rather than spell the ids out again. */
typedef enum
{
  PC_VOCAB_RATING,
  PC_VOCAB_STATE,
  PC_VOCAB_MEANING,
  PC_VOCAB_DECISION,        /* the meanings a reviewer chooses from */
  PC_VOCAB_ACTION_STATUS,
  PC_VOCAB_KIND,
  PC_VOCAB_STATUS,
  PC_VOCAB_LEVEL,
  PC_VOCAB_DIVISION,        /* an open list of ids: values are positions */
  PC_VOCAB_PRIORITY,        /* likewise */
} PcVocab;

/* Every id of @vocab in the order of its values (the enum's, or the
 * table's for divisions and priorities), NULL-terminated: what a file may
 * hold. PC_VOCAB_DECISION has the ids of every meaning. Transfer none. */
const char * const *pc_vocab_ids        (PcVocab      vocab);

/* The id and the (translated) label of @value (a value outside the table
 * is a programmer's error); the label is NULL for a vocabulary without
 * labels (levels). */
const char *pc_vocab_id                 (PcVocab      vocab,
                                         guint        value);
const char *pc_vocab_label              (PcVocab      vocab,
                                         guint        value);

/* Finds @id (exactly: labels, other cases and white space are refused)
 * among the choices of @vocab, and stores its value in @out (nullable). */
gboolean    pc_vocab_lookup             (PcVocab      vocab,
                                         const char  *id,
                                         guint       *out);

/* The label of @id, or NULL when @id is not one of @vocab's choices. */
const char *pc_vocab_id_to_label        (PcVocab      vocab,
                                         const char  *id);

/* The values people choose from, in the order they are offered (for a
 * drop-down, --help, an error message): every value in order, but for
 * ratings (met first, not assessed last) and decisions (not "prepared";
 * "returned" before "not approved"). */
guint       pc_vocab_n_choices          (PcVocab      vocab);
guint       pc_vocab_choice             (PcVocab      vocab,
                                         guint        position);
/* The labels of the choices, in order, NULL-terminated (for a drop-down).
 * Returns: (transfer container) */
const char **pc_vocab_choice_labels     (PcVocab      vocab);

/* Where @value is among the choices, or G_MAXUINT when it is not one. */
guint       pc_vocab_position           (PcVocab      vocab,
                                         guint        value);

/* The ids of the choices, for messages: "met, partly_met, not_met,
 * not_applicable, not_assessed" (describe) or "open, in_progress or
 * done" (alternatives, with a translated "or").
 * Returns: (transfer full) */
char       *pc_vocab_describe           (PcVocab      vocab);
char       *pc_vocab_alternatives       (PcVocab      vocab);

/* The typed forms of the above for each enum vocabulary: to_string (the
 * id), to_label and from_string (the id only; FALSE for anything else). */
#define PC_DECLARE_VOCAB(prefix, Type)                                      \
  const char *prefix##_to_string   (Type        value);                     \
  const char *prefix##_to_label    (Type        value);                     \
  gboolean    prefix##_from_string (const char *str,                        \
                                    Type       *out);

PC_DECLARE_VOCAB (pc_rating, PcRating)
PC_DECLARE_VOCAB (pc_state, PcState)
PC_DECLARE_VOCAB (pc_meaning, PcMeaning)
PC_DECLARE_VOCAB (pc_action_status, PcActionStatus)
PC_DECLARE_VOCAB (pc_kind, PcChangeKind)
PC_DECLARE_VOCAB (pc_status, PcStatus)
PC_DECLARE_VOCAB (pc_level, PcLevel)

/* TRUE for the states an assessment's review ends in. */
gboolean    pc_state_is_final           (PcState      state);

/* TRUE when @str is a real calendar date written YYYY-MM-DD. */
gboolean    pc_date_is_valid            (const char     *str);

/* TRUE when @str is a real UTC time written YYYY-MM-DDTHH:MM:SSZ: a
 * real calendar date, hours 00-23, minutes and seconds 00-59. */
gboolean    pc_utc_time_is_valid        (const char     *str);

/* The calendar day of @when in UTC (NULL: now), the day every "today"
 * of the program is: overdue actions, review dates, the linter's.
 * Returns: (transfer full) */
GDate      *pc_date_new_utc             (GDateTime      *when);

G_END_DECLS
