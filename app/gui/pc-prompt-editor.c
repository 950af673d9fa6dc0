/* pc-prompt-editor.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-prompt-editor"

#include "config.h"

#include "pc-prompt-editor-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-lint.h"
#include "pc-store.h"
#include "pc-ui.h"
#include "pc-vocab.h"

G_DEFINE_FINAL_TYPE (PcPromptEditor, pc_prompt_editor, GTK_TYPE_WIDGET)

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkToggleButton *
button_for_rating (PcPromptEditor *self,
                   PcRating        rating)
{
  switch (rating)
    {
    case PC_RATING_MET:
      return self->met_button;
    case PC_RATING_PARTLY_MET:
      return self->partly_met_button;
    case PC_RATING_NOT_MET:
      return self->not_met_button;
    case PC_RATING_NOT_APPLICABLE:
      return self->not_applicable_button;
    case PC_RATING_NOT_ASSESSED:
    default:
      return NULL;
    }
}

/* Saving */

/* Text typed here, or into this prompt's actions, and not written yet. */
gboolean
pc_prompt_editor_get_pending (PcPromptEditor *self)
{
  const PcAssessment *a;
  static const char * const action_fields[] = { "description", "owner", "due_date" };

  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  if (pc_assessment_session_get_pending_answer_text (self->session, self->prompt_id, "evidence")
      != NULL
      || pc_assessment_session_get_pending_answer_text (self->session, self->prompt_id,
                                                        "justification") != NULL)
    return TRUE;

  a = _pc_prompt_editor_get_assessment (self);
  for (guint i = 0; i < a->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (a->actions, i);

      if (g_strcmp0 (action->prompt_id, self->prompt_id) != 0)
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (action_fields); f++)
        if (pc_assessment_session_get_pending_action_field (self->session, action->id,
                                                            action_fields[f]) != NULL)
          return TRUE;
    }

  return FALSE;
}

static void
queue_text (PcPromptEditor *self,
            GtkTextView    *view,
            const char     *field)
{
  g_autofree char *text = NULL;

  if (self->updating || self->session == NULL)
    return;

  text = dup_buffer_text (view);
  pc_assessment_session_queue_answer_text (self->session, self->prompt_id, field, text);
}

static void
evidence_changed_cb (PcPromptEditor *self)
{
  queue_text (self, self->evidence_view, "evidence");
}

static void
justification_changed_cb (PcPromptEditor *self)
{
  queue_text (self, self->justification_view, "justification");
}

/* Rating */

static void
update_rating_widgets (PcPromptEditor *self)
{
  GtkToggleButton *button = button_for_rating (self, self->rating);

  self->updating = TRUE;
  if (button != NULL)
    gtk_toggle_button_set_active (button, TRUE);
  else
    for (guint i = 0; i < pc_vocab_n_choices (PC_VOCAB_RATING); i++)
      if ((button = button_for_rating (self, pc_vocab_choice (PC_VOCAB_RATING, i))) != NULL)
        gtk_toggle_button_set_active (button, FALSE);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->justification_box),
                          self->rating == PC_RATING_NOT_APPLICABLE);
}

static void
rating_toggled_cb (PcPromptEditor  *self,
                   GtkToggleButton *button)
{
  g_autoptr(GError) error = NULL;
  PcRating rating = PC_RATING_NOT_ASSESSED;

  if (self->updating || !gtk_toggle_button_get_active (button) || self->session == NULL)
    return;

  for (guint i = 0; i < pc_vocab_n_choices (PC_VOCAB_RATING); i++)
    if (button_for_rating (self, pc_vocab_choice (PC_VOCAB_RATING, i)) == button)
      rating = pc_vocab_choice (PC_VOCAB_RATING, i);

  if (rating == self->rating)
    return;

  /* Insensitive buttons can still be clicked programmatically. */
  if (!self->editable)
    {
      update_rating_widgets (self);
      return;
    }

  /* The session says what changed: this editor's answer-changed shows it. */
  if (!pc_assessment_session_set_rating (self->session, self->prompt_id, rating, &error))
    {
      update_rating_widgets (self);
      _pc_prompt_editor_report_failure (self, error);
    }
}

