/* pc-assessment-session.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-assessment-session"

#include "config.h"

#include "pc-assessment-session.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-autosave.h"
#include "pc-checklist.h"
#include "pc-lint.h"
#include "pc-store.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* How long typed text waits for the next keystroke before it is written. */
#define SAVE_DELAY_MS 700

struct _PcAssessmentSession
{
  GObject       parent_instance;

  PcStore      *store;
  PcChecklist  *checklist;
  PcAssessment *assessment;
  PcAutosave   *autosave;
  GHashTable   *findings;          /* prompt id → GPtrArray of PcFinding */
  GPtrArray    *general_findings;  /* PcFinding */
  gboolean      header_written;    /* a header field written, not yet read back */
};

G_DEFINE_FINAL_TYPE (PcAssessmentSession, pc_assessment_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ANSWER_CHANGED,
  ATTACHMENTS_CHANGED,
  LINKS_CHANGED,
  ACTIONS_CHANGED,
  FINDINGS_CHANGED,
  HEADER_CHANGED,
  COPRODUCTION_CHANGED,
  STATE_CHANGED,
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a prompt-level signal says, detailed by the prompt's id. */
static void
emit_prompt (PcAssessmentSession *self,
             guint                signal,
             const char          *prompt_id)
{
  g_signal_emit (self, signals[signal], g_quark_from_string (prompt_id), prompt_id);
}

/* Findings */

static void
lint_prompt (PcAssessmentSession *self,
             const char          *prompt_id,
             GDate               *today)
{
  const PcPrompt *prompt = pc_checklist_find_prompt (self->checklist, prompt_id, NULL);

  /* Keyed by the checklist's own copy of the id, which lives as long. */
  g_hash_table_replace (self->findings, (gpointer) prompt->id,
                        pc_lint_run_prompt (self->assessment, self->checklist, prompt_id, today));
}

static void
lint_general (PcAssessmentSession *self,
              GDate               *today)
{
  g_clear_pointer (&self->general_findings, g_ptr_array_unref);
  self->general_findings = pc_lint_run_general (self->assessment, today);
}

static void
lint_all (PcAssessmentSession *self)
{
  g_autoptr(GDate) today = pc_date_new_utc (NULL);

  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (self->checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        lint_prompt (self, ((const PcPrompt *) g_ptr_array_index (principle->prompts, j))->id,
                     today);
    }
  lint_general (self, today);
}

/* Finds @prompt_id's findings again, and says so when they differ. */
static void
relint_prompt (PcAssessmentSession *self,
               const char          *prompt_id)
{
  g_autoptr(GDate) today = pc_date_new_utc (NULL);
  g_autoptr(GPtrArray) before = NULL;
  GPtrArray *after;
  gboolean same;

  before = g_ptr_array_ref (g_hash_table_lookup (self->findings, prompt_id));
  lint_prompt (self, prompt_id, today);
  after = g_hash_table_lookup (self->findings, prompt_id);

  same = before->len == after->len;
  for (guint i = 0; same && i < after->len; i++)
    {
      const PcFinding *a = g_ptr_array_index (before, i);
      const PcFinding *b = g_ptr_array_index (after, i);

      same = a->level == b->level && a->action_id == b->action_id
             && g_str_equal (a->rule, b->rule) && g_str_equal (a->message, b->message);
    }
  if (!same)
    emit_prompt (self, FINDINGS_CHANGED, prompt_id);
}

static void
relint_general (PcAssessmentSession *self)
{
  g_autoptr(GDate) today = pc_date_new_utc (NULL);

  lint_general (self, today);
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0, NULL);
}

GPtrArray *
pc_assessment_session_get_prompt_findings (PcAssessmentSession *self,
                                           const char          *prompt_id)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  return g_hash_table_lookup (self->findings, prompt_id);
}

GPtrArray *
pc_assessment_session_dup_findings (PcAssessmentSession *self)
{
  GPtrArray *all;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  all = g_ptr_array_new ();
  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (self->checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          GPtrArray *findings = g_hash_table_lookup (self->findings, prompt->id);

          g_ptr_array_extend (all, findings, NULL, NULL);
        }
    }
  g_ptr_array_extend (all, self->general_findings, NULL, NULL);

  return all;
}

