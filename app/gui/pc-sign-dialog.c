/* pc-sign-dialog.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-sign-dialog"

#include "config.h"

#include "pc-sign-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-text.h"
#include "pc-ui.h"
#include "pc-vocab.h"

struct _PcSignDialog
{
  AdwWindow             parent_instance;

  /* Owned */
  PcStore              *store;
  char                 *keys_dir;
  char                 *reference;
  char                 *content_sha256;
  char                 *error;
  char                 *fingerprint;
  gint64                assessment_id;
  PcMeaning             meaning;
  gboolean              busy;
  gboolean              first_signature;
  gboolean              disposed;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *sign_button;
  GtkSpinner           *spinner;
  GtkScrolledWindow    *scroller;
  AdwActionRow         *subject_row;
  AdwActionRow         *hash_row;
  GtkLabel             *meaning_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
  AdwPreferencesGroup  *reason_group;
  GtkTextView          *reason_view;
  AdwPreferencesGroup  *passphrase_group;
  AdwPasswordEntryRow  *passphrase_row;
  AdwPasswordEntryRow  *repeat_row;
  AdwActionRow         *key_row;
  GtkLabel             *hint_label;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (PcSignDialog, pc_sign_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the key derivation thread needs; the passphrase is wiped when
 * the task is done with it. */
typedef struct
{
  char     *keys_dir;
  char     *name;
  char     *role;
  char     *passphrase;
  char     *reason;
  gboolean  generate;
} UnlockData;

static void
unlock_data_free (gpointer data)
{
  UnlockData *d = data;

  if (d->passphrase != NULL)
    memset (d->passphrase, 0, strlen (d->passphrase));
  g_free (d->passphrase);
  g_free (d->keys_dir);
  g_free (d->name);
  g_free (d->role);
  g_free (d->reason);
  g_free (d);
}

/* Mode */

static gboolean
meaning_needs_reason (PcMeaning meaning)
{
  switch (meaning)
    {
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
    case PC_MEANING_RETURNED:
    case PC_MEANING_NOT_APPROVED:
      return TRUE;
    case PC_MEANING_PREPARED:
    case PC_MEANING_APPROVED:
    default:
      return FALSE;
    }
}

static const char *
meaning_title (PcMeaning meaning)
{
  switch (meaning)
    {
    case PC_MEANING_PREPARED:
      return _("Submit for Review");
    case PC_MEANING_APPROVED:
      return _("Approve");
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      return _("Approve With Conditions");
    case PC_MEANING_RETURNED:
      return _("Return to Author");
    case PC_MEANING_NOT_APPROVED:
      return _("Do Not Approve");
    default:
      g_assert_not_reached ();
    }
}

static const char *
meaning_statement (PcMeaning meaning)
{
  switch (meaning)
    {
    case PC_MEANING_PREPARED:
      return _("By signing you confirm that this assessment is complete and accurate to the best "
               "of your knowledge, and you submit it for review.");
    case PC_MEANING_APPROVED:
      return _("By signing you confirm you have reviewed this assessment against the Trust’s "
               "clinical principles and approve the service as described.");
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      return _("By signing you confirm you have reviewed this assessment against the Trust’s "
               "clinical principles and approve it on the conditions below.");
    case PC_MEANING_RETURNED:
      return _("By signing you confirm you have reviewed this assessment against the Trust’s "
               "clinical principles and return it to its author with the reason below.");
    case PC_MEANING_NOT_APPROVED:
      return _("By signing you confirm you have reviewed this assessment against the Trust’s "
               "clinical principles and do not approve it, for the reason below.");
    default:
      g_assert_not_reached ();
    }
}

static void
setup_reason_group (PcSignDialog *self)
{
  const char *title = NULL;
  const char *description = NULL;

  switch (self->meaning)
    {
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      title = _("Conditions");
      description = _("Required: what must be done for the approval to hold.");
      break;
    case PC_MEANING_RETURNED:
      title = _("Reason for Returning");
      description = _("Required: what the author needs to change before submitting again.");
      break;
    case PC_MEANING_NOT_APPROVED:
      title = _("Reason");
      description = _("Required: why the service cannot be approved as described.");
      break;
    case PC_MEANING_PREPARED:
    case PC_MEANING_APPROVED:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reason_group), title != NULL);
  if (title == NULL)
    return;

  adw_preferences_group_set_title (self->reason_group, title);
  adw_preferences_group_set_description (self->reason_group, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
}

/* Fields */

static char *
dup_reason (PcSignDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/* Scrolls to the end, where the error is, over the next few frames:
 * the first ones may still be laying out the error label. */
static gboolean
scroll_to_end_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  guint *frames_left = user_data;

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                        - gtk_adjustment_get_page_size (adjustment));

  return --(*frames_left) > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
set_error (PcSignDialog *self,
           const char   *message)
{
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->passphrase_row)));

  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* The error is also the passphrase field's description, so a screen
   * reader says it where the focus is. */
  if (message != NULL)
    {
      guint *frames_left = g_new (guint, 1);

      *frames_left = 3;
      gtk_accessible_update_property (GTK_ACCESSIBLE (text),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_widget_add_tick_callback (GTK_WIDGET (self->scroller), scroll_to_end_cb,
                                    frames_left, g_free);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Whether a sign-off can be attempted with what is typed; sets the
 * hint under the passphrase fields to what is still missing. */
static gboolean
check_fields (PcSignDialog *self)
{
  g_autofree char *name = pc_ui_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autofree char *role = pc_ui_dup_stripped (GTK_EDITABLE (self->role_row));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  const char *hint = NULL;
  gboolean ok = !pc_text_is_blank (name) && !pc_text_is_blank (role) && *passphrase != '\0';

  if (meaning_needs_reason (self->meaning))
    {
      g_autofree char *reason = dup_reason (self);

      ok = ok && !pc_text_is_blank (reason);
    }

  if (self->first_signature)
    {
      if (*passphrase != '\0' && strlen (passphrase) < PC_SIGN_MIN_PASSPHRASE)
        hint = _("The passphrase is too short: use at least 8 characters.");
      else if (*repeat != '\0' && strcmp (passphrase, repeat) != 0)
        hint = _("The two passphrases are not the same.");

      ok = ok && strlen (passphrase) >= PC_SIGN_MIN_PASSPHRASE && strcmp (passphrase, repeat) == 0;
    }

  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);

  return ok;
}

static void
update_sign_action (PcSignDialog *self)
{
  gboolean can_sign = check_fields (self) && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.sign", can_sign);
}

/* Shows @fingerprint (nullable) as the signer's key: a key is known by
 * its fingerprint, never by the name written in it. */
static void
set_fingerprint (PcSignDialog *self,
                 const char   *fingerprint)
{
  g_free (self->fingerprint);
  self->fingerprint = g_strdup (fingerprint);
  adw_action_row_set_subtitle (self->key_row, fingerprint != NULL ? fingerprint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->key_row), fingerprint != NULL);
}

