/* test-ui-review.c: review and sign-off, the read-only banner, new revisions and the history
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-history-page.h"
#include "pc-review-page.h"
#include "pc-sign-dialog.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"

/* The folder XDG_DATA_HOME points at for the whole run, so keys made
 * through the dialog stay out of the user's folder. */
static char *data_home;

/* Widget helpers */

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static const char *
label_text (GtkWidget  *widget,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (pc_test_ui_get_by_id (widget, id)));
}

/* The banner's lines, one string. Returns: (transfer full) */
static char *
banner_text (GtkWidget *page)
{
  GString *text = g_string_new (label_text (page, "banner_title"));

  for (GtkWidget *child = gtk_widget_get_first_child (pc_test_ui_get_by_id (page, "signoffs_box"));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_string_append_printf (text, "\n%s", gtk_label_get_text (GTK_LABEL (child)));

  return g_string_free (text, FALSE);
}

static void
set_text (GtkWidget  *root,
          const char *id,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pc_test_ui_get_by_id (root, id)), text);
}

static const char *
get_text (GtkWidget  *root,
          const char *id)
{
  return gtk_editable_get_text (GTK_EDITABLE (pc_test_ui_get_by_id (root, id)));
}

static void
set_reason (GtkWidget  *dialog,
            const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (pc_test_ui_get_by_id (dialog, "reason_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
get_reason (GtkWidget *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (pc_test_ui_get_by_id (dialog, "reason_view")));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
can_sign (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (pc_test_ui_get_by_id (dialog, "sign_button"));
}

static void
signed_cb (PcSignDialog *dialog,
           gboolean     *signed_flag)
{
  *signed_flag = TRUE;
}

static gboolean
sign_done (gpointer dialog)
{
  return !pc_sign_dialog_get_busy (dialog);
}

/* Presses Sign and runs the main loop until the key is unlocked and the
 * store has answered. Returns whether the dialog reported ::signed. */
static gboolean
sign_and_wait (PcSignDialog *dialog)
{
  g_autoptr(PcSignDialog) ref = g_object_ref (dialog);
  gboolean signed_flag = FALSE;
  gulong handler;

  handler = g_signal_connect (dialog, "signed", G_CALLBACK (signed_cb), &signed_flag);

  g_assert_true (can_sign (GTK_WIDGET (dialog)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.sign", NULL);
  g_assert_true (pc_sign_dialog_get_busy (dialog));
  /* Nothing can be signed twice while the key is being opened. */
  g_assert_false (can_sign (GTK_WIDGET (dialog)));

  pc_test_wait_until (sign_done, dialog, "the key to be unlocked and the store to answer");

  g_signal_handler_disconnect (dialog, handler);
  return signed_flag;
}

/* Fixture: a window holding a review page over one assessment, which
 * the page's ::changed reloads as the view would. */

typedef struct
{
  PcStore      *store;
  PcChecklist  *checklist;
  PcAssessmentSession *session;
  PcAssessment *assessment;
  gint64        id;
  GtkWidget    *window;
  GtkWidget    *page;
  char         *prompt_chosen;
  char         *page_chosen;
  gint64        revised_id;
  guint         n_changed;
} Fixture;

static void
fixture_reload (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a = pc_store_load_assessment_by_id (f->store, f->id, &error);

  g_assert_no_error (error);
  /* The session reads it again, as the view's does after a sign-off; a
   * new revision is a session of its own. */
  if (f->session != NULL && pc_assessment_session_get_assessment (f->session)->id == f->id)
    pc_assessment_session_refresh (f->session, &error);
  else
    {
      g_clear_object (&f->session);
      f->session = pc_assessment_session_open (f->store, f->id, &error);
    }
  g_assert_no_error (error);
  pc_review_page_set_session (PC_REVIEW_PAGE (f->page), f->session);
  g_clear_pointer (&f->assessment, pc_assessment_free);
  f->assessment = a;
}

static void
changed_cb (GtkWidget *page,
            Fixture   *f)
{
  f->n_changed++;
  fixture_reload (f);
}

static void
go_to_prompt_cb (GtkWidget  *page,
                 const char *prompt_id,
                 Fixture    *f)
{
  g_free (f->prompt_chosen);
  f->prompt_chosen = g_strdup (prompt_id);
}

static void
go_to_page_cb (GtkWidget  *page,
               const char *name,
               Fixture    *f)
{
  g_free (f->page_chosen);
  f->page_chosen = g_strdup (name);
}

static void
revised_cb (GtkWidget *page,
            gint64     id,
            Fixture   *f)
{
  f->revised_id = id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = pc_test_open_store (NULL);
  f->id = pc_test_create_assessment (f->store, "Crisis café for adults", "Ann Lee");
  f->assessment = pc_test_load_assessment (f->store, f->id);
  f->checklist = pc_store_load_checklist_for (f->store, f->assessment, &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  f->page = pc_review_page_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  g_signal_connect (f->page, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->page, "go-to-prompt", G_CALLBACK (go_to_prompt_cb), f);
  g_signal_connect (f->page, "go-to-page", G_CALLBACK (go_to_page_cb), f);
  g_signal_connect (f->page, "revised", G_CALLBACK (revised_cb), f);
  fixture_reload (f);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pc_test_ui_destroy_toplevels ();
  g_clear_object (&f->session);
  g_clear_pointer (&f->assessment, pc_assessment_free);
  g_clear_pointer (&f->checklist, pc_checklist_unref);
  g_clear_object (&f->store);
  g_free (f->prompt_chosen);
  g_free (f->page_chosen);
}

/* Opens the sign dialog with the page's button @button_id. */
static GtkWidget *
open_dialog (Fixture    *f,
             const char *button_id)
{
  GtkWidget *button = pc_test_ui_get_by_id (f->page, button_id);
  GtkWindow *dialog;

  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (dialog));

  return GTK_WIDGET (dialog);
}

/* Submits the fixture's draft through the page, as @name creating a key
 * on first use with @passphrase. */
static void
submit_through_page (Fixture    *f,
                     const char *name,
                     const char *passphrase)
{
  GtkWidget *dialog;

  pc_test_answer_all (f->store, f->id);
  fixture_reload (f);

  dialog = open_dialog (f, "submit_button");
  set_text (dialog, "name_row", name);
  set_text (dialog, "role_row", "Service lead");
  set_text (dialog, "passphrase_row", passphrase);
  if (pc_sign_dialog_get_first_signature (PC_SIGN_DIALOG (dialog)))
    set_text (dialog, "repeat_row", passphrase);
  g_assert_true (sign_and_wait (PC_SIGN_DIALOG (dialog)));
  g_assert_cmpint (f->assessment->state, ==, PC_STATE_IN_REVIEW);
}

/* Makes a key for @name in the keys folder the dialog uses. */
static void
make_default_key (const char *name,
                  const char *role)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcSigningKey) key = NULL;

  if (pc_sign_key_exists (keys_dir, name))
    return;
  key = pc_signing_key_generate (keys_dir, name, role, PC_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
}

/* Tests */

static void
test_new_destroy (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessmentSession) session = NULL;
  GtkWidget *review = g_object_ref_sink (pc_review_page_new ());
  GtkWidget *history = g_object_ref_sink (pc_history_page_new ());
  PcSignDialog *dialog;
  gint64 id;

  g_assert_finalize_object (review);
  g_assert_finalize_object (history);

  id = pc_test_create_assessment (store, "Memory clinic", "Ann Lee");
  a = pc_store_load_assessment_by_id (store, id, NULL);

  session = pc_assessment_session_open (store, id, NULL);
  review = g_object_ref_sink (pc_review_page_new ());
  pc_review_page_set_session (PC_REVIEW_PAGE (review), session);
  g_assert_finalize_object (review);

  history = g_object_ref_sink (pc_history_page_new ());
  pc_history_page_set_session (PC_HISTORY_PAGE (history), session);
  g_assert_finalize_object (history);

  dialog = g_object_ref (pc_sign_dialog_new (NULL, store, a, checklist, PC_MEANING_APPROVED));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_findings_and_submit (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  GtkWidget *submit = pc_test_ui_get_by_id (f->page, "submit_button");
  GtkWidget *blocking = pc_test_ui_get_by_id (f->page, "blocking_list");
  GtkWidget *warnings = pc_test_ui_get_by_id (f->page, "warning_list");
  GtkWidget *dialog;
  GtkWidget *row;
  g_autofree char *banner = NULL;

  gtk_test_widget_wait_for_draw (f->window);

  /* A new draft: every prompt blocks, and Submit waits. */
  pc_test_ui_maybe_screenshot (f->window, "review-draft");
  g_assert_cmpstr (label_text (f->page, "banner_title"), ==, "Draft");
  g_assert_true (gtk_widget_is_visible (submit));
  g_assert_false (gtk_widget_is_sensitive (submit));
  g_assert_cmpuint (count_rows (blocking), ==, pc_checklist_get_n_prompts (f->checklist));
  g_assert_cmpuint (count_rows (warnings), >=, 2);
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "decision_group")));

  /* Each finding leads to its prompt, or to the page it is about. */
  row = gtk_widget_get_first_child (blocking);
  gtk_widget_activate (row);
  g_assert_cmpstr (f->prompt_chosen, ==, "people-at-the-heart-1");
  for (row = gtk_widget_get_first_child (warnings); row != NULL; row = gtk_widget_get_next_sibling (row))
    gtk_widget_activate (row);
  g_assert_nonnull (f->page_chosen);
  g_assert_true (g_str_equal (f->page_chosen, "overview") || g_str_equal (f->page_chosen, "coproduction"));

  /* Answered, nothing blocks: Submit is offered. */
  pc_test_answer_all (f->store, f->id);
  fixture_reload (f);
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "blocking_group")));
  g_assert_true (gtk_widget_is_sensitive (submit));

  /* The first signature asks for a new passphrase twice. */
  dialog = open_dialog (f, "submit_button");
  g_assert_cmpint (pc_sign_dialog_get_meaning (PC_SIGN_DIALOG (dialog)), ==, PC_MEANING_PREPARED);
  g_assert_true (g_str_has_prefix (label_text (dialog, "meaning_label"),
                                   "By signing you confirm that this assessment is complete"));
  g_assert_false (can_sign (dialog));
  set_text (dialog, "name_row", "Ann Lee");
  set_text (dialog, "role_row", "Service lead");
  g_assert_true (pc_sign_dialog_get_first_signature (PC_SIGN_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "repeat_row")));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "reason_group")));
  /* No key yet, so no fingerprint to show. */
  g_assert_null (pc_sign_dialog_get_fingerprint (PC_SIGN_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "key_row")));
  set_text (dialog, "passphrase_row", "short");
  set_text (dialog, "repeat_row", "short");
  g_assert_false (can_sign (dialog));
  set_text (dialog, "passphrase_row", PC_TEST_PASSPHRASE);
  set_text (dialog, "repeat_row", "correct horse battery!");
  pc_test_ui_maybe_screenshot (dialog, "sign-first-mismatch");
  g_assert_false (can_sign (dialog));
  g_assert_true (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "hint_label")));
  set_text (dialog, "repeat_row", PC_TEST_PASSPHRASE);
  g_assert_true (can_sign (dialog));

  g_assert_true (sign_and_wait (PC_SIGN_DIALOG (dialog)));

  /* The key was made in the data folder, the store moved on, the page
   * said so, and the dialog is gone. */
  g_assert_true (g_str_has_prefix (keys_dir, data_home));
  g_assert_true (pc_sign_key_exists (keys_dir, "Ann Lee"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (f->assessment->state, ==, PC_STATE_IN_REVIEW);
  g_assert_null (pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG));
  g_assert_cmpstr (label_text (f->page, "banner_title"), ==, "In Review");
  banner = banner_text (f->page);
  g_assert_nonnull (strstr (banner, "Submitted for review by Ann Lee, Service lead, on "));
  g_assert_nonnull (strstr (banner, " UTC"));
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "submit_group")));
  g_assert_true (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "decision_group")));
  pc_test_ui_maybe_screenshot (f->window, "review-in-review");
}