void
pc_assessment_session_count_findings (PcAssessmentSession *self,
                                      guint               *n_blocking,
                                      guint               *n_warnings)
{
  g_autoptr(GPtrArray) all = NULL;
  guint blocking = 0;

  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));

  all = pc_assessment_session_dup_findings (self);
  for (guint i = 0; i < all->len; i++)
    blocking += ((const PcFinding *) g_ptr_array_index (all, i))->level == PC_LEVEL_BLOCK;

  if (n_blocking != NULL)
    *n_blocking = blocking;
  if (n_warnings != NULL)
    *n_warnings = all->len - blocking;
}

/* What the session holds, compared part by part (refresh) */

static void
add_field (GString    *out,
           const char *value)
{
  g_string_append (out, value != NULL ? value : "\x02");
  g_string_append_c (out, '\x1f');
}

static void
add_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\x1f", value);
}

static GString *
prompt_part (GHashTable *parts,
             const char *prompt_id)
{
  GString *part = g_hash_table_lookup (parts, prompt_id);

  if (part == NULL)
    {
      part = g_string_new (NULL);
      g_hash_table_insert (parts, g_strdup (prompt_id), part);
    }

  return part;
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static GHashTable *
new_parts (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
}

/* Each prompt's answers, attachments, links and actions as text, so that
 * two loads of an assessment can be compared prompt by prompt. */
typedef struct
{
  GHashTable *answers;
  GHashTable *attachments;
  GHashTable *links;
  GHashTable *actions;
  GString    *header;
  GString    *coproduction;
  GString    *state;
} Parts;

static void
parts_clear (Parts *parts)
{
  g_hash_table_unref (parts->answers);
  g_hash_table_unref (parts->attachments);
  g_hash_table_unref (parts->links);
  g_hash_table_unref (parts->actions);
  g_string_free (parts->header, TRUE);
  g_string_free (parts->coproduction, TRUE);
  g_string_free (parts->state, TRUE);
}

static void
parts_init (Parts              *parts,
            const PcAssessment *a)
{
  parts->answers = new_parts ();
  parts->attachments = new_parts ();
  parts->links = new_parts ();
  parts->actions = new_parts ();
  parts->header = g_string_new (NULL);
  parts->coproduction = g_string_new (NULL);
  parts->state = g_string_new (NULL);

  for (guint i = 0; i < a->answers->len; i++)
    {
      const PcAnswer *answer = g_ptr_array_index (a->answers, i);
      GString *part = prompt_part (parts->answers, answer->prompt_id);

      add_int (part, answer->rating);
      add_field (part, answer->evidence);
      add_field (part, answer->justification);
    }
  for (guint i = 0; i < a->attachments->len; i++)
    {
      const PcAttachment *attachment = g_ptr_array_index (a->attachments, i);
      GString *part = prompt_part (parts->attachments, attachment->prompt_id);

      add_int (part, attachment->id);
      add_field (part, attachment->name);
      add_field (part, attachment->sha256);
    }
  for (guint i = 0; i < a->links->len; i++)
    {
      const PcLink *link = g_ptr_array_index (a->links, i);
      GString *part = prompt_part (parts->links, link->prompt_id);

      add_int (part, link->id);
      add_field (part, link->url);
      add_field (part, link->title);
    }
  for (guint i = 0; i < a->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (a->actions, i);
      GString *part = prompt_part (parts->actions, action->prompt_id);

      add_int (part, action->id);
      add_field (part, action->description);
      add_field (part, action->owner);
      add_field (part, action->due_date);
      add_int (part, action->status);
    }

  add_field (parts->header, a->title);
  add_int (parts->header, a->kind);
  add_field (parts->header, a->division);
  add_field (parts->header, a->priority);
  add_field (parts->header, a->lead);
  for (guint i = 0; a->team[i] != NULL; i++)
    add_field (parts->header, a->team[i]);
  add_field (parts->header, "\x03");
  add_field (parts->header, a->outcomes);
  add_field (parts->header, a->affected);
  add_field (parts->header, a->start_date);
  add_field (parts->header, a->review_date);

  for (guint i = 0; i < a->coproduction->len; i++)
    {
      const PcCoproduction *entry = g_ptr_array_index (a->coproduction, i);

      add_int (parts->coproduction, entry->id);
      add_field (parts->coproduction, entry->who);
      add_field (parts->coproduction, entry->how);
      add_field (parts->coproduction, entry->date);
      add_field (parts->coproduction, entry->changed);
    }

  add_int (parts->state, a->id);
  add_int (parts->state, a->state);
  add_int (parts->state, a->revision);
  add_int (parts->state, a->imported);
  add_field (parts->state, a->revision_reason);
  for (guint i = 0; i < a->signoffs->len; i++)
    add_int (parts->state, ((const PcSignoff *) g_ptr_array_index (a->signoffs, i))->id);
  add_int (parts->state, a->altered != NULL ? (gint64) a->altered->len : -1);
  for (guint i = 0; a->altered != NULL && i < a->altered->len; i++)
    add_field (parts->state, g_ptr_array_index (a->altered, i));
}

static gboolean
part_equal (GHashTable *before,
            GHashTable *after,
            const char *prompt_id)
{
  GString *a = g_hash_table_lookup (before, prompt_id);
  GString *b = g_hash_table_lookup (after, prompt_id);

  if (a == NULL || b == NULL)
    return a == b;

  return g_string_equal (a, b);
}

/* Re-verifies @a against its signatures, as every use of a signed record
 * does: an altered one carries what does not match, so nothing shows it
 * as signed off. A draft is checked when it is opened (its history and
 * files), not on every read. */
static gboolean
verify (PcStore       *store,
        PcAssessment  *a,
        gboolean       opening,
        GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  PcIntegrity integrity;

  if (a->imported || (a->state == PC_STATE_DRAFT && !opening))
    return TRUE;

  integrity = pc_store_verify_assessment (store, a, &problems, error);
  if (integrity == PC_INTEGRITY_ERROR)
    return FALSE;
  if (integrity == PC_INTEGRITY_ALTERED)
    a->altered = g_steal_pointer (&problems);

  return TRUE;
}

gboolean
pc_assessment_session_refresh (PcAssessmentSession  *self,
                               GError              **error)
{
  g_autoptr(PcAssessment) old = NULL;
  PcAssessment *fresh;
  Parts before;
  Parts after;
  gboolean any = FALSE;
  gboolean general = FALSE;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fresh = pc_store_load_assessment_by_id (self->store, self->assessment->id, error);
  if (fresh == NULL)
    return FALSE;
  if (!verify (self->store, fresh, FALSE, error))
    {
      pc_assessment_free (fresh);
      return FALSE;
    }

  parts_init (&before, self->assessment);
  parts_init (&after, fresh);
  old = g_steal_pointer (&self->assessment);
  self->assessment = fresh;

  /* State first: whoever shows the assessment learns whether it can be
   * edited before it hears about the edits. */
  if (!g_string_equal (before.state, after.state))
    {
      g_signal_emit (self, signals[STATE_CHANGED], 0);
      any = TRUE;
    }
  if (!g_string_equal (before.header, after.header))
    {
      g_signal_emit (self, signals[HEADER_CHANGED], 0);
      any = general = TRUE;
    }
  if (!g_string_equal (before.coproduction, after.coproduction))
    {
      g_signal_emit (self, signals[COPRODUCTION_CHANGED], 0);
      any = general = TRUE;
    }

  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (self->checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const char *id = ((const PcPrompt *) g_ptr_array_index (principle->prompts, j))->id;
          gboolean changed = FALSE;

          if (!part_equal (before.answers, after.answers, id))
            {
              emit_prompt (self, ANSWER_CHANGED, id);
              changed = TRUE;
            }
          if (!part_equal (before.attachments, after.attachments, id))
            {
              emit_prompt (self, ATTACHMENTS_CHANGED, id);
              changed = TRUE;
            }
          if (!part_equal (before.links, after.links, id))
            {
              emit_prompt (self, LINKS_CHANGED, id);
              changed = TRUE;
            }
          if (!part_equal (before.actions, after.actions, id))
            {
              emit_prompt (self, ACTIONS_CHANGED, id);
              changed = TRUE;
            }
          if (changed)
            relint_prompt (self, id);
          any |= changed;
        }
    }
  if (general)
    relint_general (self);

  parts_clear (&before);
  parts_clear (&after);

  if (any)
    g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* Edits */

/* An imported summary is never written to; the store refuses any other
 * change a draft may not have, with its own reason. */
static gboolean
require_editable (PcAssessmentSession  *self,
                  GError              **error)
{
  if (!self->assessment->imported)
    return TRUE;

  g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY,
               _("%s is an imported summary and is read-only"), self->assessment->reference);
  return FALSE;
}