/* Checks whether the name typed already has a key, and shows the
 * passphrase fields for signing with it or for creating it. */
static void
update_first_signature (PcSignDialog *self)
{
  g_autofree char *name = pc_ui_dup_stripped (GTK_EDITABLE (self->name_row));
  gboolean first = !pc_text_is_blank (name) && !pc_sign_key_exists (self->keys_dir, name);
  g_autofree char *fingerprint = NULL;

  self->first_signature = first;
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_row), first);

  /* The key file says its public key without the passphrase. */
  if (!pc_text_is_blank (name) && !first)
    fingerprint = pc_sign_key_dup_fingerprint (self->keys_dir, name, NULL);
  set_fingerprint (self, fingerprint);

  if (first)
    adw_preferences_group_set_description (self->passphrase_group,
                                           _("This is your first signature: choose a passphrase "
                                             "(at least 8 characters); you will type it at every "
                                             "sign-off."));
  else
    adw_preferences_group_set_description (self->passphrase_group,
                                           _("The passphrase of your signing key, chosen at your "
                                             "first signature."));
  update_sign_action (self);
}

static void
set_busy (PcSignDialog *self,
          gboolean      busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  update_sign_action (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
name_changed_cb (PcSignDialog *self)
{
  update_first_signature (self);
}

static void
fields_changed_cb (PcSignDialog *self)
{
  update_sign_action (self);
}

static void
entry_activated_cb (PcSignDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.sign", NULL);
}

static void
focus_passphrase (PcSignDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
  gtk_editable_select_region (GTK_EDITABLE (self->passphrase_row), 0, -1);
}

/* Signing */

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *d = task_data;
  g_autoptr(GError) error = NULL;
  PcSigningKey *key;

  if (d->generate)
    key = pc_signing_key_generate (d->keys_dir, d->name, d->role, d->passphrase, &error);
  else
    key = pc_signing_key_load (d->keys_dir, d->name, d->passphrase, &error);

  if (key == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, key, (GDestroyNotify) pc_signing_key_free);
}

static void fill_subject (PcSignDialog       *self,
                          const PcAssessment *assessment,
                          PcChecklist        *checklist);

/* Shows the content as it is now, after someone changed it while the
 * dialog was open: the signer sees the new fingerprint before signing. */
static void
refresh_subject (PcSignDialog *self)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;

  a = pc_store_load_assessment_by_id (self->store, self->assessment_id, NULL);
  checklist = a != NULL ? pc_store_load_checklist_for (self->store, a, NULL) : NULL;
  if (checklist == NULL)
    return;

  g_clear_pointer (&self->content_sha256, g_free);
  fill_subject (self, a, checklist);
}

