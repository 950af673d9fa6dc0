/* pc-lint.c: the completeness rules of an assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-lint"

#include "config.h"

#include "pc-lint.h"

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-text.h"
#include "pc-vocab.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

/* One run of the linter: where findings go, what is checked, and the
 * date overdue actions are measured against. */
typedef struct
{
  GPtrArray          *findings;
  const PcAssessment *assessment;
  GDate               today;
} LintRun;

/* A maximal run of ASCII digits inside a text. */
typedef struct
{
  const char *start;
  gsize       len;
} DigitRun;

void
pc_finding_free (PcFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->rule);
  g_free (finding->principle_id);
  g_free (finding->prompt_id);
  g_free (finding->message);
  g_free (finding);
}

/* Takes ownership of @message. */
static void
add_finding (LintRun    *run,
             const char *rule,
             PcLevel     level,
             const char *principle_id,
             const char *prompt_id,
             gint64      action_id,
             char       *message)
{
  PcFinding *finding = g_new0 (PcFinding, 1);

  finding->rule = g_strdup (rule);
  finding->level = level;
  finding->principle_id = g_strdup (principle_id);
  finding->prompt_id = g_strdup (prompt_id);
  finding->action_id = action_id;
  finding->message = message;

  g_ptr_array_add (run->findings, finding);
}

/* Reads a date already checked with pc_date_is_valid() into @out. */
static void
date_from_string (const char *str,
                  GDate      *out)
{
  int year = atoi (str);
  int month = atoi (str + 5);
  int day = atoi (str + 8);

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The NHS number check digit: weights 10 down to 2 on the first nine
 * digits, then 11 minus the remainder of the sum by 11, where 11 becomes
 * 0 and 10 means that no number can have these nine digits. */
static gboolean
nhs_check_digit_is_valid (const char digits[10])
{
  int sum = 0;
  int check;

  for (int i = 0; i < 9; i++)
    sum += (digits[i] - '0') * (10 - i);

  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  if (check == 10)
    return FALSE;

  return check == digits[9] - '0';
}

static gboolean
is_group_separator (char c)
{
  return c == ' ' || c == '-';
}

/* TRUE when @second follows @first after exactly one space or hyphen. */
static gboolean
runs_are_grouped (const DigitRun *first,
                  const DigitRun *second)
{
  const char *end = first->start + first->len;

  return is_group_separator (*end) && second->start == end + 1;
}

/* TRUE when the three runs are written 3-3-4 and their ten digits make a
 * valid NHS number. */
static gboolean
runs_make_nhs_number (const DigitRun *a,
                      const DigitRun *b,
                      const DigitRun *c)
{
  char digits[10];

  if (a->len != 3 || b->len != 3 || c->len != 4)
    return FALSE;

  if (!runs_are_grouped (a, b) || !runs_are_grouped (b, c))
    return FALSE;

  memcpy (digits, a->start, 3);
  memcpy (digits + 3, b->start, 3);
  memcpy (digits + 6, c->start, 4);

  return nhs_check_digit_is_valid (digits);
}

gboolean
pc_lint_has_nhs_number (const char *text)
{
  DigitRun runs[3] = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
  guint n_runs = 0;
  const char *p;

  if (text == NULL)
    return FALSE;

  p = text;
  while (*p != '\0')
    {
      DigitRun run;

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }

      /* Take the whole run, so that ten digits inside a longer run of
       * digits are never mistaken for a number of their own. */
      run.start = p;
      while (g_ascii_isdigit (*p))
        p++;
      run.len = (gsize) (p - run.start);

      if (run.len == 10 && nhs_check_digit_is_valid (run.start))
        return TRUE;

      /* Keep the last three runs to look for the 3-3-4 grouping. */
      runs[0] = runs[1];
      runs[1] = runs[2];
      runs[2] = run;
      n_runs++;

      if (n_runs >= 3 && runs_make_nhs_number (&runs[0], &runs[1], &runs[2]))
        return TRUE;
    }

  return FALSE;
}

/* Adds the warning that the text in @field looks like it holds an NHS
 * number. @field completes the sentence "Text in %s". The number itself
 * is never repeated in the message. */
