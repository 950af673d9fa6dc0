/* test-ui-walk.c: one assessment from start to approval, through the window's widgets
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-assessment-view.h"
#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-new-assessment-dialog.h"
#include "pc-principle-page.h"
#include "pc-prompt-editor.h"
#include "pc-sign-dialog.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"
#include "pc-window.h"

#define TITLE "Memory clinic: assessment at home for people who cannot travel"
#define AUTHOR "Ann Lee"
#define REVIEWER "Dr Raj Patel"
#define PASSPHRASE "a long walk through ten principles"

/* The principle, counted from 0, whose page is closed mid-edit to check
 * that nothing typed is lost. */
#define AUTOSAVE_PRINCIPLE 4

/* Finding widgets */

/* TRUE when @widget's accessible label is @label. Needs GTK_A11Y=test. */
static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return mismatch == NULL;
}

/* @text without the mnemonic underscores: "_Add Entry" → "Add Entry". */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* TRUE when @widget is called @label: by its accessible label, or, for
 * widgets that take their name from what they show, by the title of a
 * row or the label of a button. */
static gboolean
is_called (GtkWidget  *widget,
           const char *label)
{
  if (has_accessible_label (widget, label))
    return TRUE;

  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), label) == 0;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    {
      g_autofree char *text = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (widget)));

      return g_str_equal (text, label);
    }

  return FALSE;
}

/* The first widget under @root (itself included), depth first, of
 * @type and called @label (NULL: any). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (label == NULL || is_called (root, label)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_widget (GtkWidget  *root,
            GType       type,
            const char *label)
{
  GtkWidget *found = find_widget (root, type, label);

  if (found == NULL)
    g_error ("No %s called “%s” under %s", g_type_name (type), label != NULL ? label : "(any)",
             G_OBJECT_TYPE_NAME (root));

  return found;
}

/* Acting on widgets */

/* Clicks @button, which must be shown and sensitive. (gtk_widget_activate()
 * would only click after a delay.) */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *root,
           GType       type,
           const char *label,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_widget (root, type, label)), text);
}

/* Types @text at the cursor of @view as a keyboard would: refused when
 * the view is not editable. Returns whether the text went in. */
static gboolean
type_into_view (GtkWidget  *view,
                const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  return gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1,
                                                       gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
}

static void
set_view_text (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Waiting */

static gboolean
no_sign_dialog (gpointer data)
{
  return pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG) == NULL;
}

/* The sign dialog @dialog has closed, or has stopped working with an
 * error to show. */
static gboolean
signing_over (gpointer dialog)
{
  return no_sign_dialog (NULL)
         || (!pc_sign_dialog_get_busy (dialog) && pc_sign_dialog_get_error (dialog) != NULL);
}

static gboolean
nothing_pending (gpointer page)
{
  return !pc_principle_page_get_pending (PC_PRINCIPLE_PAGE (page));
}

/* The window and the assessment in it */

typedef struct
{
  PcStore          *store;
  PcChecklist      *checklist;
  PcWindow         *window;
  PcAssessmentView *view;
  gint64            id;
  char             *tmp_dir;
} Walk;

