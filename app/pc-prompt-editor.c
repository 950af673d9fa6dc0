/* pc-prompt-editor.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-prompt-editor"

#include "config.h"

#include "pc-prompt-editor.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-lint.h"
#include "pc-store.h"
#include "pc-ui.h"
#include "pc-vocab.h"

/* How long typed text waits for the next keystroke before it is written. */
#define SAVE_DELAY_MS 700

/* One action field typed but not written yet. */
typedef struct
{
  gint64  action_id;
  char   *field;
  char   *value;
} PendingField;

struct _PcPromptEditor
{
  GtkWidget           parent_instance;

  /* Owned */
  PcStore            *store;
  PcChecklist        *checklist;
  char               *prompt_id;
  GPtrArray          *pending_fields;   /* PendingField */
  GArray             *shown_attachments; /* gint64 ids, in the order shown */
  GArray             *shown_actions;    /* gint64 ids, in the order shown */
  guint               save_source;

  /* Borrowed */
  const PcAssessment *assessment;

  gint64              assessment_id;
  PcRating            rating;
  gboolean            editable;
  gboolean            evidence_dirty;
  gboolean            justification_dirty;
  gboolean            updating;

  /* Template widgets */
  GtkLabel           *question_label;
  GtkExpander        *guidance_expander;
  GtkLabel           *guidance_label;
  GtkLabel           *refs_label;
  GtkBox             *rating_box;
  GtkToggleButton    *met_button;
  GtkToggleButton    *partly_met_button;
  GtkToggleButton    *not_met_button;
  GtkToggleButton    *not_applicable_button;
  GtkBox             *findings_box;
  GtkTextView        *evidence_view;
  GtkBox             *justification_box;
  GtkTextView        *justification_view;
  GtkWidget          *attachments_header;
  GtkButton          *add_attachment_button;
  GtkListBox         *attachments_list;
  GtkListBox         *actions_list;
  AdwEntryRow        *new_action_row;
  GtkWidget          *actions_heading;
};

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

static void
report_failure (PcPromptEditor *self,
                const GError   *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
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
    report_failure (self, error);

  return G_SOURCE_REMOVE;
}

/* Restarts the wait before typed text is written. */
static void
schedule_save (PcPromptEditor *self)
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
  schedule_save (self);
}

