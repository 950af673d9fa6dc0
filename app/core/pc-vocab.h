/* pc-vocab.h: the fixed vocabularies of an assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-types.h"

G_BEGIN_DECLS

/* Each vocabulary has a stable id (stored, exported, typed on the command
 * line) and a label in words (shown to people, translated). The
 * from_string functions accept the id only and return FALSE for anything
 * else. */

const char *pc_rating_to_string         (PcRating        rating);
const char *pc_rating_to_label          (PcRating        rating);
gboolean    pc_rating_from_string       (const char     *str,
                                         PcRating       *out);

const char *pc_state_to_string          (PcState         state);
const char *pc_state_to_label           (PcState         state);
gboolean    pc_state_from_string        (const char     *str,
                                         PcState        *out);
gboolean    pc_state_is_final           (PcState         state);

const char *pc_meaning_to_string        (PcMeaning       meaning);
const char *pc_meaning_to_label         (PcMeaning       meaning);
gboolean    pc_meaning_from_string      (const char     *str,
                                         PcMeaning      *out);

const char *pc_action_status_to_string  (PcActionStatus  status);
const char *pc_action_status_to_label   (PcActionStatus  status);
gboolean    pc_action_status_from_string (const char    *str,
                                          PcActionStatus *out);

const char *pc_kind_to_string           (PcChangeKind    kind);
const char *pc_kind_to_label            (PcChangeKind    kind);
gboolean    pc_kind_from_string         (const char     *str,
                                         PcChangeKind   *out);

const char *pc_status_to_string         (PcStatus        status);
const char *pc_status_to_label          (PcStatus        status);

const char *pc_level_to_string          (PcLevel         level);

/* Divisions and clinical priorities are open lists of ids with labels;
 * the functions return NULL for an unknown id. */
const char * const *pc_division_ids     (void);
const char *pc_division_to_label        (const char     *id);
const char * const *pc_priority_ids     (void);
const char *pc_priority_to_label        (const char     *id);

/* A short list of every id of a vocabulary, for error messages:
 * "met, partly_met, not_met, not_applicable, not_assessed". */
char       *pc_vocab_describe_ratings   (void);

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