static PcAnswer *
ensure_answer (PcAssessmentSession *self,
               const char          *prompt_id)
{
  PcAnswer *answer = (PcAnswer *) pc_assessment_find_answer (self->assessment, prompt_id);

  if (answer == NULL)
    {
      answer = g_new0 (PcAnswer, 1);
      answer->prompt_id = g_strdup (prompt_id);
      answer->rating = PC_RATING_NOT_ASSESSED;
      g_ptr_array_add (self->assessment->answers, answer);
    }

  return answer;
}

/* What the store keeps of @text: composed (NFC), and nothing for "". */
static char *
stored_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return pc_text_normalize (text);
}

/* After a prompt's answer, attachments, links or actions changed here. */
static void
prompt_changed (PcAssessmentSession *self,
                guint                signal,
                const char          *prompt_id)
{
  emit_prompt (self, signal, prompt_id);
  relint_prompt (self, prompt_id);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
pc_assessment_session_set_rating (PcAssessmentSession  *self,
                                  const char           *prompt_id,
                                  PcRating              rating,
                                  GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);
  g_return_val_if_fail (prompt_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pc_assessment_get_rating (self->assessment, prompt_id) == rating)
    return TRUE;
  if (!require_editable (self, error)
      || !pc_store_set_answer (self->store, self->assessment->id, prompt_id, rating,
                               NULL, NULL, error))
    return FALSE;

  ensure_answer (self, prompt_id)->rating = rating;
  prompt_changed (self, ANSWER_CHANGED, prompt_id);

  return TRUE;
}