static void
signing_done (PcSignDialog *self,
              UnlockData   *d,
              PcSigningKey *key)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->meaning == PC_MEANING_PREPARED)
    ok = pc_store_submit (self->store, self->assessment_id, key, d->role,
                          self->content_sha256, NULL, &error);
  else
    ok = pc_store_review (self->store, self->assessment_id, self->meaning, d->reason, key,
                          d->role, self->content_sha256, NULL, &error);

  if (!ok)
    {
      /* What you see is what you sign: a change made meanwhile is shown,
       * and signing it is the signer's next, deliberate step. */
      if (g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_CHANGED))
        refresh_subject (self);

      /* Everything typed stays, so the signer can correct and retry. */
      set_error (self, error->message);
      update_first_signature (self);
      return;
    }

  g_signal_emit (self, signals[SIGNED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
key_ready_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PcSignDialog *self = PC_SIGN_DIALOG (object);
  UnlockData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(PcSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  key = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->disposed)
    return;

  set_busy (self, FALSE);

  if (key != NULL)
    {
      set_fingerprint (self, pc_signing_key_get_fingerprint (key));
      signing_done (self, d, key);
      return;
    }

  if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The passphrase does not open the signing key of %s: "
                                   "check it and try again."), d->name);
      set_error (self, message);
      focus_passphrase (self);
    }
  else if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY)
           || g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS))
    {
      /* The keys folder changed under us: show the fields it now needs. */
      set_error (self, error->message);
      update_first_signature (self);
      focus_passphrase (self);
    }
  else
    {
      set_error (self, error->message);
    }
}

static void
sign_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PcSignDialog *self = PC_SIGN_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  UnlockData *d;

  if (self->busy || !check_fields (self))
    return;

  d = g_new0 (UnlockData, 1);
  d->keys_dir = g_strdup (self->keys_dir);
  d->name = pc_ui_dup_stripped (GTK_EDITABLE (self->name_row));
  d->role = pc_ui_dup_stripped (GTK_EDITABLE (self->role_row));
  d->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  d->reason = meaning_needs_reason (self->meaning) ? dup_reason (self) : NULL;
  d->generate = self->first_signature;

  set_error (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, NULL, key_ready_cb, NULL);
  g_task_set_source_tag (task, sign_action_cb);
  g_task_set_task_data (task, d, unlock_data_free);
  g_task_run_in_thread (task, unlock_thread);
}

static gboolean
pc_sign_dialog_close_request (GtkWindow *window)
{
  PcSignDialog *self = PC_SIGN_DIALOG (window);

  /* A key half unlocked is not worth abandoning: wait for it. */
  if (self->busy)
    return TRUE;

  return GTK_WINDOW_CLASS (pc_sign_dialog_parent_class)->close_request (window);
}

/* Public */

static void
fill_subject (PcSignDialog       *self,
              const PcAssessment *assessment,
              PcChecklist        *checklist)
{
  g_autoptr(cJSON) content = pc_summary_build_content (assessment, checklist);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *subtitle = NULL;

  subject = g_strdup_printf (_("%s, revision %d: %s"), assessment->reference,
                             assessment->revision, assessment->title);
  adw_action_row_set_subtitle (self->subject_row, subject);

  bytes = pc_summary_canonical_bytes (content, &self->content_sha256, &error);
  if (bytes == NULL)
    {
      adw_action_row_set_subtitle (self->hash_row, error->message);
      return;
    }

  subtitle = g_strdup_printf ("%.16s…", self->content_sha256);
  adw_action_row_set_subtitle (self->hash_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hash_row), self->content_sha256);
}

/* The name and role from Preferences, so the signer only checks them
 * and types the passphrase. */