static void
test_wrong_passphrase_and_same_person (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *bob_fingerprint = NULL;
  g_autofree char *ann_fingerprint = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *dialog;
  GtkWidget *passphrase;
  const char *error;

  submit_through_page (f, "Ann Lee", PC_TEST_PASSPHRASE);
  make_default_key ("Bob Reviewer", "Clinical Director");

  dialog = open_dialog (f, "return_button");
  g_assert_true (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "reason_group")));
  set_text (dialog, "name_row", "Bob Reviewer");
  set_text (dialog, "role_row", "Clinical Director");
  g_assert_false (pc_sign_dialog_get_first_signature (PC_SIGN_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "repeat_row")));
  /* The signer's key is shown by its fingerprint. */
  bob_fingerprint = pc_sign_key_dup_fingerprint (keys_dir, "Bob Reviewer", NULL);
  g_assert_nonnull (bob_fingerprint);
  g_assert_cmpstr (pc_sign_dialog_get_fingerprint (PC_SIGN_DIALOG (dialog)), ==, bob_fingerprint);
  g_assert_true (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "key_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pc_test_ui_get_by_id (dialog, "key_row"))),
                   ==, bob_fingerprint);
  set_text (dialog, "passphrase_row", "not the passphrase");
  /* Returning needs a reason. */
  g_assert_false (can_sign (dialog));
  set_reason (dialog, "Add the carers’ survey to the evidence.");

  /* A wrong passphrase is refused, and nothing typed is lost. */
  g_assert_false (sign_and_wait (PC_SIGN_DIALOG (dialog)));
  error = pc_sign_dialog_get_error (PC_SIGN_DIALOG (dialog));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error, "The passphrase does not open the signing key of Bob Reviewer"));
  g_assert_true (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "error_label")));
  pc_test_ui_maybe_screenshot (dialog, "sign-return-wrong-passphrase");
  g_assert_cmpstr (get_text (dialog, "name_row"), ==, "Bob Reviewer");
  g_assert_cmpstr (get_text (dialog, "role_row"), ==, "Clinical Director");
  g_assert_cmpstr (get_text (dialog, "passphrase_row"), ==, "not the passphrase");
  reason = get_reason (dialog);
  g_assert_cmpstr (reason, ==, "Add the carers’ survey to the evidence.");
  passphrase = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (pc_test_ui_get_by_id (dialog, "passphrase_row"))));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == passphrase);
  g_assert_cmpint (f->assessment->state, ==, PC_STATE_IN_REVIEW);

  /* The author cannot review their own assessment: the store says so. */
  set_text (dialog, "name_row", "ann  LEE");
  g_assert_false (pc_sign_dialog_get_first_signature (PC_SIGN_DIALOG (dialog)));
  set_text (dialog, "passphrase_row", PC_TEST_PASSPHRASE);
  g_assert_false (sign_and_wait (PC_SIGN_DIALOG (dialog)));
  error = pc_sign_dialog_get_error (PC_SIGN_DIALOG (dialog));
  g_assert_nonnull (strstr (error, "cannot also review it"));
  /* The key was opened: its fingerprint is Ann Lee's. */
  ann_fingerprint = pc_sign_key_dup_fingerprint (keys_dir, "Ann Lee", NULL);
  g_assert_cmpstr (pc_sign_dialog_get_fingerprint (PC_SIGN_DIALOG (dialog)), ==, ann_fingerprint);
  g_assert_cmpstr (label_text (dialog, "error_label"), ==, error);
  g_assert_cmpstr (get_text (dialog, "role_row"), ==, "Clinical Director");
  g_assert_true (gtk_widget_get_visible (dialog));

  /* The right reviewer returns it, with the reason shown. */
  set_text (dialog, "name_row", "Bob Reviewer");
  g_assert_true (sign_and_wait (PC_SIGN_DIALOG (dialog)));
  g_assert_cmpint (f->assessment->state, ==, PC_STATE_DRAFT);
  g_clear_pointer (&reason, g_free);
  reason = banner_text (f->page);
  g_assert_nonnull (strstr (reason, "Returned to its author by Bob Reviewer, Clinical Director, on "));
  g_assert_nonnull (strstr (reason, "Reason: Add the carers’ survey to the evidence."));
}