PcRating
pc_prompt_editor_get_rating (PcPromptEditor *self)
{
  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), PC_RATING_NOT_ASSESSED);

  return self->rating;
}

void
pc_prompt_editor_focus_rating (PcPromptEditor *self)
{
  GtkToggleButton *button;

  g_return_if_fail (PC_IS_PROMPT_EDITOR (self));

  button = button_for_rating (self, self->rating);
  if (button == NULL)
    button = self->met_button;
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

gboolean
pc_prompt_editor_add_attachment_file (PcPromptEditor  *self,
                                      GFile           *file,
                                      GError         **error)
{
  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  return _pc_prompt_editor_attach_file (self, file, error);
}

/* Findings */

static void
update_findings (PcPromptEditor *self,
                 GPtrArray      *findings)
{
  gboolean any = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box))) != NULL)
    gtk_box_remove (self->findings_box, child);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);
      gboolean blocks = finding->level == PC_LEVEL_BLOCK;
      g_autofree char *text = NULL;
      GtkWidget *row;
      GtkWidget *icon;
      GtkWidget *label;

      if (g_strcmp0 (finding->prompt_id, self->prompt_id) != 0)
        continue;

      /* The level is said in words too: colour is never the only signal. */
      text = g_strdup_printf (blocks ? _("Needed before sign-off: %s") : _("Check: %s"),
                              finding->message);
      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (row, "pc-finding");
      gtk_widget_add_css_class (row, blocks ? "block" : "warn");
      icon = gtk_image_new_from_icon_name (blocks ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->findings_box, row);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->findings_box), any);
}

/* Showing */

static void
set_buffer_from_store (PcPromptEditor *self,
                       GtkTextView    *view,
                       const char     *field,
                       const char     *stored)
{
  g_autofree char *current = NULL;

  /* Never over what the person is typing. */
  if (pc_assessment_session_get_pending_answer_text (self->session, self->prompt_id, field) != NULL
      || (self->editable && gtk_widget_has_focus (GTK_WIDGET (view))))
    return;

  current = dup_buffer_text (view);
  if (g_strcmp0 (current, stored != NULL ? stored : "") == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), stored != NULL ? stored : "", -1);
  self->updating = FALSE;
}

/* The boxes as this prompt's: what is typed and not written yet, or
 * what is stored. */
static void
show_typed (PcPromptEditor *self)
{
  const PcAnswer *answer = pc_assessment_find_answer (_pc_prompt_editor_get_assessment (self),
                                                      self->prompt_id);
  const char *evidence = pc_assessment_session_get_pending_answer_text (self->session,
                                                                        self->prompt_id,
                                                                        "evidence");
  const char *justification = pc_assessment_session_get_pending_answer_text (self->session,
                                                                             self->prompt_id,
                                                                             "justification");

  if (evidence == NULL)
    evidence = answer != NULL && answer->evidence != NULL ? answer->evidence : "";
  if (justification == NULL)
    justification = answer != NULL && answer->justification != NULL ? answer->justification : "";

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->evidence_view), evidence, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->justification_view), justification, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
  self->updating = FALSE;
  gtk_expander_set_expanded (self->guidance_expander, FALSE);
}

static void
update_accessible_names (PcPromptEditor *self,
                         const PcPrompt *prompt)
{
  g_autofree char *rating = g_strdup_printf (_("Rating for: %s"), prompt->question);
  g_autofree char *evidence = g_strdup_printf (_("Evidence for: %s"), prompt->question);
  g_autofree char *justification = g_strdup_printf (_("Why it does not apply: %s"),
                                                    prompt->question);
  g_autofree char *attach = g_strdup_printf (_("Attach a file to: %s"), prompt->question);
  g_autofree char *action = g_strdup_printf (_("Add an action for: %s"), prompt->question);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  prompt->question, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rating, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->evidence_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, evidence,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->justification_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, justification,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_attachment_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attach, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_action_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, action, -1);
}

