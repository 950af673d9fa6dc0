/* pc-vocab.c: the fixed vocabularies of an assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-vocab"

#include "config.h"

#include "pc-vocab.h"

#include <glib/gi18n.h>
#include <string.h>


/* One entry of a vocabulary: the stable id and the untranslated label.
 * Labels are marked with N_() here and translated when they are asked
 * for. */
typedef struct
{
  const char *id;
  const char *label;
} VocabEntry;

/* The tables below are indexed by the enum value, so their order must
 * follow the enums in pc-types.h. */
static const VocabEntry ratings[] = {
  [PC_RATING_NOT_ASSESSED]   = { "not_assessed",   N_("Not assessed") },
  [PC_RATING_MET]            = { "met",            N_("Met") },
  [PC_RATING_PARTLY_MET]     = { "partly_met",     N_("Partly met") },
  [PC_RATING_NOT_MET]        = { "not_met",        N_("Not met") },
  [PC_RATING_NOT_APPLICABLE] = { "not_applicable", N_("Not applicable") },
};

static const VocabEntry states[] = {
  [PC_STATE_DRAFT]                    = { "draft",                    N_("Draft") },
  [PC_STATE_IN_REVIEW]                = { "in_review",                N_("In review") },
  [PC_STATE_APPROVED]                 = { "approved",                 N_("Approved") },
  [PC_STATE_APPROVED_WITH_CONDITIONS] = { "approved_with_conditions", N_("Approved with conditions") },
  [PC_STATE_NOT_APPROVED]             = { "not_approved",             N_("Not approved") },
};

static const VocabEntry meanings[] = {
  [PC_MEANING_PREPARED]                 = { "prepared",                 N_("Prepared") },
  [PC_MEANING_APPROVED]                 = { "approved",                 N_("Approved") },
  [PC_MEANING_APPROVED_WITH_CONDITIONS] = { "approved_with_conditions", N_("Approved with conditions") },
  [PC_MEANING_NOT_APPROVED]             = { "not_approved",             N_("Not approved") },
  [PC_MEANING_RETURNED]                 = { "returned",                 N_("Returned") },
};

static const VocabEntry action_statuses[] = {
  [PC_ACTION_OPEN]        = { "open",        N_("Open") },
  [PC_ACTION_IN_PROGRESS] = { "in_progress", N_("In progress") },
  [PC_ACTION_DONE]        = { "done",        N_("Done") },
};

static const VocabEntry kinds[] = {
  [PC_KIND_NEW_SERVICE]      = { "new_service",      N_("New service") },
  [PC_KIND_SERVICE_CHANGE]   = { "service_change",   N_("Service change") },
  [PC_KIND_PATHWAY_REDESIGN] = { "pathway_redesign", N_("Pathway redesign") },
  [PC_KIND_SERVICE_CLOSURE]  = { "service_closure",  N_("Service closure") },
};

static const VocabEntry statuses[] = {
  [PC_STATUS_GREY]  = { "grey",  N_("Not yet assessed") },
  [PC_STATUS_GREEN] = { "green", N_("Met") },
  [PC_STATUS_AMBER] = { "amber", N_("Partly met") },
  [PC_STATUS_RED]   = { "red",   N_("Not met") },
};

static const char * const levels[] = {
  [PC_LEVEL_WARN]  = "warn",
  [PC_LEVEL_BLOCK] = "block",
};

/* The Trust's divisions, as named in its clinical strategy. */
static const VocabEntry divisions[] = {
  { "barnet_mental_health",              N_("Barnet Mental Health") },
  { "enfield_mental_health",             N_("Enfield Mental Health") },
  { "haringey_mental_health",            N_("Haringey Mental Health") },
  { "enfield_community_services",        N_("Enfield Community Services") },
  { "specialist_mental_health_services", N_("Specialist Mental Health Services") },
  { "other",                             N_("Other") },
};

static const char * const division_ids[] = {
  "barnet_mental_health",
  "enfield_mental_health",
  "haringey_mental_health",
  "enfield_community_services",
  "specialist_mental_health_services",
  "other",
  NULL
};