static void
test_conditions_and_revision (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PcAssessment) revised = NULL;
  g_autofree char *banner = NULL;
  AdwMessageDialog *message;
  GtkWidget *dialog;
  GtkWidget *entry;

  submit_through_page (f, "Ann Lee", PC_TEST_PASSPHRASE);
  make_default_key ("Dr Carol Reviewer", "Clinical Director");

  /* Approving with conditions needs the conditions. */
  dialog = open_dialog (f, "conditions_button");
  g_assert_true (g_str_has_suffix (label_text (dialog, "meaning_label"),
                                   "approve it on the conditions below."));
  set_text (dialog, "name_row", "Dr Carol Reviewer");
  set_text (dialog, "role_row", "Clinical Director");
  set_text (dialog, "passphrase_row", PC_TEST_PASSPHRASE);
  g_assert_false (can_sign (dialog));
  set_reason (dialog, "   ");
  g_assert_false (can_sign (dialog));
  set_reason (dialog, "Review the waiting times after three months.");
  g_assert_true (sign_and_wait (PC_SIGN_DIALOG (dialog)));

  /* The banner names the approver and the conditions; it is final. */
  g_assert_cmpint (f->assessment->state, ==, PC_STATE_APPROVED_WITH_CONDITIONS);
  g_assert_cmpstr (label_text (f->page, "banner_title"), ==, "Approved With Conditions");
  banner = banner_text (f->page);
  g_assert_nonnull (strstr (banner, "Approved with conditions by Dr Carol Reviewer, Clinical Director, on "));
  g_assert_nonnull (strstr (banner, "Conditions: Review the waiting times after three months."));
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "decision_group")));
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "submit_group")));
  pc_test_ui_maybe_screenshot (f->window, "review-approved-with-conditions");

  /* A new revision asks why. */
  g_signal_emit_by_name (pc_test_ui_get_by_id (f->page, "revise_button"), "clicked");
  message = ADW_MESSAGE_DIALOG (pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_false (adw_message_dialog_get_response_enabled (message, "revise"));
  entry = adw_message_dialog_get_extra_child (message);
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Reason for the new revision");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (message, "revise"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "The café moves to a new site.");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "revise"));
  pc_test_ui_maybe_screenshot (GTK_WIDGET (message), "revise-dialog");
  adw_message_dialog_response (message, "revise");
  gtk_window_destroy (GTK_WINDOW (message));

  g_assert_cmpint (f->revised_id, >, 0);
  g_assert_cmpint (f->revised_id, !=, f->id);
  revised = pc_store_load_assessment_by_id (f->store, f->revised_id, NULL);
  g_assert_nonnull (revised);
  g_assert_cmpint (revised->revision, ==, 2);
  g_assert_cmpint (revised->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (revised->revision_reason, ==, "The café moves to a new site.");

  /* The new revision's page says where it came from. */
  f->id = f->revised_id;
  fixture_reload (f);
  g_clear_pointer (&banner, g_free);
  banner = banner_text (f->page);
  g_assert_nonnull (strstr (banner, "Revision 2 of PC-"));
  g_assert_nonnull (strstr (banner, "started because: The café moves to a new site."));
  g_assert_false (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "revise_button")));
}