static PcAssessment *
load (Walk *w)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a = pc_store_load_assessment_by_id (w->store, w->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static void
open_window (Walk *w)
{
  w->window = pc_window_new (NULL, w->store);
  w->view = pc_window_get_assessment_view (w->window);
  gtk_window_present (GTK_WINDOW (w->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (w->window));
}

/* The page the view shows. */
static GtkWidget *
visible_page (Walk *w)
{
  GtkWidget *stack = pc_test_ui_find_content_stack (GTK_WIDGET (w->view));

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static PcPrinciplePage *
visible_principle_page (Walk              *w,
                        const PcPrinciple *principle)
{
  GtkWidget *page = visible_page (w);
  g_autofree char *name = g_strconcat ("principle:", principle->id, NULL);

  g_assert_cmpstr (pc_assessment_view_get_page (w->view), ==, name);
  g_assert_true (PC_IS_PRINCIPLE_PAGE (page));
  g_assert_cmpstr (pc_principle_page_get_principle_id (PC_PRINCIPLE_PAGE (page)), ==, principle->id);
  return PC_PRINCIPLE_PAGE (page);
}

static GtkWidget *
editor_for (PcPrinciplePage *page,
            const PcPrompt  *prompt)
{
  GtkWidget *editor = pc_principle_page_get_editor (page, prompt->id);

  g_assert_nonnull (editor);
  return editor;
}

static GtkWidget *
evidence_view (GtkWidget      *editor,
               const PcPrompt *prompt)
{
  g_autofree char *label = g_strdup_printf ("Evidence for: %s", prompt->question);

  return get_widget (editor, GTK_TYPE_TEXT_VIEW, label);
}

/* Goes to the section of the sidebar called @label, as a click would. */
static void
choose_section (Walk       *w,
                const char *label)
{
  GtkWidget *sidebar = get_widget (GTK_WIDGET (w->view), GTK_TYPE_LIST_BOX,
                                   "Sections of the assessment");

  g_signal_emit_by_name (get_widget (sidebar, GTK_TYPE_LIST_BOX_ROW, label), "activate");
}

/* What the walk types */

static char *
evidence_for (const PcPrompt *prompt)
{
  return g_strdup_printf ("Discussed with the team and carers; recorded for %s.", prompt->id);
}

/* The prompt rated "Partly met", which gets the attachment and the action. */
static const PcPrompt *
partly_met_prompt (Walk *w)
{
  const PcPrinciple *principle = pc_checklist_get_principle (w->checklist, 1);

  return g_ptr_array_index (principle->prompts, 0);
}

static char *
due_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = g_date_time_add_days (now, 90);

  return g_date_time_format (due, "%Y-%m-%d");
}

/* Steps */

static void
create_through_dialog (Walk *w)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *review_date = due_date ();
  const char * const team[] = { "Bea Okafor", NULL };
  GtkWidget *dialog;
  guint division = 0;

  for (const char * const *ids = pc_vocab_ids (PC_VOCAB_DIVISION); ids[division] != NULL; division++)
    if (g_str_equal (ids[division], PC_TEST_DIVISION))
      break;
  g_assert_nonnull (pc_vocab_ids (PC_VOCAB_DIVISION)[division]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->window), "win.new-assessment", NULL));
  dialog = GTK_WIDGET (pc_test_ui_find_toplevel (PC_TYPE_NEW_ASSESSMENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (w->window));
  gtk_test_widget_wait_for_draw (dialog);

  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Title of the service or pathway", TITLE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, ADW_TYPE_COMBO_ROW, "Kind of change")),
                              PC_KIND_SERVICE_CHANGE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (dialog, ADW_TYPE_COMBO_ROW, "Division")),
                              division);
  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Service lead", AUTHOR);
  /* A name typed but not added yet is meant to be in the team. */
  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Add a team member", team[0]);
  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Intended outcomes", "Diagnosis within six weeks");
  type_into (dialog, GTK_TYPE_ENTRY, "Planned review date", review_date);
  click (get_widget (dialog, GTK_TYPE_BUTTON, "Create"));

  /* The dialog is gone, and the window shows the new draft. */
  g_assert_null (pc_test_ui_find_toplevel (PC_TYPE_NEW_ASSESSMENT_DIALOG));
  list = pc_store_list (w->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_nonnull (pc_assessment_view_get_assessment (w->view));
  w->id = pc_assessment_view_get_assessment (w->view)->id;
  g_assert_cmpstr (pc_assessment_view_get_page (w->view), ==, "overview");

  a = load (w);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_cmpint (a->kind, ==, PC_KIND_SERVICE_CHANGE);
  g_assert_cmpstr (a->division, ==, PC_TEST_DIVISION);
  g_assert_cmpstr (a->lead, ==, AUTHOR);
  g_assert_true (g_strv_equal ((const char * const *) a->team, team));
  g_assert_cmpstr (a->outcomes, ==, "Diagnosis within six weeks");
  g_assert_cmpstr (a->review_date, ==, review_date);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->answers->len, ==, 0);

  w->checklist = pc_store_load_checklist_for (w->store, a, &error);
  g_assert_no_error (error);
}

