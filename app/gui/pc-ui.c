/* pc-ui.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-ui"

#include "config.h"

#include "pc-ui.h"

#include <glib/gi18n.h>

#include "pc-text.h"

void
pc_ui_set_body (AdwMessageDialog *dialog,
                const char       *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  adw_message_dialog_set_body (dialog, valid);
}

void
pc_ui_show_error (GtkWidget    *widget,
                  const char   *heading,
                  const GError *error)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  pc_ui_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pc_ui_toast (GtkWidget  *widget,
             const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  gtk_widget_activate_action (widget, "win.toast", "s", message);
}

char *
pc_ui_dup_unless_blank (const char *text)
{
  if (pc_text_is_blank (text))
    return NULL;

  return g_strstrip (g_strdup (text));
}

gboolean
pc_ui_is_blank (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), TRUE);

  return pc_text_is_blank (gtk_editable_get_text (editable));
}

char *
pc_ui_dup_stripped (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
pc_ui_label_entry_row (AdwEntryRow *row,
                       gboolean     required)
{
  const char *title;
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED, required,
                                    -1);
}

GSettings *
pc_ui_dup_settings (GtkWidget *widget)
{
  GtkRoot *root;
  GtkApplication *app;
  GSettings *settings = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (!GTK_IS_WINDOW (root))
    return NULL;

  app = gtk_window_get_application (GTK_WINDOW (root));
  if (app == NULL && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    app = gtk_window_get_application (gtk_window_get_transient_for (GTK_WINDOW (root)));

  if (app == NULL
      || g_object_class_find_property (G_OBJECT_GET_CLASS (app), "settings") == NULL)
    return NULL;

  g_object_get (app, "settings", &settings, NULL);
  return settings;
}
