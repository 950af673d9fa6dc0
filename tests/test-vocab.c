/* test-vocab.c: the fixed vocabularies, dates and names
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-text.h"
#include "pc-vocab.h"

#include <string.h>

static void
test_ratings (void)
{
  static const PcRating all[] = {
    PC_RATING_NOT_ASSESSED,
    PC_RATING_MET,
    PC_RATING_PARTLY_MET,
    PC_RATING_NOT_MET,
    PC_RATING_NOT_APPLICABLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *id = pc_rating_to_string (all[i]);
      PcRating back = -1;

      g_assert_nonnull (id);
      g_assert_nonnull (pc_rating_to_label (all[i]));
      g_assert_true (pc_rating_from_string (id, &back));
      g_assert_cmpint (back, ==, all[i]);
    }

  g_assert_cmpstr (pc_rating_to_string (PC_RATING_PARTLY_MET), ==, "partly_met");
  g_assert_cmpstr (pc_rating_to_label (PC_RATING_PARTLY_MET), ==, "Partly met");
  g_assert_cmpstr (pc_rating_to_label (PC_RATING_NOT_APPLICABLE), ==, "Not applicable");
}

static void
test_states (void)
{
  static const PcState all[] = {
    PC_STATE_DRAFT,
    PC_STATE_IN_REVIEW,
    PC_STATE_APPROVED,
    PC_STATE_APPROVED_WITH_CONDITIONS,
    PC_STATE_NOT_APPROVED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *id = pc_state_to_string (all[i]);
      PcState back = -1;

      g_assert_nonnull (id);
      g_assert_nonnull (pc_state_to_label (all[i]));
      g_assert_true (pc_state_from_string (id, &back));
      g_assert_cmpint (back, ==, all[i]);
    }

  g_assert_cmpstr (pc_state_to_string (PC_STATE_APPROVED_WITH_CONDITIONS), ==,
                   "approved_with_conditions");
  g_assert_cmpstr (pc_state_to_label (PC_STATE_IN_REVIEW), ==, "In review");

  g_assert_false (pc_state_is_final (PC_STATE_DRAFT));
  g_assert_false (pc_state_is_final (PC_STATE_IN_REVIEW));
  g_assert_true (pc_state_is_final (PC_STATE_APPROVED));
  g_assert_true (pc_state_is_final (PC_STATE_APPROVED_WITH_CONDITIONS));
  g_assert_true (pc_state_is_final (PC_STATE_NOT_APPROVED));

  /* Returned is a meaning, not a state. */
  g_assert_false (pc_state_from_string ("returned", NULL));
}

static void
test_meanings (void)
{
  static const PcMeaning all[] = {
    PC_MEANING_PREPARED,
    PC_MEANING_APPROVED,
    PC_MEANING_APPROVED_WITH_CONDITIONS,
    PC_MEANING_NOT_APPROVED,
    PC_MEANING_RETURNED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *id = pc_meaning_to_string (all[i]);
      PcMeaning back = -1;

      g_assert_nonnull (id);
      g_assert_nonnull (pc_meaning_to_label (all[i]));
      g_assert_true (pc_meaning_from_string (id, &back));
      g_assert_cmpint (back, ==, all[i]);
    }

  g_assert_cmpstr (pc_meaning_to_string (PC_MEANING_RETURNED), ==, "returned");
}

static void
test_action_statuses (void)
{
  static const PcActionStatus all[] = {
    PC_ACTION_OPEN,
    PC_ACTION_IN_PROGRESS,
    PC_ACTION_DONE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *id = pc_action_status_to_string (all[i]);
      PcActionStatus back = -1;

      g_assert_nonnull (id);
      g_assert_nonnull (pc_action_status_to_label (all[i]));
      g_assert_true (pc_action_status_from_string (id, &back));
      g_assert_cmpint (back, ==, all[i]);
    }

  g_assert_cmpstr (pc_action_status_to_string (PC_ACTION_IN_PROGRESS), ==, "in_progress");
}