/* Rates every prompt of the principle shown and types its evidence. */
static void
answer_principle (Walk              *w,
                  const PcPrinciple *principle)
{
  PcPrinciplePage *page = visible_principle_page (w, principle);

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);
      GtkWidget *editor = editor_for (page, prompt);
      const char *rating = prompt == partly_met_prompt (w) ? "Partly met" : "Met";
      g_autofree char *rating_group = g_strdup_printf ("Rating for: %s", prompt->question);
      g_autofree char *evidence = evidence_for (prompt);
      GtkWidget *group = get_widget (editor, GTK_TYPE_BOX, rating_group);

      click (get_widget (group, GTK_TYPE_TOGGLE_BUTTON, rating));
      g_assert_true (type_into_view (evidence_view (editor, prompt), evidence));
    }
}

/* Asserts that the store holds what answer_principle() typed. */
static void
assert_principle_saved (Walk              *w,
                        const PcPrinciple *principle)
{
  g_autoptr(PcAssessment) a = load (w);

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);
      const PcAnswer *answer = pc_assessment_find_answer (a, prompt->id);
      g_autofree char *evidence = evidence_for (prompt);

      g_assert_nonnull (answer);
      g_assert_cmpint (answer->rating, ==,
                       prompt == partly_met_prompt (w) ? PC_RATING_PARTLY_MET : PC_RATING_MET);
      g_assert_cmpstr (answer->evidence, ==, evidence);
    }
}

/* Attaches a file to the "Partly met" prompt, as the file chooser does
 * once a file is chosen, and adds an action with an owner and a due date
 * through its rows. */
static void
add_attachment_and_action (Walk              *w,
                           const PcPrinciple *principle)
{
  const PcPrompt *prompt = partly_met_prompt (w);
  PcPrinciplePage *page = visible_principle_page (w, principle);
  GtkWidget *editor = editor_for (page, prompt);
  g_autofree char *path = g_build_filename (w->tmp_dir, "carers-survey.txt", NULL);
  g_autofree char *action_label = g_strdup_printf ("Add an action for: %s", prompt->question);
  g_autofree char *due = due_date ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  const PcAttachment *attachment;
  const PcAction *action;
  GtkWidget *row;

  g_assert_true (g_file_set_contents (path, "Carers' survey, March: 41 replies.\n", -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  g_assert_true (pc_prompt_editor_add_attachment_file (PC_PROMPT_EDITOR (editor), file, &error));
  g_assert_no_error (error);

  g_test_message ("Attaching a file and adding an action to %s", prompt->id);
  a = load (w);
  g_assert_cmpuint (a->attachments->len, ==, 1);
  attachment = g_ptr_array_index (a->attachments, 0);
  g_assert_cmpstr (attachment->prompt_id, ==, prompt->id);
  g_assert_cmpstr (attachment->name, ==, "carers-survey.txt");
  g_assert_cmpint (attachment->size, ==, strlen ("Carers' survey, March: 41 replies.\n"));
  /* The editor lists it. */
  g_assert_nonnull (find_widget (editor, ADW_TYPE_ACTION_ROW, "carers-survey.txt"));
  g_clear_pointer (&a, pc_assessment_free);

  /* The action: its description first, then its owner and due date. */
  row = get_widget (editor, ADW_TYPE_ENTRY_ROW, action_label);
  gtk_editable_set_text (GTK_EDITABLE (row), "Offer home visits to carers who cannot travel");
  g_signal_emit_by_name (row, "apply");
  a = load (w);
  g_assert_cmpuint (a->actions->len, ==, 1);
  action = g_ptr_array_index (a->actions, 0);
  g_assert_cmpstr (action->prompt_id, ==, prompt->id);
  g_assert_cmpstr (action->description, ==, "Offer home visits to carers who cannot travel");
  g_assert_null (action->owner);
  g_clear_pointer (&a, pc_assessment_free);

  row = get_widget (editor, ADW_TYPE_EXPANDER_ROW, "Offer home visits to carers who cannot travel");
  type_into (row, ADW_TYPE_ENTRY_ROW, "Owner", "Bea Okafor");
  type_into (row, ADW_TYPE_ENTRY_ROW, "Due date (YYYY-MM-DD)", due);
  g_assert_true (pc_principle_page_get_pending (page));
  pc_test_wait_until (nothing_pending, page, "the page to save what was typed");

  a = load (w);
  action = g_ptr_array_index (a->actions, 0);
  g_assert_cmpstr (action->owner, ==, "Bea Okafor");
  g_assert_cmpstr (action->due_date, ==, due);
  g_assert_cmpint (action->status, ==, PC_ACTION_OPEN);
}

/* Types into the last prompt of the principle shown, closes the window
 * before the typing pauses, and opens a new one: the text was saved, and
 * the new window returns to the same page. */
static void
close_mid_edit_and_reopen (Walk              *w,
                           const PcPrinciple *principle)
{
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, principle->prompts->len - 1);
  PcPrinciplePage *page = visible_principle_page (w, principle);
  GtkWidget *view = evidence_view (editor_for (page, prompt), prompt);
  g_autofree char *evidence = evidence_for (prompt);
  g_autofree char *shown = NULL;
  g_autoptr(PcAssessment) a = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_true (type_into_view (view, " Reviewed again in May."));
  g_assert_true (pc_principle_page_get_pending (page));
  a = load (w);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt->id)->evidence, ==, evidence);
  g_clear_pointer (&a, pc_assessment_free);

  gtk_window_close (GTK_WINDOW (w->window));
  g_assert_null (pc_test_ui_find_toplevel (PC_TYPE_WINDOW));

  a = load (w);
  g_clear_pointer (&evidence, g_free);
  evidence = g_strdup (pc_assessment_find_answer (a, prompt->id)->evidence);
  g_assert_true (g_str_has_suffix (evidence, " Reviewed again in May."));

  open_window (w);
  g_assert_cmpint (pc_assessment_view_get_assessment (w->view)->id, ==, w->id);
  page = visible_principle_page (w, principle);
  view = evidence_view (editor_for (page, prompt), prompt);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, evidence);

  /* Back to the words the rest of the walk expects. */
  g_clear_pointer (&evidence, g_free);
  evidence = evidence_for (prompt);
  set_view_text (view, evidence);
  pc_test_wait_until (nothing_pending, page, "the page to save what was typed");
}

