/* pc-report-content.c: what the committee report says, as blocks
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-report"

#include "config.h"

#include "pc-report-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-signoff-text.h"
#include "pc-vocab.h"

/* Status colours: always drawn with the status in words beside them. */
static const double status_fill[][3] = {
  [PC_STATUS_GREY]  = { 0.90, 0.90, 0.90 },
  [PC_STATUS_GREEN] = { 0.80, 0.92, 0.81 },
  [PC_STATUS_AMBER] = { 0.99, 0.88, 0.65 },
  [PC_STATUS_RED]   = { 0.97, 0.78, 0.76 },
};

static const double accent[3] = { 0.0, 0.37, 0.72 };
static const double muted[3] = { 0.30, 0.30, 0.30 };
static const double alarm_color[3] = { 0.70, 0.07, 0.07 };

#define STRIP_COLUMNS 5
#define BULLET_INDENT 12.0

typedef struct
{
  PcReport           *report;
  const PcAssessment *a;
  const PcChecklist  *checklist;
  GPtrArray          *findings;
  GDate              *today;
} Ctx;

/* Helpers */

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("None recorded");
}

/* "22 November 2026" for a YYYY-MM-DD date; @date itself otherwise. */
static char *
format_date (const char *date)
{
  g_autoptr(GDate) d = NULL;
  char buf[64];

  if (date == NULL || *date == '\0')
    return g_strdup (_("None recorded"));
  if (!pc_date_is_valid (date))
    return g_strdup (date);

  d = g_date_new ();
  g_date_set_parse (d, date);
  if (!g_date_valid (d) || g_date_strftime (buf, sizeof buf, "%-d %B %Y", d) == 0)
    return g_strdup (date);

  return g_strdup (buf);
}

static PcReportBlock *
set_color (PcReportBlock *block,
           const double  *color)
{
  memcpy (block->color, color, sizeof block->color);

  return block;
}

static PcReportBlock *
text (Ctx           *ctx,
      PcReportStyle  style,
      const char    *markup)
{
  return _pc_report_add_text (ctx->report, style, markup);
}

static PcReportBlock *
bullet (Ctx        *ctx,
        const char *markup)
{
  g_autofree char *line = g_strconcat ("•\t", markup, NULL);
  PcReportBlock *block = text (ctx, PC_REPORT_STYLE_BODY, line);

  block->indent = 4.0;
  block->hang = BULLET_INDENT;
  block->space_after = 3.0;

  return block;
}

/* A label and its value, as a two-column table row. */
static void
field_row (Ctx        *ctx,
           const char *label,
           const char *value)
{
  PcReportBlock *row = _pc_report_add_row (ctx->report, -1);
  g_autofree char *l = g_markup_escape_text (label, -1);
  g_autofree char *v = g_markup_escape_text (value != NULL ? value : "", -1);

  _pc_report_row_add (row, PC_REPORT_STYLE_CELL_HEAD, 0.0, 0.26, l, NULL);
  _pc_report_row_add (row, PC_REPORT_STYLE_CELL, 0.26, 0.74, v, NULL);
}

/* The principle and prompt numbers of @prompt_id ("3.2"), or NULL. */
static char *
prompt_number (const PcChecklist *checklist,
               const char        *prompt_id)
{
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

          if (g_strcmp0 (prompt->id, prompt_id) == 0)
            return g_strdup_printf ("%u.%u", i + 1, j + 1);
        }
    }

  return NULL;
}

