/* test-lint.c: the completeness rules and the principle status
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-lint.h"

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-vocab.h"

#include <string.h>

/* Two principles: "a" with two prompts, "b" with three. */
static const char checklist_json[] =
  "{\"format\":\"principle-check-checklist\",\"format_version\":1,"
  "\"id\":\"t\",\"version\":1,\"title\":\"T\","
  "\"principles\":["
  "{\"id\":\"a\",\"title\":\"A\",\"description\":\"d\",\"prompts\":["
  "{\"id\":\"a-1\",\"question\":\"q\",\"guidance\":\"g\"},"
  "{\"id\":\"a-2\",\"question\":\"q\",\"guidance\":\"g\"}]},"
  "{\"id\":\"b\",\"title\":\"B\",\"description\":\"d\",\"prompts\":["
  "{\"id\":\"b-1\",\"question\":\"q\",\"guidance\":\"g\"},"
  "{\"id\":\"b-2\",\"question\":\"q\",\"guidance\":\"g\"},"
  "{\"id\":\"b-3\",\"question\":\"q\",\"guidance\":\"g\"}]}]}";

static const char * const prompt_ids[] = { "a-1", "a-2", "b-1", "b-2", "b-3" };

/* A valid NHS number (the check digit of 943 476 591 is 9), and others. */
#define NHS_VALID          "9434765919"
#define NHS_VALID_GROUPED  "943 476 5919"
#define NHS_VALID_HYPHENS  "943-476-5919"

typedef struct
{
  PcChecklist  *checklist;
  PcAssessment *assessment;
  GDate         today;
  GPtrArray    *findings;
} Fixture;

static void
set_answer (PcAssessment *assessment,
            const char   *prompt_id,
            PcRating      rating,
            const char   *evidence,
            const char   *justification)
{
  PcAnswer *answer = NULL;

  for (guint i = 0; i < assessment->answers->len; i++)
    {
      PcAnswer *candidate = g_ptr_array_index (assessment->answers, i);

      if (g_strcmp0 (candidate->prompt_id, prompt_id) == 0)
        answer = candidate;
    }

  if (answer == NULL)
    {
      answer = g_new0 (PcAnswer, 1);
      answer->prompt_id = g_strdup (prompt_id);
      answer->updated_at = g_strdup ("2026-05-01T10:00:00Z");
      g_ptr_array_add (assessment->answers, answer);
    }

  answer->rating = rating;
  g_free (answer->evidence);
  answer->evidence = g_strdup (evidence);
  g_free (answer->justification);
  answer->justification = g_strdup (justification);
}

static void
remove_answer (PcAssessment *assessment,
               const char   *prompt_id)
{
  for (guint i = 0; i < assessment->answers->len; i++)
    {
      PcAnswer *answer = g_ptr_array_index (assessment->answers, i);

      if (g_strcmp0 (answer->prompt_id, prompt_id) == 0)
        {
          g_ptr_array_remove_index (assessment->answers, i);
          return;
        }
    }
}

static PcAction *
add_action (PcAssessment   *assessment,
            gint64          id,
            const char     *prompt_id,
            const char     *owner,
            const char     *due_date,
            PcActionStatus  status)
{
  PcAction *action = g_new0 (PcAction, 1);

  action->id = id;
  action->prompt_id = g_strdup (prompt_id);
  action->description = g_strdup ("Recruit two peer support workers.");
  action->owner = g_strdup (owner);
  action->due_date = g_strdup (due_date);
  action->status = status;
  g_ptr_array_add (assessment->actions, action);

  return action;
}

static void
add_attachment (PcAssessment *assessment,
                const char   *prompt_id,
                const char   *name)
{
  PcAttachment *attachment = g_new0 (PcAttachment, 1);

  attachment->id = assessment->attachments->len + 1;
  attachment->prompt_id = g_strdup (prompt_id);
  attachment->name = g_strdup (name);
  attachment->media_type = g_strdup ("application/pdf");
  attachment->size = 1024;
  attachment->sha256 = g_strnfill (64, 'a');
  attachment->added_at = g_strdup ("2026-05-01T10:00:00Z");
  g_ptr_array_add (assessment->attachments, attachment);
}

static void
add_link (PcAssessment *assessment,
          const char   *prompt_id,
          const char   *title)
{
  PcLink *link = g_new0 (PcLink, 1);

  link->id = assessment->links->len + 1;
  link->prompt_id = g_strdup (prompt_id);
  link->url = g_strdup ("https://example.org/report");
  link->title = g_strdup (title);
  g_ptr_array_add (assessment->links, link);
}

