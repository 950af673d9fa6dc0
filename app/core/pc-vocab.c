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


/* One entry of a vocabulary: the stable id, the untranslated label
 * (marked with N_() here and translated when asked for; NULL for a
 * vocabulary without labels) and, for states, whether it is final. */
typedef struct
{
  const char *id;
  const char *label;
  gboolean    final;
} VocabEntry;

/* The enum tables are indexed by the enum value, so their order must
 * follow the enums in pc-types.h. */
static const VocabEntry ratings[] = {
  [PC_RATING_NOT_ASSESSED]   = { "not_assessed",   N_("Not assessed") },
  [PC_RATING_MET]            = { "met",            N_("Met") },
  [PC_RATING_PARTLY_MET]     = { "partly_met",     N_("Partly met") },
  [PC_RATING_NOT_MET]        = { "not_met",        N_("Not met") },
  [PC_RATING_NOT_APPLICABLE] = { "not_applicable", N_("Not applicable") },
};

/* The order people choose a rating in, with the default last. */
static const guint rating_choices[] = {
  PC_RATING_MET,
  PC_RATING_PARTLY_MET,
  PC_RATING_NOT_MET,
  PC_RATING_NOT_APPLICABLE,
  PC_RATING_NOT_ASSESSED,
};

static const VocabEntry states[] = {
  [PC_STATE_DRAFT]                    = { "draft",                    N_("Draft") },
  [PC_STATE_IN_REVIEW]                = { "in_review",                N_("In review") },
  [PC_STATE_APPROVED]                 = { "approved",                 N_("Approved"), TRUE },
  [PC_STATE_APPROVED_WITH_CONDITIONS] = { "approved_with_conditions", N_("Approved with conditions"), TRUE },
  [PC_STATE_NOT_APPROVED]             = { "not_approved",             N_("Not approved"), TRUE },
};

static const VocabEntry meanings[] = {
  [PC_MEANING_PREPARED]                 = { "prepared",                 N_("Prepared") },
  [PC_MEANING_APPROVED]                 = { "approved",                 N_("Approved") },
  [PC_MEANING_APPROVED_WITH_CONDITIONS] = { "approved_with_conditions", N_("Approved with conditions") },
  [PC_MEANING_NOT_APPROVED]             = { "not_approved",             N_("Not approved") },
  [PC_MEANING_RETURNED]                 = { "returned",                 N_("Returned") },
};