/* Adding or removing a row: the store gives it its id and dates, so
 * the session reads the assessment again, and says what differs. */
static gboolean
refresh_after (PcAssessmentSession  *self,
               gboolean              ok,
               GError              **error)
{
  g_autoptr(GError) refresh_error = NULL;

  if (!ok)
    return FALSE;
  /* The edit is written: failing to read it back is not failing it. */
  if (!pc_assessment_session_refresh (self, &refresh_error))
    g_warning ("Could not read %s again: %s", self->assessment->reference,
               refresh_error->message);

  return TRUE;
}

gint64
pc_assessment_session_add_attachment (PcAssessmentSession  *self,
                                      const char           *prompt_id,
                                      const char           *name,
                                      const char           *media_type,
                                      GBytes               *data,
                                      GError              **error)
{
  gint64 id;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), 0);

  if (!require_editable (self, error))
    return 0;
  id = pc_store_add_attachment (self->store, self->assessment->id, prompt_id, name, media_type,
                                data, error);
  refresh_after (self, id != 0, error);

  return id;
}

gboolean
pc_assessment_session_remove_attachment (PcAssessmentSession  *self,
                                         gint64                attachment_id,
                                         GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return require_editable (self, error)
         && refresh_after (self, pc_store_remove_attachment (self->store, attachment_id, error),
                           error);
}

gint64
pc_assessment_session_add_link (PcAssessmentSession  *self,
                                const char           *prompt_id,
                                const char           *url,
                                const char           *title,
                                GError              **error)
{
  gint64 id;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), 0);

  if (!require_editable (self, error))
    return 0;
  id = pc_store_add_link (self->store, self->assessment->id, prompt_id, url, title, error);
  refresh_after (self, id != 0, error);

  return id;
}

gboolean
pc_assessment_session_remove_link (PcAssessmentSession  *self,
                                   gint64                link_id,
                                   GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return require_editable (self, error)
         && refresh_after (self, pc_store_remove_link (self->store, link_id, error), error);
}

gint64
pc_assessment_session_add_action (PcAssessmentSession  *self,
                                  const char           *prompt_id,
                                  const char           *description,
                                  GError              **error)
{
  gint64 id;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), 0);

  if (!require_editable (self, error))
    return 0;
  id = pc_store_add_action (self->store, self->assessment->id, prompt_id, description, NULL, NULL,
                            error);
  refresh_after (self, id != 0, error);

  return id;
}

