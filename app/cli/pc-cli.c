/* pc-cli.c: the command line, and its read-only commands
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-demo.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-text.h"
#include "pc-vocab.h"

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "—";
}

/* list */

static cJSON *
list_item_to_json (gconstpointer data)
{
  const PcListItem *item = data;
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddStringToObject (object, "reference", item->reference);
  cJSON_AddNumberToObject (object, "revision", item->revision);
  cJSON_AddStringToObject (object, "title", item->title);
  cJSON_AddStringToObject (object, "division", item->division);
  cJSON_AddStringToObject (object, "lead", item->lead);
  cJSON_AddStringToObject (object, "state", pc_state_to_string (item->state));
  cJSON_AddBoolToObject (object, "imported", item->imported);
  cJSON_AddNumberToObject (object, "answered", item->answered);
  cJSON_AddNumberToObject (object, "total", item->total);
  cJSON_AddStringToObject (object, "updated_at", item->updated_at);
  cJSON_AddStringToObject (object, "integrity", pc_integrity_to_string (item->integrity));

  return object;
}

/* The table list prints: one line an assessment, under headings. */
static void
print_list (GPtrArray *items)
{
  static const char *headings[] = {
    N_("REFERENCE"), N_("REV"), N_("STATE"), N_("PROGRESS"), N_("UPDATED"),
  };
  guint widths[] = { 14, 4, 26, 10, 10 };
  g_autoptr(GString) out = NULL;
  /* The labels, looked up once rather than once a row: the states', and
   * each division id's (NULL for an id the vocabulary does not know). */
  const char *states[PC_STATE_NOT_APPROVED + 1];
  g_autoptr(GHashTable) divisions = g_hash_table_new (g_str_hash, g_str_equal);

  if (items->len == 0)
    {
      g_print (_("No assessments yet: start one with “principle-check new”, or add examples with “principle-check demo”.\n"));
      return;
    }

  /* Each column as wide as its heading, in a language where that is
   * longer than the values. The table is printed at once: one write, not
   * one a cell, from a buffer large enough from the start. */
  out = g_string_sized_new (256 * (items->len + 1));
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    widths[c] = MAX (widths[c], (guint) g_utf8_strlen (_(headings[c]), -1));
  for (PcState state = 0; state < G_N_ELEMENTS (states); state++)
    states[state] = pc_state_to_label (state);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    _pc_cli_append_cell (out, _(headings[c]), widths[c]);
  g_string_append_printf (out, "%s\n", _("TITLE (DIVISION)"));
  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);
      const char *state = states[item->state];
      const char *division;
      gboolean altered = item->integrity == PC_INTEGRITY_ALTERED;
      gsize start = out->len;
      char number[32];

      _pc_cli_append_line (out, item->reference);
      _pc_cli_pad_cell (out, start, widths[0]);
      g_snprintf (number, sizeof number, "%d", item->revision);
      _pc_cli_append_cell (out, number, widths[1]);
      _pc_cli_append_cell (out, altered ? _("ALTERED") : state, widths[2]);
      g_snprintf (number, sizeof number, "%u/%u", item->answered, item->total);
      _pc_cli_append_cell (out, number, widths[3]);
      g_utf8_strncpy (number, item->updated_at, 10);
      _pc_cli_append_cell (out, number, widths[4]);
      if (!g_hash_table_lookup_extended (divisions, item->division, NULL, (gpointer *) &division))
        {
          division = pc_vocab_id_to_label (PC_VOCAB_DIVISION, item->division);
          g_hash_table_insert (divisions, item->division, (gpointer) division);
        }
      _pc_cli_append_line (out, item->title);
      g_string_append (out, " (");
      if (division != NULL)
        g_string_append (out, division);
      else
        _pc_cli_append_line (out, item->division);
      g_string_append_c (out, ')');
      if (item->imported)
        g_string_append (out, _(" [imported]"));
      if (altered)
        g_string_append_printf (out, _(" [altered since it was signed, though it says %s: do not rely on it]"),
                                state);
      g_string_append_c (out, '\n');
    }
  _pc_cli_print_stdout (out->str);
}

static int
cmd_list (PcCliContext  *ctx,
          int            argc,
          char         **argv)
{
  return _pc_cli_list_command (ctx, argc, argv, _("Lists every assessment, newest change first."),
                               pc_store_list, list_item_to_json, print_list);
}

/* show */