static gboolean
prompt_in (const PcPrinciple *principle,
           const char        *prompt_id)
{
  for (guint j = 0; j < principle->prompts->len; j++)
    if (g_strcmp0 (((const PcPrompt *) g_ptr_array_index (principle->prompts, j))->id,
                   prompt_id) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_answered (const PcAssessment *a,
                const PcPrinciple  *principle)
{
  guint n = 0;

  for (guint j = 0; j < principle->prompts->len; j++)
    if (pc_assessment_get_rating (a, ((const PcPrompt *) g_ptr_array_index (principle->prompts, j))->id)
        != PC_RATING_NOT_ASSESSED)
      n++;

  return n;
}

/* "Description (owner, due 3 March 2027, In progress)". */
static char *
describe_action (Ctx            *ctx,
                 const PcAction *action)
{
  g_autofree char *due = format_date (action->due_date);
  gboolean overdue = _pc_report_action_overdue (action, ctx->today);

  return g_markup_printf_escaped (overdue ? _("%s (%s, due %s, %s, <b>overdue</b>)")
                                          : _("%s (%s, due %s, %s)"),
                                  action->description,
                                  action->owner != NULL ? action->owner : _("no owner"),
                                  due, pc_action_status_to_label (action->status));
}

/* The cover */

static void
add_header (Ctx *ctx)
{
  const PcAssessment *a = ctx->a;
  g_autofree char *kicker = g_markup_escape_text (_("Clinical principles assessment"), -1);
  g_autofree char *title = g_markup_escape_text (a->title, -1);
  g_autofree char *revision = NULL;
  g_autofree char *team = NULL;
  g_autofree char *start = format_date (a->start_date);
  g_autofree char *review = format_date (a->review_date);
  g_autofree char *created = pc_signoff_describe_time (a->created_at);
  g_autofree char *updated = pc_signoff_describe_time (a->updated_at);
  g_autofree char *checklist = NULL;
  const char *division = pc_vocab_id_to_label (PC_VOCAB_DIVISION, a->division);
  const char *priority = a->priority != NULL ? pc_vocab_id_to_label (PC_VOCAB_PRIORITY, a->priority) : NULL;

  set_color (text (ctx, PC_REPORT_STYLE_KICKER, kicker), accent);
  text (ctx, PC_REPORT_STYLE_TITLE, title);

  if (a->revision_reason != NULL)
    revision = g_strdup_printf (_("%d (%s)"), a->revision, a->revision_reason);
  else
    revision = g_strdup_printf ("%d", a->revision);
  team = g_strjoinv (", ", a->team);
  checklist = g_strdup_printf (_("%s, version %d"), pc_checklist_get_title (ctx->checklist),
                               pc_checklist_get_version (ctx->checklist));

  field_row (ctx, _("Reference"), a->reference);
  field_row (ctx, _("Revision"), revision);
  field_row (ctx, _("State"), pc_state_to_label (a->state));
  field_row (ctx, _("Division"), division != NULL ? division : a->division);
  field_row (ctx, _("Kind of change"), pc_kind_to_label (a->kind));
  field_row (ctx, _("Clinical priority"), priority != NULL ? priority : or_none (a->priority));
  field_row (ctx, _("Lead"), a->lead);
  field_row (ctx, _("Team"), or_none (team));
  field_row (ctx, _("Intended outcomes"), or_none (a->outcomes));
  field_row (ctx, _("Who is affected"), or_none (a->affected));
  field_row (ctx, _("Start date"), start);
  field_row (ctx, _("Planned review date"), review);
  field_row (ctx, _("Created"), created);
  field_row (ctx, _("Last changed"), updated);
  field_row (ctx, _("Checklist"), checklist);
}

static void
add_strip (Ctx *ctx)
{
  guint n = pc_checklist_get_n_principles (ctx->checklist);
  guint columns = MIN (n, STRIP_COLUMNS);
  g_autofree char *heading = g_markup_escape_text (_("Status of the principles"), -1);
  PcReportBlock *row = NULL;

  text (ctx, PC_REPORT_STYLE_H2, heading);

  for (guint i = 0; i < n; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);
      PcStatus status = pc_assessment_principle_status (ctx->a, principle);
      g_autofree char *markup = NULL;
      g_autofree char *answered = NULL;

      if (i % columns == 0)
        {
          row = _pc_report_add_row (ctx->report, -1);
          row->rule_below = FALSE;
        }

      answered = g_strdup_printf (_("%u of %u answered"), count_answered (ctx->a, principle),
                                  principle->prompts->len);
      markup = g_markup_printf_escaped ("<b>%u. %s</b>\n<span size=\"larger\" weight=\"bold\">%s</span>\n%s",
                                        i + 1, principle->title, pc_status_to_label (status),
                                        answered);
      _pc_report_row_add (row, PC_REPORT_STYLE_CELL, (double) (i % columns) / columns,
                          1.0 / columns, markup, status_fill[status]);
    }
}

static void
list_heading (Ctx        *ctx,
              const char *title,
              const char *explanation)
{
  g_autofree char *markup = g_markup_printf_escaped ("%s  <span weight=\"normal\" size=\"smaller\" foreground=\"#555555\">%s</span>",
                                                     title, explanation);

  text (ctx, PC_REPORT_STYLE_H2, markup);
}

static void
nothing (Ctx *ctx)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", _("Nothing to report."));

  set_color (bullet (ctx, markup), muted);
}