static void
add_coproduction (PcAssessment *assessment,
                  const char   *changed)
{
  PcCoproduction *entry = g_new0 (PcCoproduction, 1);

  entry->id = assessment->coproduction->len + 1;
  entry->who = g_strdup ("Service users and carers from the Enfield carers’ forum");
  entry->how = g_strdup ("Workshop");
  entry->date = g_strdup ("2026-04-20");
  entry->changed = g_strdup (changed);
  g_ptr_array_add (assessment->coproduction, entry);
}

/* An assessment with nothing left to do: every prompt met with evidence,
 * a co-production record and a planned review date. */
static PcAssessment *
complete_assessment_new (void)
{
  PcAssessment *assessment = pc_assessment_new ();
  const char * const team[] = { "Ann Lee", "Sam Patel", NULL };

  assessment->reference = g_strdup ("PC-2026-0001");
  assessment->title = g_strdup ("Crisis café in Enfield");
  assessment->kind = PC_KIND_NEW_SERVICE;
  assessment->division = g_strdup ("enfield_mental_health");
  assessment->priority = g_strdup ("urgent_crisis_care");
  assessment->lead = g_strdup ("Ann Lee");
  g_strfreev (assessment->team);
  assessment->team = g_strdupv ((char **) team);
  assessment->outcomes = g_strdup ("Fewer attendances at the emergency department.");
  assessment->affected = g_strdup ("Adults in crisis in Enfield, and their carers.");
  assessment->start_date = g_strdup ("2026-07-01");
  assessment->review_date = g_strdup ("2027-07-01");
  assessment->checklist_id = g_strdup ("t");
  assessment->checklist_version = 1;

  for (guint i = 0; i < G_N_ELEMENTS (prompt_ids); i++)
    set_answer (assessment, prompt_ids[i], PC_RATING_MET,
                "Co-designed with the carers’ forum; see the minutes of 20 April.", NULL);

  add_coproduction (assessment, "Opening hours moved to the evening.");

  return assessment;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (checklist_json, strlen (checklist_json));
  g_autoptr(GError) error = NULL;

  fixture->checklist = pc_checklist_new_from_bytes (bytes, "test checklist", &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->checklist);
  g_assert_cmpuint (pc_checklist_get_n_prompts (fixture->checklist), ==, 5);

  fixture->assessment = complete_assessment_new ();

  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 1, G_DATE_JUNE, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->findings, g_ptr_array_unref);
  g_clear_pointer (&fixture->assessment, pc_assessment_free);
  g_clear_pointer (&fixture->checklist, pc_checklist_unref);
}

/* Runs the linter again, replacing the previous findings. */
static GPtrArray *
lint (Fixture *fixture)
{
  g_clear_pointer (&fixture->findings, g_ptr_array_unref);
  fixture->findings = pc_lint_run (fixture->assessment, fixture->checklist, &fixture->today);
  g_assert_nonnull (fixture->findings);

  return fixture->findings;
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, rule) == 0)
        count++;
    }

  return count;
}

static const PcFinding *
find_rule (GPtrArray  *findings,
           const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->rule, rule) == 0)
        return finding;
    }

  return NULL;
}

/* Asserts that @findings holds exactly one finding, and returns it. */
static const PcFinding *
assert_single (GPtrArray  *findings,
               const char *rule,
               PcLevel     level,
               const char *principle_id,
               const char *prompt_id)
{
  const PcFinding *finding;

  if (findings->len != 1)
    {
      for (guint i = 0; i < findings->len; i++)
        {
          const PcFinding *f = g_ptr_array_index (findings, i);

          g_test_message ("finding %u: %s (%s) %s", i, f->rule,
                          f->prompt_id != NULL ? f->prompt_id : "-", f->message);
        }
    }

  g_assert_cmpuint (findings->len, ==, 1);
  finding = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (finding->rule, ==, rule);
  g_assert_cmpint (finding->level, ==, level);
  g_assert_cmpstr (finding->principle_id, ==, principle_id);
  g_assert_cmpstr (finding->prompt_id, ==, prompt_id);
  g_assert_nonnull (finding->message);
  g_assert_cmpuint (strlen (finding->message), >, 0);

  return finding;
}

