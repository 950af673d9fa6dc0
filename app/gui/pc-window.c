/* pc-window.c: the main window of one database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-window"

#include "config.h"

#include "pc-window.h"

#include <glib/gi18n.h>

#include "pc-assessment-view.h"
#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-file.h"
#include "pc-list-page.h"
#include "pc-new-assessment-dialog.h"
#include "pc-settings.h"
#include "pc-signoff-text.h"
#include "pc-store.h"
#include "pc-ui-state.h"
#include "pc-ui.h"
#include "pc-verify.h"
#include "pc-vocab.h"

struct _PcWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  PcStore              *store;
  GSettings            *settings;   /* the app's; NULL outside an app */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  PcListPage           *list_page;

  /* Borrowed from the stack; NULL until an assessment is first opened */
  PcAssessmentView     *assessment_view;
};

G_DEFINE_FINAL_TYPE (PcWindow, pc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Imported summaries */

gboolean
pc_window_export_imported (PcWindow    *self,
                           gint64       id,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len = 0;

  g_return_val_if_fail (PC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The stored file, byte for byte, so it verifies exactly as it did
   * when it was imported. */
  bytes = pc_store_get_imported_document (self->store, id, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  return pc_file_set_contents (path, data, (gssize) len, 0644, error);
}

static void
export_imported_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             PcWindow        *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pc-import-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("The summary can only be written to a file on this computer: choose a folder on a local or mounted drive"));
      if (path != NULL && pc_window_export_imported (self, id, path, &error))
        {
          g_autofree char *basename = g_path_get_basename (path);
          g_autofree char *toast = g_strdup_printf (_("Summary written to %s"), basename);

          pc_window_toast (self, toast);
        }
      else
        pc_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Summary"), error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_imported (PcWindow   *self,
                 gint64      id,
                 const char *suggested_name)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("JSON summaries"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "pc-import-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_imported_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
imported_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PcWindow         *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pc-import-id"));

  if (g_strcmp0 (response, "export") == 0)
    export_imported (self, id, g_object_get_data (G_OBJECT (dialog), "pc-suggested-name"));
}

/* Shows what an imported summary says of itself, checked again now: its
 * reference, state and sign-offs, that it is read-only, and whether it
 * verifies; it can be exported again exactly as it came. */
static void
show_imported (PcWindow *self,
               gint64    id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(PcTrustedKeys) trusted = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  const char *data;
  gsize len = 0;
  PcState state;
  GtkWidget *dialog;

  bytes = pc_store_get_imported_document (self->store, id, &error);
  if (bytes != NULL)
    {
      g_autofree char *trusted_path = self->settings != NULL
                                      ? g_settings_get_string (self->settings, "trusted-signers")
                                      : NULL;

      if (trusted_path != NULL && *trusted_path != '\0')
        trusted = pc_trusted_keys_load (trusted_path, &error);
      data = g_bytes_get_data (bytes, &len);
      if (error == NULL)
        result = pc_verify_summary (data != NULL ? data : "", len, trusted, &error);
    }
  if (result == NULL)
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Open the Imported Summary"), error);
      return;
    }

  /* Translators: "PC-2026-0007, revision 2" */
  heading = g_strdup_printf (_("%s, revision %d"), result->reference, result->revision);
  /* Translators: the title of an imported assessment, then its state: "Crisis café — Approved" */
  g_string_append_printf (body, _("%s — %s"), result->title,
                          pc_state_from_string (result->state, &state)
                          ? pc_state_to_label (state) : result->state);
  g_string_append (body, "\n\n");
  g_string_append (body, _("Read-only: an imported summary from another database, kept exactly "
                           "as its file came. To change it, revise it in the database it came "
                           "from."));
  g_string_append (body, "\n\n");
  g_string_append (body, result->ok ? _("Verified: every signature holds, so nothing was altered "
                                        "since it was signed.")
                                    : _("Warning: this summary does not verify. Do not rely on it."));
  if (trusted == NULL && result->signoffs->len > 0)
    g_string_append_printf (body, " %s",
                            _("Nothing confirms who made the signatures: check each key with its "
                              "signer, or choose a trusted signers list in Preferences."));
  for (guint i = 0; i < result->signoffs->len; i++)
    {
      const PcVerifiedSignoff *signoff = g_ptr_array_index (result->signoffs, i);
      g_autofree char *line = pc_signoff_describe_parts (signoff->meaning, signoff->name,
                                                         signoff->role, signoff->signed_at);

      /* Translators: "Approved by Dr Ann Lee, Clinical Director, on …: signature good" */
      g_string_append_printf (body, _("\n\n%s: %s"), line,
                              signoff->good ? _("signature good") : signoff->problem);
      if (signoff->reason != NULL && signoff->meaning == PC_MEANING_APPROVED_WITH_CONDITIONS)
        g_string_append_printf (body, _("\nConditions: %s"), signoff->reason);
      else if (signoff->reason != NULL)
        g_string_append_printf (body, _("\nReason: %s"), signoff->reason);
    }
  for (guint i = 0; i < result->problems->len; i++)
    g_string_append_printf (body, "\n\n%s", (const char *) g_ptr_array_index (result->problems, i));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "export", _("_Export Summary…"),
                                    "close", _("_Close"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data (G_OBJECT (dialog), "pc-import-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (dialog), "pc-suggested-name",
                          g_strdup_printf ("%s-r%d-summary.json", result->reference,
                                           result->revision),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (imported_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
view_closed_cb (PcWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  pc_list_page_reload (self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_page));
}

/* The assessment view, built the first time an assessment is opened:
 * a window that only lists starts without it. */
static PcAssessmentView *
ensure_view (PcWindow *self)
{
  g_autofree char *trusted = NULL;

  if (self->assessment_view != NULL)
    return self->assessment_view;

  self->assessment_view = PC_ASSESSMENT_VIEW (pc_assessment_view_new ());
  g_signal_connect_object (self->assessment_view, "closed", G_CALLBACK (view_closed_cb), self,
                           G_CONNECT_SWAPPED);
  pc_assessment_view_set_store (self->assessment_view, self->store);
  if (self->settings != NULL)
    trusted = g_settings_get_string (self->settings, "trusted-signers");
  pc_assessment_view_set_trusted_signers (self->assessment_view, trusted);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->assessment_view), "assessment");

  return self->assessment_view;
}

static void
open_assessment (PcWindow   *self,
                 gint64      id,
                 const char *page)
{
  g_autoptr(GError) error = NULL;

  if (!pc_assessment_view_open (ensure_view (self), id, page, &error))
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Open the Assessment"), error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "assessment");
}

static void
open_assessment_cb (PcWindow *self,
                    gint64    id,
                    gboolean  imported)
{
  g_assert (PC_IS_WINDOW (self));

  if (imported)
    show_imported (self, id);
  else
    open_assessment (self, id, NULL);
}

static void
assessment_created_cb (PcWindow *self,
                       gint64    id)
{
  pc_list_page_reload (self->list_page);
  open_assessment (self, id, NULL);
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  PcNewAssessmentDialog *dialog;

  checklist = pc_checklist_new_default (&error);
  if (checklist == NULL)
    {
      pc_ui_show_error (widget, _("Could Not Start an Assessment"), error);
      return;
    }

  dialog = pc_new_assessment_dialog_new (GTK_WINDOW (self), self->store, checklist);
  g_signal_connect_object (dialog, "created", G_CALLBACK (assessment_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

/* The file chooser of "Open Another Database…" and "New Database…": the
 * file chosen is opened, and made when it is new. An existing file is
 * never emptied: one that is not a Principle Check database is refused
 * as it is. */
static void
database_chosen_cb (GtkNativeDialog *dialog,
                    int              response,
                    PcWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* The application opens it, in this window's place or its own. */
      if (path != NULL)
        gtk_widget_activate_action_variant (GTK_WIDGET (self), "app.create-database",
                                            g_variant_new_bytestring (path));
    }

  g_object_unref (dialog);
}

static void
choose_database (PcWindow             *self,
                 const char           *title,
                 GtkFileChooserAction  action,
                 const char           *accept_label)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label,
                                        _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Principle Check databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "assessments.db");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (database_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_database (PC_WINDOW (widget), _("Open Another Database"),
                   GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  choose_database (PC_WINDOW (widget), _("New Database"),
                   GTK_FILE_CHOOSER_ACTION_SAVE, _("C_reate"));
}

void
pc_window_show_about (PcWindow *self)
{
  g_autofree char *debug_info = NULL;
  GtkWidget *about;

  g_return_if_fail (PC_IS_WINDOW (self));

  debug_info = g_strdup_printf ("Principle Check %s\nDatabase: %s\nSchema version: %d of %d\n"
                                "GTK %u.%u.%u, libadwaita %u.%u.%u\n",
                                PACKAGE_VERSION,
                                self->store ? pc_store_get_path (self->store) : "—",
                                self->store ? pc_store_get_schema_version (self->store) : 0,
                                pc_store_get_latest_version (),
                                gtk_get_major_version (), gtk_get_minor_version (),
                                gtk_get_micro_version (), adw_get_major_version (),
                                adw_get_minor_version (), adw_get_micro_version ());

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", self,
                        "application-name", _("Principle Check"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Principle Check authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Assess a new or changed service against the Trust’s clinical principles, take it through review and sign-off, and export a signed summary for committee papers."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "debug-info", debug_info,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
about_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pc_window_show_about (PC_WINDOW (widget));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PcWindow *self = PC_WINDOW (widget);

  /* Leaving an assessment goes through its own way back, which saves. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "assessment") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->assessment_view), "view.back", NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->list_page));
}

void
pc_window_toast (PcWindow   *self,
                 const char *message)
{
  g_return_if_fail (PC_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* win.toast (s): the pages' way to show a toast without knowing the
 * window (pc_ui_toast). */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  pc_window_toast (PC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

PcAssessmentView *
pc_window_get_assessment_view (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);

  return ensure_view (self);
}

/* GObject */

PcStore *
pc_window_get_store (PcWindow *self)
{
  g_return_val_if_fail (PC_IS_WINDOW (self), NULL);

  return self->store;
}

/* Window size and the user's name */

static void
save_window_size (PcWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximised window keeps the size it had before, for unmaximising. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
restore_window_size (PcWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Changes are recorded under the name and role from Preferences. */
static void
update_actor (PcWindow *self)
{
  g_autofree char *actor = pc_settings_dup_actor (self->settings);

  if (actor != NULL)
    pc_store_set_actor (self->store, actor);
}

/* Preferences' trusted signers, for the review page's sign-offs. */
static void
update_trusted_signers (PcWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "trusted-signers");

  if (self->assessment_view != NULL)
    pc_assessment_view_set_trusted_signers (self->assessment_view, path);
}

/* The application's settings: the window's size, the user's name for
 * the audit trail, File → Recent. (Not in constructed(): "application"
 * is set after it.) */
void
pc_window_use_settings (PcWindow   *self,
                        GSettings  *settings,
                        GMenuModel *recent_menu)
{
  g_return_if_fail (PC_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  self->settings = g_object_ref (settings);
  restore_window_size (self);
  update_actor (self);
  g_signal_connect_object (settings, "changed::user-name",
                           G_CALLBACK (update_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::user-role",
                           G_CALLBACK (update_actor), self, G_CONNECT_SWAPPED);
  update_trusted_signers (self);
  g_signal_connect_object (settings, "changed::trusted-signers",
                           G_CALLBACK (update_trusted_signers), self, G_CONNECT_SWAPPED);
  pc_list_page_set_recent_menu (self->list_page, recent_menu);
}

static void
close_anyway_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 PcWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Lost on purpose, and only now. */
      if (self->assessment_view != NULL)
        pc_assessment_view_discard_pending (self->assessment_view);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Closing saves what is still being typed; if that fails the window
 * stays open, unless the user chooses to lose it. */
static gboolean
pc_window_close_request (GtkWindow *window)
{
  PcWindow *self = PC_WINDOW (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->assessment_view == NULL || pc_assessment_view_flush (self->assessment_view, &error))
    {
      save_window_size (self);
      return GTK_WINDOW_CLASS (pc_window_parent_class)->close_request (window);
    }

  body = g_strdup_printf (_("%s\n\nWhat was typed last is still in the window. Keep it open and try again, or copy it somewhere safe."),
                          error->message);
  dialog = adw_message_dialog_new (window, _("Could Not Save"), NULL);
  pc_ui_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "discard", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Returns to the assessment and page that were open when this database
 * was last closed, if that assessment still exists. */
static void
restore_place (PcWindow *self)
{
  g_autoptr(PcAssessment) assessment = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!pc_ui_state_lookup (pc_store_get_path (self->store), &id, &page))
    return;

  assessment = pc_store_load_assessment_by_id (self->store, id, NULL);
  if (assessment == NULL || assessment->imported)
    {
      pc_ui_state_forget (pc_store_get_path (self->store));
      return;
    }

  if (!pc_assessment_view_open (ensure_view (self), id, page, &error))
    {
      g_debug ("Could not return to assessment %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "assessment");
}

/* A database whose schema was changed behind the program's back, or one
 * that cannot be written here (its file or folder, a network drive),
 * opens read-only: said once the window is on screen, with why. */
static void
warn_read_only_cb (PcWindow *self)
{
  const char *altered = pc_store_get_altered_schema (self->store);
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_func (self, warn_read_only_cb, NULL);
  g_set_error_literal (&error, PC_STORE_ERROR,
                       altered != NULL ? PC_STORE_ERROR_ALTERED : PC_STORE_ERROR_READ_ONLY_FILE,
                       altered != NULL ? altered : pc_store_get_read_only_reason (self->store));
  pc_ui_show_error (GTK_WIDGET (self),
                    altered != NULL ? _("This Database Has Been Changed Outside Principle Check")
                                    : _("This Database Is Open Read-Only"),
                    error);
}

static void
pc_window_constructed (GObject *object)
{
  PcWindow *self = (PcWindow *) object;

  G_OBJECT_CLASS (pc_window_parent_class)->constructed (object);

  pc_list_page_set_store_when_shown (self->list_page, self->store);
  restore_place (self);

  if (pc_store_get_altered_schema (self->store) != NULL
      || pc_store_get_read_only_reason (self->store) != NULL)
    g_signal_connect (self, "map", G_CALLBACK (warn_read_only_cb), NULL);
}

static void
pc_window_dispose (GObject *object)
{
  PcWindow *self = (PcWindow *) object;

  self->assessment_view = NULL;   /* the stack's, destroyed with it */
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_window_parent_class)->dispose (object);
}

static void
pc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PcWindow *self = PC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PcWindow *self = PC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_window_class_init (PcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = pc_window_constructed;
  object_class->dispose = pc_window_dispose;
  object_class->get_property = pc_window_get_property;
  object_class->set_property = pc_window_set_property;
  window_class->close_request = pc_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PC_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PcWindow, list_page);
  gtk_widget_class_bind_template_callback (widget_class, open_assessment_cb);

  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "win.about", NULL, about_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-assessment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  g_type_ensure (PC_TYPE_LIST_PAGE);
  g_type_ensure (PC_TYPE_ASSESSMENT_VIEW);
}

static void
pc_window_init (PcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PcWindow *
pc_window_new (gpointer  application,
               PcStore  *store)
{
  PcWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PC_IS_STORE (store), NULL);

  self = g_object_new (PC_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
  return self;
}