static PcAction *
find_action (PcAssessmentSession *self,
             gint64               action_id)
{
  for (guint i = 0; i < self->assessment->actions->len; i++)
    {
      PcAction *action = g_ptr_array_index (self->assessment->actions, i);

      if (action->id == action_id)
        return action;
    }

  return NULL;
}

gboolean
pc_assessment_session_set_action_field (PcAssessmentSession  *self,
                                        gint64                action_id,
                                        const char           *field,
                                        const char           *value,
                                        GError              **error)
{
  PcAction *action;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_editable (self, error)
      || !pc_store_set_action_field (self->store, action_id, field, value, error))
    return FALSE;

  action = find_action (self, action_id);
  if (action == NULL)
    return refresh_after (self, TRUE, error);

  if (g_str_equal (field, "status"))
    pc_action_status_from_string (value, &action->status);
  else
    {
      char **slot = g_str_equal (field, "description") ? &action->description
                    : g_str_equal (field, "owner") ? &action->owner : &action->due_date;

      g_free (*slot);
      *slot = stored_text (value);
    }
  prompt_changed (self, ACTIONS_CHANGED, action->prompt_id);

  return TRUE;
}

static char *action_key (gint64      action_id,
                         const char *field);

gboolean
pc_assessment_session_remove_action (PcAssessmentSession  *self,
                                     gint64                action_id,
                                     GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  static const char * const fields[] = { "description", "owner", "due_date" };

  if (!require_editable (self, error))
    return FALSE;
  if (!refresh_after (self, pc_store_remove_action (self->store, action_id, error), error))
    return FALSE;

  /* What was still being typed into it has nowhere to go. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *key = action_key (action_id, fields[i]);

      pc_autosave_forget (self->autosave, key);
    }

  return TRUE;
}

gint64
pc_assessment_session_add_coproduction (PcAssessmentSession  *self,
                                        const char           *who,
                                        const char           *how,
                                        const char           *date,
                                        const char           *changed,
                                        GError              **error)
{
  gint64 id;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), 0);

  if (!require_editable (self, error))
    return 0;
  id = pc_store_add_coproduction (self->store, self->assessment->id, who, how, date, changed,
                                  error);
  refresh_after (self, id != 0, error);

  return id;
}

gboolean
pc_assessment_session_remove_coproduction (PcAssessmentSession  *self,
                                           gint64                entry_id,
                                           GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return require_editable (self, error)
         && refresh_after (self, pc_store_remove_coproduction (self->store, entry_id, error),
                           error);
}

/* Typed text, through the autosave queue */

typedef struct
{
  PcAssessmentSession *session;   /* not a reference: the queue is the session's */
  char                *prompt_id;
  gint64               action_id;
  char                *field;
  char                *text;
  GStrv                team;
} Typed;

static void
typed_free (Typed *typed)
{
  g_free (typed->prompt_id);
  g_free (typed->field);
  g_free (typed->text);
  g_strfreev (typed->team);
  g_free (typed);
}

static Typed *
typed_new (PcAssessmentSession *self,
           const char          *field,
           const char          *text)
{
  Typed *typed = g_new0 (Typed, 1);

  typed->session = self;
  typed->field = g_strdup (field);
  typed->text = g_strdup (text != NULL ? text : "");

  return typed;
}

static gboolean
write_answer_text (gpointer   data,
                   GError   **error)
{
  Typed *typed = data;
  PcAssessmentSession *self = typed->session;
  gboolean evidence = g_str_equal (typed->field, "evidence");
  PcAnswer *answer;
  char **slot;

  if (!require_editable (self, error)
      || !pc_store_set_answer_text (self->store, self->assessment->id, typed->prompt_id,
                                    evidence ? typed->text : NULL,
                                    evidence ? NULL : typed->text, error))
    return FALSE;

  answer = ensure_answer (self, typed->prompt_id);
  slot = evidence ? &answer->evidence : &answer->justification;
  g_free (*slot);
  *slot = stored_text (typed->text);
  prompt_changed (self, ANSWER_CHANGED, typed->prompt_id);

  return TRUE;
}

static char *
answer_key (const char *prompt_id,
            const char *field)
{
  return g_strdup_printf ("answer:%s:%s", field, prompt_id);
}

static void
schedule (PcAssessmentSession *self,
          const char          *key,
          PcAutosaveFunc       func,
          Typed               *typed)
{
  pc_autosave_schedule (self->autosave, key, func, typed, (GDestroyNotify) typed_free);
}

void
pc_assessment_session_queue_answer_text (PcAssessmentSession *self,
                                         const char          *prompt_id,
                                         const char          *field,
                                         const char          *text)
{
  g_autofree char *key = NULL;
  Typed *typed;

  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));
  g_return_if_fail (prompt_id != NULL);
  g_return_if_fail (g_strcmp0 (field, "evidence") == 0 || g_strcmp0 (field, "justification") == 0);

  key = answer_key (prompt_id, field);
  typed = typed_new (self, field, text);
  typed->prompt_id = g_strdup (prompt_id);
  schedule (self, key, write_answer_text, typed);
}