static void
walk_principles (Walk *w)
{
  guint n = pc_checklist_get_n_principles (w->checklist);

  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (w->checklist, i);
      PcPrinciplePage *page;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w->view), "view.next-principle", NULL));
      page = visible_principle_page (w, principle);
      answer_principle (w, principle);

      /* The ratings are in at once; the evidence after a pause in the typing. */
      g_assert_true (pc_principle_page_get_pending (page));
      pc_test_wait_until (nothing_pending, page, "the page to save what was typed");
      assert_principle_saved (w, principle);

      if (principle->prompts->len > 0 && partly_met_prompt (w) == g_ptr_array_index (principle->prompts, 0))
        add_attachment_and_action (w, principle);
      if (i == AUTOSAVE_PRINCIPLE)
        {
          g_test_message ("Closing the window mid-edit and opening it again");
          close_mid_edit_and_reopen (w, principle);
        }
      assert_principle_saved (w, principle);
    }
}

static void
add_coproduction (Walk *w)
{
  g_autoptr(PcAssessment) a = NULL;
  const PcCoproduction *entry;
  GtkWidget *page;

  choose_section (w, "Co-production");
  g_assert_cmpstr (pc_assessment_view_get_page (w->view), ==, "coproduction");
  page = visible_page (w);

  type_into (page, ADW_TYPE_ENTRY_ROW, "Who took part", "Carers and service users");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_widget (page, ADW_TYPE_COMBO_ROW, "How they took part")),
                              0);
  type_into (page, GTK_TYPE_ENTRY, "Date", "2026-02-10");
  set_view_text (get_widget (page, GTK_TYPE_TEXT_VIEW, "What changed as a result"),
                 "Home visits were added for people who cannot travel.");
  click (get_widget (page, GTK_TYPE_BUTTON, "Add Entry"));

  a = load (w);
  g_assert_cmpuint (a->coproduction->len, ==, 1);
  entry = g_ptr_array_index (a->coproduction, 0);
  g_assert_cmpstr (entry->who, ==, "Carers and service users");
  g_assert_cmpstr (entry->how, ==, "Workshop");
  g_assert_cmpstr (entry->date, ==, "2026-02-10");
  g_assert_cmpstr (entry->changed, ==, "Home visits were added for people who cannot travel.");
}

/* Signs in the sign dialog open now as @name, making the key on first
 * use, and waits until the store has recorded it. */