/* Assure: each principle fully met, with what evidences it. */
static void
add_assure (Ctx *ctx)
{
  gboolean any = FALSE;

  list_heading (ctx, _("Assure"), _("principles fully met, with what evidences them"));

  for (guint i = 0; i < pc_checklist_get_n_principles (ctx->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);
      g_autoptr(GString) line = NULL;
      g_autoptr(GString) files = g_string_new (NULL);
      guint written = 0;

      if (pc_assessment_principle_status (ctx->a, principle) != PC_STATUS_GREEN)
        continue;

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          const PcAnswer *answer = pc_assessment_find_answer (ctx->a, prompt->id);

          if (answer != NULL && answer->evidence != NULL && *answer->evidence != '\0')
            written++;
        }
      for (guint k = 0; k < ctx->a->attachments->len; k++)
        {
          const PcAttachment *att = g_ptr_array_index (ctx->a->attachments, k);

          if (prompt_in (principle, att->prompt_id))
            g_string_append_printf (files, "%s%s", files->len > 0 ? ", " : "", att->name);
        }

      /* The titles are the checklist's, the file names the team's: both escaped. */
      line = g_string_new (NULL);
      {
        g_autofree char *head = NULL;

        head = g_markup_printf_escaped (_("<b>%u. %s</b>: met. Evidenced by written evidence for %u of %u prompts"),
                                        i + 1, principle->title, written, principle->prompts->len);
        g_string_append (line, head);
      }
      if (files->len > 0)
        {
          g_autofree char *f = g_markup_printf_escaped (_("; attachments: %s"), files->str);

          g_string_append (line, f);
        }
      g_string_append (line, ".");
      bullet (ctx, line->str);
      any = TRUE;
    }

  if (!any)
    nothing (ctx);
}

/* The open actions of @principle, as a markup list "a; b; c", or NULL. */
static char *
open_actions_of (Ctx               *ctx,
                 const PcPrinciple *principle)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint k = 0; k < ctx->a->actions->len; k++)
    {
      const PcAction *action = g_ptr_array_index (ctx->a->actions, k);
      g_autofree char *described = NULL;

      if (action->status == PC_ACTION_DONE || !prompt_in (principle, action->prompt_id))
        continue;
      described = describe_action (ctx, action);
      g_string_append_printf (list, "%s%s", list->len > 0 ? "; " : "", described);
    }

  return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}

/* "3.2, 3.4": the prompts of @principle rated @rating. */
static char *
prompts_rated (Ctx               *ctx,
               const PcPrinciple *principle,
               guint              index,
               PcRating           rating)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint j = 0; j < principle->prompts->len; j++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

      if (pc_assessment_get_rating (ctx->a, prompt->id) == rating)
        g_string_append_printf (list, "%s%u.%u", list->len > 0 ? ", " : "", index + 1, j + 1);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Advise: each principle partly met, with the actions under way. */
static void
add_advise (Ctx *ctx)
{
  gboolean any = FALSE;

  list_heading (ctx, _("Advise"), _("principles partly met, with the actions under way"));

  for (guint i = 0; i < pc_checklist_get_n_principles (ctx->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);
      g_autofree char *prompts = NULL;
      g_autofree char *actions = NULL;
      g_autofree char *head = NULL;
      g_autofree char *line = NULL;

      if (pc_assessment_principle_status (ctx->a, principle) != PC_STATUS_AMBER)
        continue;

      prompts = prompts_rated (ctx, principle, i, PC_RATING_PARTLY_MET);
      actions = open_actions_of (ctx, principle);
      head = g_markup_printf_escaped (_("<b>%u. %s</b>: partly met (prompts %s)."), i + 1,
                                      principle->title, prompts);
      line = g_strdup_printf ("%s %s %s", head, _("Actions under way:"),
                              actions != NULL ? actions : _("none recorded."));
      bullet (ctx, line);
      any = TRUE;
    }

  if (!any)
    nothing (ctx);
}

/* Alert: principles not met or not yet assessed, overdue actions and
 * the findings that block sign-off. */