static void
test_approved_banner (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *banner = NULL;
  GtkWidget *dialog;

  submit_through_page (f, "Ann Lee", PC_TEST_PASSPHRASE);
  make_default_key ("Dr Ann Leigh", "Clinical Director");

  dialog = open_dialog (f, "approve_button");
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (dialog, "reason_group")));
  set_text (dialog, "name_row", "Dr Ann Leigh");
  set_text (dialog, "role_row", "Clinical Director");
  set_text (dialog, "passphrase_row", PC_TEST_PASSPHRASE);
  /* Enter in the passphrase signs. */
  g_signal_emit_by_name (pc_test_ui_get_by_id (dialog, "passphrase_row"), "entry-activated");
  g_assert_true (pc_sign_dialog_get_busy (PC_SIGN_DIALOG (dialog)));
  pc_test_ui_wait_for_no_toplevel (PC_TYPE_SIGN_DIALOG, "the approval to be signed and its dialog to close");

  g_assert_cmpint (f->assessment->state, ==, PC_STATE_APPROVED);
  g_assert_cmpstr (label_text (f->page, "banner_title"), ==, "Approved");
  banner = banner_text (f->page);
  g_assert_nonnull (strstr (banner, "Approved by Dr Ann Leigh, Clinical Director, on "));
  g_assert_true (gtk_widget_is_visible (pc_test_ui_get_by_id (f->page, "revise_button")));
}