static void
sign_as (const char *name,
         const char *role)
{
  g_autoptr(GtkWidget) dialog = GTK_WIDGET (pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG));

  g_assert_nonnull (dialog);
  /* Held until the end, to ask it why it is still open. */
  g_object_ref (dialog);
  gtk_test_widget_wait_for_draw (dialog);
  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Printed name", name);
  type_into (dialog, ADW_TYPE_ENTRY_ROW, "Role", role);
  /* Neither signer has a key yet: the dialog asks for a new passphrase twice. */
  g_assert_true (pc_sign_dialog_get_first_signature (PC_SIGN_DIALOG (dialog)));
  type_into (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, "Passphrase", PASSPHRASE);
  type_into (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, "Repeat passphrase", PASSPHRASE);
  click (get_widget (dialog, GTK_TYPE_BUTTON, "Sign"));

  pc_test_wait_until (signing_over, dialog, "the key to be unlocked and the store to answer");
  if (!no_sign_dialog (NULL))
    {
      const char *error = pc_sign_dialog_get_error (PC_SIGN_DIALOG (dialog));

      g_error ("The sign dialog is still open: %s", error != NULL ? error : "(no error shown)");
    }
}

static void
submit_and_approve (Walk *w)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(cJSON) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  const PcSignoff *signoff;
  GtkWidget *page;

  choose_section (w, "Review and sign-off");
  g_assert_cmpstr (pc_assessment_view_get_page (w->view), ==, "review");
  page = visible_page (w);

  /* Submitting is the author's signature. */
  click (get_widget (page, GTK_TYPE_BUTTON, "Submit for Review…"));
  g_assert_cmpint (pc_sign_dialog_get_meaning (PC_SIGN_DIALOG (pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG))),
                   ==, PC_MEANING_PREPARED);
  sign_as (AUTHOR, "Service lead");
  a = load (w);
  g_assert_cmpint (a->state, ==, PC_STATE_IN_REVIEW);
  g_assert_cmpuint (a->signoffs->len, ==, 1);
  signoff = g_ptr_array_index (a->signoffs, 0);
  g_assert_cmpint (signoff->meaning, ==, PC_MEANING_PREPARED);
  g_assert_cmpstr (signoff->name, ==, AUTHOR);
  g_assert_cmpstr (signoff->role, ==, "Service lead");
  g_clear_pointer (&a, pc_assessment_free);

  /* Someone else reviews it and approves. */
  g_assert_cmpstr (pc_assessment_view_get_page (w->view), ==, "review");
  click (get_widget (page, GTK_TYPE_BUTTON, "Approve"));
  g_assert_cmpint (pc_sign_dialog_get_meaning (PC_SIGN_DIALOG (pc_test_ui_find_toplevel (PC_TYPE_SIGN_DIALOG))),
                   ==, PC_MEANING_APPROVED);
  sign_as (REVIEWER, "Governance lead");
  a = load (w);
  g_assert_cmpint (a->state, ==, PC_STATE_APPROVED);
  g_assert_cmpuint (a->signoffs->len, ==, 2);
  signoff = g_ptr_array_index (a->signoffs, 1);
  g_assert_cmpint (signoff->meaning, ==, PC_MEANING_APPROVED);
  g_assert_cmpstr (signoff->name, ==, REVIEWER);
  g_assert_cmpint (pc_assessment_view_get_assessment (w->view)->state, ==, PC_STATE_APPROVED);

  /* Both signatures hold over the content as it is now. */
  content = pc_summary_build_content (a, w->checklist);
  bytes = pc_summary_canonical_bytes (content, &sha256, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < a->signoffs->len; i++)
    {
      g_autofree char *comment = NULL;
      g_autofree char *key_id = NULL;

      signoff = g_ptr_array_index (a->signoffs, i);
      g_assert_cmpstr (signoff->content_sha256, ==, sha256);
      g_assert_true (pc_sign_verify (signoff->public_key, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), signoff->signature,
                                     &comment, &key_id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (key_id, ==, signoff->key_id);
      g_assert_nonnull (strstr (comment, sha256));
    }
}