static void
add_alert_principles (Ctx      *ctx,
                      gboolean *any)
{
  for (guint i = 0; i < pc_checklist_get_n_principles (ctx->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);
      PcStatus status = pc_assessment_principle_status (ctx->a, principle);
      g_autofree char *line = NULL;

      if (status == PC_STATUS_RED)
        {
          g_autofree char *prompts = prompts_rated (ctx, principle, i, PC_RATING_NOT_MET);
          g_autofree char *actions = open_actions_of (ctx, principle);
          g_autofree char *head = g_markup_printf_escaped (_("<b>%u. %s</b>: not met (prompts %s)."),
                                                           i + 1, principle->title, prompts);

          line = g_strdup_printf ("%s %s %s", head, _("Actions:"),
                                  actions != NULL ? actions : _("none recorded."));
        }
      else if (status == PC_STATUS_GREY)
        line = g_markup_printf_escaped (_("<b>%u. %s</b>: not yet assessed (%u of %u prompts answered)."),
                                        i + 1, principle->title,
                                        count_answered (ctx->a, principle), principle->prompts->len);
      else
        continue;

      bullet (ctx, line);
      *any = TRUE;
    }
}

static void
add_alert_findings (Ctx      *ctx,
                    gboolean *any)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint k = 0; k < ctx->a->actions->len; k++)
    {
      const PcAction *action = g_ptr_array_index (ctx->a->actions, k);
      g_autofree char *described = NULL;
      g_autofree char *line = NULL;

      if (!_pc_report_action_overdue (action, ctx->today))
        continue;
      described = describe_action (ctx, action);
      line = g_strdup_printf ("%s %s", _("<b>Overdue action</b>:"), described);
      bullet (ctx, line);
      *any = TRUE;
    }

  /* A draft's blocking findings can be many of one kind (every prompt
   * not assessed): three of a kind are listed, then counted. */
  for (guint k = 0; k < ctx->findings->len; k++)
    {
      const PcFinding *finding = g_ptr_array_index (ctx->findings, k);
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, finding->rule));

      if (finding->level != PC_LEVEL_BLOCK)
        continue;
      g_hash_table_insert (counts, finding->rule, GUINT_TO_POINTER (seen + 1));
      if (seen < 3)
        {
          g_autofree char *number = finding->prompt_id != NULL
                                    ? prompt_number (ctx->checklist, finding->prompt_id) : NULL;
          g_autofree char *line = NULL;

          if (number != NULL)
            line = g_markup_printf_escaped (_("<b>Blocks sign-off</b>: prompt %s: %s"), number,
                                            finding->message);
          else
            line = g_markup_printf_escaped (_("<b>Blocks sign-off</b>: %s"), finding->message);

          bullet (ctx, line);
          *any = TRUE;
        }
    }

  for (guint k = 0; k < ctx->findings->len; k++)
    {
      const PcFinding *finding = g_ptr_array_index (ctx->findings, k);
      guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (counts, finding->rule));
      g_autofree char *line = NULL;

      if (seen <= 3)
        continue;
      line = g_markup_printf_escaped (_("<b>Blocks sign-off</b>: %u more like these (“%s”), shown with their prompts below."),
                                      seen - 3, finding->rule);
      bullet (ctx, line);
      g_hash_table_insert (counts, finding->rule, GUINT_TO_POINTER (0));
    }
}

static void
add_summary (Ctx *ctx)
{
  gboolean any = FALSE;

  add_assure (ctx);
  add_advise (ctx);
  list_heading (ctx, _("Alert"), _("principles not met, overdue actions, findings that block sign-off"));
  add_alert_principles (ctx, &any);
  add_alert_findings (ctx, &any);
  if (!any)
    nothing (ctx);
}

/* One section per principle */

static void
add_attachments (Ctx            *ctx,
                 const PcPrompt *prompt)
{
  for (guint k = 0; k < ctx->a->attachments->len; k++)
    {
      const PcAttachment *att = g_ptr_array_index (ctx->a->attachments, k);
      g_autofree char *size = NULL;
      g_autofree char *prefix = NULL;
      g_autofree char *line = NULL;

      if (g_strcmp0 (att->prompt_id, prompt->id) != 0)
        continue;
      size = g_format_size ((guint64) att->size);
      prefix = g_strndup (att->sha256, 16);
      line = g_markup_printf_escaped (_("Attachment: <b>%s</b>, %s, SHA-256 %s…"), att->name,
                                      size, prefix);
      bullet (ctx, line)->style = PC_REPORT_STYLE_SMALL;
    }

  for (guint k = 0; k < ctx->a->links->len; k++)
    {
      const PcLink *link = g_ptr_array_index (ctx->a->links, k);
      g_autofree char *line = NULL;

      if (g_strcmp0 (link->prompt_id, prompt->id) != 0)
        continue;
      line = g_markup_printf_escaped (_("Link: <b>%s</b> %s"), link->title != NULL ? link->title : "",
                                      link->url);
      bullet (ctx, line)->style = PC_REPORT_STYLE_SMALL;
    }
}

