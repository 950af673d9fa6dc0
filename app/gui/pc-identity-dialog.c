/* pc-identity-dialog.c: asks for the user's name and role, once
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-identity-dialog"

#include "config.h"

#include "pc-identity-dialog.h"

#include "pc-ui.h"

struct _PcIdentityDialog
{
  AdwMessageDialog  parent_instance;

  GSettings        *settings;

  AdwEntryRow      *name_row;
  AdwEntryRow      *role_row;
};

G_DEFINE_FINAL_TYPE (PcIdentityDialog, pc_identity_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (PcIdentityDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save",
                                           !pc_ui_is_blank (GTK_EDITABLE (self->name_row)));
}

static void
pc_identity_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  PcIdentityDialog *self = PC_IDENTITY_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    {
      g_autofree char *name = pc_ui_dup_stripped (GTK_EDITABLE (self->name_row));
      g_autofree char *role = pc_ui_dup_stripped (GTK_EDITABLE (self->role_row));

      g_settings_set_string (self->settings, "user-name", name);
      g_settings_set_string (self->settings, "user-role", role);
    }

  g_settings_set_boolean (self->settings, "identity-asked", TRUE);
}

static void
pc_identity_dialog_dispose (GObject *object)
{
  PcIdentityDialog *self = (PcIdentityDialog *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_identity_dialog_parent_class)->dispose (object);
}

static void
pc_identity_dialog_class_init (PcIdentityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pc_identity_dialog_dispose;
  dialog_class->response = pc_identity_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-identity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcIdentityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcIdentityDialog, role_row);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
}

static void
pc_identity_dialog_init (PcIdentityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pc_ui_label_entry_row (self->name_row, TRUE);
  pc_ui_label_entry_row (self->role_row, FALSE);
}

PcIdentityDialog *
pc_identity_dialog_new (GtkWindow *parent,
                        GSettings *settings)
{
  PcIdentityDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PC_TYPE_IDENTITY_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);

  return self;
}