static void
assert_same_answers (const PcAssessment *before,
                     const PcAssessment *after)
{
  g_assert_cmpstr (after->updated_at, ==, before->updated_at);
  g_assert_cmpuint (after->answers->len, ==, before->answers->len);
  g_assert_cmpuint (after->actions->len, ==, before->actions->len);
  g_assert_cmpuint (after->attachments->len, ==, before->attachments->len);
  for (guint i = 0; i < before->answers->len; i++)
    {
      const PcAnswer *old = g_ptr_array_index (before->answers, i);
      const PcAnswer *now = pc_assessment_find_answer (after, old->prompt_id);

      g_assert_nonnull (now);
      g_assert_cmpint (now->rating, ==, old->rating);
      g_assert_cmpstr (now->evidence, ==, old->evidence);
      g_assert_cmpstr (now->justification, ==, old->justification);
      g_assert_cmpstr (now->updated_at, ==, old->updated_at);
    }
}

/* An approved assessment refuses every edit the page offers. */
static void
refuse_edits (Walk *w)
{
  const PcPrinciple *principle = pc_checklist_get_principle (w->checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
  g_autofree char *row_label = NULL;
  g_autoptr(PcAssessment) before = load (w);
  g_autoptr(PcAssessment) after = NULL;
  g_autoptr(GError) error = NULL;
  PcPrinciplePage *page;
  GtkWidget *editor;
  GtkWidget *not_met;
  GtkWidget *view;

  /* The sidebar row says the principle's status, as the store has it. */
  row_label = g_strdup_printf ("Principle 1: %s. %s · %u of %u answered.", principle->title,
                               pc_status_to_label (pc_assessment_principle_status (before, principle)),
                               principle->prompts->len, principle->prompts->len);
  choose_section (w, row_label);
  page = visible_principle_page (w, principle);
  editor = editor_for (page, prompt);

  /* A click on a rating that gets through changes nothing. */
  not_met = get_widget (editor, GTK_TYPE_TOGGLE_BUTTON, "Not met");
  g_assert_false (gtk_widget_is_sensitive (not_met));
  g_signal_emit_by_name (not_met, "clicked");
  g_assert_cmpint (pc_prompt_editor_get_rating (PC_PROMPT_EDITOR (editor)), ==, PC_RATING_MET);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_widget (editor, GTK_TYPE_TOGGLE_BUTTON, "Met"))));

  /* Typing goes nowhere. */
  view = evidence_view (editor, prompt);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  g_assert_false (type_into_view (view, "One more thing."));
  g_assert_false (pc_principle_page_get_pending (page));

  /* Nothing offers to add an action or a file. */
  g_assert_false (gtk_widget_is_visible (get_widget (editor, ADW_TYPE_ENTRY_ROW,
                                                     "Add an action to close a gap")));
  g_assert_false (gtk_widget_is_visible (get_widget (editor, GTK_TYPE_BUTTON, "Attach File…")));

  g_assert_true (pc_assessment_view_flush (w->view, &error));
  g_assert_no_error (error);
  after = load (w);
  assert_same_answers (before, after);
  g_assert_cmpint (after->state, ==, PC_STATE_APPROVED);
}

static void
test_walk (void)
{
  g_autofree char *path = pc_test_db_path ();
  Walk walk = { 0 };
  Walk *w = &walk;

  w->store = pc_test_open_store (path);
  w->tmp_dir = pc_test_make_tmp_dir ();
  open_window (w);

  g_test_message ("Creating the assessment through the dialog");
  create_through_dialog (w);
  g_test_message ("Answering every prompt of every principle");
  walk_principles (w);
  g_test_message ("Recording co-production");
  add_coproduction (w);
  g_test_message ("Submitting and approving");
  submit_and_approve (w);
  g_test_message ("Trying to change the approved assessment");
  refuse_edits (w);

  gtk_window_destroy (GTK_WINDOW (w->window));
  g_clear_pointer (&w->checklist, pc_checklist_unref);
  g_clear_object (&w->store);
  g_free (w->tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int status;

  /* Keys, remembered places and settings stay out of the user's folders. */
  home = pc_test_ui_init_isolated (&argc, &argv);
  if (home == NULL)
    return 0;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/pc/ui/walk/create-answer-sign-approve", test_walk);

  status = g_test_run ();
  pc_test_remove_tree (home);
  return status;
}