static void
test_kinds (void)
{
  static const PcChangeKind all[] = {
    PC_KIND_NEW_SERVICE,
    PC_KIND_SERVICE_CHANGE,
    PC_KIND_PATHWAY_REDESIGN,
    PC_KIND_SERVICE_CLOSURE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      const char *id = pc_kind_to_string (all[i]);
      PcChangeKind back = -1;

      g_assert_nonnull (id);
      g_assert_nonnull (pc_kind_to_label (all[i]));
      g_assert_true (pc_kind_from_string (id, &back));
      g_assert_cmpint (back, ==, all[i]);
    }

  g_assert_cmpstr (pc_kind_to_label (PC_KIND_PATHWAY_REDESIGN), ==, "Pathway redesign");
}

static void
test_statuses_and_levels (void)
{
  g_assert_cmpstr (pc_status_to_string (PC_STATUS_GREY), ==, "grey");
  g_assert_cmpstr (pc_status_to_string (PC_STATUS_GREEN), ==, "green");
  g_assert_cmpstr (pc_status_to_string (PC_STATUS_AMBER), ==, "amber");
  g_assert_cmpstr (pc_status_to_string (PC_STATUS_RED), ==, "red");
  g_assert_cmpstr (pc_status_to_label (PC_STATUS_GREY), ==, "Not yet assessed");
  g_assert_cmpstr (pc_status_to_label (PC_STATUS_RED), ==, "Not met");

  g_assert_cmpstr (pc_level_to_string (PC_LEVEL_WARN), ==, "warn");
  g_assert_cmpstr (pc_level_to_string (PC_LEVEL_BLOCK), ==, "block");
}

static void
test_divisions (void)
{
  const char * const *ids = pc_vocab_ids (PC_VOCAB_DIVISION);
  guint n = 0;

  for (; ids[n] != NULL; n++)
    g_assert_nonnull (pc_vocab_id_to_label (PC_VOCAB_DIVISION, ids[n]));

  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (pc_vocab_id_to_label (PC_VOCAB_DIVISION, "haringey_mental_health"), ==,
                   "Haringey Mental Health");
  g_assert_cmpstr (pc_vocab_id_to_label (PC_VOCAB_DIVISION, "other"), ==, "Other");
}

static void
test_priorities (void)
{
  const char * const *ids = pc_vocab_ids (PC_VOCAB_PRIORITY);
  guint n = 0;

  for (; ids[n] != NULL; n++)
    g_assert_nonnull (pc_vocab_id_to_label (PC_VOCAB_PRIORITY, ids[n]));

  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (pc_vocab_id_to_label (PC_VOCAB_PRIORITY, "specialist_services"), ==,
                   "Maintain world-class excellence in specialist services");
}

static void
test_unknown_ids (void)
{
  static const char * const bad[] = {
    "", "Met", "MET", " met", "met ", "partly met", "partly-met", "Not assessed", "unknown",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PcRating rating = PC_RATING_MET;

      g_assert_false (pc_rating_from_string (bad[i], &rating));
      /* A refused id leaves the output alone. */
      g_assert_cmpint (rating, ==, PC_RATING_MET);
    }

  g_assert_false (pc_rating_from_string (NULL, NULL));
  g_assert_false (pc_state_from_string ("Draft", NULL));
  g_assert_false (pc_state_from_string ("in review", NULL));
  g_assert_false (pc_meaning_from_string ("approve", NULL));
  g_assert_false (pc_action_status_from_string ("closed", NULL));
  g_assert_false (pc_action_status_from_string ("In progress", NULL));
  g_assert_false (pc_kind_from_string ("New service", NULL));
  g_assert_false (pc_kind_from_string ("", NULL));

  g_assert_null (pc_vocab_id_to_label (PC_VOCAB_DIVISION, "Barnet Mental Health"));
  g_assert_null (pc_vocab_id_to_label (PC_VOCAB_DIVISION, ""));
  g_assert_null (pc_vocab_id_to_label (PC_VOCAB_DIVISION, NULL));
  g_assert_null (pc_vocab_id_to_label (PC_VOCAB_PRIORITY, "urgent"));
  g_assert_null (pc_vocab_id_to_label (PC_VOCAB_PRIORITY, NULL));
}

static void
test_describe_ratings (void)
{
  g_autofree char *text = pc_vocab_describe (PC_VOCAB_RATING);

  g_assert_cmpstr (text, ==, "met, partly_met, not_met, not_applicable, not_assessed");
}