static void
prefill_signer (PcSignDialog *self,
                GtkWindow    *parent)
{
  g_autoptr(GSettings) settings = parent != NULL ? pc_ui_dup_settings (GTK_WIDGET (parent)) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (settings != NULL)
    {
      name = g_strstrip (g_settings_get_string (settings, "user-name"));
      role = g_strstrip (g_settings_get_string (settings, "user-role"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), role);
    }

  if (!pc_text_is_blank (name) && !pc_text_is_blank (role))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->passphrase_row));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

PcSignDialog *
pc_sign_dialog_new (GtkWindow          *parent,
                    PcStore            *store,
                    const PcAssessment *assessment,
                    PcChecklist        *checklist,
                    PcMeaning           meaning)
{
  PcSignDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PC_IS_STORE (store), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);

  self = g_object_new (PC_TYPE_SIGN_DIALOG,
                       "transient-for", parent,
                       NULL);

  self->store = g_object_ref (store);
  self->assessment_id = assessment->id;
  self->reference = g_strdup (assessment->reference);
  self->meaning = meaning;

  adw_window_title_set_title (self->window_title, meaning_title (meaning));
  adw_window_title_set_subtitle (self->window_title, assessment->reference);
  gtk_window_set_title (GTK_WINDOW (self), meaning_title (meaning));
  gtk_label_set_text (self->meaning_label, meaning_statement (meaning));
  fill_subject (self, assessment, checklist);
  setup_reason_group (self);
  update_first_signature (self);
  prefill_signer (self, parent);

  return self;
}

PcMeaning
pc_sign_dialog_get_meaning (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), PC_MEANING_PREPARED);

  return self->meaning;
}

const char *
pc_sign_dialog_get_fingerprint (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), NULL);

  return self->fingerprint;
}

const char *
pc_sign_dialog_get_keys_dir (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), NULL);

  return self->keys_dir;
}

void
pc_sign_dialog_set_keys_dir (PcSignDialog *self,
                             const char   *keys_dir)
{
  g_return_if_fail (PC_IS_SIGN_DIALOG (self));
  g_return_if_fail (keys_dir != NULL);
  g_return_if_fail (!self->busy);

  g_free (self->keys_dir);
  self->keys_dir = g_strdup (keys_dir);
  update_first_signature (self);
}

gboolean
pc_sign_dialog_get_busy (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), FALSE);

  return self->busy;
}

gboolean
pc_sign_dialog_get_first_signature (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), FALSE);

  return self->first_signature;
}

const char *
pc_sign_dialog_get_error (PcSignDialog *self)
{
  g_return_val_if_fail (PC_IS_SIGN_DIALOG (self), NULL);

  return self->error;
}

/* GObject */

static void
pc_sign_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PcSignDialog *self = PC_SIGN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_sign_dialog_dispose (GObject *object)
{
  PcSignDialog *self = PC_SIGN_DIALOG (object);

  self->disposed = TRUE;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pc_sign_dialog_parent_class)->dispose (object);
}

static void
pc_sign_dialog_finalize (GObject *object)
{
  PcSignDialog *self = PC_SIGN_DIALOG (object);

  g_free (self->keys_dir);
  g_free (self->fingerprint);
  g_free (self->reference);
  g_free (self->content_sha256);
  g_free (self->error);

  G_OBJECT_CLASS (pc_sign_dialog_parent_class)->finalize (object);
}

static void
pc_sign_dialog_class_init (PcSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = pc_sign_dialog_get_property;
  object_class->dispose = pc_sign_dialog_dispose;
  object_class->finalize = pc_sign_dialog_finalize;
  window_class->close_request = pc_sign_dialog_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* PcSignDialog::signed: the store recorded the sign-off. */
  signals[SIGNED] = g_signal_new ("signed", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "dialog.sign", NULL, sign_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-sign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, sign_button);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, hash_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, meaning_label);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, reason_group);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, reason_view);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, passphrase_group);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, PcSignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
pc_sign_dialog_init (PcSignDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->keys_dir = pc_sign_default_keys_dir ();
  self->meaning = PC_MEANING_PREPARED;

  pc_ui_label_entry_row (self->name_row, TRUE);
  pc_ui_label_entry_row (self->role_row, TRUE);
  pc_ui_label_entry_row (ADW_ENTRY_ROW (self->passphrase_row), TRUE);
  pc_ui_label_entry_row (ADW_ENTRY_ROW (self->repeat_row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sign_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sign"), -1);

  g_signal_connect_object (gtk_text_view_get_buffer (self->reason_view), "changed",
                           G_CALLBACK (fields_changed_cb), self, G_CONNECT_SWAPPED);

  setup_reason_group (self);
  update_first_signature (self);
}
