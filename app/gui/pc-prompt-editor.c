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

/* How long typed text waits for the next keystroke before it is written. */
#define SAVE_DELAY_MS 700

G_DEFINE_FINAL_TYPE (PcPromptEditor, pc_prompt_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_field_free (PendingField *pending)
{
  g_free (pending->field);
  g_free (pending->value);
  g_free (pending);
}

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

gboolean
pc_prompt_editor_get_pending (PcPromptEditor *self)
{
  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), FALSE);

  return self->evidence_dirty || self->justification_dirty || self->pending_fields->len > 0;
}

static void
notify_pending (PcPromptEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

void
_pc_prompt_editor_report_failure (PcPromptEditor *self,
                                  const GError   *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

void
_pc_prompt_editor_emit_changed (PcPromptEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Writes what is pending; the rest stays pending after a failure. */
static gboolean
write_pending (PcPromptEditor *self,
               gboolean       *out_wrote,
               GError        **error)
{
  *out_wrote = FALSE;

  if (self->store == NULL)
    return TRUE;

  if (self->evidence_dirty || self->justification_dirty)
    {
      g_autofree char *evidence = self->evidence_dirty ? dup_buffer_text (self->evidence_view) : NULL;
      g_autofree char *justification = self->justification_dirty
                                       ? dup_buffer_text (self->justification_view) : NULL;

      if (!pc_store_set_answer_text (self->store, self->assessment_id, self->prompt_id,
                                     evidence, justification, error))
        return FALSE;
      self->evidence_dirty = FALSE;
      self->justification_dirty = FALSE;
      *out_wrote = TRUE;
    }

  while (self->pending_fields->len > 0)
    {
      PendingField *pending = g_ptr_array_index (self->pending_fields, 0);

      if (!pc_store_set_action_field (self->store, pending->action_id, pending->field,
                                      pending->value, error))
        return FALSE;
      g_ptr_array_remove_index (self->pending_fields, 0);
      *out_wrote = TRUE;
    }

  return TRUE;
}

gboolean
pc_prompt_editor_flush (PcPromptEditor  *self,
                        GError         **error)
{
  gboolean was_pending;
  gboolean wrote = FALSE;
  gboolean ok;

  g_return_val_if_fail (PC_IS_PROMPT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  was_pending = pc_prompt_editor_get_pending (self);
  if (!was_pending)
    return TRUE;

  ok = write_pending (self, &wrote, error);
  if (!pc_prompt_editor_get_pending (self))
    notify_pending (self);
  if (wrote)
    g_signal_emit (self, signals[CHANGED], 0);

  return ok;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PcPromptEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!pc_prompt_editor_flush (self, &error))
    _pc_prompt_editor_report_failure (self, error);

  return G_SOURCE_REMOVE;
}

/* Restarts the wait before typed text is written. */
void
_pc_prompt_editor_schedule_save (PcPromptEditor *self)
{
  gboolean was_pending = self->save_source != 0;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  if (!was_pending)
    notify_pending (self);
}

static void
evidence_changed_cb (PcPromptEditor *self)
{
  if (self->updating)
    return;

  self->evidence_dirty = TRUE;
  _pc_prompt_editor_schedule_save (self);
}

static void
justification_changed_cb (PcPromptEditor *self)
{
  if (self->updating)
    return;

  self->justification_dirty = TRUE;
  _pc_prompt_editor_schedule_save (self);
}

/* Rating */

static void
update_rating_widgets (PcPromptEditor *self)
{
  GtkToggleButton *button = button_for_rating (self, self->rating);
  GtkToggleButton *buttons[] = {
    self->met_button, self->partly_met_button, self->not_met_button, self->not_applicable_button,
  };

  self->updating = TRUE;
  if (button != NULL)
    gtk_toggle_button_set_active (button, TRUE);
  else
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      gtk_toggle_button_set_active (buttons[i], FALSE);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->justification_box),
                          self->rating == PC_RATING_NOT_APPLICABLE);
}

static void
rating_toggled_cb (PcPromptEditor  *self,
                   GtkToggleButton *button)
{
  g_autoptr(GError) error = NULL;
  PcRating rating;

  if (self->updating || !gtk_toggle_button_get_active (button) || self->store == NULL)
    return;

  if (button == self->met_button)
    rating = PC_RATING_MET;
  else if (button == self->partly_met_button)
    rating = PC_RATING_PARTLY_MET;
  else if (button == self->not_met_button)
    rating = PC_RATING_NOT_MET;
  else
    rating = PC_RATING_NOT_APPLICABLE;

  if (rating == self->rating)
    return;

  /* Insensitive buttons can still be clicked programmatically. */
  if (!self->editable)
    {
      update_rating_widgets (self);
      return;
    }

  if (!pc_store_set_answer (self->store, self->assessment_id, self->prompt_id, rating,
                            NULL, NULL, &error))
    {
      update_rating_widgets (self);
      _pc_prompt_editor_report_failure (self, error);
      return;
    }

  self->rating = rating;
  update_rating_widgets (self);
  g_signal_emit (self, signals[CHANGED], 0);
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

/* Rows, shared by attachments and actions */

GtkWidget *
_pc_prompt_editor_new_icon_button (const char *icon_name,
                                   const char *tooltip,
                                   const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return button;
}

void
_pc_prompt_editor_clear_list (GtkListBox *list,
                              GtkWidget  *keep)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

/* TRUE when @ids holds exactly @n_ids ids, in @ids' order. */
gboolean
_pc_prompt_editor_same_ids (GArray       *shown,
                            const gint64 *ids,
                            guint         n_ids)
{
  if (shown->len != n_ids)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (g_array_index (shown, gint64, i) != ids[i])
      return FALSE;
  return TRUE;
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
                       gboolean        dirty,
                       const char     *stored)
{
  g_autofree char *current = NULL;

  /* Never over what the person is typing. */
  if (dirty || (self->editable && gtk_widget_has_focus (GTK_WIDGET (view))))
    return;

  current = dup_buffer_text (view);
  if (g_strcmp0 (current, stored != NULL ? stored : "") == 0)
    return;

  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), stored != NULL ? stored : "", -1);
  self->updating = FALSE;
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
  GtkToggleButton *buttons[] = {
    self->met_button, self->partly_met_button, self->not_met_button, self->not_applicable_button,
  };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (buttons[i]), self->editable);

  /* Read-only text stays selectable, so it can be read and copied. */
  gtk_text_view_set_editable (self->evidence_view, self->editable);
  gtk_text_view_set_cursor_visible (self->evidence_view, self->editable);
  gtk_text_view_set_editable (self->justification_view, self->editable);
  gtk_text_view_set_cursor_visible (self->justification_view, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->add_attachment_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_attachment_button), self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_action_row), self->editable);
}