const char *
pc_assessment_session_get_pending_answer_text (PcAssessmentSession *self,
                                               const char          *prompt_id,
                                               const char          *field)
{
  g_autofree char *key = NULL;
  Typed *typed;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  key = answer_key (prompt_id, field);
  typed = pc_autosave_lookup (self->autosave, key);

  return typed != NULL ? typed->text : NULL;
}

static gboolean
write_action_field (gpointer   data,
                    GError   **error)
{
  Typed *typed = data;

  return pc_assessment_session_set_action_field (typed->session, typed->action_id, typed->field,
                                                 typed->text, error);
}

static char *
action_key (gint64      action_id,
            const char *field)
{
  return g_strdup_printf ("action:%s:%" G_GINT64_FORMAT, field, action_id);
}

void
pc_assessment_session_queue_action_field (PcAssessmentSession *self,
                                          gint64               action_id,
                                          const char          *field,
                                          const char          *value)
{
  g_autofree char *key = NULL;
  Typed *typed;

  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));
  g_return_if_fail (field != NULL);

  key = action_key (action_id, field);
  typed = typed_new (self, field, value);
  typed->action_id = action_id;
  schedule (self, key, write_action_field, typed);
}

const char *
pc_assessment_session_get_pending_action_field (PcAssessmentSession *self,
                                                gint64               action_id,
                                                const char          *field)
{
  g_autofree char *key = NULL;
  Typed *typed;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  key = action_key (action_id, field);
  typed = pc_autosave_lookup (self->autosave, key);

  return typed != NULL ? typed->text : NULL;
}

/* The header fields, as pc_store_set_header_field() names them, and
 * "team". */
static const char * const header_fields[] = {
  "title", "kind", "division", "priority", "lead", "outcomes", "affected", "start_date",
  "review_date", "team",
};

static char *
header_key (const char *field)
{
  return g_strconcat ("header:", field, NULL);
}

/* Where @a holds the text field @field; NULL for the kind of change,
 * which it holds as a PcChangeKind. */
static char **
header_slot (PcAssessment *a,
             const char   *field)
{
  if (g_str_equal (field, "title"))
    return &a->title;
  if (g_str_equal (field, "division"))
    return &a->division;
  if (g_str_equal (field, "priority"))
    return &a->priority;
  if (g_str_equal (field, "lead"))
    return &a->lead;
  if (g_str_equal (field, "outcomes"))
    return &a->outcomes;
  if (g_str_equal (field, "affected"))
    return &a->affected;
  if (g_str_equal (field, "start_date"))
    return &a->start_date;
  if (g_str_equal (field, "review_date"))
    return &a->review_date;

  g_return_val_if_fail (g_str_equal (field, "kind"), NULL);
  return NULL;
}

/* What the store keeps of a header field: nothing for blank text,
 * otherwise composed (NFC), as pc_store_set_header_field() does. */
static char *
header_text (const char *text)
{
  return pc_text_is_blank (text) ? NULL : pc_text_normalize (text);
}

static GStrv
header_team (const char * const *team)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; team[i] != NULL; i++)
    if (!pc_text_is_blank (team[i]))
      {
        g_autofree char *member = pc_text_normalize (team[i]);

        g_strv_builder_add (builder, member);
      }

  return g_strv_builder_end (builder);
}