/* The lists derived from the tables: what a file may hold (enum order),
 * and what people choose from (their order). */
static void
test_lists (void)
{
  g_autofree char *kinds = pc_vocab_alternatives (PC_VOCAB_KIND);
  g_autofree char *decisions = pc_vocab_alternatives (PC_VOCAB_DECISION);
  g_autofree char *meanings = pc_vocab_describe (PC_VOCAB_MEANING);
  g_autofree const char **states = pc_vocab_choice_labels (PC_VOCAB_STATE);
  const char * const *ratings = pc_vocab_ids (PC_VOCAB_RATING);
  guint value;

  g_assert_cmpstr (kinds, ==, "new_service, service_change, pathway_redesign or service_closure");
  g_assert_cmpstr (decisions, ==, "approved, approved_with_conditions, returned or not_approved");
  g_assert_cmpstr (meanings, ==, "prepared, approved, approved_with_conditions, not_approved, returned");

  g_assert_cmpuint (g_strv_length ((char **) ratings), ==, 5);
  g_assert_cmpstr (ratings[0], ==, "not_assessed");
  g_assert_cmpstr (ratings[4], ==, "not_applicable");

  g_assert_cmpuint (g_strv_length ((char **) states), ==, 5);
  g_assert_cmpstr (states[1], ==, "In review");

  /* "prepared" is a meaning but not a reviewer's decision. */
  g_assert_true (pc_vocab_lookup (PC_VOCAB_MEANING, "prepared", NULL));
  g_assert_false (pc_vocab_lookup (PC_VOCAB_DECISION, "prepared", NULL));
  g_assert_true (pc_vocab_lookup (PC_VOCAB_DECISION, "returned", &value));
  g_assert_cmpuint (value, ==, PC_MEANING_RETURNED);
  g_assert_cmpuint (pc_vocab_position (PC_VOCAB_DECISION, PC_MEANING_RETURNED), ==, 2);
  g_assert_cmpuint (pc_vocab_position (PC_VOCAB_DECISION, PC_MEANING_PREPARED), ==, G_MAXUINT);
  g_assert_cmpuint (pc_vocab_position (PC_VOCAB_RATING, PC_RATING_NOT_ASSESSED), ==, 4);

  g_assert_null (pc_level_to_label (PC_LEVEL_BLOCK));
  g_assert_cmpstr (pc_level_to_string (PC_LEVEL_BLOCK), ==, "block");
}