/* The five clinical priorities of the Trust's clinical strategy ("Our
 * clinical priorities"). */
static const VocabEntry priorities[] = {
  { "urgent_crisis_care",
    N_("Improve the urgent and crisis mental health pathway for adults and older adults") },
  { "community_mental_health_adults",
    N_("Transform the community mental health model for adults and older adults") },
  { "community_mental_health_young_people",
    N_("Transform the community mental health model for children and young people") },
  { "community_physical_health",
    N_("Develop sustainable community physical health services, integrated with mental health care where needed") },
  { "specialist_services",
    N_("Maintain world-class excellence in specialist services") },
};

static const char * const priority_ids[] = {
  "urgent_crisis_care",
  "community_mental_health_adults",
  "community_mental_health_young_people",
  "community_physical_health",
  "specialist_services",
  NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (divisions) + 1 == G_N_ELEMENTS (division_ids));
G_STATIC_ASSERT (G_N_ELEMENTS (priorities) + 1 == G_N_ELEMENTS (priority_ids));

static const char *
entry_id (const VocabEntry *table,
          guint             n_entries,
          guint             value)
{
  g_return_val_if_fail (value < n_entries, NULL);

  return table[value].id;
}

static const char *
entry_label (const VocabEntry *table,
             guint             n_entries,
             guint             value)
{
  g_return_val_if_fail (value < n_entries, NULL);

  return _(table[value].label);
}

/* Finds @str among the ids of @table. The comparison is exact: labels,
 * other cases and surrounding white space are all refused. */
static gboolean
entry_lookup (const VocabEntry *table,
              guint             n_entries,
              const char       *str,
              guint            *out)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      if (strcmp (table[i].id, str) == 0)
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
open_list_label (const VocabEntry *table,
                 guint             n_entries,
                 const char       *id)
{
  guint index;

  if (!entry_lookup (table, n_entries, id, &index))
    return NULL;

  return _(table[index].label);
}

const char *
pc_rating_to_string (PcRating rating)
{
  return entry_id (ratings, G_N_ELEMENTS (ratings), rating);
}

const char *
pc_rating_to_label (PcRating rating)
{
  return entry_label (ratings, G_N_ELEMENTS (ratings), rating);
}

gboolean
pc_rating_from_string (const char *str,
                       PcRating   *out)
{
  guint value;

  if (!entry_lookup (ratings, G_N_ELEMENTS (ratings), str, &value))
    return FALSE;

  if (out != NULL)
    *out = (PcRating) value;
  return TRUE;
}

const char *
pc_state_to_string (PcState state)
{
  return entry_id (states, G_N_ELEMENTS (states), state);
}

const char *
pc_state_to_label (PcState state)
{
  return entry_label (states, G_N_ELEMENTS (states), state);
}

gboolean
pc_state_from_string (const char *str,
                      PcState    *out)
{
  guint value;

  if (!entry_lookup (states, G_N_ELEMENTS (states), str, &value))
    return FALSE;

  if (out != NULL)
    *out = (PcState) value;
  return TRUE;
}

gboolean
pc_state_is_final (PcState state)
{
  switch (state)
    {
    case PC_STATE_APPROVED:
    case PC_STATE_APPROVED_WITH_CONDITIONS:
    case PC_STATE_NOT_APPROVED:
      return TRUE;

    case PC_STATE_DRAFT:
    case PC_STATE_IN_REVIEW:
    default:
      return FALSE;
    }
}

const char *
pc_meaning_to_string (PcMeaning meaning)
{
  return entry_id (meanings, G_N_ELEMENTS (meanings), meaning);
}

const char *
pc_meaning_to_label (PcMeaning meaning)
{
  return entry_label (meanings, G_N_ELEMENTS (meanings), meaning);
}

gboolean
pc_meaning_from_string (const char *str,
                        PcMeaning  *out)
{
  guint value;

  if (!entry_lookup (meanings, G_N_ELEMENTS (meanings), str, &value))
    return FALSE;

  if (out != NULL)
    *out = (PcMeaning) value;
  return TRUE;
}

const char *
pc_action_status_to_string (PcActionStatus status)
{
  return entry_id (action_statuses, G_N_ELEMENTS (action_statuses), status);
}

