/* pc-prompt-editor-actions.c: the actions raised against a prompt
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-prompt-editor"

#include "config.h"

#include "pc-prompt-editor-private.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-store.h"
#include "pc-text.h"
#include "pc-ui.h"
#include "pc-vocab.h"

/* Actions */

static void
action_entry_changed_cb (GtkEditable    *editable,
                         PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (editable), "action-id"));
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  g_autofree char *text = NULL;
  gboolean valid;

  if (self->updating)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (g_str_equal (field, "description"))
    valid = !pc_text_is_blank (text);
  else if (g_str_equal (field, "due_date"))
    valid = pc_text_is_blank (text) || pc_date_is_valid (text);
  else
    valid = TRUE;

  /* What cannot be stored yet is marked, not written: the person is
   * probably still typing it. */
  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  pc_assessment_session_queue_action_field (self->session, id, field, text);
}

static void
action_status_changed_cb (AdwComboRow    *row,
                          GParamSpec     *pspec,
                          PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "action-id"));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (!pc_assessment_session_set_action_field (self->session, id, "status",
                                               pc_vocab_id (PC_VOCAB_ACTION_STATUS,
                                                            pc_vocab_choice (PC_VOCAB_ACTION_STATUS, selected)),
                                               &error))
    _pc_prompt_editor_report_failure (self, error);
}

static void
action_remove_clicked_cb (GtkButton      *button,
                          PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
  g_autoptr(GError) error = NULL;

  /* The session drops what was still being typed into it. */
  if (!pc_assessment_session_remove_action (self->session, id, &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the Action"), error);
}

static char *
describe_action (const PcAction *action)
{
  /* Translators: an action's owner, due date and status: "Sam Patel · due 2026-03-01 · Open" */
  return g_strdup_printf (_("%s · due %s · %s"),
                          action->owner != NULL ? action->owner : _("No owner"),
                          action->due_date != NULL ? action->due_date : _("no date"),
                          pc_action_status_to_label (action->status));
}

static GtkWidget *
new_action_entry (PcPromptEditor *self,
                  const PcAction *action,
                  const char     *field,
                  const char     *title,
                  const char     *value)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  g_object_set_data (G_OBJECT (entry), "action-id", GSIZE_TO_POINTER (action->id));
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "changed", G_CALLBACK (action_entry_changed_cb), self);

  return entry;
}

static GtkWidget *
new_action_row (PcPromptEditor *self,
                const PcAction *action)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *subtitle = describe_action (action);
  g_autofree char *remove_label = NULL;
  g_autofree const char **status_labels = pc_vocab_choice_labels (PC_VOCAB_ACTION_STATUS);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (status_labels);
  GtkWidget *status;
  GtkWidget *remove_row;
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action->description);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "action-id", GSIZE_TO_POINTER (action->id));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            new_action_entry (self, action, "description", _("Description"),
                                              action->description));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            new_action_entry (self, action, "owner", _("Owner"), action->owner));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            new_action_entry (self, action, "due_date",
                                              _("Due date (YYYY-MM-DD)"), action->due_date));

  status = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status),
                              pc_vocab_position (PC_VOCAB_ACTION_STATUS, action->status));
  gtk_widget_set_sensitive (status, self->editable);
  g_object_set_data (G_OBJECT (status), "action-id", GSIZE_TO_POINTER (action->id));
  g_signal_connect (status, "notify::selected", G_CALLBACK (action_status_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status);

  if (self->editable)
    {
      remove_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this action"));
      remove_label = g_strdup_printf (_("Remove the action “%s”"), action->description);
      remove = _pc_prompt_editor_new_icon_button ("user-trash-symbolic", _("Remove"),
                                                  remove_label);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data (G_OBJECT (remove), "action-id", GSIZE_TO_POINTER (action->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (action_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
    }

  return row;
}

void
_pc_prompt_editor_update_actions (PcPromptEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  const PcAssessment *a = _pc_prompt_editor_get_assessment (self);

  for (guint i = 0; i < a->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (a->actions, i);

      if (g_strcmp0 (action->prompt_id, self->prompt_id) != 0)
        continue;
      g_array_append_val (ids, action->id);
      g_ptr_array_add (mine, (gpointer) action);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->new_action_row), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_list), self->editable || mine->len > 0);
  gtk_widget_set_visible (self->actions_heading, self->editable || mine->len > 0);

  /* The same actions: only their summaries change, so what is being
   * typed in them keeps its place and focus. */
  if (_pc_prompt_editor_same_ids (self->shown_actions, (const gint64 *) (gpointer) ids->data,
                                  ids->len))
    {
      guint i = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          const PcAction *action;
          g_autofree char *subtitle = NULL;

          if (!ADW_IS_EXPANDER_ROW (child) || i >= mine->len)
            continue;
          action = g_ptr_array_index (mine, i++);
          subtitle = describe_action (action);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), action->description);
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (child), subtitle);
        }
      return;
    }

  self->updating = TRUE;
  pc_list_box_remove_all (self->actions_list, GTK_WIDGET (self->new_action_row));
  for (guint i = 0; i < mine->len; i++)
    gtk_list_box_insert (self->actions_list, new_action_row (self, g_ptr_array_index (mine, i)),
                         (int) i);
  self->updating = FALSE;
  g_array_set_size (self->shown_actions, 0);
  g_array_append_vals (self->shown_actions, ids->data, ids->len);
}

static void
new_action_apply_cb (PcPromptEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->session == NULL || !self->editable)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_action_row))));
  if (pc_text_is_blank (text))
    return;

  if (pc_assessment_session_add_action (self->session, self->prompt_id, text, &error) == 0)
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Add the Action"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
}

void
_pc_prompt_editor_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, new_action_apply_cb);
}