static void
add_prompt (Ctx            *ctx,
            guint           i,
            guint           j,
            const PcPrompt *prompt)
{
  const PcAnswer *answer = pc_assessment_find_answer (ctx->a, prompt->id);
  PcRating rating = answer != NULL ? answer->rating : PC_RATING_NOT_ASSESSED;
  g_autofree char *heading = NULL;
  g_autofree char *rated = NULL;

  heading = g_markup_printf_escaped ("%u.%u  %s", i + 1, j + 1, prompt->question);
  text (ctx, PC_REPORT_STYLE_H3, heading);

  rated = g_markup_printf_escaped ("%s <b>%s</b>", _("Rating:"), pc_rating_to_label (rating));
  text (ctx, PC_REPORT_STYLE_BODY, rated)->keep_with_next = TRUE;

  if (answer != NULL && answer->evidence != NULL && *answer->evidence != '\0')
    {
      g_autofree char *evidence = g_markup_escape_text (answer->evidence, -1);

      text (ctx, PC_REPORT_STYLE_BODY, evidence)->indent = BULLET_INDENT;
    }
  else
    {
      g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>", _("No evidence recorded."));

      set_color (text (ctx, PC_REPORT_STYLE_BODY, none), muted)->indent = BULLET_INDENT;
    }

  if (answer != NULL && answer->justification != NULL && *answer->justification != '\0')
    {
      g_autofree char *why = g_markup_printf_escaped ("<b>%s</b> %s", _("Why not applicable:"),
                                                      answer->justification);

      text (ctx, PC_REPORT_STYLE_BODY, why)->indent = BULLET_INDENT;
    }

  add_attachments (ctx, prompt);

  for (guint k = 0; k < ctx->a->actions->len; k++)
    {
      const PcAction *action = g_ptr_array_index (ctx->a->actions, k);
      g_autofree char *described = NULL;
      g_autofree char *line = NULL;

      if (g_strcmp0 (action->prompt_id, prompt->id) != 0)
        continue;
      described = describe_action (ctx, action);
      line = g_strdup_printf ("%s %s", _("<b>Action</b>:"), described);
      bullet (ctx, line)->style = PC_REPORT_STYLE_SMALL;
    }
}

static void
add_principles (Ctx *ctx)
{
  for (guint i = 0; i < pc_checklist_get_n_principles (ctx->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);
      PcStatus status = pc_assessment_principle_status (ctx->a, principle);
      g_autofree char *heading = g_markup_printf_escaped ("%u. %s", i + 1, principle->title);
      g_autofree char *description = g_markup_escape_text (principle->description, -1);
      g_autofree char *state = NULL;
      PcReportBlock *block;

      _pc_report_add_break (ctx->report, PC_REPORT_BLOCK_BREAK);
      block = text (ctx, PC_REPORT_STYLE_H1, heading);
      block->outline = g_strdup_printf ("%u. %s", i + 1, principle->title);
      set_color (block, accent);
      set_color (text (ctx, PC_REPORT_STYLE_BODY, description), muted);

      state = g_markup_printf_escaped (_("<b>Status: %s</b> · %u of %u prompts answered"),
                                       pc_status_to_label (status),
                                       count_answered (ctx->a, principle), principle->prompts->len);
      block = _pc_report_add_row (ctx->report, -1);
      block->rule_below = FALSE;
      block->space_after = 4.0;
      _pc_report_row_add (block, PC_REPORT_STYLE_CELL, 0.0, 0.6, state, status_fill[status]);

      for (guint j = 0; j < principle->prompts->len; j++)
        add_prompt (ctx, i, j, g_ptr_array_index (principle->prompts, j));
    }
}

/* The action plan and the co-production record */