static void
print_header (const PcAssessment *a,
              const PcChecklist  *checklist)
{
  const char *division = pc_vocab_id_to_label (PC_VOCAB_DIVISION, a->division);
  g_autofree char *team = g_strjoinv (", ", a->team);

  g_print ("%s %s %d — %s\n", _pc_cli_line (a->reference), _("revision"), a->revision,
           _pc_cli_line (a->title));
  g_print ("%s: %s%s\n", _("State"), pc_state_to_label (a->state),
           a->imported ? _(" (imported summary, read-only)") : "");
  if (a->revision_reason != NULL)
    g_print ("%s: %s\n", _("Why this revision"), a->revision_reason);
  g_print ("%s: %s\n", _("Kind of change"), pc_kind_to_label (a->kind));
  g_print ("%s: %s\n", _("Division"), division ? division : _pc_cli_line (a->division));
  if (a->priority != NULL)
    g_print ("%s: %s\n", _("Clinical priority"), or_dash (pc_vocab_id_to_label (PC_VOCAB_PRIORITY, a->priority)));
  g_print ("%s: %s\n", _("Service lead"), _pc_cli_line (a->lead));
  g_print ("%s: %s\n", _("Team"), *team != '\0' ? _pc_cli_line (team) : "—");
  g_print ("%s: %s\n", _("Intended outcomes"), or_dash (a->outcomes));
  g_print ("%s: %s\n", _("Who is affected"), or_dash (a->affected));
  g_print ("%s: %s   %s: %s\n", _("Start date"), or_dash (a->start_date),
           _("Planned review"), or_dash (a->review_date));
  g_print ("%s: %s, %s %d (SHA-256 %.16s…)\n", _("Checklist"), pc_checklist_get_title (checklist),
           _("version"), pc_checklist_get_version (checklist), pc_checklist_get_sha256 (checklist));
  g_print ("%s: %u/%u\n", _("Answered"), pc_assessment_count_answered (a, checklist),
           pc_checklist_get_n_prompts (checklist));
}

static void
print_prompt (const PcAssessment *a,
              const PcPrompt     *prompt)
{
  const PcAnswer *answer = pc_assessment_find_answer (a, prompt->id);

  g_print ("    %s  [%s]\n", prompt->id, pc_rating_to_label (pc_assessment_get_rating (a, prompt->id)));
  g_print ("      %s\n", prompt->question);
  if (answer != NULL && answer->evidence != NULL)
    _pc_cli_print_indented (_("Evidence"), answer->evidence);
  if (answer != NULL && answer->justification != NULL)
    _pc_cli_print_indented (_("Not applicable because"), answer->justification);

  for (guint i = 0; i < a->attachments->len; i++)
    {
      const PcAttachment *att = g_ptr_array_index (a->attachments, i);
      g_autofree char *size = NULL;

      if (g_strcmp0 (att->prompt_id, prompt->id) != 0)
        continue;
      size = g_format_size (att->size);
      g_print ("      %s #%" G_GINT64_FORMAT ": %s (%s, %s, SHA-256 %.16s…)\n", _("Attachment"),
               att->id, _pc_cli_line (att->name), _pc_cli_line (att->media_type), size,
               att->sha256);
    }

  for (guint i = 0; i < a->links->len; i++)
    {
      const PcLink *link = g_ptr_array_index (a->links, i);

      if (g_strcmp0 (link->prompt_id, prompt->id) == 0)
        g_print ("      %s: %s%s%s\n", _("Link"), _pc_cli_line (link->url),
                 link->title ? " — " : "", link->title ? _pc_cli_line (link->title) : "");
    }

  for (guint i = 0; i < a->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (a->actions, i);

      if (g_strcmp0 (action->prompt_id, prompt->id) == 0)
        g_print ("      %s #%" G_GINT64_FORMAT ": %s — %s: %s, %s: %s, %s\n", _("Action"),
                 action->id, _pc_cli_line (action->description), _("owner"),
                 or_dash (_pc_cli_line (action->owner)), _("due"),
                 or_dash (_pc_cli_line (action->due_date)),
                 pc_action_status_to_label (action->status));
    }
}