static void
test_complete (Fixture       *fixture,
               gconstpointer  user_data)
{
  GPtrArray *findings = lint (fixture);

  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_false (pc_lint_blocks (findings));

  /* A complete assessment with gaps, actions and reasons still has no
   * blocking finding. */
  set_answer (fixture->assessment, "a-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  add_action (fixture->assessment, 1, "a-2", "Sam Patel", "2026-09-30", PC_ACTION_OPEN);
  set_answer (fixture->assessment, "b-1", PC_RATING_NOT_MET, NULL, NULL);
  add_action (fixture->assessment, 2, "b-1", "Ann Lee", "2026-10-31", PC_ACTION_IN_PROGRESS);
  set_answer (fixture->assessment, "b-3", PC_RATING_NOT_APPLICABLE, NULL,
              "The café serves adults only.");
  add_attachment (fixture->assessment, "b-2", "minutes.pdf");
  add_link (fixture->assessment, "b-2", "Carers’ forum report");

  findings = lint (fixture);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_false (pc_lint_blocks (findings));
  g_assert_false (pc_lint_blocks (NULL));
}

static void
test_not_assessed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(PcAssessment) empty = pc_assessment_new ();
  g_autoptr(GPtrArray) all = NULL;
  GPtrArray *findings;

  remove_answer (fixture->assessment, "b-2");
  findings = lint (fixture);
  assert_single (findings, "not-assessed", PC_LEVEL_BLOCK, "b", "b-2");
  g_assert_true (pc_lint_blocks (findings));

  /* A stored answer that says not assessed is the same as none. */
  set_answer (fixture->assessment, "b-2", PC_RATING_NOT_ASSESSED, "Draft notes.", NULL);
  findings = lint (fixture);
  assert_single (findings, "not-assessed", PC_LEVEL_BLOCK, "b", "b-2");

  set_answer (fixture->assessment, "b-2", PC_RATING_MET, "Draft notes.", NULL);
  findings = lint (fixture);
  g_assert_cmpuint (count_rule (findings, "not-assessed"), ==, 0);

  /* A new assessment has every prompt still to assess. */
  all = pc_lint_run (empty, fixture->checklist, &fixture->today);
  g_assert_cmpuint (count_rule (all, "not-assessed"), ==, 5);
  g_assert_true (pc_lint_blocks (all));
}