static void
show_prompt (PcPromptEditor *self,
             const PcPrompt *prompt)
{
  g_autofree char *refs = NULL;

  gtk_label_set_text (self->question_label, prompt->question);
  gtk_label_set_text (self->guidance_label, prompt->guidance != NULL ? prompt->guidance : "");
  if (prompt->refs[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", prompt->refs);

      refs = g_strdup_printf (_("Also evidences: %s"), joined);
    }
  gtk_label_set_text (self->refs_label, refs != NULL ? refs : "");
  gtk_widget_set_visible (GTK_WIDGET (self->refs_label), refs != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_expander),
                          prompt->guidance != NULL || refs != NULL);
  update_accessible_names (self, prompt);
}

static void
update_editable (PcPromptEditor *self)
{
  GtkToggleButton *button;

  for (guint i = 0; i < pc_vocab_n_choices (PC_VOCAB_RATING); i++)
    if ((button = button_for_rating (self, pc_vocab_choice (PC_VOCAB_RATING, i))) != NULL)
      gtk_widget_set_sensitive (GTK_WIDGET (button), self->editable);

  /* Read-only text stays selectable, so it can be read and copied. */
  gtk_text_view_set_editable (self->evidence_view, self->editable);
  gtk_text_view_set_cursor_visible (self->evidence_view, self->editable);
  gtk_text_view_set_editable (self->justification_view, self->editable);
  gtk_text_view_set_cursor_visible (self->justification_view, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_attachment_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_attachment_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_action_row), self->editable);
}

static void
update_answer (PcPromptEditor *self)
{
  const PcAnswer *answer = pc_assessment_find_answer (_pc_prompt_editor_get_assessment (self),
                                                      self->prompt_id);

  self->rating = answer != NULL ? answer->rating : PC_RATING_NOT_ASSESSED;
  update_rating_widgets (self);
  set_buffer_from_store (self, self->evidence_view, "evidence",
                         answer != NULL ? answer->evidence : NULL);
  set_buffer_from_store (self, self->justification_view, "justification",
                         answer != NULL ? answer->justification : NULL);
  if (answer != NULL && answer->justification != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->justification_box), TRUE);
}

static void
update_prompt_findings (PcPromptEditor *self)
{
  update_findings (self, pc_assessment_session_get_prompt_findings (self->session,
                                                                    self->prompt_id));
}

/* Everything the editor shows, for a new prompt or a new state. */
static void
update_all (PcPromptEditor *self)
{
  gboolean editable = pc_assessment_session_get_editable (self->session);

  if (editable != self->editable)
    {
      self->editable = editable;
      update_editable (self);
    }
  /* Rows carry the old editability: build them again. */
  g_array_set_size (self->shown_attachments, 0);
  g_array_set_size (self->shown_actions, 0);
  update_answer (self);
  _pc_prompt_editor_update_attachments (self);
  _pc_prompt_editor_update_actions (self);
  update_prompt_findings (self);
}

static void
connect_detailed (PcPromptEditor *self,
                  const char     *signal,
                  GCallback       callback)
{
  g_autofree char *detailed = g_strconcat (signal, "::", self->prompt_id, NULL);

  g_signal_connect_object (self->session, detailed, callback, self, G_CONNECT_SWAPPED);
}

