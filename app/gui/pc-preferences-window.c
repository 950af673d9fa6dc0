/* pc-preferences-window.c: the user's name and role, recent databases
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-preferences-window"

#include "config.h"

#include "pc-preferences-window.h"

#include <glib/gi18n.h>

#include "pc-ui.h"
#include "pc-verify.h"

struct _PcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
  AdwActionRow         *recent_row;
  GtkButton            *clear_button;
  AdwActionRow         *trusted_row;
  GtkButton            *trusted_clear_button;
};

G_DEFINE_FINAL_TYPE (PcPreferencesWindow, pc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_recent_row (PcPreferencesWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  guint n = g_strv_length (recent);
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("None yet"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u database in Open Recent, in the main menu",
                                             "%u databases in Open Recent, in the main menu", n),
                                n);
  adw_action_row_set_subtitle (self->recent_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n > 0);
}

static void
clear_recent_cb (PcPreferencesWindow *self)
{
  g_settings_reset (self->settings, "recent-databases");
}

static void
update_trusted_row (PcPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "trusted-signers");
  g_autofree char *shown = *path != '\0' ? g_filename_display_name (path) : NULL;

  adw_action_row_set_subtitle (self->trusted_row,
                               shown != NULL ? shown
                                             : _("None: check each key’s fingerprint with its signer"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->trusted_clear_button), shown != NULL);
}

static void
trusted_chosen_cb (GtkNativeDialog     *dialog,
                   int                  response,
                   PcPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(PcTrustedKeys) keys = NULL;
      g_autoptr(GError) error = NULL;

      /* A list that does not load is refused here, not at each sign-off. */
      if (path != NULL && (keys = pc_trusted_keys_load (path, &error)) == NULL)
        pc_ui_show_error (GTK_WIDGET (self), _("Could Not Use the Trusted Signers List"), error);
      else if (path != NULL)
        g_settings_set_string (self->settings, "trusted-signers", path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_trusted_cb (PcPreferencesWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Trusted Signers List"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (trusted_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
forget_trusted_cb (PcPreferencesWindow *self)
{
  g_settings_reset (self->settings, "trusted-signers");
}

static void
pc_preferences_window_dispose (GObject *object)
{
  PcPreferencesWindow *self = (PcPreferencesWindow *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_preferences_window_parent_class)->dispose (object);
}

static void
pc_preferences_window_class_init (PcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, recent_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_recent_cb);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, trusted_row);
  gtk_widget_class_bind_template_child (widget_class, PcPreferencesWindow, trusted_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_trusted_cb);
  gtk_widget_class_bind_template_callback (widget_class, forget_trusted_cb);
}

static void
pc_preferences_window_init (PcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pc_ui_label_entry_row (self->name_row, FALSE);
  pc_ui_label_entry_row (self->role_row, FALSE);
}

PcPreferencesWindow *
pc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  PcPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "user-role", self->role_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::recent-databases",
                           G_CALLBACK (update_recent_row), self, G_CONNECT_SWAPPED);
  update_recent_row (self);
  g_signal_connect_object (settings, "changed::trusted-signers",
                           G_CALLBACK (update_trusted_row), self, G_CONNECT_SWAPPED);
  update_trusted_row (self);

  return self;
}
