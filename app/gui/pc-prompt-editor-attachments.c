/* pc-prompt-editor-attachments.c: the files attached to a prompt
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
#include "pc-file.h"
#include "pc-store.h"
#include "pc-ui.h"

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

  data = pc_store_get_attachment_data (pc_assessment_session_get_store (self->session), id,
                                       &error);
  if (data != NULL)
    dir = g_dir_make_tmp ("principle-check-XXXXXX", &error);
  if (dir != NULL)
    {
      base = g_path_get_basename (name);
      g_strdelimit (base, "/\\", '_');
      path = g_build_filename (dir, base, NULL);
    }
  if (path != NULL
      && pc_file_set_contents (path, g_bytes_get_data (data, NULL),
                               (gssize) g_bytes_get_size (data), 0600, &error))
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

  if (!pc_assessment_session_remove_attachment (self->session, id, &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the File"), error);
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

  /* Translators: "12.3 kB · SHA-256 1a2b3c4d5e6f…" */
  subtitle = g_strdup_printf (_("%s · SHA-256 %.12s…"), size, attachment->sha256);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, attachment->sha256);

  open_label = g_strdup_printf (_("Open %s"), attachment->name);
  open = _pc_prompt_editor_new_icon_button ("document-open-symbolic", _("Open"), open_label);
  g_object_set_data (G_OBJECT (open), "attachment-id", GSIZE_TO_POINTER (attachment->id));
  g_object_set_data_full (G_OBJECT (open), "attachment-name", g_strdup (attachment->name), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (attachment_open_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  remove_label = g_strdup_printf (_("Remove %s"), attachment->name);
  remove = _pc_prompt_editor_new_icon_button ("user-trash-symbolic", _("Remove"), remove_label);
  g_object_set_data (G_OBJECT (remove), "attachment-id", GSIZE_TO_POINTER (attachment->id));
  g_signal_connect (remove, "clicked", G_CALLBACK (attachment_remove_clicked_cb), self);
  gtk_widget_set_visible (remove, self->editable);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

void
_pc_prompt_editor_update_attachments (PcPromptEditor *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  const PcAssessment *a = _pc_prompt_editor_get_assessment (self);

  for (guint i = 0; i < a->attachments->len; i++)
    {
      const PcAttachment *attachment = g_ptr_array_index (a->attachments, i);

      if (g_strcmp0 (attachment->prompt_id, self->prompt_id) != 0)
        continue;
      g_array_append_val (ids, attachment->id);
      g_ptr_array_add (mine, (gpointer) attachment);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), mine->len > 0);
  gtk_widget_set_visible (self->attachments_header, self->editable || mine->len > 0);
  if (_pc_prompt_editor_same_ids (self->shown_attachments, (const gint64 *) (gpointer) ids->data,
                                  ids->len))
    return;

  pc_list_box_remove_all (self->attachments_list, NULL);
  for (guint i = 0; i < mine->len; i++)
    gtk_list_box_append (self->attachments_list, new_attachment_row (self, g_ptr_array_index (mine, i)));
  g_array_set_size (self->shown_attachments, 0);
  g_array_append_vals (self->shown_attachments, ids->data, ids->len);
}

gboolean
_pc_prompt_editor_attach_file (PcPromptEditor  *self,
                               GFile           *file,
                               GError         **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *media_type = NULL;
  g_autofree char *path = NULL;
  const char *content_type;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_get_size (info) > PC_STORE_MAX_ATTACHMENT)
    {
      g_autofree char *limit = g_format_size (PC_STORE_MAX_ATTACHMENT);

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_LARGE,
                   _("“%s” is larger than %s, the most an assessment can hold in one file. Attach a smaller copy, or a link to where it is kept."),
                   g_file_info_get_display_name (info), limit);
      return FALSE;
    }

  /* A local file is read only if it is a regular one, never waited on
   * (a named pipe) and never past the limit, whatever it grew to since. */
  path = g_file_get_path (file);
  if (path != NULL)
    data = pc_file_read_bounded (path, PC_STORE_MAX_ATTACHMENT, _("attachment"), error);
  else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    data = g_file_load_bytes (file, NULL, NULL, error);
  else
    g_set_error (error, PC_FILE_ERROR, PC_FILE_ERROR_NOT_REGULAR,
                 _("“%s” is not a file: attach a file"), g_file_info_get_display_name (info));
  if (data == NULL)
    return FALSE;

  content_type = g_file_info_get_content_type (info);
  media_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;
  return pc_assessment_session_add_attachment (self->session, self->prompt_id,
                                               g_file_info_get_display_name (info),
                                               media_type != NULL ? media_type
                                                                  : "application/octet-stream",
                                               data, error) != 0;
}

static void
attach_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    PcPromptEditor  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->session != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !_pc_prompt_editor_attach_file (self, file, &error))
        pc_ui_show_error (GTK_WIDGET (self), _("Could Not Attach the File"), error);
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

void
_pc_prompt_editor_attachments_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, add_attachment_clicked_cb);
}