static void
justification_changed_cb (PcPromptEditor *self)
{
  if (self->updating)
    return;

  self->justification_dirty = TRUE;
  schedule_save (self);
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
      report_failure (self, error);
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

/* Attachments */

static void
attachment_open_clicked_cb (GtkButton      *button,
                            PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "attachment-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "attachment-name");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  data = pc_store_get_attachment_data (self->store, id, &error);
  if (data != NULL)
    dir = g_dir_make_tmp ("principle-check-XXXXXX", &error);
  if (dir != NULL)
    {
      base = g_path_get_basename (name);
      g_strdelimit (base, "/\\", '_');
      path = g_build_filename (dir, base, NULL);
    }
  if (path != NULL
      && g_file_set_contents_full (path, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      uri = g_filename_to_uri (path, NULL, &error);
      context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
      if (uri != NULL)
        g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error);
    }

  if (error != NULL)
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Open the File"), error);
}

static void
attachment_remove_clicked_cb (GtkButton      *button,
                              PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "attachment-id"));
  g_autoptr(GError) error = NULL;

  if (!pc_store_remove_attachment (self->store, id, &error))
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the File"), error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static GtkWidget *
new_icon_button (const char *icon_name,
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

static GtkWidget *
new_attachment_row (PcPromptEditor     *self,
                    const PcAttachment *attachment)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = g_format_size (attachment->size);
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *open;
  GtkWidget *remove;

  /* translators: "12.3 kB · SHA-256 1a2b3c4d5e6f…" */
  subtitle = g_strdup_printf (_("%s · SHA-256 %.12s…"), size, attachment->sha256);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, attachment->sha256);

  open_label = g_strdup_printf (_("Open %s"), attachment->name);
  open = new_icon_button ("document-open-symbolic", _("Open"), open_label);
  g_object_set_data (G_OBJECT (open), "attachment-id", GSIZE_TO_POINTER (attachment->id));
  g_object_set_data_full (G_OBJECT (open), "attachment-name", g_strdup (attachment->name), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (attachment_open_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  remove_label = g_strdup_printf (_("Remove %s"), attachment->name);
  remove = new_icon_button ("user-trash-symbolic", _("Remove"), remove_label);
  g_object_set_data (G_OBJECT (remove), "attachment-id", GSIZE_TO_POINTER (attachment->id));
  g_signal_connect (remove, "clicked", G_CALLBACK (attachment_remove_clicked_cb), self);
  gtk_widget_set_visible (remove, self->editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
clear_list (GtkListBox *list,
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
static gboolean
same_ids (GArray       *shown,
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

static void
update_attachments (PcPromptEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; i < self->assessment->attachments->len; i++)
    {
      const PcAttachment *attachment = g_ptr_array_index (self->assessment->attachments, i);

      if (g_strcmp0 (attachment->prompt_id, self->prompt_id) != 0)
        continue;
      g_array_append_val (ids, attachment->id);
      g_ptr_array_add (mine, (gpointer) attachment);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), mine->len > 0);
  gtk_widget_set_visible (self->attachments_header, self->editable || mine->len > 0);
  if (same_ids (self->shown_attachments, (const gint64 *) (gpointer) ids->data, ids->len))
    return;

  clear_list (self->attachments_list, NULL);
  for (guint i = 0; i < mine->len; i++)
    gtk_list_box_append (self->attachments_list, new_attachment_row (self, g_ptr_array_index (mine, i)));
  g_array_set_size (self->shown_attachments, 0);
  g_array_append_vals (self->shown_attachments, ids->data, ids->len);
}

static void
attach_file (PcPromptEditor *self,
             GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *media_type = NULL;
  const char *content_type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > PC_STORE_MAX_ATTACHMENT)
    {
      g_autofree char *limit = g_format_size (PC_STORE_MAX_ATTACHMENT);

      g_set_error (&error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most an assessment can hold in one file. Attach a smaller copy, or a link to where it is kept."),
                   g_file_info_get_display_name (info), limit);
    }
  if (error == NULL)
    data = g_file_load_bytes (file, NULL, NULL, &error);
  if (data != NULL)
    {
      content_type = g_file_info_get_content_type (info);
      media_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;
      if (pc_store_add_attachment (self->store, self->assessment_id, self->prompt_id,
                                   g_file_info_get_display_name (info),
                                   media_type != NULL ? media_type : "application/octet-stream",
                                   data, &error) == 0)
        g_assert (error != NULL);
    }

  if (error != NULL)
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Attach the File"), error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
attach_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PcPromptEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        attach_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
add_attachment_clicked_cb (PcPromptEditor *self)
{
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = gtk_file_chooser_native_new (_("Attach Evidence"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (attach_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Actions */

static void
queue_action_field (PcPromptEditor *self,
                    gint64          action_id,
                    const char     *field,
                    const char     *value)
{
  PendingField *pending;

  for (guint i = 0; i < self->pending_fields->len; i++)
    {
      pending = g_ptr_array_index (self->pending_fields, i);
      if (pending->action_id == action_id && g_str_equal (pending->field, field))
        {
          g_free (pending->value);
          pending->value = g_strdup (value);
          schedule_save (self);
          return;
        }
    }

  pending = g_new0 (PendingField, 1);
  pending->action_id = action_id;
  pending->field = g_strdup (field);
  pending->value = g_strdup (value);
  g_ptr_array_add (self->pending_fields, pending);
  schedule_save (self);
}

/* Drops what is pending for @action_id, which is gone. */
static void
forget_action_fields (PcPromptEditor *self,
                      gint64          action_id)
{
  for (guint i = self->pending_fields->len; i > 0; i--)
    {
      PendingField *pending = g_ptr_array_index (self->pending_fields, i - 1);

      if (pending->action_id == action_id)
        g_ptr_array_remove_index (self->pending_fields, i - 1);
    }
}

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
    valid = *text != '\0';
  else if (g_str_equal (field, "due_date"))
    valid = *text == '\0' || pc_date_is_valid (text);
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
  queue_action_field (self, id, field, text);
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

  if (!pc_store_set_action_field (self->store, id, "status",
                                  pc_action_status_to_string ((PcActionStatus) selected), &error))
    {
      report_failure (self, error);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
action_remove_clicked_cb (GtkButton      *button,
                          PcPromptEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "action-id"));
  g_autoptr(GError) error = NULL;

  if (!pc_store_remove_action (self->store, id, &error))
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the Action"), error);
      return;
    }

  forget_action_fields (self, id);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
describe_action (const PcAction *action)
{
  /* translators: an action's owner, due date and status: "Sam Patel · due 2026-03-01 · Open" */
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
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
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

  for (PcActionStatus s = PC_ACTION_OPEN; s <= PC_ACTION_DONE; s++)
    gtk_string_list_append (statuses, pc_action_status_to_label (s));
  status = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), action->status);
  gtk_widget_set_sensitive (status, self->editable);
  g_object_set_data (G_OBJECT (status), "action-id", GSIZE_TO_POINTER (action->id));
  g_signal_connect (status, "notify::selected", G_CALLBACK (action_status_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), status);

  if (self->editable)
    {
      remove_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this action"));
      remove_label = g_strdup_printf (_("Remove the action “%s”"), action->description);
      remove = new_icon_button ("user-trash-symbolic", _("Remove"), remove_label);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data (G_OBJECT (remove), "action-id", GSIZE_TO_POINTER (action->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (action_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
    }

  return row;
}

static void
update_actions (PcPromptEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();

  for (guint i = 0; i < self->assessment->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (self->assessment->actions, i);

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
  if (same_ids (self->shown_actions, (const gint64 *) (gpointer) ids->data, ids->len))
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
  clear_list (self->actions_list, GTK_WIDGET (self->new_action_row));
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

  if (self->store == NULL || !self->editable)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_action_row))));
  if (*text == '\0')
    return;

  if (pc_store_add_action (self->store, self->assessment_id, self->prompt_id, text, NULL, NULL,
                           &error) == 0)
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Add the Action"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_action_row), "");
  g_signal_emit (self, signals[CHANGED], 0);
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
        report_failure (self, error);
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

  update_attachments (self);
  update_actions (self);
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
  gtk_widget_class_bind_template_callback (widget_class, add_attachment_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_action_apply_cb);
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