static void
print_assessment (PcStore            *store,
                  const PcAssessment *a,
                  const PcChecklist  *checklist)
{
  print_header (a, checklist);

  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);
      guint answered = 0;

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

          if (pc_assessment_get_rating (a, prompt->id) != PC_RATING_NOT_ASSESSED)
            answered++;
        }

      g_print ("\n%u. %s — %s (%u/%u)\n", i + 1, principle->title,
               pc_status_to_label (pc_assessment_principle_status (a, principle)),
               answered, principle->prompts->len);
      for (guint j = 0; j < principle->prompts->len; j++)
        print_prompt (a, g_ptr_array_index (principle->prompts, j));
    }

  g_print ("\n%s:\n", _("Co-production"));
  if (a->coproduction->len == 0)
    g_print ("  %s\n", _("None recorded yet."));
  for (guint i = 0; i < a->coproduction->len; i++)
    {
      const PcCoproduction *entry = g_ptr_array_index (a->coproduction, i);

      g_print ("  %s — %s (%s): %s\n", _pc_cli_line (entry->date), _pc_cli_line (entry->who),
               _pc_cli_line (entry->how), entry->changed);
    }

  g_print ("\n%s:\n", _("Sign-offs"));
  if (a->signoffs->len == 0)
    g_print ("  %s\n", _("Not signed."));
  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);
      g_autofree char *fingerprint = s->public_key != NULL ? pc_sign_fingerprint (s->public_key, NULL)
                                                           : NULL;

      g_print ("  %s  %s, %s — %s (%s %s, SHA-256 %.16s…)\n", _pc_cli_line (s->signed_at),
               _pc_cli_line (s->name), _pc_cli_line (s->role), pc_meaning_to_label (s->meaning),
               _("key"), fingerprint != NULL ? fingerprint : "—", _pc_cli_line (s->content_sha256));
      {
        g_autoptr(PcSigner) registered = pc_store_find_signer (store, s->name, s->public_key, NULL);

        /* A key that replaced another on purpose: say when, and by whom. */
        if (registered != NULL && g_strcmp0 (registered->how, "replaced") == 0)
          {
            g_autofree char *note = g_strdup_printf (_("This key was recorded on %s by %s as replacing an earlier key of %s"),
                                                     registered->first_seen, registered->recorded_by,
                                                     s->name);

            g_print ("      %s\n", _pc_cli_line (note));
          }
      }
      if (s->reason != NULL)
        _pc_cli_print_indented (s->meaning == PC_MEANING_APPROVED_WITH_CONDITIONS
                                ? _("Conditions") : _("Reason"),
                                s->reason);
    }
}

/* Says, above and below what show prints, that the record does not
 * match its signatures, and what does not. */
static void
print_altered (const PcAssessment *a,
               GPtrArray          *problems)
{
  if (problems->len == 0)
    return;

  if (a->state == PC_STATE_DRAFT)
    g_print ("%s\n", _("ALTERED OUTSIDE PRINCIPLE CHECK: do not rely on it; restore the database from a backup."));
  else
    g_print ("%s\n", _("ALTERED SINCE IT WAS SIGNED: do not rely on it; restore the database from a backup."));
  for (guint i = 0; i < problems->len; i++)
    g_print ("  • %s\n", (const char *) g_ptr_array_index (problems, i));
}

static cJSON *
signoffs_to_json (const PcAssessment *a)
{
  cJSON *array = cJSON_CreateArray ();

  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);
      cJSON_AddItemToArray (array, pc_summary_signoff_to_json (s));
    }

  return array;
}

