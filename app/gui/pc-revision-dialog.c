/* pc-revision-dialog.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-revision-dialog"

#include "config.h"

#include "pc-revision-dialog.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-store.h"
#include "pc-ui.h"

/* What the dialog needs once answered: copies, because the assessment
 * the caller passed may be reloaded (and freed) in the meantime. */
typedef struct
{
  GWeakRef               owner;
  PcStore               *store;
  gint64                 id;
  int                    revision;
  PcRevisionStartedFunc  started;
} Request;

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  g_weak_ref_clear (&request->owner);
  g_clear_object (&request->store);
  g_free (request);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "revise", !pc_ui_is_blank (entry));
}

static void
reason_activated_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "revise"))
    {
      adw_message_dialog_response (dialog, "revise");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             Request          *request)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&request->owner);
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_id;

  if (g_strcmp0 (response, "revise") != 0 || owner == NULL)
    return;

  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  new_id = pc_store_revise (request->store, request->id, reason, &error);
  if (new_id == 0)
    {
      pc_ui_show_error (owner, _("Could Not Start a New Revision"), error);
      return;
    }

  toast = g_strdup_printf (_("Revision %d started as a draft"), request->revision + 1);
  request->started (owner, new_id);
  pc_ui_toast (owner, toast);
}

GtkWidget *
pc_revision_dialog_present (GtkWidget             *owner,
                            PcStore               *store,
                            const PcAssessment    *assessment,
                            PcRevisionStartedFunc  started)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *entry;
  Request *request;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (PC_IS_STORE (store), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (started != NULL, NULL);

  root = gtk_widget_get_root (owner);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Start a New Revision?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Revision %d of %s stays exactly as it was signed. The new "
                                    "revision starts as a draft with the same answers, to change "
                                    "and submit for review again. Say why it is needed: the "
                                    "reason is kept with it."),
                                  assessment->revision, assessment->reference);

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason for the new revision"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the new revision"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "revise", _("_Start Revision"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revise",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "revise", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "revise");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request = g_new0 (Request, 1);
  g_weak_ref_init (&request->owner, owner);
  request->store = g_object_ref (store);
  request->id = assessment->id;
  request->revision = assessment->revision;
  request->started = started;

  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activated_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), request, request_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);

  return dialog;
}