static void
test_dates (void)
{
  static const char * const good[] = {
    "2026-01-05", "2026-12-31", "2024-02-29", "2000-02-29", "2026-02-28", "0001-01-01",
  };
  static const char * const bad[] = {
    "2026-02-29",   /* 2026 is not a leap year. */
    "1900-02-29",   /* Neither is 1900. */
    "2026-1-5",
    "2026-01-5",
    "26-01-05",
    "2026/01/05",
    "2026-01-05 ",
    " 2026-01-05",
    "2026-01-05T10:00:00Z",
    "2026-01-05x",
    "2026-13-01",
    "2026-00-10",
    "2026-04-31",
    "2026-01-00",
    "0000-01-01",
    "+026-01-05",
    "2026-0a-05",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (pc_date_is_valid (good[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (pc_date_is_valid (bad[i]))
        g_error ("“%s” was accepted as a date", bad[i]);
    }

  g_assert_false (pc_date_is_valid (NULL));
}

static void
test_utc_times (void)
{
  static const char * const good[] = {
    "2026-11-22T10:15:00Z", "2028-02-29T00:00:00Z", "2026-12-31T23:59:59Z",
  };
  static const char * const bad[] = {
    "2026-02-30T10:15:00Z", "2026-13-01T25:61:00Z", "2026-11-22T24:00:00Z",
    "2026-11-22T10:60:00Z", "2026-11-22T10:15:60Z", "2027-02-29T10:15:00Z",
    "2026-11-22T10:15:00", "2026-11-22 10:15:00Z", "2026-11-22T10:15:00+00:00",
    "2026-11-22T1a:15:00Z", "", "2026-11-22",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (pc_utc_time_is_valid (good[i]));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (pc_utc_time_is_valid (bad[i]))
        g_error ("“%s” was accepted as a UTC time", bad[i]);
    }

  g_assert_false (pc_utc_time_is_valid (NULL));
}

static void
test_names (void)
{
  g_assert_true (pc_text_names_equal ("Ann Lee", "Ann Lee"));
  g_assert_true (pc_text_names_equal ("Dr  Ann Lee", "dr ann lee"));
  g_assert_true (pc_text_names_equal ("  Ann\tLee \n", "ann lee"));
  g_assert_true (pc_text_names_equal ("ANN LEE", "ann lee"));
  g_assert_true (pc_text_names_equal ("Zoë Ünal", "ZOË ünal"));
  /* A non-breaking space is white space too. */
  g_assert_true (pc_text_names_equal ("Ann\xc2\xa0Lee", "Ann Lee"));
  /* Composed and decomposed accents are the same letter. */
  g_assert_true (pc_text_names_equal ("Jos\xc3\xa9", "Jose\xcc\x81"));

  g_assert_false (pc_text_names_equal ("Ann Lee", "Anne Lee"));
  g_assert_false (pc_text_names_equal ("AnnLee", "Ann Lee"));
  g_assert_false (pc_text_names_equal ("Ann Lee", "Lee Ann"));

  g_assert_false (pc_text_names_equal (NULL, NULL));
  g_assert_false (pc_text_names_equal (NULL, "Ann Lee"));
  g_assert_false (pc_text_names_equal ("Ann Lee", NULL));
  g_assert_false (pc_text_names_equal ("", ""));
  g_assert_false (pc_text_names_equal ("   ", " "));
  g_assert_false (pc_text_names_equal ("", "Ann Lee"));
  /* Text that is not UTF-8 is nobody's name. */
  g_assert_false (pc_text_names_equal ("Ann\xff", "Ann\xff"));
}

/* "Today" is the day in UTC wherever the clock is: a time just after
 * midnight in Istanbul is still yesterday in UTC. */
static void
test_date_utc (void)
{
  g_autoptr(GTimeZone) istanbul = g_time_zone_new_identifier ("+03:00");
  g_autoptr(GDateTime) after_midnight = g_date_time_new (istanbul, 2026, 11, 23, 0, 30, 0);
  g_autoptr(GDateTime) afternoon = g_date_time_new (istanbul, 2026, 11, 23, 15, 0, 0);
  g_autoptr(GDate) day1 = pc_date_new_utc (after_midnight);
  g_autoptr(GDate) day2 = pc_date_new_utc (afternoon);
  g_autoptr(GDate) today = pc_date_new_utc (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (istanbul);
  g_assert_cmpint (g_date_get_year (day1), ==, 2026);
  g_assert_cmpint (g_date_get_month (day1), ==, G_DATE_NOVEMBER);
  g_assert_cmpint (g_date_get_day (day1), ==, 22);
  g_assert_cmpint (g_date_get_day (day2), ==, 23);
  g_assert_true (g_date_valid (today));
  g_assert_cmpint (g_date_get_year (today), ==, g_date_time_get_year (now));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/vocab/ratings", test_ratings);
  g_test_add_func ("/pc/vocab/states", test_states);
  g_test_add_func ("/pc/vocab/meanings", test_meanings);
  g_test_add_func ("/pc/vocab/action-statuses", test_action_statuses);
  g_test_add_func ("/pc/vocab/kinds", test_kinds);
  g_test_add_func ("/pc/vocab/statuses-and-levels", test_statuses_and_levels);
  g_test_add_func ("/pc/vocab/divisions", test_divisions);
  g_test_add_func ("/pc/vocab/priorities", test_priorities);
  g_test_add_func ("/pc/vocab/unknown-ids", test_unknown_ids);
  g_test_add_func ("/pc/vocab/describe-ratings", test_describe_ratings);
  g_test_add_func ("/pc/vocab/lists", test_lists);
  g_test_add_func ("/pc/vocab/dates", test_dates);
  g_test_add_func ("/pc/vocab/utc-times", test_utc_times);
  g_test_add_func ("/pc/vocab/date-utc", test_date_utc);
  g_test_add_func ("/pc/vocab/names", test_names);

  return g_test_run ();
}