static int
cmd_show (PcCliContext  *ctx,
          int            argc,
          char         **argv)
{
  gboolean json = FALSE;
  gboolean imported = FALSE;
  int revision = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision, N_("Show this revision (default: the latest)"), N_("N") },
    { "imported", 0, 0, G_OPTION_ARG_NONE, &imported,
      N_("Show an imported summary (with --json: the file as it was imported)"), NULL },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  PcIntegrity integrity;
  int status;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Shows an assessment: its header, every prompt's rating and evidence, actions, co-production and sign-offs.")))
    return PC_EXIT_USAGE;
  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;
  if (imported)
    return _pc_cli_show_imported (ctx, store, ctx->args[0], revision, json);
  if ((status = _pc_cli_load_with_checklist (ctx, store, ctx->args[0], revision, &a,
                                             &checklist)) != PC_EXIT_OK)
    return status;

  integrity = pc_store_verify_assessment (store, a, &problems, &error);
  if (integrity == PC_INTEGRITY_ERROR)
    return _pc_cli_fail_error (ctx, error);

  if (json)
    {
      g_autoptr(cJSON) object = cJSON_CreateObject ();
      cJSON *list;

      cJSON_AddStringToObject (object, "reference", a->reference);
      cJSON_AddNumberToObject (object, "revision", a->revision);
      cJSON_AddStringToObject (object, "state", pc_state_to_string (a->state));
      cJSON_AddBoolToObject (object, "imported", a->imported);
      cJSON_AddStringToObject (object, "created_at", a->created_at);
      cJSON_AddStringToObject (object, "updated_at", a->updated_at);
      cJSON_AddItemToObject (object, "content", pc_summary_build_content (a, checklist));
      cJSON_AddItemToObject (object, "signoffs", signoffs_to_json (a));
      cJSON_AddStringToObject (object, "integrity", pc_integrity_to_string (integrity));
      list = cJSON_AddArrayToObject (object, "problems");
      for (guint i = 0; i < problems->len; i++)
        cJSON_AddItemToArray (list, cJSON_CreateString (g_ptr_array_index (problems, i)));
      _pc_cli_print_json (object);
    }
  else
    {
      print_altered (a, problems);
      print_assessment (store, a, checklist);
      print_altered (a, problems);
    }

  return integrity == PC_INTEGRITY_ALTERED ? PC_EXIT_FAILED : PC_EXIT_OK;
}

/* check */

static int
cmd_check (PcCliContext  *ctx,
           int            argc,
           char         **argv)
{
  int revision = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision, N_("Check this revision (default: the latest)"), N_("N") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint blocking = 0;
  int status;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Checks an assessment against the completeness rules; exits 1 when anything blocks sign-off.")))
    return PC_EXIT_USAGE;

  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;
  if ((status = _pc_cli_load_with_checklist (ctx, store, ctx->args[0], revision, &a,
                                             &checklist)) != PC_EXIT_OK)
    return status;
  if (!pc_store_require_intact (store, a, &error))
    return _pc_cli_fail_error (ctx, error);

  findings = pc_lint_run (a, checklist, NULL);
  for (guint i = 0; i < findings->len; i++)
    if (((PcFinding *) g_ptr_array_index (findings, i))->level == PC_LEVEL_BLOCK)
      blocking++;

  if (json)
    {
      g_autoptr(cJSON) array = pc_summary_findings_to_json (findings);

      _pc_cli_print_json (array);
    }
  else
    {
      for (guint i = 0; i < findings->len; i++)
        {
          const PcFinding *f = g_ptr_array_index (findings, i);

          _pc_cli_print_cell (f->level == PC_LEVEL_BLOCK ? _("BLOCKS") : _("warns"), 6);
          _pc_cli_print_cell (f->prompt_id ? f->prompt_id
                                           : (f->principle_id ? f->principle_id : a->reference), 32);
          g_print ("%s\n", f->message);
        }

      if (blocking > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u finding blocks sign-off, %u in all.\n",
                              "%s: %u findings block sign-off, %u in all.\n", blocking),
                 a->reference, blocking, findings->len);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%s: ready for sign-off (%u warning).\n",
                              "%s: ready for sign-off (%u warnings).\n", findings->len),
                 a->reference, findings->len);
    }

  return blocking > 0 ? PC_EXIT_FAILED : PC_EXIT_OK;
}

/* history */