static void
add_action_plan (Ctx *ctx)
{
  static const double x[] = { 0.0, 0.16, 0.26, 0.58, 0.74, 0.86, 1.0 };
  const char *heads[] = { _("Principle"), _("Prompt"), _("Description"), _("Owner"),
                          _("Due date"), _("Status") };
  g_autofree char *heading = g_markup_escape_text (_("Action plan"), -1);
  PcReportBlock *row;
  guint header;
  guint n = 0;

  _pc_report_add_break (ctx->report, PC_REPORT_BLOCK_BREAK);
  set_color (text (ctx, PC_REPORT_STYLE_H1, heading), accent);

  header = _pc_report_n_blocks (ctx->report);
  row = _pc_report_add_row (ctx->report, (int) header);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    _pc_report_row_add (row, PC_REPORT_STYLE_CELL_HEAD, x[c], x[c + 1] - x[c], heads[c],
                        status_fill[PC_STATUS_GREY]);

  /* In checklist order. */
  for (guint i = 0; i < pc_checklist_get_n_principles (ctx->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (ctx->checklist, i);

      for (guint k = 0; k < ctx->a->actions->len; k++)
        {
          const PcAction *action = g_ptr_array_index (ctx->a->actions, k);
          g_autofree char *number = NULL;
          g_autofree char *cells[6] = { NULL };
          g_autofree char *due = NULL;

          if (action->status == PC_ACTION_DONE || !prompt_in (principle, action->prompt_id))
            continue;

          number = prompt_number (ctx->checklist, action->prompt_id);
          due = format_date (action->due_date);
          cells[0] = g_markup_printf_escaped ("%u. %s", i + 1, principle->title);
          cells[1] = g_markup_escape_text (number, -1);
          cells[2] = g_markup_escape_text (action->description, -1);
          cells[3] = g_markup_escape_text (action->owner != NULL ? action->owner : _("no owner"), -1);
          cells[4] = g_markup_escape_text (due, -1);
          if (_pc_report_action_overdue (action, ctx->today))
            cells[5] = g_markup_printf_escaped ("%s\n<span foreground=\"#b31111\" weight=\"bold\">%s</span>",
                                                pc_action_status_to_label (action->status),
                                                _("OVERDUE"));
          else
            cells[5] = g_markup_escape_text (pc_action_status_to_label (action->status), -1);

          row = _pc_report_add_row (ctx->report, (int) header);
          for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
            {
              _pc_report_row_add (row, PC_REPORT_STYLE_CELL, x[c], x[c + 1] - x[c], cells[c], NULL);
              g_clear_pointer (&cells[c], g_free);
            }
          n++;
        }
    }

  if (n == 0)
    {
      g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>", _("No open actions."));

      set_color (text (ctx, PC_REPORT_STYLE_BODY, none), muted);
    }
}

static void
add_coproduction (Ctx *ctx)
{
  static const double x[] = { 0.0, 0.22, 0.38, 0.52, 1.0 };
  const char *heads[] = { _("Who took part"), _("How"), _("When"), _("What changed") };
  g_autofree char *heading = g_markup_escape_text (_("Co-production"), -1);
  PcReportBlock *row;
  guint header;

  set_color (text (ctx, PC_REPORT_STYLE_H1, heading), accent);
  if (ctx->a->coproduction->len == 0)
    {
      g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>", _("No co-production recorded."));

      set_color (text (ctx, PC_REPORT_STYLE_BODY, none), alarm_color);
      return;
    }

  header = _pc_report_n_blocks (ctx->report);
  row = _pc_report_add_row (ctx->report, (int) header);
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    _pc_report_row_add (row, PC_REPORT_STYLE_CELL_HEAD, x[c], x[c + 1] - x[c], heads[c],
                        status_fill[PC_STATUS_GREY]);

  for (guint k = 0; k < ctx->a->coproduction->len; k++)
    {
      const PcCoproduction *entry = g_ptr_array_index (ctx->a->coproduction, k);
      g_autofree char *date = format_date (entry->date);
      const char *values[] = { entry->who, entry->how, date, entry->changed };

      row = _pc_report_add_row (ctx->report, (int) header);
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          g_autofree char *cell = g_markup_escape_text (values[c] != NULL ? values[c] : "", -1);

          _pc_report_row_add (row, PC_REPORT_STYLE_CELL, x[c], x[c + 1] - x[c], cell, NULL);
        }
    }
}