static void
test_no_evidence (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GPtrArray *findings;
  const PcFinding *finding;

  set_answer (fixture->assessment, "a-1", PC_RATING_MET, NULL, NULL);
  findings = lint (fixture);
  finding = assert_single (findings, "no-evidence", PC_LEVEL_BLOCK, "a", "a-1");
  g_assert_nonnull (strstr (finding->message, "Met"));
  g_assert_true (pc_lint_blocks (findings));

  /* White space is not evidence. */
  set_answer (fixture->assessment, "a-1", PC_RATING_MET, " \n\t ", NULL);
  assert_single (lint (fixture), "no-evidence", PC_LEVEL_BLOCK, "a", "a-1");
  set_answer (fixture->assessment, "a-1", PC_RATING_MET, "\xc2\xa0", NULL);
  assert_single (lint (fixture), "no-evidence", PC_LEVEL_BLOCK, "a", "a-1");

  /* Partly met needs evidence too (its action is there). */
  set_answer (fixture->assessment, "a-1", PC_RATING_PARTLY_MET, NULL, NULL);
  add_action (fixture->assessment, 1, "a-1", "Sam Patel", "2026-09-30", PC_ACTION_OPEN);
  assert_single (lint (fixture), "no-evidence", PC_LEVEL_BLOCK, "a", "a-1");

  /* An attachment on another prompt does not count. */
  add_attachment (fixture->assessment, "a-2", "minutes.pdf");
  assert_single (lint (fixture), "no-evidence", PC_LEVEL_BLOCK, "a", "a-1");

  /* An attachment on this prompt counts as evidence. */
  add_attachment (fixture->assessment, "a-1", "audit.pdf");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  /* So does evidence text, without attachments. */
  g_ptr_array_set_size (fixture->assessment->attachments, 0);
  set_answer (fixture->assessment, "a-1", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  /* Not met and not applicable ask for no evidence. */
  set_answer (fixture->assessment, "a-1", PC_RATING_NOT_MET, NULL, NULL);
  g_assert_cmpuint (count_rule (lint (fixture), "no-evidence"), ==, 0);
  set_answer (fixture->assessment, "a-1", PC_RATING_NOT_APPLICABLE, NULL, "Adults only.");
  g_assert_cmpuint (count_rule (lint (fixture), "no-evidence"), ==, 0);
}

static void
test_no_justification (Fixture       *fixture,
                       gconstpointer  user_data)
{
  GPtrArray *findings;

  set_answer (fixture->assessment, "b-3", PC_RATING_NOT_APPLICABLE, "Some evidence.", NULL);
  findings = lint (fixture);
  assert_single (findings, "no-justification", PC_LEVEL_BLOCK, "b", "b-3");
  g_assert_true (pc_lint_blocks (findings));

  set_answer (fixture->assessment, "b-3", PC_RATING_NOT_APPLICABLE, NULL, "   ");
  assert_single (lint (fixture), "no-justification", PC_LEVEL_BLOCK, "b", "b-3");

  set_answer (fixture->assessment, "b-3", PC_RATING_NOT_APPLICABLE, NULL,
              "The café serves adults only.");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_no_action (Fixture       *fixture,
                gconstpointer  user_data)
{
  GPtrArray *findings;
  const PcFinding *finding;

  set_answer (fixture->assessment, "a-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  findings = lint (fixture);
  finding = assert_single (findings, "no-action", PC_LEVEL_BLOCK, "a", "a-2");
  g_assert_nonnull (strstr (finding->message, "“Partly met”"));
  g_assert_true (pc_lint_blocks (findings));

  set_answer (fixture->assessment, "a-2", PC_RATING_NOT_MET, NULL, NULL);
  assert_single (lint (fixture), "no-action", PC_LEVEL_BLOCK, "a", "a-2");

  /* An action on another prompt does not close this gap. */
  add_action (fixture->assessment, 1, "a-1", "Sam Patel", "2026-09-30", PC_ACTION_OPEN);
  assert_single (lint (fixture), "no-action", PC_LEVEL_BLOCK, "a", "a-2");

  /* An action on this prompt does, whatever its status. */
  add_action (fixture->assessment, 2, "a-2", "Sam Patel", "2026-09-30", PC_ACTION_DONE);
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  set_answer (fixture->assessment, "a-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_action_incomplete (Fixture       *fixture,
                        gconstpointer  user_data)
{
  PcAction *action;
  const PcFinding *finding;
  GPtrArray *findings;

  set_answer (fixture->assessment, "b-1", PC_RATING_NOT_MET, NULL, NULL);
  action = add_action (fixture->assessment, 42, "b-1", NULL, "2026-09-30", PC_ACTION_OPEN);
  findings = lint (fixture);
  finding = assert_single (findings, "action-incomplete", PC_LEVEL_BLOCK, "b", "b-1");
  g_assert_cmpint (finding->action_id, ==, 42);
  g_assert_true (pc_lint_blocks (findings));

  g_free (action->owner);
  action->owner = g_strdup ("Ann Lee");
  g_clear_pointer (&action->due_date, g_free);
  finding = assert_single (lint (fixture), "action-incomplete", PC_LEVEL_BLOCK, "b", "b-1");
  g_assert_cmpint (finding->action_id, ==, 42);

  /* Both missing: still one finding for the action. */
  g_clear_pointer (&action->owner, g_free);
  assert_single (lint (fixture), "action-incomplete", PC_LEVEL_BLOCK, "b", "b-1");

  /* A blank owner is no owner. */
  action->owner = g_strdup ("  ");
  action->due_date = g_strdup ("2026-09-30");
  assert_single (lint (fixture), "action-incomplete", PC_LEVEL_BLOCK, "b", "b-1");

  /* A due date that is not a real date is no due date. */
  g_free (action->owner);
  action->owner = g_strdup ("Ann Lee");
  g_free (action->due_date);
  action->due_date = g_strdup ("2026-02-30");
  assert_single (lint (fixture), "action-incomplete", PC_LEVEL_BLOCK, "b", "b-1");

  g_free (action->due_date);
  action->due_date = g_strdup ("2026-09-30");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_action_overdue (Fixture       *fixture,
                     gconstpointer  user_data)
{
  PcAction *action;
  const PcFinding *finding;
  GPtrArray *findings;

  set_answer (fixture->assessment, "b-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  action = add_action (fixture->assessment, 7, "b-2", "Ann Lee", "2026-05-31", PC_ACTION_OPEN);
  findings = lint (fixture);
  finding = assert_single (findings, "action-overdue", PC_LEVEL_WARN, "b", "b-2");
  g_assert_cmpint (finding->action_id, ==, 7);
  g_assert_false (pc_lint_blocks (findings));

  action->status = PC_ACTION_IN_PROGRESS;
  assert_single (lint (fixture), "action-overdue", PC_LEVEL_WARN, "b", "b-2");

  /* Done actions are never overdue. */
  action->status = PC_ACTION_DONE;
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  /* Due today is not yet overdue. */
  action->status = PC_ACTION_OPEN;
  g_free (action->due_date);
  action->due_date = g_strdup ("2026-06-01");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  g_free (action->due_date);
  action->due_date = g_strdup ("2025-12-31");
  assert_single (lint (fixture), "action-overdue", PC_LEVEL_WARN, "b", "b-2");
}

static void
test_no_coproduction (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GPtrArray *findings;

  g_ptr_array_set_size (fixture->assessment->coproduction, 0);
  findings = lint (fixture);
  assert_single (findings, "no-coproduction", PC_LEVEL_WARN, NULL, NULL);
  g_assert_false (pc_lint_blocks (findings));

  add_coproduction (fixture->assessment, "Nothing changed.");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_no_review_date (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GPtrArray *findings;

  g_clear_pointer (&fixture->assessment->review_date, g_free);
  findings = lint (fixture);
  assert_single (findings, "no-review-date", PC_LEVEL_WARN, NULL, NULL);
  g_assert_false (pc_lint_blocks (findings));

  fixture->assessment->review_date = g_strdup ("");
  assert_single (lint (fixture), "no-review-date", PC_LEVEL_WARN, NULL, NULL);

  g_free (fixture->assessment->review_date);
  fixture->assessment->review_date = g_strdup ("next year");
  assert_single (lint (fixture), "no-review-date", PC_LEVEL_WARN, NULL, NULL);

  g_free (fixture->assessment->review_date);
  fixture->assessment->review_date = g_strdup ("2027-01-31");
  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_nhs_number_detect (void)
{
  static const char * const found[] = {
    NHS_VALID,
    NHS_VALID_GROUPED,
    NHS_VALID_HYPHENS,
    "943-476 5919",
    "Patient " NHS_VALID_GROUPED " was seen.",
    "NHS no." NHS_VALID ".",
    "(" NHS_VALID ")",
    "401 023 2137",      /* Another valid number. */
    "4000000020",        /* Check digit 11, written 0. */
    "12 and 943 476 5919 and 34",
    "111 222 943 476 5919",
  };
  static const char * const not_found[] = {
    "",
    "No numbers at all.",
    "9434765918",        /* Wrong check digit. */
    "943 476 5918",
    "4000000080",        /* The first nine digits give check digit 10. */
    "4000000089",
    "943476591",         /* Nine digits. */
    "94347659190",       /* Eleven digits. */
    "19434765919",
    "1234943476591999",  /* Inside a longer run. */
    "943  476 5919",     /* Two spaces. */
    "943 476  5919",
    "943_476_5919",
    "9434 765 919",      /* Grouped 4-3-3. */
    "94 34 76 59 19",
    "943 4765919",
    "020 8702 3000",     /* A telephone number. */
    "Reviewed on 2026-05-01.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      if (!pc_lint_has_nhs_number (found[i]))
        g_error ("no NHS number found in “%s”", found[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_found); i++)
    {
      if (pc_lint_has_nhs_number (not_found[i]))
        g_error ("an NHS number was found in “%s”", not_found[i]);
    }

  g_assert_false (pc_lint_has_nhs_number (NULL));
}

/* Asserts that no finding quotes the number. */
static void
assert_number_not_quoted (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      g_assert_null (strstr (finding->message, "5919"));
    }
}

static void
test_nhs_number_prompt_fields (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GPtrArray *findings;
  const PcFinding *finding;
  PcAction *action;

  /* In the evidence, twice: one warning for the field. */
  set_answer (fixture->assessment, "a-2", PC_RATING_MET,
              "Seen: " NHS_VALID_GROUPED " and " NHS_VALID ".", NULL);
  findings = lint (fixture);
  finding = assert_single (findings, "nhs-number", PC_LEVEL_WARN, "a", "a-2");
  g_assert_nonnull (strstr (finding->message, "evidence"));
  g_assert_false (pc_lint_blocks (findings));
  assert_number_not_quoted (findings);

  /* In the evidence and in the justification: two fields, two warnings. */
  set_answer (fixture->assessment, "a-2", PC_RATING_NOT_APPLICABLE,
              "Seen: " NHS_VALID ".", "Because of " NHS_VALID_HYPHENS ".");
  findings = lint (fixture);
  g_assert_cmpuint (findings->len, ==, 2);
  g_assert_cmpuint (count_rule (findings, "nhs-number"), ==, 2);
  assert_number_not_quoted (findings);

  /* An invalid number is not reported. */
  set_answer (fixture->assessment, "a-2", PC_RATING_MET, "Ref 943 476 5918.", NULL);
  g_assert_cmpuint (lint (fixture)->len, ==, 0);

  /* In an attachment's name and a link's title. */
  add_attachment (fixture->assessment, "b-1", "letter-" NHS_VALID ".pdf");
  add_link (fixture->assessment, "b-1", "Notes for " NHS_VALID_GROUPED);
  findings = lint (fixture);
  g_assert_cmpuint (findings->len, ==, 2);
  for (guint i = 0; i < findings->len; i++)
    {
      finding = g_ptr_array_index (findings, i);
      g_assert_cmpstr (finding->rule, ==, "nhs-number");
      g_assert_cmpstr (finding->principle_id, ==, "b");
      g_assert_cmpstr (finding->prompt_id, ==, "b-1");
    }
  assert_number_not_quoted (findings);
  g_ptr_array_set_size (fixture->assessment->attachments, 0);
  g_ptr_array_set_size (fixture->assessment->links, 0);

  /* In an action's description: the finding names the action. */
  set_answer (fixture->assessment, "b-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  action = add_action (fixture->assessment, 9, "b-2", "Ann Lee", "2026-09-30", PC_ACTION_OPEN);
  g_free (action->description);
  action->description = g_strdup ("Call the family of " NHS_VALID_GROUPED ".");
  finding = assert_single (lint (fixture), "nhs-number", PC_LEVEL_WARN, "b", "b-2");
  g_assert_cmpint (finding->action_id, ==, 9);
  assert_number_not_quoted (fixture->findings);
}

static void
test_nhs_number_header_fields (Fixture       *fixture,
                               gconstpointer  user_data)
{
  PcAssessment *assessment = fixture->assessment;
  GPtrArray *findings;
  const PcFinding *finding;

  g_free (assessment->title);
  assessment->title = g_strdup ("Crisis café for " NHS_VALID);
  finding = assert_single (lint (fixture), "nhs-number", PC_LEVEL_WARN, NULL, NULL);
  g_assert_nonnull (strstr (finding->message, "title"));
  assert_number_not_quoted (fixture->findings);

  g_free (assessment->outcomes);
  assessment->outcomes = g_strdup ("Discharge " NHS_VALID_HYPHENS ".");
  g_free (assessment->affected);
  assessment->affected = g_strdup ("Mostly " NHS_VALID_GROUPED ".");
  g_free (assessment->team[1]);
  assessment->team[1] = g_strdup ("Sam " NHS_VALID);
  add_coproduction (assessment, "We spoke to " NHS_VALID ".");

  findings = lint (fixture);
  g_assert_cmpuint (findings->len, ==, 5);
  g_assert_cmpuint (count_rule (findings, "nhs-number"), ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      finding = g_ptr_array_index (findings, i);
      g_assert_null (finding->principle_id);
      g_assert_null (finding->prompt_id);
      g_assert_cmpint (finding->action_id, ==, 0);
    }
  assert_number_not_quoted (findings);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  user_data)
{
  PcAssessment *assessment = fixture->assessment;
  GPtrArray *findings;
  static const struct
  {
    const char *rule;
    const char *prompt_id;
  } expected[] = {
    { "no-evidence",       "a-1" },
    { "nhs-number",        "a-1" },
    { "not-assessed",      "a-2" },
    { "no-action",         "b-1" },
    { "no-evidence",       "b-2" },
    { "action-incomplete", "b-2" },
    { "action-overdue",    "b-2" },
    { "no-justification",  "b-3" },
    { "no-coproduction",   NULL },
    { "no-review-date",    NULL },
    { "nhs-number",        NULL },
  };

  /* Stored in an order unlike the checklist's. */
  set_answer (assessment, "b-3", PC_RATING_NOT_APPLICABLE, NULL, NULL);
  set_answer (assessment, "a-1", PC_RATING_MET, NULL, NULL);
  add_link (assessment, "a-1", "Letter for " NHS_VALID);
  remove_answer (assessment, "a-2");
  set_answer (assessment, "b-1", PC_RATING_NOT_MET, NULL, NULL);
  set_answer (assessment, "b-2", PC_RATING_PARTLY_MET, NULL, NULL);
  add_action (assessment, 3, "b-2", NULL, "2026-01-01", PC_ACTION_OPEN);
  g_ptr_array_set_size (assessment->coproduction, 0);
  g_clear_pointer (&assessment->review_date, g_free);
  g_free (assessment->title);
  assessment->title = g_strdup (NHS_VALID);

  findings = lint (fixture);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      g_assert_cmpstr (finding->rule, ==, expected[i].rule);
      g_assert_cmpstr (finding->prompt_id, ==, expected[i].prompt_id);
      if (expected[i].prompt_id != NULL)
        g_assert_cmpint (finding->principle_id[0], ==, expected[i].prompt_id[0]);
      else
        g_assert_null (finding->principle_id);
    }

  g_assert_nonnull (find_rule (findings, "action-overdue"));
  g_assert_cmpint (find_rule (findings, "action-overdue")->action_id, ==, 3);
}

static void
test_unknown_prompts (Fixture       *fixture,
                      gconstpointer  user_data)
{
  /* Answers and actions for prompts the checklist does not have (from
   * another version of it) give no findings. */
  set_answer (fixture->assessment, "zz-1", PC_RATING_PARTLY_MET, NULL, NULL);
  set_answer (fixture->assessment, "zz-2", PC_RATING_NOT_APPLICABLE, NHS_VALID, NULL);
  add_action (fixture->assessment, 5, "zz-1", NULL, NULL, PC_ACTION_OPEN);

  g_assert_cmpuint (lint (fixture)->len, ==, 0);
}

static void
test_today_default (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) findings = NULL;

  /* Without a date, overdue is measured against the local date now. */
  set_answer (fixture->assessment, "b-2", PC_RATING_PARTLY_MET, "Half the sites.", NULL);
  add_action (fixture->assessment, 7, "b-2", "Ann Lee", "2000-01-01", PC_ACTION_OPEN);
  add_action (fixture->assessment, 8, "b-2", "Ann Lee", "9999-12-31", PC_ACTION_OPEN);
  findings = pc_lint_run (fixture->assessment, fixture->checklist, NULL);
  assert_single (findings, "action-overdue", PC_LEVEL_WARN, "b", "b-2");
  g_assert_cmpint (((PcFinding *) g_ptr_array_index (findings, 0))->action_id, ==, 7);
}

static void
test_principle_status (Fixture       *fixture,
                       gconstpointer  user_data)
{
  PcAssessment *assessment = fixture->assessment;
  const PcPrinciple *a = pc_checklist_get_principle (fixture->checklist, 0);
  const PcPrinciple *b = pc_checklist_get_principle (fixture->checklist, 1);
  g_autoptr(PcAssessment) empty = pc_assessment_new ();

  g_assert_cmpstr (a->id, ==, "a");
  g_assert_cmpstr (b->id, ==, "b");

  /* Green: every prompt met or not applicable. */
  g_assert_cmpint (pc_assessment_principle_status (assessment, a), ==, PC_STATUS_GREEN);
  set_answer (assessment, "b-3", PC_RATING_NOT_APPLICABLE, NULL, "Adults only.");
  g_assert_cmpint (pc_assessment_principle_status (assessment, b), ==, PC_STATUS_GREEN);

  /* Grey: some prompt still not assessed, none partly met or not met. */
  g_assert_cmpint (pc_assessment_principle_status (empty, a), ==, PC_STATUS_GREY);
  remove_answer (assessment, "a-2");
  g_assert_cmpint (pc_assessment_principle_status (assessment, a), ==, PC_STATUS_GREY);
  g_assert_cmpint (pc_assessment_get_rating (assessment, "a-2"), ==, PC_RATING_NOT_ASSESSED);
  g_assert_null (pc_assessment_find_answer (assessment, "a-2"));

  /* Amber: some prompt partly met, even with another not assessed. */
  set_answer (assessment, "a-1", PC_RATING_PARTLY_MET, "Half.", NULL);
  g_assert_cmpint (pc_assessment_principle_status (assessment, a), ==, PC_STATUS_AMBER);
  set_answer (assessment, "a-2", PC_RATING_MET, "All.", NULL);
  g_assert_cmpint (pc_assessment_principle_status (assessment, a), ==, PC_STATUS_AMBER);

  /* Red: some prompt not met, whatever the others. */
  set_answer (assessment, "b-2", PC_RATING_NOT_MET, NULL, NULL);
  g_assert_cmpint (pc_assessment_principle_status (assessment, b), ==, PC_STATUS_RED);
  set_answer (assessment, "b-1", PC_RATING_PARTLY_MET, "Half.", NULL);
  remove_answer (assessment, "b-3");
  g_assert_cmpint (pc_assessment_principle_status (assessment, b), ==, PC_STATUS_RED);

  /* The other principle is not affected. */
  g_assert_cmpint (pc_assessment_principle_status (assessment, a), ==, PC_STATUS_AMBER);
}

static void
test_count_answered (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(PcAssessment) empty = pc_assessment_new ();

  g_assert_cmpuint (pc_assessment_count_answered (fixture->assessment, fixture->checklist), ==, 5);
  g_assert_cmpuint (pc_assessment_count_answered (empty, fixture->checklist), ==, 0);

  set_answer (fixture->assessment, "a-1", PC_RATING_NOT_ASSESSED, NULL, NULL);
  remove_answer (fixture->assessment, "b-1");
  /* Answers to prompts the checklist does not have are not counted. */
  set_answer (fixture->assessment, "zz-1", PC_RATING_MET, "x", NULL);
  g_assert_cmpuint (pc_assessment_count_answered (fixture->assessment, fixture->checklist), ==, 3);
}

static void
test_read_only (void)
{
  g_autoptr(PcAssessment) assessment = pc_assessment_new ();

  g_assert_nonnull (assessment->team);
  g_assert_null (assessment->team[0]);
  g_assert_cmpint (assessment->state, ==, PC_STATE_DRAFT);

  g_assert_false (pc_assessment_is_read_only (assessment));
  assessment->state = PC_STATE_IN_REVIEW;
  g_assert_false (pc_assessment_is_read_only (assessment));
  assessment->state = PC_STATE_APPROVED;
  g_assert_true (pc_assessment_is_read_only (assessment));
  assessment->state = PC_STATE_APPROVED_WITH_CONDITIONS;
  g_assert_true (pc_assessment_is_read_only (assessment));
  assessment->state = PC_STATE_NOT_APPROVED;
  g_assert_true (pc_assessment_is_read_only (assessment));

  assessment->state = PC_STATE_DRAFT;
  assessment->imported = TRUE;
  g_assert_true (pc_assessment_is_read_only (assessment));
}

static void
add_fixture_test (const char *path,
                  void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_fixture_test ("/pc/lint/complete", test_complete);
  add_fixture_test ("/pc/lint/not-assessed", test_not_assessed);
  add_fixture_test ("/pc/lint/no-evidence", test_no_evidence);
  add_fixture_test ("/pc/lint/no-justification", test_no_justification);
  add_fixture_test ("/pc/lint/no-action", test_no_action);
  add_fixture_test ("/pc/lint/action-incomplete", test_action_incomplete);
  add_fixture_test ("/pc/lint/action-overdue", test_action_overdue);
  add_fixture_test ("/pc/lint/no-coproduction", test_no_coproduction);
  add_fixture_test ("/pc/lint/no-review-date", test_no_review_date);
  g_test_add_func ("/pc/lint/nhs-number-detect", test_nhs_number_detect);
  add_fixture_test ("/pc/lint/nhs-number-prompt-fields", test_nhs_number_prompt_fields);
  add_fixture_test ("/pc/lint/nhs-number-header-fields", test_nhs_number_header_fields);
  add_fixture_test ("/pc/lint/order", test_order);
  add_fixture_test ("/pc/lint/unknown-prompts", test_unknown_prompts);
  add_fixture_test ("/pc/lint/today-default", test_today_default);
  add_fixture_test ("/pc/lint/principle-status", test_principle_status);
  add_fixture_test ("/pc/lint/count-answered", test_count_answered);
  g_test_add_func ("/pc/lint/read-only", test_read_only);

  return g_test_run ();
}