static int
cmd_history (PcCliContext  *ctx,
             int            argc,
             char         **argv)
{
  int revision = 0;
  const GOptionEntry entries[] = {
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision, N_("This revision (default: the latest)"), N_("N") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  guint count = 0;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Prints the audit trail of an assessment, oldest first, and checks its chain.")))
    return PC_EXIT_USAGE;

  if ((a = _pc_cli_open_and_load (ctx, &store, revision)) == NULL)
    return PC_EXIT_USAGE;

  rows = pc_store_history (store, a->id, &error);
  if (rows == NULL)
    return _pc_cli_fail_error (ctx, error);

  for (guint i = 0; i < rows->len; i++)
    {
      const PcAuditEntry *row = g_ptr_array_index (rows, i);
      g_print ("%s  %s  %s%s%s%s%s: %s → %s%s%s\n", _pc_cli_line (row->at),
               _pc_cli_line (row->actor), _pc_cli_line (row->entity),
               row->entity_id ? " " : "", row->entity_id ? _pc_cli_line (row->entity_id) : "",
               row->field ? " " : "", row->field ? _pc_cli_line (row->field) : "",
               or_dash (_pc_cli_line (row->old_value)), or_dash (_pc_cli_line (row->new_value)),
               row->reason ? _(" — reason: ") : "", row->reason ? _pc_cli_line (row->reason) : "");
    }

  if (!pc_store_check_audit_chain (store, a->id, &count, &head, &error)
      || !pc_store_require_intact (store, a, &error))
    return _pc_cli_fail_error (ctx, error);

  g_print (_("Audit chain intact: %u entries, head %s\n"), count, head);
  return PC_EXIT_OK;
}

/* checklist validate */

static int
cmd_checklist (PcCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pc_cli_take_subcommand (ctx, &argc, &argv, "validate", "checklist validate"))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Unknown sub-command: usage is “principle-check checklist validate FILE”"));
  if (!_pc_cli_parse (ctx, &argc, &argv, NULL, "FILE", 1,
                      _("Checks that a file is a valid checklist; exits 2 with the problem when it is not.")))
    return PC_EXIT_USAGE;

  checklist = pc_checklist_new_from_file (ctx->args[0], &error);
  if (checklist == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);

  g_print (_("%s: a valid checklist, “%s” (%s, version %d): %u principles, %u prompts\n"),
           ctx->args[0], pc_checklist_get_title (checklist), pc_checklist_get_id (checklist),
           pc_checklist_get_version (checklist), pc_checklist_get_n_principles (checklist),
           pc_checklist_get_n_prompts (checklist));
  return PC_EXIT_OK;
}

/* demo */

static int
cmd_demo (PcCliContext  *ctx,
          int            argc,
          char         **argv)
{
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) keys = NULL;
  g_autofree char *keys_dir = NULL;
  g_autofree char *count_text = NULL;
  gboolean drafts = FALSE;
  const GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_STRING, &count_text, N_("Add N generated assessments instead, in a mix of states (for trying the program at scale)"), N_("N") },
    { "drafts", 0, 0, G_OPTION_ARG_NONE, &drafts, N_("With --count: drafts only, none signed"), NULL },
    { NULL }
  };
  guint64 count = 0;
  guint added;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, NULL, 0,
                      _("Adds realistic example assessments, in every state, to the database.")))
    return PC_EXIT_USAGE;

  if (count_text != NULL
      && !g_ascii_string_to_unsigned (count_text, 10, 1, PC_DEMO_MAX_COUNT, &count, NULL))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--count must be a whole number from 1 to %u, not “%s”: for example “principle-check demo --count 200”"),
                         PC_DEMO_MAX_COUNT, _pc_cli_line (count_text));
  if (drafts && count_text == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--drafts goes with --count: for example “principle-check demo --count 200 --drafts”"));

  checklist = pc_checklist_new_default (&error);
  if (checklist == NULL)
    return _pc_cli_fail_error (ctx, error);

  ctx->may_create = TRUE;
  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;

  /* The example signers' keys live only as long as the command. */
  keys_dir = g_dir_make_tmp ("principle-check-demo-XXXXXX", &error);
  if (keys_dir == NULL)
    return _pc_cli_fail_error (ctx, error);

  if (count > 0)
    added = pc_demo_generate (store, checklist, keys_dir, (guint) count,
                              drafts ? PC_DEMO_DRAFTS : PC_DEMO_MIX, NULL, &error);
  else
    added = pc_demo_fill (store, checklist, keys_dir, NULL, &error);

  {
    g_autoptr(GDir) dir = g_dir_open (keys_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (keys_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (keys_dir);
  }

  if (added == 0)
    return _pc_cli_fail_error (ctx, error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %u example assessment to %s\n",
                        "Added %u example assessments to %s\n", added),
           added, pc_store_get_path (store));
  return PC_EXIT_OK;
}

/* Dispatch */

typedef int (*CommandFunc) (PcCliContext *ctx, int argc, char **argv);

static const struct
{
  const char  *name;
  CommandFunc  func;
  const char  *usage;
} commands[] = {
  { "list", cmd_list, "list [--json]" },
  { "show", cmd_show, "show REF [--json] [--revision N] [--imported]" },
  { "check", cmd_check, "check REF [--json]" },
  { "new", _pc_cli_new, "new --title T --kind K --division D --lead NAME [--priority P] [--review-date YYYY-MM-DD] …" },
  { "set", _pc_cli_set, "set REF FIELD VALUE" },
  { "answer", _pc_cli_answer, "answer REF PROMPT_ID --rating R [--evidence TEXT] [--justification TEXT]" },
  { "attach", _pc_cli_attach, "attach REF PROMPT_ID FILE" },
  { "link", _pc_cli_link, "link add REF PROMPT_ID --url URL [--title T]" },
  { "action", _pc_cli_action, "action add|set|remove …" },
  { "coproduction", _pc_cli_coproduction, "coproduction add REF --who W --how H --date YYYY-MM-DD --changed TEXT" },
  { "keygen", _pc_cli_keygen, "keygen --name N --role R [--passphrase-file F] [--replace]" },
  { "submit", _pc_cli_submit, "submit REF --name N --role R [--passphrase-file F]" },
  { "review", _pc_cli_review, "review REF --decision D --name N --role R [--reason T] [--conditions T] [--passphrase-file F]" },
  { "revise", _pc_cli_revise, "revise REF --reason T" },
  { "history", cmd_history, "history REF" },
  { "export", _pc_cli_export, "export REF --json FILE | --pdf FILE | --csv FILE [--revision N] [--imported]" },
  { "import", _pc_cli_import, "import FILE [--trusted KEYS]" },
  { "verify", _pc_cli_verify, "verify FILE [--trusted KEYS]" },
  { "signers", _pc_cli_signers, "signers [--json] | signers record --name N [--passphrase-file F]" },
  { "checklist", cmd_checklist, "checklist validate FILE" },
  { "demo", cmd_demo, "demo [--count N [--drafts]]" },
};

static gboolean
is_command (const char *name)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (name, commands[i].name))
      return TRUE;

  return g_str_equal (name, "help") || g_str_equal (name, "--help") || g_str_equal (name, "-h")
      || g_str_equal (name, "--version");
}