/* The sign-off block, kept together on the last page */

static char *
describe_local (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (iso8601, utc);
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (when);

  return g_date_time_format (local, "%-d %B %Y, %H:%M %Z");
}

static void
add_signoff (Ctx             *ctx,
             const PcSignoff *signoff)
{
  g_autofree char *sentence = pc_signoff_describe (signoff);
  g_autofree char *heading = g_markup_escape_text (sentence, -1);
  g_autofree char *utc_time = NULL;
  g_autofree char *local_time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *fingerprint = NULL;

  text (ctx, PC_REPORT_STYLE_H2, heading);
  field_row (ctx, _("Name"), signoff->name);
  field_row (ctx, _("Role"), signoff->role);
  field_row (ctx, _("Meaning"), pc_meaning_to_label (signoff->meaning));
  if (signoff->reason != NULL)
    field_row (ctx, signoff->meaning == PC_MEANING_APPROVED_WITH_CONDITIONS ? _("Conditions") : _("Reason"),
               signoff->reason);

  utc_time = g_strdup (signoff->signed_at);
  local_time = describe_local (signoff->signed_at);
  when = g_strdup_printf (_("%s (UTC); %s (local time)"), utc_time, local_time);
  field_row (ctx, _("Signed"), when);
  fingerprint = signoff->public_key != NULL ? pc_sign_fingerprint (signoff->public_key, NULL) : NULL;
  field_row (ctx, _("Key fingerprint"), fingerprint != NULL ? fingerprint : "—");
}

static void
add_signoffs (Ctx        *ctx,
              const char *content_sha256,
              guint       audit_count,
              const char *audit_head)
{
  g_autofree char *heading = g_markup_escape_text (_("Sign-off"), -1);
  g_autofree char *verify = NULL;

  _pc_report_add_break (ctx->report, PC_REPORT_BLOCK_KEEP_REST);
  set_color (text (ctx, PC_REPORT_STYLE_H1, heading), accent);

  if (ctx->a->state == PC_STATE_DRAFT)
    {
      g_autofree char *draft = g_markup_printf_escaped ("<b>%s</b> %s", _("DRAFT — not signed off."),
                                                        _("This is a working draft: nobody has signed it off, and it is not a decision of the Trust."));

      set_color (text (ctx, PC_REPORT_STYLE_BODY, draft), alarm_color);
    }
  else if (ctx->a->signoffs->len == 0)
    {
      g_autofree char *none = g_markup_printf_escaped ("<i>%s</i>", _("No sign-offs recorded."));

      text (ctx, PC_REPORT_STYLE_BODY, none);
    }

  for (guint k = 0; k < ctx->a->signoffs->len; k++)
    add_signoff (ctx, g_ptr_array_index (ctx->a->signoffs, k));

  verify = g_markup_printf_escaped (_("To verify, export the signed JSON summary with “principle-check export %s --json FILE” and check it with “principle-check verify FILE”: its content SHA-256 must be %s, whose first 16 digits end every page of this report."),
                                    ctx->a->reference, content_sha256);
  set_color (text (ctx, PC_REPORT_STYLE_SMALL, verify), muted)->space_before = 10.0;

  if (audit_head != NULL)
    {
      g_autofree char *audit = NULL;

      audit = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE,
                                                    "The history of this assessment holds %u change, checked unaltered when this report was made; the last link of its chain is SHA-256 %s, as in the JSON summary’s “audit”.",
                                                    "The history of this assessment holds %u changes, checked unaltered when this report was made; the last link of its chain is SHA-256 %s, as in the JSON summary’s “audit”.",
                                                    audit_count),
                                       audit_count, audit_head);
      set_color (text (ctx, PC_REPORT_STYLE_SMALL, audit), muted);
    }
}

void
_pc_report_build (PcReport           *self,
                  const PcAssessment *assessment,
                  const PcChecklist  *checklist,
                  GPtrArray          *findings,
                  const char         *content_sha256,
                  guint               audit_count,
                  const char         *audit_head,
                  GDate              *today)
{
  Ctx ctx = { self, assessment, checklist, findings, today };

  add_header (&ctx);
  add_strip (&ctx);
  add_summary (&ctx);
  add_principles (&ctx);
  add_action_plan (&ctx);
  add_coproduction (&ctx);
  add_signoffs (&ctx, content_sha256, audit_count, audit_head);
}