static void
add_nhs_number_finding (LintRun    *run,
                        const char *field,
                        const char *principle_id,
                        const char *prompt_id,
                        gint64      action_id)
{
  add_finding (run, "nhs-number", PC_LEVEL_WARN, principle_id, prompt_id, action_id,
               /* Translators: %s names a field, such as “the evidence”. */
               g_strdup_printf (_("Text in %s looks like an NHS number: remove it, as "
                                  "assessments are not for patient-identifiable data."),
                                field));
}

/* Warns once when @text looks like it holds an NHS number. */
static void
check_nhs_number (LintRun    *run,
                  const char *text,
                  const char *field,
                  const char *principle_id,
                  const char *prompt_id,
                  gint64      action_id)
{
  if (pc_lint_has_nhs_number (text))
    add_nhs_number_finding (run, field, principle_id, prompt_id, action_id);
}

static gboolean
prompt_has_attachment (const PcAssessment *assessment,
                       const char         *prompt_id)
{
  for (guint i = 0; i < assessment->attachments->len; i++)
    {
      const PcAttachment *attachment = g_ptr_array_index (assessment->attachments, i);

      if (g_strcmp0 (attachment->prompt_id, prompt_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
prompt_has_action (const PcAssessment *assessment,
                   const char         *prompt_id)
{
  for (guint i = 0; i < assessment->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (assessment->actions, i);

      if (g_strcmp0 (action->prompt_id, prompt_id) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The rules about a prompt's rating: what each rating asks for. */
static void
check_rating (LintRun           *run,
              const PcPrinciple *principle,
              const PcPrompt    *prompt,
              const PcAnswer    *answer)
{
  const PcAssessment *assessment = run->assessment;
  PcRating rating = answer != NULL ? answer->rating : PC_RATING_NOT_ASSESSED;
  const char *label = pc_rating_to_label (rating);

  switch (rating)
    {
    case PC_RATING_NOT_ASSESSED:
      add_finding (run, "not-assessed", PC_LEVEL_BLOCK, principle->id, prompt->id, 0,
                   g_strdup (_("Not yet assessed: choose a rating for this prompt.")));
      return;

    case PC_RATING_MET:
    case PC_RATING_PARTLY_MET:
      if (pc_text_is_blank (answer->evidence) &&
          !prompt_has_attachment (assessment, prompt->id))
        add_finding (run, "no-evidence", PC_LEVEL_BLOCK, principle->id, prompt->id, 0,
                     /* Translators: %s is a rating, such as “Met”. */
                     g_strdup_printf (_("Rated “%s” but no evidence: describe the "
                                        "evidence or attach a file."),
                                      label));
      break;

    case PC_RATING_NOT_APPLICABLE:
      if (pc_text_is_blank (answer->justification))
        add_finding (run, "no-justification", PC_LEVEL_BLOCK, principle->id, prompt->id, 0,
                     /* Translators: %s is the rating “Not applicable”. */
                     g_strdup_printf (_("Rated “%s” but no justification: say why this "
                                        "prompt does not apply to the service."),
                                      label));
      break;

    case PC_RATING_NOT_MET:
    default:
      break;
    }

  if ((rating == PC_RATING_PARTLY_MET || rating == PC_RATING_NOT_MET) &&
      !prompt_has_action (assessment, prompt->id))
    add_finding (run, "no-action", PC_LEVEL_BLOCK, principle->id, prompt->id, 0,
                 /* Translators: %s is a rating, such as “Partly met”. */
                 g_strdup_printf (_("Rated “%s” but no action: add an action to close "
                                    "the gap."),
                                  label));
}

/* The free texts of one prompt's answer, attachments and links. */
static void
check_prompt_texts (LintRun           *run,
                    const PcPrinciple *principle,
                    const PcPrompt    *prompt,
                    const PcAnswer    *answer)
{
  const PcAssessment *assessment = run->assessment;
  gboolean in_attachments = FALSE;
  gboolean in_links = FALSE;

  if (answer != NULL)
    {
      check_nhs_number (run, answer->evidence, _("the evidence"),
                        principle->id, prompt->id, 0);
      check_nhs_number (run, answer->justification, _("the justification"),
                        principle->id, prompt->id, 0);
    }

  for (guint i = 0; i < assessment->attachments->len && !in_attachments; i++)
    {
      const PcAttachment *attachment = g_ptr_array_index (assessment->attachments, i);

      if (g_strcmp0 (attachment->prompt_id, prompt->id) == 0)
        in_attachments = pc_lint_has_nhs_number (attachment->name);
    }

  if (in_attachments)
    add_nhs_number_finding (run, _("the names of the attached files"),
                            principle->id, prompt->id, 0);

  for (guint i = 0; i < assessment->links->len && !in_links; i++)
    {
      const PcLink *link = g_ptr_array_index (assessment->links, i);

      if (g_strcmp0 (link->prompt_id, prompt->id) == 0)
        in_links = pc_lint_has_nhs_number (link->title);
    }

  if (in_links)
    add_nhs_number_finding (run, _("the titles of the links"),
                            principle->id, prompt->id, 0);
}

static void
check_action (LintRun           *run,
              const PcPrinciple *principle,
              const PcPrompt    *prompt,
              const PcAction    *action)
{
  gboolean has_owner = !pc_text_is_blank (action->owner);
  gboolean has_due_date = !pc_text_is_blank (action->due_date);
  gboolean due_date_valid = has_due_date && pc_date_is_valid (action->due_date);
  const char *message = NULL;

  if (!has_owner && !has_due_date)
    message = _("The action has no owner and no due date: name who will do it and by when.");
  else if (!has_owner && !due_date_valid)
    message = _("The action has no owner and its due date is not a real date: name who "
                "will do it and enter the date as YYYY-MM-DD.");
  else if (!has_owner)
    message = _("The action has no owner: name who will do it.");
  else if (!has_due_date)
    message = _("The action has no due date: set the date it will be done by.");
  else if (!due_date_valid)
    message = _("The action’s due date is not a real date: enter it as YYYY-MM-DD.");

  if (message != NULL)
    add_finding (run, "action-incomplete", PC_LEVEL_BLOCK,
                 principle->id, prompt->id, action->id, g_strdup (message));

  if (due_date_valid && action->status != PC_ACTION_DONE)
    {
      GDate due;

      date_from_string (action->due_date, &due);
      if (g_date_compare (&due, &run->today) < 0)
        add_finding (run, "action-overdue", PC_LEVEL_WARN,
                     principle->id, prompt->id, action->id,
                     /* Translators: %s is a date, YYYY-MM-DD. */
                     g_strdup_printf (_("The action was due on %s and is not done: "
                                        "finish it or agree a new due date."),
                                      action->due_date));
    }

  check_nhs_number (run, action->description, _("the action’s description"),
                    principle->id, prompt->id, action->id);
  check_nhs_number (run, action->owner, _("the action’s owner"),
                    principle->id, prompt->id, action->id);
}

static void
check_prompt (LintRun           *run,
              const PcPrinciple *principle,
              const PcPrompt    *prompt)
{
  const PcAssessment *assessment = run->assessment;
  const PcAnswer *answer = pc_assessment_find_answer (assessment, prompt->id);

  check_rating (run, principle, prompt, answer);
  check_prompt_texts (run, principle, prompt, answer);

  for (guint i = 0; i < assessment->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (assessment->actions, i);

      if (g_strcmp0 (action->prompt_id, prompt->id) == 0)
        check_action (run, principle, prompt, action);
    }
}

static void
check_review_date (LintRun *run)
{
  const char *review_date = run->assessment->review_date;

  if (pc_text_is_blank (review_date))
    add_finding (run, "no-review-date", PC_LEVEL_WARN, NULL, NULL, 0,
                 g_strdup (_("No planned review date: set the date the service will "
                             "be reviewed.")));
  else if (!pc_date_is_valid (review_date))
    add_finding (run, "no-review-date", PC_LEVEL_WARN, NULL, NULL, 0,
                 g_strdup (_("The planned review date is not a real date: enter it as "
                             "YYYY-MM-DD.")));
}

static void
check_header_texts (LintRun *run)
{
  const PcAssessment *assessment = run->assessment;
  gboolean in_team = FALSE;

  check_nhs_number (run, assessment->title, _("the title"), NULL, NULL, 0);
  check_nhs_number (run, assessment->lead, _("the service lead"), NULL, NULL, 0);

  for (guint i = 0; assessment->team != NULL && assessment->team[i] != NULL && !in_team; i++)
    in_team = pc_lint_has_nhs_number (assessment->team[i]);

  if (in_team)
    add_nhs_number_finding (run, _("the team members"), NULL, NULL, 0);

  check_nhs_number (run, assessment->outcomes, _("the intended outcomes"), NULL, NULL, 0);
  check_nhs_number (run, assessment->affected, _("who is affected"), NULL, NULL, 0);
  check_nhs_number (run, assessment->revision_reason, _("the reason for the revision"),
                    NULL, NULL, 0);
}

static void
check_coproduction (LintRun *run)
{
  const PcAssessment *assessment = run->assessment;

  if (assessment->coproduction->len == 0)
    add_finding (run, "no-coproduction", PC_LEVEL_WARN, NULL, NULL, 0,
                 g_strdup (_("No co-production record: record who took part in the "
                             "assessment, how, when and what changed as a result.")));
}

static void
check_coproduction_texts (LintRun *run)
{
  const PcAssessment *assessment = run->assessment;

  for (guint i = 0; i < assessment->coproduction->len; i++)
    {
      const PcCoproduction *entry = g_ptr_array_index (assessment->coproduction, i);
      g_autofree char *field = NULL;

      if (!pc_lint_has_nhs_number (entry->who) &&
          !pc_lint_has_nhs_number (entry->how) &&
          !pc_lint_has_nhs_number (entry->changed))
        continue;

      /* Translators: %u counts the entries of the co-production record
       * from 1. The result completes the sentence “Text in %s looks like
       * an NHS number”. */
      field = g_strdup_printf (_("entry %u of the co-production record"), i + 1);
      add_nhs_number_finding (run, field, NULL, NULL, 0);
    }
}

/* The date overdue actions are measured against: @today when given,
 * otherwise the local date now. */
static void
set_today (GDate *out,
           GDate *today)
{
  g_autoptr(GDateTime) now = NULL;
  int year;
  int month;
  int day;

  g_date_clear (out, 1);

  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_time_get_ymd (now, &year, &month, &day);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static GPtrArray *
begin_run (LintRun            *run,
           const PcAssessment *assessment,
           GDate              *today)
{
  run->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_finding_free);
  run->assessment = assessment;
  set_today (&run->today, today);

  return run->findings;
}

/* What is about the whole assessment rather than one prompt. */
static void
check_general (LintRun *run)
{
  check_coproduction (run);
  check_review_date (run);
  check_header_texts (run);
  check_coproduction_texts (run);
}

GPtrArray *
pc_lint_run (const PcAssessment *assessment,
             const PcChecklist  *checklist,
             GDate              *today)
{
  LintRun run;
  guint n_principles;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);

  begin_run (&run, assessment, today);
  n_principles = pc_checklist_get_n_principles (checklist);
  for (guint i = 0; i < n_principles; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        check_prompt (&run, principle, g_ptr_array_index (principle->prompts, j));
    }
  check_general (&run);

  return run.findings;
}

GPtrArray *
pc_lint_run_prompt (const PcAssessment *assessment,
                    const PcChecklist  *checklist,
                    const char         *prompt_id,
                    GDate              *today)
{
  const PcPrinciple *principle = NULL;
  const PcPrompt *prompt;
  LintRun run;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  prompt = pc_checklist_find_prompt (checklist, prompt_id, &principle);
  g_return_val_if_fail (prompt != NULL, NULL);

  begin_run (&run, assessment, today);
  check_prompt (&run, principle, prompt);

  return run.findings;
}

GPtrArray *
pc_lint_run_general (const PcAssessment *assessment,
                     GDate              *today)
{
  LintRun run;

  g_return_val_if_fail (assessment != NULL, NULL);

  begin_run (&run, assessment, today);
  check_general (&run);

  return run.findings;
}

gboolean
pc_lint_blocks (GPtrArray *findings)
{
  if (findings == NULL)
    return FALSE;

  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      if (finding->level == PC_LEVEL_BLOCK)
        return TRUE;
    }

  return FALSE;
}