void
pc_prompt_editor_set_session (PcPromptEditor      *self,
                              PcAssessmentSession *session,
                              const char          *prompt_id)
{
  const PcPrompt *prompt;

  g_return_if_fail (PC_IS_PROMPT_EDITOR (self));
  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (session));
  g_return_if_fail (prompt_id != NULL);

  prompt = pc_checklist_find_prompt (pc_assessment_session_get_checklist (session), prompt_id,
                                     NULL);
  g_return_if_fail (prompt != NULL);

  if (self->session == session && g_strcmp0 (self->prompt_id, prompt_id) == 0)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_free (self->prompt_id);
  self->prompt_id = g_strdup (prompt_id);
  /* An editor shown again for another prompt starts as a new one would. */
  show_typed (self);

  /* Only this prompt's changes reach this editor. */
  connect_detailed (self, "answer-changed", G_CALLBACK (update_answer));
  connect_detailed (self, "attachments-changed", G_CALLBACK (_pc_prompt_editor_update_attachments));
  connect_detailed (self, "actions-changed", G_CALLBACK (_pc_prompt_editor_update_actions));
  connect_detailed (self, "findings-changed", G_CALLBACK (update_prompt_findings));
  g_signal_connect_object (session, "state-changed", G_CALLBACK (update_all), self,
                           G_CONNECT_SWAPPED);

  show_prompt (self, prompt);
  self->editable = !pc_assessment_session_get_editable (session);
  update_all (self);
}

const char *
pc_prompt_editor_get_prompt_id (PcPromptEditor *self)
{
  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), NULL);

  return self->prompt_id;
}

/* GObject */

GtkWidget *
pc_prompt_editor_new (void)
{
  return g_object_new (PC_TYPE_PROMPT_EDITOR, NULL);
}

static void
pc_prompt_editor_dispose (GObject *object)
{
  PcPromptEditor *self = (PcPromptEditor *) object;
  GtkWidget *child;

  /* What is typed waits in the session, which outlives the editor. */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PROMPT_EDITOR);
  /* The template's unnamed children (headings, frames) too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pc_prompt_editor_parent_class)->dispose (object);
}

static void
pc_prompt_editor_finalize (GObject *object)
{
  PcPromptEditor *self = (PcPromptEditor *) object;

  g_free (self->prompt_id);
  g_array_unref (self->shown_attachments);
  g_array_unref (self->shown_actions);

  G_OBJECT_CLASS (pc_prompt_editor_parent_class)->finalize (object);
}

static void
pc_prompt_editor_class_init (PcPromptEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_prompt_editor_dispose;
  object_class->finalize = pc_prompt_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-prompt-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, question_label);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, guidance_expander);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, refs_label);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, rating_box);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, met_button);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, partly_met_button);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, not_met_button);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, findings_box);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, justification_box);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, justification_view);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, attachments_header);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, add_attachment_button);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, actions_list);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, new_action_row);
  gtk_widget_class_bind_template_child (widget_class, PcPromptEditor, actions_heading);
  gtk_widget_class_bind_template_callback (widget_class, rating_toggled_cb);
  _pc_prompt_editor_attachments_class_init (widget_class);
  _pc_prompt_editor_actions_class_init (widget_class);
}

static void
pc_prompt_editor_init (PcPromptEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown_attachments = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown_actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->editable = TRUE;

  /* Each rating button is labelled and styled from the vocabulary (the
   * rating's id is its style class), and announced as a toggle, not
   * pressed, from the start: a rating not chosen yet is a state too. */
  for (guint i = 0; i < pc_vocab_n_choices (PC_VOCAB_RATING); i++)
    {
      PcRating rating = pc_vocab_choice (PC_VOCAB_RATING, i);
      GtkToggleButton *button = button_for_rating (self, rating);

      if (button == NULL)
        continue;
      gtk_button_set_label (GTK_BUTTON (button), pc_rating_to_label (rating));
      gtk_widget_add_css_class (GTK_WIDGET (button), pc_rating_to_string (rating));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pc_rating_to_label (rating), -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
    }

  g_signal_connect_object (gtk_text_view_get_buffer (self->evidence_view), "changed",
                           G_CALLBACK (evidence_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->justification_view), "changed",
                           G_CALLBACK (justification_changed_cb), self, G_CONNECT_SWAPPED);
}