void
pc_prompt_editor_set_assessment (PcPromptEditor     *self,
                                 PcStore            *store,
                                 const PcAssessment *assessment,
                                 PcChecklist        *checklist,
                                 const char         *prompt_id,
                                 GPtrArray          *findings)
{
  const PcPrompt *prompt;
  const PcAnswer *answer;
  gboolean editable;
  gboolean new_prompt;

  g_return_if_fail (PC_IS_PROMPT_EDITOR (self));
  g_return_if_fail (PC_IS_STORE (store));
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (checklist != NULL);
  g_return_if_fail (prompt_id != NULL);

  prompt = pc_checklist_find_prompt (checklist, prompt_id, NULL);
  g_return_if_fail (prompt != NULL);

  new_prompt = self->assessment_id != assessment->id || g_strcmp0 (self->prompt_id, prompt_id) != 0;
  if (new_prompt && pc_prompt_editor_get_pending (self))
    {
      g_autoptr(GError) error = NULL;

      if (!pc_prompt_editor_flush (self, &error))
        _pc_prompt_editor_report_failure (self, error);
    }

  g_set_object (&self->store, store);
  if (self->checklist != checklist)
    {
      g_clear_pointer (&self->checklist, pc_checklist_unref);
      self->checklist = pc_checklist_ref (checklist);
    }
  self->assessment = assessment;
  self->assessment_id = assessment->id;
  if (new_prompt)
    {
      g_free (self->prompt_id);
      self->prompt_id = g_strdup (prompt_id);
      g_array_set_size (self->shown_attachments, 0);
      g_array_set_size (self->shown_actions, 0);
      g_ptr_array_set_size (self->pending_fields, 0);
      self->evidence_dirty = self->justification_dirty = FALSE;
      show_prompt (self, prompt);
    }

  editable = !assessment->imported && assessment->state == PC_STATE_DRAFT;
  if (new_prompt || editable != self->editable)
    {
      self->editable = editable;
      update_editable (self);
      /* Rows carry the old editability: build them again. */
      g_array_set_size (self->shown_attachments, 0);
      g_array_set_size (self->shown_actions, 0);
    }

  answer = pc_assessment_find_answer (assessment, prompt_id);
  self->rating = answer != NULL ? answer->rating : PC_RATING_NOT_ASSESSED;
  update_rating_widgets (self);
  set_buffer_from_store (self, self->evidence_view, self->evidence_dirty,
                         answer != NULL ? answer->evidence : NULL);
  set_buffer_from_store (self, self->justification_view, self->justification_dirty,
                         answer != NULL ? answer->justification : NULL);
  if (answer != NULL && answer->justification != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->justification_box), TRUE);

  _pc_prompt_editor_update_attachments (self);
  _pc_prompt_editor_update_actions (self);
  update_findings (self, findings);
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

  /* Nothing typed is dropped: whoever owns the editor flushes it first,
   * but a last attempt costs nothing. */
  if (self->store != NULL && pc_prompt_editor_get_pending (self))
    {
      g_autoptr(GError) error = NULL;
      gboolean wrote;

      if (!write_pending (self, &wrote, &error))
        g_warning ("Could not save %s: %s", self->prompt_id, error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PROMPT_EDITOR);
  /* The template's unnamed children (headings, frames) too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checklist, pc_checklist_unref);
  self->assessment = NULL;

  G_OBJECT_CLASS (pc_prompt_editor_parent_class)->dispose (object);
}

static void
pc_prompt_editor_finalize (GObject *object)
{
  PcPromptEditor *self = (PcPromptEditor *) object;

  g_free (self->prompt_id);
  g_ptr_array_unref (self->pending_fields);
  g_array_unref (self->shown_attachments);
  g_array_unref (self->shown_actions);

  G_OBJECT_CLASS (pc_prompt_editor_parent_class)->finalize (object);
}

static void
pc_prompt_editor_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PcPromptEditor *self = PC_PROMPT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, pc_prompt_editor_get_pending (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_prompt_editor_class_init (PcPromptEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_prompt_editor_dispose;
  object_class->finalize = pc_prompt_editor_finalize;
  object_class->get_property = pc_prompt_editor_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_ERROR);

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

  self->pending_fields = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_field_free);
  self->shown_attachments = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown_actions = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->editable = TRUE;

  /* Announced as toggles, not pressed, from the start: a rating not
   * chosen yet is a state too. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->met_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->partly_met_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->not_met_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->not_applicable_button),
                               GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE, -1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->evidence_view), "changed",
                           G_CALLBACK (evidence_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->justification_view), "changed",
                           G_CALLBACK (justification_changed_cb), self, G_CONNECT_SWAPPED);
}