/* TRUE when what @typed would write is what the session holds already. */
static gboolean
header_unchanged (PcAssessmentSession *self,
                  const Typed         *typed)
{
  g_autofree char *text = NULL;
  char **slot;

  if (typed->team != NULL)
    {
      g_auto(GStrv) team = header_team ((const char * const *) typed->team);

      return g_strv_equal ((const char * const *) team,
                           (const char * const *) self->assessment->team);
    }

  text = header_text (typed->text);
  slot = header_slot (self->assessment, typed->field);
  if (slot == NULL)
    return g_strcmp0 (text, pc_kind_to_string (self->assessment->kind)) == 0;

  return g_strcmp0 (text, *slot) == 0;
}

/* Holds what was just written of the header, as the store keeps it. */
static void
hold_header (PcAssessmentSession *self,
             const Typed         *typed)
{
  PcAssessment *a = self->assessment;
  char **slot;

  if (typed->team != NULL)
    {
      g_strfreev (a->team);
      a->team = header_team ((const char * const *) typed->team);
      return;
    }

  slot = header_slot (a, typed->field);
  if (slot == NULL)
    {
      pc_kind_from_string (typed->text, &a->kind);
      return;
    }
  g_free (*slot);
  *slot = header_text (typed->text);
}

static gboolean
header_queued (PcAssessmentSession *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    if (pc_assessment_session_has_pending_header (self, header_fields[i]))
      return TRUE;

  return FALSE;
}

/* Writes one header field, and holds it as the store keeps it. Once the
 * last field queued with it is written (or one fails), the session says
 * so: typing in three fields and pausing is one ::header-changed, one
 * completeness check of the whole assessment and one ::changed. */
static gboolean
write_header (gpointer   data,
              GError   **error)
{
  Typed *typed = data;
  PcAssessmentSession *self = typed->session;
  gboolean ok;

  if (!require_editable (self, error))
    ok = FALSE;
  else if (header_unchanged (self, typed))
    ok = TRUE;
  else
    {
      if (typed->team != NULL)
        ok = pc_store_set_team (self->store, self->assessment->id,
                                (const char * const *) typed->team, error);
      else
        ok = pc_store_set_header_field (self->store, self->assessment->id, typed->field,
                                        typed->text, error);
      if (ok)
        {
          hold_header (self, typed);
          self->header_written = TRUE;
        }
    }

  if (self->header_written && (!ok || !header_queued (self)))
    {
      self->header_written = FALSE;
      g_signal_emit (self, signals[HEADER_CHANGED], 0);
      relint_general (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }

  return ok;
}

void
pc_assessment_session_queue_header_field (PcAssessmentSession *self,
                                          const char          *field,
                                          const char          *value)
{
  g_autofree char *key = NULL;

  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));
  g_return_if_fail (field != NULL);

  key = header_key (field);
  schedule (self, key, write_header, typed_new (self, field, value));
}

void
pc_assessment_session_queue_team (PcAssessmentSession *self,
                                  const char * const  *team)
{
  g_autofree char *key = header_key ("team");
  Typed *typed;

  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));

  typed = typed_new (self, "team", NULL);
  typed->team = g_strdupv ((char **) team);
  if (typed->team == NULL)
    typed->team = g_new0 (char *, 1);
  schedule (self, key, write_header, typed);
}

gboolean
pc_assessment_session_has_pending_header (PcAssessmentSession *self,
                                          const char          *field)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  key = header_key (field);
  return pc_autosave_lookup (self->autosave, key) != NULL;
}

gboolean
pc_assessment_session_flush (PcAssessmentSession  *self,
                             GError              **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return pc_autosave_flush (self->autosave, error);
}

gboolean
pc_assessment_session_save_now (PcAssessmentSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  if (pc_autosave_flush (self->autosave, &error))
    return TRUE;

  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  return FALSE;
}

void
pc_assessment_session_discard_pending (PcAssessmentSession *self)
{
  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (self));

  pc_autosave_discard (self->autosave);
}

gboolean
pc_assessment_session_get_pending (PcAssessmentSession *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return pc_autosave_get_pending (self->autosave);
}

/* Getters */

PcStore *
pc_assessment_session_get_store (PcAssessmentSession *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  return self->store;
}