const char *
pc_action_status_to_label (PcActionStatus status)
{
  return entry_label (action_statuses, G_N_ELEMENTS (action_statuses), status);
}

gboolean
pc_action_status_from_string (const char     *str,
                              PcActionStatus *out)
{
  guint value;

  if (!entry_lookup (action_statuses, G_N_ELEMENTS (action_statuses), str, &value))
    return FALSE;

  if (out != NULL)
    *out = (PcActionStatus) value;
  return TRUE;
}

const char *
pc_kind_to_string (PcChangeKind kind)
{
  return entry_id (kinds, G_N_ELEMENTS (kinds), kind);
}

const char *
pc_kind_to_label (PcChangeKind kind)
{
  return entry_label (kinds, G_N_ELEMENTS (kinds), kind);
}

gboolean
pc_kind_from_string (const char   *str,
                     PcChangeKind *out)
{
  guint value;

  if (!entry_lookup (kinds, G_N_ELEMENTS (kinds), str, &value))
    return FALSE;

  if (out != NULL)
    *out = (PcChangeKind) value;
  return TRUE;
}

const char *
pc_status_to_string (PcStatus status)
{
  return entry_id (statuses, G_N_ELEMENTS (statuses), status);
}

const char *
pc_status_to_label (PcStatus status)
{
  return entry_label (statuses, G_N_ELEMENTS (statuses), status);
}

const char *
pc_level_to_string (PcLevel level)
{
  g_return_val_if_fail ((guint) level < G_N_ELEMENTS (levels), NULL);

  return levels[level];
}

const char * const *
pc_division_ids (void)
{
  return division_ids;
}

const char *
pc_division_to_label (const char *id)
{
  return open_list_label (divisions, G_N_ELEMENTS (divisions), id);
}

const char * const *
pc_priority_ids (void)
{
  return priority_ids;
}

const char *
pc_priority_to_label (const char *id)
{
  return open_list_label (priorities, G_N_ELEMENTS (priorities), id);
}

char *
pc_vocab_describe_ratings (void)
{
  /* The order people choose in, with the default last. */
  static const PcRating order[] = {
    PC_RATING_MET,
    PC_RATING_PARTLY_MET,
    PC_RATING_NOT_MET,
    PC_RATING_NOT_APPLICABLE,
    PC_RATING_NOT_ASSESSED,
  };
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, pc_rating_to_string (order[i]));
    }

  return g_string_free (str, FALSE);
}

/* Reads exactly @n_digits ASCII digits from @str. */
static gboolean
parse_digits (const char *str,
              guint       n_digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (guint) g_ascii_digit_value (str[i]);
    }

  *out = value;
  return TRUE;
}

gboolean
pc_date_is_valid (const char *str)
{
  guint year;
  guint month;
  guint day;

  if (str == NULL || strlen (str) != 10)
    return FALSE;

  if (str[4] != '-' || str[7] != '-')
    return FALSE;

  if (!parse_digits (str, 4, &year) ||
      !parse_digits (str + 5, 2, &month) ||
      !parse_digits (str + 8, 2, &day))
    return FALSE;

  if (year < 1 || month < 1 || month > 12 || day < 1)
    return FALSE;

  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
pc_utc_time_is_valid (const char *str)
{
  char date[11];
  guint hour;
  guint minute;
  guint second;

  if (str == NULL || strlen (str) != 20)
    return FALSE;

  if (str[10] != 'T' || str[13] != ':' || str[16] != ':' || str[19] != 'Z')
    return FALSE;

  memcpy (date, str, 10);
  date[10] = '\0';

  return pc_date_is_valid (date) &&
         parse_digits (str + 11, 2, &hour) && hour < 24 &&
         parse_digits (str + 14, 2, &minute) && minute < 60 &&
         parse_digits (str + 17, 2, &second) && second < 60;
}

GDate *
pc_date_new_utc (GDateTime *when)
{
  g_autoptr(GDateTime) utc = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (utc),
                         (GDateMonth) g_date_time_get_month (utc),
                         (GDateYear) g_date_time_get_year (utc));
}