/* A reviewer's decisions: every meaning but the author's "prepared". */
static const guint decision_choices[] = {
  PC_MEANING_APPROVED,
  PC_MEANING_APPROVED_WITH_CONDITIONS,
  PC_MEANING_RETURNED,
  PC_MEANING_NOT_APPROVED,
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

static const VocabEntry levels[] = {
  [PC_LEVEL_WARN]  = { "warn" },
  [PC_LEVEL_BLOCK] = { "block" },
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

/* A vocabulary: its table, and the values offered to people in order
 * (NULL: every value, in the table's order). */
typedef struct
{
  const VocabEntry *entries;
  guint             n_entries;
  const guint      *choices;
  guint             n_choices;
} Vocab;

#define VOCAB(table) { table, G_N_ELEMENTS (table), NULL, 0 }
#define VOCAB_CHOOSING(table, choices) { table, G_N_ELEMENTS (table), choices, G_N_ELEMENTS (choices) }

static const Vocab vocabs[] = {
  [PC_VOCAB_RATING]        = VOCAB_CHOOSING (ratings, rating_choices),
  [PC_VOCAB_STATE]         = VOCAB (states),
  [PC_VOCAB_MEANING]       = VOCAB (meanings),
  [PC_VOCAB_DECISION]      = VOCAB_CHOOSING (meanings, decision_choices),
  [PC_VOCAB_ACTION_STATUS] = VOCAB (action_statuses),
  [PC_VOCAB_KIND]          = VOCAB (kinds),
  [PC_VOCAB_STATUS]        = VOCAB (statuses),
  [PC_VOCAB_LEVEL]         = VOCAB (levels),
  [PC_VOCAB_DIVISION]      = VOCAB (divisions),
  [PC_VOCAB_PRIORITY]      = VOCAB (priorities),
};

#define N_VOCABS G_N_ELEMENTS (vocabs)

static const Vocab *
vocab_get (PcVocab vocab)
{
  g_return_val_if_fail ((guint) vocab < N_VOCABS, &vocabs[0]);

  return &vocabs[vocab];
}

const char * const *
pc_vocab_ids (PcVocab vocab)
{
  static const char **ids[N_VOCABS];
  static gsize initialised = 0;

  g_return_val_if_fail ((guint) vocab < N_VOCABS, NULL);

  /* Built once from the tables, kept for the life of the program. */
  if (g_once_init_enter (&initialised))
    {
      for (guint v = 0; v < N_VOCABS; v++)
        {
          ids[v] = g_new0 (const char *, vocabs[v].n_entries + 1);
          for (guint i = 0; i < vocabs[v].n_entries; i++)
            ids[v][i] = vocabs[v].entries[i].id;
        }
      g_once_init_leave (&initialised, 1);
    }

  return ids[vocab];
}

const char *
pc_vocab_id (PcVocab vocab,
             guint   value)
{
  const Vocab *table = vocab_get (vocab);

  g_return_val_if_fail (value < table->n_entries, NULL);

  return table->entries[value].id;
}

const char *
pc_vocab_label (PcVocab vocab,
                guint   value)
{
  const Vocab *table = vocab_get (vocab);

  g_return_val_if_fail (value < table->n_entries, NULL);

  return table->entries[value].label != NULL ? _(table->entries[value].label) : NULL;
}

guint
pc_vocab_n_choices (PcVocab vocab)
{
  const Vocab *table = vocab_get (vocab);

  return table->choices != NULL ? table->n_choices : table->n_entries;
}

guint
pc_vocab_choice (PcVocab vocab,
                 guint   position)
{
  const Vocab *table = vocab_get (vocab);

  g_return_val_if_fail (position < pc_vocab_n_choices (vocab), 0);

  return table->choices != NULL ? table->choices[position] : position;
}

const char **
pc_vocab_choice_labels (PcVocab vocab)
{
  guint n = pc_vocab_n_choices (vocab);
  const char **labels = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = pc_vocab_label (vocab, pc_vocab_choice (vocab, i));

  return labels;
}

guint
pc_vocab_position (PcVocab vocab,
                   guint   value)
{
  for (guint i = 0; i < pc_vocab_n_choices (vocab); i++)
    if (pc_vocab_choice (vocab, i) == value)
      return i;

  return G_MAXUINT;
}

gboolean
pc_vocab_lookup (PcVocab     vocab,
                 const char *id,
                 guint      *out)
{
  const Vocab *table = vocab_get (vocab);

  if (id == NULL)
    return FALSE;

  for (guint i = 0; i < pc_vocab_n_choices (vocab); i++)
    {
      guint value = pc_vocab_choice (vocab, i);

      if (strcmp (table->entries[value].id, id) == 0)
        {
          if (out != NULL)
            *out = value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
pc_vocab_id_to_label (PcVocab     vocab,
                      const char *id)
{
  guint value;

  if (!pc_vocab_lookup (vocab, id, &value))
    return NULL;

  return pc_vocab_label (vocab, value);
}

/* The ids of the choices but the last, joined by ", ", and the last. */
static char *
describe_head (PcVocab      vocab,
               const char **last)
{
  guint n = pc_vocab_n_choices (vocab);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, pc_vocab_id (vocab, pc_vocab_choice (vocab, i)));
    }
  *last = n > 0 ? pc_vocab_id (vocab, pc_vocab_choice (vocab, n - 1)) : "";

  return g_string_free (str, FALSE);
}

char *
pc_vocab_describe (PcVocab vocab)
{
  const char *last;
  g_autofree char *head = describe_head (vocab, &last);

  return *head != '\0' ? g_strconcat (head, ", ", last, NULL) : g_strdup (last);
}

char *
pc_vocab_alternatives (PcVocab vocab)
{
  const char *last;
  g_autofree char *head = describe_head (vocab, &last);

  /* Translators: the last of a list of ids people may choose from:
   * "open, in_progress or done". */
  return *head != '\0' ? g_strdup_printf (_("%s or %s"), head, last) : g_strdup (last);
}

#define DEFINE_VOCAB(prefix, Type, vocab)                                   \
  const char *                                                              \
  prefix##_to_string (Type value)                                           \
  {                                                                         \
    return pc_vocab_id (vocab, value);                                      \
  }                                                                         \
                                                                            \
  const char *                                                              \
  prefix##_to_label (Type value)                                            \
  {                                                                         \
    return pc_vocab_label (vocab, value);                                   \
  }                                                                         \
                                                                            \
  gboolean                                                                  \
  prefix##_from_string (const char *str,                                    \
                        Type       *out)                                    \
  {                                                                         \
    guint value;                                                            \
                                                                            \
    if (!pc_vocab_lookup (vocab, str, &value))                              \
      return FALSE;                                                         \
    if (out != NULL)                                                        \
      *out = (Type) value;                                                  \
    return TRUE;                                                            \
  }

DEFINE_VOCAB (pc_rating, PcRating, PC_VOCAB_RATING)
DEFINE_VOCAB (pc_state, PcState, PC_VOCAB_STATE)
DEFINE_VOCAB (pc_meaning, PcMeaning, PC_VOCAB_MEANING)
DEFINE_VOCAB (pc_action_status, PcActionStatus, PC_VOCAB_ACTION_STATUS)
DEFINE_VOCAB (pc_kind, PcChangeKind, PC_VOCAB_KIND)
DEFINE_VOCAB (pc_status, PcStatus, PC_VOCAB_STATUS)
DEFINE_VOCAB (pc_level, PcLevel, PC_VOCAB_LEVEL)

gboolean
pc_state_is_final (PcState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (states), FALSE);

  return states[state].final;
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