PcChecklist *
pc_assessment_session_get_checklist (PcAssessmentSession *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  return self->checklist;
}

const PcAssessment *
pc_assessment_session_get_assessment (PcAssessmentSession *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), NULL);

  return self->assessment;
}

gboolean
pc_assessment_session_get_editable (PcAssessmentSession *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_SESSION (self), FALSE);

  return !self->assessment->imported && self->assessment->state == PC_STATE_DRAFT;
}

/* GObject */

static void
autosave_failed_cb (PcAssessmentSession *self,
                    const GError        *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

static void
autosave_pending_cb (PcAssessmentSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

PcAssessmentSession *
pc_assessment_session_open (PcStore  *store,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(PcAssessmentSession) self = NULL;
  g_autoptr(PcAssessment) assessment = NULL;
  PcChecklist *checklist;

  g_return_val_if_fail (PC_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  assessment = pc_store_load_assessment_by_id (store, id, error);
  if (assessment == NULL)
    return NULL;
  checklist = pc_store_load_checklist_for (store, assessment, error);
  if (checklist == NULL)
    return NULL;

  self = g_object_new (PC_TYPE_ASSESSMENT_SESSION, NULL);
  self->store = g_object_ref (store);
  self->checklist = checklist;
  if (!verify (store, assessment, TRUE, error))
    return NULL;
  self->assessment = g_steal_pointer (&assessment);
  lint_all (self);

  return g_steal_pointer (&self);
}

static void
pc_assessment_session_dispose (GObject *object)
{
  PcAssessmentSession *self = (PcAssessmentSession *) object;

  /* Whoever opened the session flushes it, and shows a failure, before
   * letting it go: this is a last attempt, and says what it could not
   * write rather than drop it silently. */
  if (self->autosave != NULL && pc_autosave_get_pending (self->autosave))
    {
      g_autoptr(GError) error = NULL;

      if (!pc_autosave_flush (self->autosave, &error))
        g_critical ("Typed text for %s could not be saved: %s",
                    self->assessment->reference, error->message);
    }
  g_clear_object (&self->autosave);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pc_assessment_session_parent_class)->dispose (object);
}

static void
pc_assessment_session_finalize (GObject *object)
{
  PcAssessmentSession *self = (PcAssessmentSession *) object;

  g_hash_table_unref (self->findings);
  g_clear_pointer (&self->general_findings, g_ptr_array_unref);
  g_clear_pointer (&self->assessment, pc_assessment_free);
  g_clear_pointer (&self->checklist, pc_checklist_unref);

  G_OBJECT_CLASS (pc_assessment_session_parent_class)->finalize (object);
}

static void
pc_assessment_session_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PcAssessmentSession *self = PC_ASSESSMENT_SESSION (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, pc_assessment_session_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static guint
new_prompt_signal (GObjectClass *klass,
                   const char   *name)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static guint
new_plain_signal (GObjectClass *klass,
                  const char   *name)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_assessment_session_class_init (PcAssessmentSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pc_assessment_session_dispose;
  object_class->finalize = pc_assessment_session_finalize;
  object_class->get_property = pc_assessment_session_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ANSWER_CHANGED] = new_prompt_signal (object_class, "answer-changed");
  signals[ATTACHMENTS_CHANGED] = new_prompt_signal (object_class, "attachments-changed");
  signals[LINKS_CHANGED] = new_prompt_signal (object_class, "links-changed");
  signals[ACTIONS_CHANGED] = new_prompt_signal (object_class, "actions-changed");
  signals[FINDINGS_CHANGED] = new_prompt_signal (object_class, "findings-changed");
  signals[HEADER_CHANGED] = new_plain_signal (object_class, "header-changed");
  signals[COPRODUCTION_CHANGED] = new_plain_signal (object_class, "coproduction-changed");
  signals[STATE_CHANGED] = new_plain_signal (object_class, "state-changed");
  signals[CHANGED] = new_plain_signal (object_class, "changed");
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
pc_assessment_session_init (PcAssessmentSession *self)
{
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->autosave = pc_autosave_new (SAVE_DELAY_MS);
  g_signal_connect_object (self->autosave, "failed", G_CALLBACK (autosave_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "notify::pending", G_CALLBACK (autosave_pending_cb),
                           self, G_CONNECT_SWAPPED);
}