static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *dialog;

  submit_through_page (f, "Ann Lee", PC_TEST_PASSPHRASE);

  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (f->page, "approve_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Approve");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (f->page, "conditions_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Approve with conditions");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (f->page, "return_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Return to author");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (f->page, "reject_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Do not approve");

  dialog = open_dialog (f, "reject_button");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (dialog, "passphrase_row"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Passphrase");
  gtk_test_accessible_assert_property (gtk_editable_get_delegate (GTK_EDITABLE (pc_test_ui_get_by_id (dialog, "passphrase_row"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Passphrase");
  gtk_test_accessible_assert_property (gtk_editable_get_delegate (GTK_EDITABLE (pc_test_ui_get_by_id (dialog, "name_row"))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Printed name");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (dialog, "reason_view"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Reason");
  gtk_test_accessible_assert_property (pc_test_ui_get_by_id (dialog, "sign_button"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Sign");
}

static void
test_history (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcAssessmentSession) session = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intact = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = pc_history_page_new ();
  GtkWidget *list;
  GtkWidget *first;
  GtkWidget *last;
  gint64 id;

  id = pc_test_create_assessment (store, "Memory clinic", "Ann Lee");
  pc_store_set_answer (store, id, "kindness-matters-1", PC_RATING_PARTLY_MET,
                       "Staff are trained in compassionate care.", NULL, &error);
  g_assert_no_error (error);
  pc_store_set_answer_text (store, id, "kindness-matters-1",
                            "Every member of staff is trained in compassionate care and the "
                            "training is refreshed each year, with feedback from people who use "
                            "the service.", NULL, &error);
  g_assert_no_error (error);
  history = pc_store_history (store, id, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  session = pc_assessment_session_open (store, id, &error);
  g_assert_no_error (error);
  pc_history_page_set_session (PC_HISTORY_PAGE (page), session);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  pc_test_ui_maybe_screenshot (window, "history");
  intact = g_strdup_printf ("The audit trail is intact: %u entries", history->len);
  g_assert_cmpstr (label_text (page, "chain_label"), ==, intact);

  list = pc_test_ui_get_by_id (page, "history_list");
  g_assert_cmpuint (count_rows (list), ==, history->len);

  /* Newest first: the evidence rewrite, shortened, whole when expanded. */
  first = gtk_widget_get_first_child (list);
  g_assert_true (ADW_IS_EXPANDER_ROW (first));
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)),
                                   "Evidence for Kindness matters, question 1 changed from "
                                   "“Staff are trained in compassionate care.” to “Every member"));
  g_assert_true (g_str_has_suffix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first)), "…”"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (first), "feedback from people who use the service."));

  /* Oldest last: the creation. */
  for (last = first; gtk_widget_get_next_sibling (last) != NULL; last = gtk_widget_get_next_sibling (last))
    ;
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (last)),
                                   "Assessment PC-"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), " — "));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Keys made by the sign dialog stay out of the user's folders. */
  data_home = pc_test_ui_init_isolated (&argc, &argv);
  if (data_home == NULL)
    return 0;

  /* Pictures show widgets at rest, not halfway through an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/pc/ui/review/new-destroy", test_new_destroy);
  g_test_add ("/pc/ui/review/findings-and-submit", Fixture, NULL,
              fixture_set_up, test_findings_and_submit, fixture_tear_down);
  g_test_add ("/pc/ui/review/wrong-passphrase-and-same-person", Fixture, NULL,
              fixture_set_up, test_wrong_passphrase_and_same_person, fixture_tear_down);
  g_test_add ("/pc/ui/review/conditions-and-revision", Fixture, NULL,
              fixture_set_up, test_conditions_and_revision, fixture_tear_down);
  g_test_add ("/pc/ui/review/approved-banner", Fixture, NULL,
              fixture_set_up, test_approved_banner, fixture_tear_down);
  g_test_add ("/pc/ui/review/accessible-names", Fixture, NULL,
              fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add_func ("/pc/ui/review/history", test_history);

  status = g_test_run ();
  pc_test_remove_tree (data_home);
  g_free (data_home);

  return status;
}