/* Where the command word is in @argv: the first argument that is not an
 * option nor the FILE of "--db FILE", so that "principle-check --db FILE
 * list" runs list. -1 when there is none. */
static int
find_command (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        i++;
      else if (argv[i][0] != '-')
        return i;
    }

  return -1;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: principle-check COMMAND [OPTIONS…] [--db FILE]"));
  fprintf (out, "%s\n\n", _("Assess a new or changed service against the Trust’s clinical principles."));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  principle-check %s\n", commands[i].usage);
  fprintf (out, "\n%s\n", _("Run “principle-check COMMAND --help” for a command’s options."));
}

static int
run_command (int    argc,
             char **argv)
{
  PcCliContext ctx = { 0 };
  int status;

  if (argc < 2)
    {
      print_usage (stderr);
      return PC_EXIT_USAGE;
    }

  /* "help list" is "list --help". */
  if (g_str_equal (argv[1], "help") && argc > 2 && is_command (argv[2])
      && argv[2][0] != '-' && !g_str_equal (argv[2], "help"))
    {
      char *help_argv[] = { argv[0], argv[2], (char *) "--help", NULL };

      return run_command (3, help_argv);
    }

  if (g_str_equal (argv[1], "help") || g_str_equal (argv[1], "--help")
      || g_str_equal (argv[1], "-h"))
    {
      print_usage (stdout);
      return PC_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("principle-check %s\n", PACKAGE_VERSION);
      return PC_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        ctx.name = commands[i].name;
        status = commands[i].func (&ctx, argc - 1, argv + 1);
        _pc_cli_context_clear (&ctx);
        return status;
      }

  g_printerr (_("principle-check: “%s” is not a command: run “principle-check --help” for the list\n"),
              argv[1]);
  return PC_EXIT_USAGE;
}

gboolean
pc_cli_handles (int    argc,
                char **argv)
{
  return find_command (argc, argv) > 0 || (argc > 1 && is_command (argv[1]));
}

int
pc_cli_run (int    argc,
            char **argv)
{
  GPrintFunc old_print = g_set_print_handler (_pc_cli_print_stdout);
  GPrintFunc old_printerr = g_set_printerr_handler (_pc_cli_print_stderr);
  g_autofree char **ordered = g_new0 (char *, argc + 1);
  int command = find_command (argc, argv);
  int status;

  /* The command word goes first, before "--db FILE": the caller's argv
   * is left as it was. */
  memcpy (ordered, argv, (gsize) argc * sizeof (char *));
  if (command > 1)
    {
      memmove (&ordered[2], &ordered[1], (gsize) (command - 1) * sizeof (char *));
      ordered[1] = argv[command];
    }

  status = run_command (argc, ordered);

  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  _pc_cli_lines_clear ();

  return status;
}
