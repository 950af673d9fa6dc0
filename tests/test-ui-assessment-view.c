/* test-ui-assessment-view.c: the walk through one assessment, autosave,
 * and returning to where the user was
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
#include "pc-date-row.h"
#include "pc-history-page.h"
#include "pc-overview-page.h"
#include "pc-principle-page.h"
#include "pc-prompt-editor.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-window.h"

#define KINDNESS "principle:kindness-matters"

/* Helpers */

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

/* The rating button of @editor labelled @label. */
static GtkWidget *
find_rating_button (GtkWidget  *editor,
                    const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (editor, GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* TRUE when some label under @widget that is drawn shows @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_is_visible (label)
          && strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* TRUE when some window title under @widget has @text as what @get
 * returns of it (adw_window_title_get_title or _get_subtitle). */
static gboolean
window_title_says (GtkWidget   *widget,
                   const char *(*get) (AdwWindowTitle *),
                   const char  *text)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  collect (widget, ADW_TYPE_WINDOW_TITLE, titles);
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (get (g_ptr_array_index (titles, i)), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
titles_say (GtkWidget  *widget,
            const char *title)
{
  return window_title_says (widget, adw_window_title_get_title, title);
}

static gboolean
subtitles_say (GtkWidget  *widget,
               const char *subtitle)
{
  return window_title_says (widget, adw_window_title_get_subtitle, subtitle);
}

/* TRUE when @editor has saved everything typed into it. */
static gboolean
editor_saved (gpointer editor)
{
  return !pc_prompt_editor_get_pending (PC_PROMPT_EDITOR (editor));
}

static char *
first_prompt_of (PcStore    *store,
                 gint64      id,
                 guint       principle)
{
  g_autoptr(PcAssessment) a = pc_store_load_assessment_by_id (store, id, NULL);
  g_autoptr(PcChecklist) checklist = pc_store_load_checklist_for (store, a, NULL);
  const PcPrinciple *p = pc_checklist_get_principle (checklist, principle);

  return g_strdup (((const PcPrompt *) g_ptr_array_index (p->prompts, 0))->id);
}

static PcAssessmentView *
window_view (PcWindow *window)
{
  return pc_window_get_assessment_view (window);
}

static GtkWidget *
visible_editor (PcAssessmentView *view,
                const char       *prompt_id)
{
  /* The pages' stack, not the one inside the menu button's popover. */
  GtkWidget *stack = gtk_widget_get_parent (pc_test_ui_find_descendant (GTK_WIDGET (view),
                                                                        PC_TYPE_OVERVIEW_PAGE));
  GtkWidget *page = gtk_stack_get_visible_child (GTK_STACK (stack));

  g_assert_true (PC_IS_PRINCIPLE_PAGE (page));
  return pc_principle_page_get_editor (PC_PRINCIPLE_PAGE (page), prompt_id);
}

/* Tests */

static void
test_new_destroy (void)
{
  GtkWidget *view = g_object_ref_sink (pc_assessment_view_new ());
  GtkWidget *page = g_object_ref_sink (pc_principle_page_new ("kindness-matters"));
  GtkWidget *editor = g_object_ref_sink (pc_prompt_editor_new ());

  g_assert_finalize_object (view);
  g_assert_finalize_object (page);
  g_assert_finalize_object (editor);
}

static void
test_walk_and_autosave (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt = first_prompt_of (store, id, 2);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  PcWindow *window = pc_window_new (NULL, store);
  PcAssessmentView *view = window_view (window);
  GtkWidget *editor;
  GtkWidget *partly;
  GtkWidget *evidence;
  GtkWidget *stack;
  GtkTextBuffer *buffer;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pc_assessment_view_open (view, id, NULL, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (pc_assessment_view_get_page (view), ==, "overview");

  /* Next, next, next: the third principle, and the title bar says so. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.next-principle", NULL));
  g_assert_cmpstr (pc_assessment_view_get_page (view), ==, KINDNESS);
  g_assert_true (titles_say (GTK_WIDGET (view), "Principle 3 of 10"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.previous-principle", NULL));
  g_assert_true (titles_say (GTK_WIDGET (view), "Principle 2 of 10"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.next-principle", NULL));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The first prompt's rating has the focus, and nothing is rated yet. */
  editor = visible_editor (view, prompt);
  g_assert_nonnull (editor);
  g_assert_cmpint (pc_prompt_editor_get_rating (PC_PROMPT_EDITOR (editor)), ==,
                   PC_RATING_NOT_ASSESSED);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == find_rating_button (editor, "Met"));
  g_assert_true (shows_label (editor, "Needed before sign-off"));

  /* A rating reaches the store at once. */
  partly = find_rating_button (editor, "Partly met");
  /* A click; gtk_widget_activate() would only click after 250 ms. */
  g_signal_emit_by_name (partly, "clicked");
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpint (pc_assessment_get_rating (a, prompt), ==, PC_RATING_PARTLY_MET);
  g_clear_pointer (&a, pc_assessment_free);
  g_assert_true (shows_label (GTK_WIDGET (view), "Saved"));
  g_assert_cmpint (pc_assessment_view_get_assessment (view)->answers->len, ==, 1);

  /* Typed evidence waits for a pause in the typing, then is saved. */
  evidence = pc_test_ui_find_descendant (editor, GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (evidence));
  gtk_text_buffer_set_text (buffer, "Carers co-designed the call script.", -1);
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_null (pc_assessment_find_answer (a, prompt)->evidence);
  g_clear_pointer (&a, pc_assessment_free);
  g_assert_true (pc_prompt_editor_get_pending (PC_PROMPT_EDITOR (editor)));
  g_assert_true (shows_label (GTK_WIDGET (view), "Saving…"));
  pc_test_wait_until (editor_saved, editor, "the typed evidence to be saved");
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==,
                   "Carers co-designed the call script.");
  g_clear_pointer (&a, pc_assessment_free);
  g_assert_true (shows_label (GTK_WIDGET (view), "Saved"));

  /* An action for the gap, added from its row. */
  {
    GtkWidget *row = pc_test_ui_find_descendant (editor, ADW_TYPE_ENTRY_ROW);

    gtk_editable_set_text (GTK_EDITABLE (row), "Train call handlers with carers");
    g_signal_emit_by_name (row, "apply");
    a = pc_store_load_assessment_by_id (store, id, NULL);
    g_assert_cmpuint (a->actions->len, ==, 1);
    g_clear_pointer (&a, pc_assessment_free);
  }

  /* flush() writes at once. */
  gtk_text_buffer_set_text (buffer, "Carers co-designed the script.", -1);
  g_assert_true (pc_assessment_view_flush (view, &error));
  g_assert_no_error (error);
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==,
                   "Carers co-designed the script.");
  g_clear_pointer (&a, pc_assessment_free);

  /* Closing the window mid-sentence loses nothing. */
  gtk_text_buffer_set_text (buffer, "Carers co-designed the script, twice", -1);
  gtk_window_close (GTK_WINDOW (window));
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==,
                   "Carers co-designed the script, twice");
  g_clear_pointer (&a, pc_assessment_free);

  /* A new window on the same database returns to the same place. */
  window = pc_window_new (NULL, store);
  view = window_view (window);
  stack = gtk_widget_get_parent (GTK_WIDGET (view));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "assessment");
  g_assert_cmpint (pc_assessment_view_get_assessment (view)->id, ==, id);
  g_assert_cmpstr (pc_assessment_view_get_page (view), ==, KINDNESS);
  g_assert_true (titles_say (GTK_WIDGET (view), "Principle 3 of 10"));

  /* Back to the list: the next window starts there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  gtk_window_destroy (GTK_WINDOW (window));
  window = pc_window_new (NULL, store);
  stack = gtk_widget_get_parent (GTK_WIDGET (window_view (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_read_only (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Sam Patel", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Dr Ann Lee", "Governance lead");
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt = first_prompt_of (store, id, 0);
  g_autoptr(PcAssessment) before = NULL;
  g_autoptr(PcAssessment) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pc_assessment_view_new ();
  GtkWidget *editor;
  GtkWidget *evidence;

  pc_test_answer_all (store, id);
  pc_test_approve (store, id, author, reviewer);
  before = pc_store_load_assessment_by_id (store, id, NULL);

  gtk_window_set_child (GTK_WINDOW (window), view);
  pc_assessment_view_set_store (PC_ASSESSMENT_VIEW (view), store);
  g_assert_true (pc_assessment_view_open (PC_ASSESSMENT_VIEW (view), id,
                                          "principle:people-at-the-heart", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* Everything is shown; nothing can be changed. */
  editor = visible_editor (PC_ASSESSMENT_VIEW (view), prompt);
  g_assert_cmpint (pc_prompt_editor_get_rating (PC_PROMPT_EDITOR (editor)), ==, PC_RATING_MET);
  g_assert_false (gtk_widget_is_sensitive (find_rating_button (editor, "Not met")));
  /* Even a click that gets through changes nothing. */
  g_signal_emit_by_name (find_rating_button (editor, "Not met"), "clicked");
  g_assert_cmpint (pc_prompt_editor_get_rating (PC_PROMPT_EDITOR (editor)), ==, PC_RATING_MET);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_rating_button (editor, "Met"))));
  evidence = pc_test_ui_find_descendant (editor, GTK_TYPE_TEXT_VIEW);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (evidence)));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_find_descendant (editor, ADW_TYPE_ENTRY_ROW)));
  collect (editor, GTK_TYPE_BUTTON, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (views, i);

      /* Only opening an attachment or the guidance stays possible. */
      if (gtk_widget_is_visible (button) && gtk_widget_is_sensitive (button))
        g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Open");
    }

  g_assert_true (pc_assessment_view_flush (PC_ASSESSMENT_VIEW (view), &error));
  after = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpint (pc_assessment_get_rating (after, prompt), ==, PC_RATING_MET);
  g_assert_cmpstr (after->updated_at, ==, before->updated_at);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An approved assessment altered behind the program's back (the state
 * flipped, the evidence edited, the state flipped back, the triggers put
 * back) opens with the error banner, and nothing says Approved. */
static void
test_altered (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Sam Patel", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Dr Ann Lee", "Governance lead");
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pc_assessment_view_new ();
  GtkWidget *banner;
  GtkWidget *banner_label;
  GtkWidget *review_title;
  GtkWidget *state_label;

  pc_test_answer_all (store, id);
  pc_test_approve (store, id, author, reviewer);

  sql = g_strdup_printf ("UPDATE assessments SET state = 'draft' WHERE id = %1$" G_GINT64_FORMAT ";"
                         "UPDATE answers SET evidence = 'Agreed by the board.' WHERE assessment_id = %1$"
                         G_GINT64_FORMAT ";"
                         "UPDATE assessments SET state = 'approved' WHERE id = %1$" G_GINT64_FORMAT,
                         id);
  pc_test_raw_exec_behind_triggers (path, sql);

  gtk_window_set_child (GTK_WINDOW (window), view);
  pc_assessment_view_set_store (PC_ASSESSMENT_VIEW (view), store);
  g_assert_true (pc_assessment_view_open (PC_ASSESSMENT_VIEW (view), id, "overview", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  banner_label = pc_test_ui_get_by_id (view, "banner_label");
  banner = gtk_widget_get_parent (banner_label);
  g_assert_true (gtk_widget_get_mapped (banner));
  g_assert_true (gtk_widget_has_css_class (banner, "altered"));
  g_assert_false (gtk_widget_has_css_class (banner, "approved"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (banner_label)),
                                   "Altered since it was signed: the content is not what Sam Patel signed"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (banner_label)),
                            "Do not rely on it; restore the database from a backup."));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (view, "banner_button")));

  g_assert_true (titles_say (view, "Crisis line for carers"));
  g_assert_true (subtitles_say (view, "PC-2026-0001 · Altered"));

  state_label = pc_test_ui_get_by_id (view, "state_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (state_label)), ==, "Altered");
  g_assert_false (gtk_widget_has_css_class (state_label, "approved"));

  pc_assessment_view_show_page (PC_ASSESSMENT_VIEW (view), "review");
  gtk_test_widget_wait_for_draw (window);
  review_title = pc_test_ui_get_by_id (view, "banner_title");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (review_title)), ==, "Altered Since It Was Signed");
  pc_test_ui_maybe_screenshot (window, "altered-review");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* With a trusted signers list, each sign-off says whether its key is the
 * one trusted for its signer. */
static void
test_trusted_signers (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *list = g_build_filename (dir, "trusted.txt", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Sam Patel", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Dr Ann Lee", "Governance lead");
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_auto(GStrv) lines = g_strsplit (pc_signing_key_get_public_key (reviewer), "\n", -1);
  g_autofree char *contents = g_strdup_printf ("Dr Ann Lee\t%s\n", lines[1]);
  g_autofree char *confirmed = NULL;
  g_autofree char *unlisted = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pc_assessment_view_new ();

  pc_test_answer_all (store, id);
  pc_test_approve (store, id, author, reviewer);
  g_assert_true (g_file_set_contents (list, contents, -1, &error));

  gtk_window_set_child (GTK_WINDOW (window), view);
  pc_assessment_view_set_store (PC_ASSESSMENT_VIEW (view), store);
  g_assert_true (pc_assessment_view_open (PC_ASSESSMENT_VIEW (view), id, "review", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  /* Without a list, nothing confirms who signed. */
  g_assert_true (shows_label (view, "check it with the signer, or choose a trusted signers list in Preferences"));

  pc_assessment_view_set_trusted_signers (PC_ASSESSMENT_VIEW (view), list);
  confirmed = g_strdup_printf ("Key %s: confirmed by your trusted signers list",
                               pc_signing_key_get_fingerprint (reviewer));
  unlisted = g_strdup_printf ("Key %s: Sam Patel is not in your trusted signers list",
                              pc_signing_key_get_fingerprint (author));
  g_assert_true (shows_label (view, confirmed));
  g_assert_true (shows_label (view, unlisted));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_accessible (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt_id = first_prompt_of (store, id, 2);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrompt *prompt = pc_checklist_find_prompt (checklist, prompt_id, NULL);
  g_autofree char *rating_name = g_strdup_printf ("Rating for: %s", prompt->question);
  g_autofree char *evidence_name = g_strdup_printf ("Evidence for: %s", prompt->question);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = pc_assessment_view_new ();
  GtkWidget *editor;
  GtkWidget *button;
  GtkWidget *sidebar;

  gtk_window_set_child (GTK_WINDOW (window), view);
  pc_assessment_view_set_store (PC_ASSESSMENT_VIEW (view), store);
  g_assert_true (pc_assessment_view_open (PC_ASSESSMENT_VIEW (view), id, KINDNESS, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  editor = visible_editor (PC_ASSESSMENT_VIEW (view), prompt_id);
  button = find_rating_button (editor, "Not applicable");
  /* GTK 4.8 has no toggle-button role: a button whose "pressed" state says
   * whether it is the rating chosen. */
  gtk_test_accessible_assert_role (button, GTK_ACCESSIBLE_ROLE_BUTTON);
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_FALSE);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Not applicable");
  gtk_test_accessible_assert_role (gtk_widget_get_parent (button), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (gtk_widget_get_parent (button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, rating_name);

  /* Choosing "not applicable" asks why, in a field named for the prompt. */
  g_signal_emit_by_name (button, "clicked");
  gtk_test_accessible_assert_state (button, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    g_autofree char *why = g_strdup_printf ("Why it does not apply: %s", prompt->question);

    collect (editor, GTK_TYPE_TEXT_VIEW, texts);
    g_assert_cmpuint (texts->len, ==, 2);
    gtk_test_accessible_assert_role (g_ptr_array_index (texts, 0), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
    gtk_test_accessible_assert_property (g_ptr_array_index (texts, 0),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, evidence_name);
    gtk_test_accessible_assert_property (g_ptr_array_index (texts, 0),
                                         GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE);
    g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (g_ptr_array_index (texts, 1),
                                                                    GTK_TYPE_BOX)));
    gtk_test_accessible_assert_property (g_ptr_array_index (texts, 1),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, why);
  }

  /* Sidebar rows say the principle, its status in words and progress. */
  {
    g_autoptr(GPtrArray) lists = g_ptr_array_new ();

    collect (view, GTK_TYPE_LIST_BOX, lists);
    sidebar = NULL;
    for (guint i = 0; i < lists->len; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "navigation-sidebar"))
        sidebar = g_ptr_array_index (lists, i);
    g_assert_nonnull (sidebar);
  }
  collect (sidebar, GTK_TYPE_LIST_BOX_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 14);
  gtk_test_accessible_assert_role (g_ptr_array_index (rows, 3), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
  gtk_test_accessible_assert_property (g_ptr_array_index (rows, 3), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Principle 3: Kindness matters. Not yet assessed · 1 of 5 answered.");
  gtk_test_accessible_assert_property (g_ptr_array_index (rows, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Overview");
  gtk_test_accessible_assert_property (sidebar, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Sections of the assessment");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sidebar's principle rows' status @part ("status-label" or
 * "status-dot"), in checklist order. */
static GPtrArray *
principle_status_parts (PcAssessmentView *view,
                        const char       *part)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new ();

  collect (GTK_WIDGET (view), GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), part);

      if (label != NULL)
        g_ptr_array_add (labels, label);
    }

  return labels;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A rating redraws its own principle's row in the sidebar and nothing
 * else there. */
static void
test_edit_updates_its_row (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt = first_prompt_of (store, id, 2);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) dots = NULL;
  g_autoptr(GError) error = NULL;
  PcWindow *window = pc_window_new (NULL, store);
  PcAssessmentView *view = window_view (window);
  guint notified[10] = { 0 };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pc_assessment_view_open (view, id, KINDNESS, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  labels = principle_status_parts (view, "status-label");
  dots = principle_status_parts (view, "status-dot");
  g_assert_cmpuint (labels->len, ==, G_N_ELEMENTS (notified));
  g_assert_cmpuint (dots->len, ==, G_N_ELEMENTS (notified));
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 2)), "0 of"));
  /* A row drawn again sets its status colour again. */
  for (guint i = 0; i < dots->len; i++)
    g_signal_connect (g_ptr_array_index (dots, i), "notify::css-classes",
                      G_CALLBACK (count_notify_cb), &notified[i]);

  g_signal_emit_by_name (find_rating_button (visible_editor (view, prompt), "Met"), "clicked");

  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (labels, 2)), "1 of"));
  g_assert_cmpuint (notified[2], >, 0);
  for (guint i = 0; i < dots->len; i++)
    if (i != 2)
      g_assert_cmpuint (notified[i], ==, 0);
  for (guint i = 0; i < dots->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (dots, i), &notified[i]);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* The page's list of changes: the preferences group's own list is
 * hidden while empty. */
static GtkWidget *
history_list (GtkWidget *history)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  collect (history, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_get_visible (g_ptr_array_index (lists, i)))
      return g_ptr_array_index (lists, i);

  g_assert_not_reached ();
}

/* The History page, which checks the whole audit chain, is rebuilt when
 * it is shown, not on every edit made elsewhere. */
static void
test_history_waits_until_shown (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt = first_prompt_of (store, id, 2);
  g_autofree char *first_prompt_of_0 = first_prompt_of (store, id, 0);
  g_autoptr(GError) error = NULL;
  PcWindow *window = pc_window_new (NULL, store);
  PcAssessmentView *view = window_view (window);
  GtkWidget *history;
  GtkWidget *list;
  GtkWidget *first_row;
  guint before;

  /* Something in the history already. */
  g_assert_true (pc_store_set_answer (store, id, first_prompt_of_0, PC_RATING_MET, "Rota agreed",
                                      NULL, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pc_assessment_view_open (view, id, "history", &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  history = pc_test_ui_find_descendant (GTK_WIDGET (view), PC_TYPE_HISTORY_PAGE);
  list = history_list (history);
  before = count_children (list);
  g_assert_cmpuint (before, >, 0);
  first_row = gtk_widget_get_first_child (list);
  g_object_add_weak_pointer (G_OBJECT (first_row), (gpointer *) &first_row);

  pc_assessment_view_show_page (view, KINDNESS);
  g_signal_emit_by_name (find_rating_button (visible_editor (view, prompt), "Met"), "clicked");
  pc_test_wait_idle ();

  /* Hidden: the same rows, untouched. */
  g_assert_nonnull (first_row);
  g_assert_cmpuint (count_children (list), ==, before);

  /* Shown: the rating is in it. */
  pc_assessment_view_show_page (view, "history");
  g_assert_null (first_row);
  g_assert_cmpuint (count_children (list), >, before);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
message_dialog_shown (gpointer data)
{
  return pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
view_saved (gpointer view)
{
  return shows_label (view, "Saved");
}

/* Typed text the store refuses is said in a dialog, stays in the box,
 * and goes through once it is put right. */
static void
test_failed_save_dialog (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  gint64 id = pc_test_create_assessment (store, "Crisis line for carers", "Sam Patel");
  g_autofree char *prompt = first_prompt_of (store, id, 2);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  PcWindow *window = pc_window_new (NULL, store);
  PcAssessmentView *view = window_view (window);
  GtkWindow *dialog;
  GtkTextBuffer *buffer;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (pc_assessment_view_open (view, id, KINDNESS, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    pc_test_ui_find_descendant (visible_editor (view, prompt), GTK_TYPE_TEXT_VIEW)));

  /* A pasted control character: the store refuses the text. */
  gtk_text_buffer_set_text (buffer, "Rota\x01agreed", -1);
  pc_test_wait_until (message_dialog_shown, NULL, "the dialog saying the text was not saved");
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Save");
  g_assert_true (shows_label (GTK_WIDGET (view), "Not saved"));
  g_assert_true (pc_prompt_editor_get_pending (PC_PROMPT_EDITOR (visible_editor (view, prompt))));
  gtk_window_destroy (dialog);

  /* Put right, it is saved. */
  gtk_text_buffer_set_text (buffer, "Rota agreed", -1);
  pc_test_wait_until (view_saved, view, "the corrected text to be saved");
  a = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==, "Rota agreed");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences row under @widget titled @title. */
static GtkWidget *
titled_row (GtkWidget  *widget,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (widget, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  return NULL;
}

static guint
count_titled_rows (GtkWidget  *widget,
                   const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  collect (widget, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    n += g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0;

  return n;
}

static GtkWidget *
page_named (PcAssessmentView *view,
            const char       *name)
{
  GtkWidget *stack = gtk_widget_get_parent (pc_test_ui_find_descendant (GTK_WIDGET (view),
                                                                        PC_TYPE_OVERVIEW_PAGE));

  return gtk_stack_get_child_by_name (GTK_STACK (stack), name);
}

typedef struct
{
  PcStore    *store;
  gint64      id;
  const char *title;
} StoredTitle;

static gboolean
title_stored (gpointer data)
{
  StoredTitle *wanted = data;
  g_autoptr(PcAssessment) a = pc_store_load_assessment_by_id (wanted->store, wanted->id, NULL);

  return g_strcmp0 (a->title, wanted->title) == 0;
}

/* A window on a new draft, open at @page and shown as the user sees it. */
typedef struct
{
  char             *path;
  PcStore          *store;
  gint64            id;
  PcWindow         *window;
  PcAssessmentView *view;
} Opened;

static void
opened_init (Opened     *o,
             const char *page)
{
  g_autoptr(GError) error = NULL;

  o->path = pc_test_db_path ();
  o->store = pc_test_open_store (o->path);
  o->id = pc_test_create_assessment (o->store, "Crisis line for carers", "Sam Patel");
  o->window = pc_window_new (NULL, o->store);
  o->view = window_view (o->window);
  gtk_window_present (GTK_WINDOW (o->window));
  g_assert_true (pc_assessment_view_open (o->view, o->id, page, &error));
  g_assert_no_error (error);
  gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (o->view))),
                               GTK_WIDGET (o->view));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (o->window));
}

/* Destroys the window unless it was closed already. */
static void
opened_clear (Opened  *o,
              gboolean closed)
{
  if (!closed)
    gtk_window_destroy (GTK_WINDOW (o->window));
  g_clear_object (&o->store);
  g_free (o->path);
}

/* A title typed on the overview is saved through the session when the
 * typing pauses: the sidebar and the heading follow, and no row of the
 * overview or the sidebar is built again. */
static void
test_overview_edit_in_place (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  Opened o;
  StoredTitle wanted;
  GtkWidget *overview;
  GtkWidget *title_row;
  guint n_rows;

  opened_init (&o, "overview");
  wanted = (StoredTitle) { o.store, o.id, "Crisis line for carers, Enfield" };
  overview = page_named (o.view, "overview");

  /* Every row of the view, each watched for being thrown away. */
  collect (GTK_WIDGET (o.view), GTK_TYPE_LIST_BOX_ROW, rows);
  n_rows = rows->len;
  g_assert_cmpuint (n_rows, >, 20);
  for (guint i = 0; i < rows->len; i++)
    g_object_add_weak_pointer (G_OBJECT (g_ptr_array_index (rows, i)), &rows->pdata[i]);

  title_row = titled_row (overview, "Title of the service or pathway");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Crisis line for carers, Enfield");
  g_assert_true (shows_label (GTK_WIDGET (o.view), "Saving…"));
  g_assert_false (title_stored (&wanted));
  pc_test_wait_until (title_stored, &wanted, "the typed title to be saved");
  pc_test_wait_until (view_saved, o.view, "the view to say it was saved");

  g_assert_true (titles_say (GTK_WIDGET (o.view), "Crisis line for carers, Enfield"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pc_test_ui_get_by_id (overview, "heading_label"))),
                   ==, "Crisis line for carers, Enfield");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==,
                   "Crisis line for carers, Enfield");
  pc_test_ui_maybe_screenshot (GTK_WIDGET (o.window), "view-overview-edited");
  for (guint i = 0; i < n_rows; i++)
    {
      g_assert_nonnull (g_ptr_array_index (rows, i));
      g_object_remove_weak_pointer (G_OBJECT (g_ptr_array_index (rows, i)), &rows->pdata[i]);
    }

  /* Closing the window in the middle of a word loses nothing. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Crisis line for carers, Enf");
  wanted.title = "Crisis line for carers, Enf";
  gtk_window_close (GTK_WINDOW (o.window));
  g_assert_true (title_stored (&wanted));
  opened_clear (&o, TRUE);
}

/* A title the store refuses is said in the view's dialog, and stays as
 * typed. */
static void
test_overview_failed_save (void)
{
  Opened o;
  StoredTitle wanted;
  GtkWidget *title_row;
  GtkWindow *dialog;

  opened_init (&o, "overview");
  wanted = (StoredTitle) { o.store, o.id, "Crisis line" };
  title_row = titled_row (page_named (o.view, "overview"), "Title of the service or pathway");

  /* A pasted control character. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Crisis\x01line");
  pc_test_wait_until (message_dialog_shown, NULL, "the dialog saying the title was not saved");
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Save");
  g_assert_true (shows_label (GTK_WIDGET (o.view), "Not saved"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Crisis\x01line");
  gtk_window_destroy (dialog);

  /* Put right, it is saved. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Crisis line");
  pc_test_wait_until (title_stored, &wanted, "the corrected title to be saved");
  opened_clear (&o, FALSE);
}

/* An entry added on the Co-production page shows once, is saved, and
 * the other pages hear of it without being rebuilt. */
static void
test_coproduction_added_once (void)
{
  g_autoptr(PcAssessment) a = NULL;
  Opened o;
  GtkWidget *page;
  GtkWidget *changed;
  GtkWidget *overview_row;
  const char *title = "2026-02-14 — Carers";

  opened_init (&o, "overview");
  overview_row = pc_test_ui_find_descendant (page_named (o.view, "overview"), ADW_TYPE_ACTION_ROW);
  g_object_add_weak_pointer (G_OBJECT (overview_row), (gpointer *) &overview_row);
  pc_assessment_view_show_page (o.view, "coproduction");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (o.window));
  page = page_named (o.view, "coproduction");

  gtk_editable_set_text (GTK_EDITABLE (titled_row (page, "Who took part")), "Carers");
  gtk_editable_set_text (GTK_EDITABLE (pc_date_row_get_entry (PC_DATE_ROW (titled_row (page, "Date")))),
                         "2026-02-14");
  changed = pc_test_ui_find_descendant (page, GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (changed)),
                            "Opening hours moved to the evening", -1);
  g_signal_emit_by_name (pc_test_ui_get_by_id (page, "add_button"), "clicked");

  g_assert_cmpuint (count_titled_rows (page, title), ==, 1);
  a = pc_store_load_assessment_by_id (o.store, o.id, NULL);
  g_assert_cmpuint (a->coproduction->len, ==, 1);
  g_assert_cmpuint (pc_assessment_view_get_assessment (o.view)->coproduction->len, ==, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (o.window));
  pc_test_ui_maybe_screenshot (GTK_WIDGET (o.window), "view-coproduction-added");

  /* Away and back: still once, and the overview was not built again. */
  pc_assessment_view_show_page (o.view, "overview");
  g_assert_nonnull (overview_row);
  pc_assessment_view_show_page (o.view, "coproduction");
  g_assert_cmpuint (count_titled_rows (page, title), ==, 1);
  g_object_remove_weak_pointer (G_OBJECT (overview_row), (gpointer *) &overview_row);
  opened_clear (&o, FALSE);
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

  g_test_add_func ("/pc/ui/assessment-view/new-destroy", test_new_destroy);
  g_test_add_func ("/pc/ui/assessment-view/walk-and-autosave", test_walk_and_autosave);
  g_test_add_func ("/pc/ui/assessment-view/read-only", test_read_only);
  g_test_add_func ("/pc/ui/assessment-view/accessible", test_accessible);
  g_test_add_func ("/pc/ui/assessment-view/altered", test_altered);
  g_test_add_func ("/pc/ui/assessment-view/trusted-signers", test_trusted_signers);
  g_test_add_func ("/pc/ui/assessment-view/edit-updates-its-row", test_edit_updates_its_row);
  g_test_add_func ("/pc/ui/assessment-view/history-waits-until-shown",
                   test_history_waits_until_shown);
  g_test_add_func ("/pc/ui/assessment-view/failed-save-dialog", test_failed_save_dialog);
  g_test_add_func ("/pc/ui/assessment-view/overview-edit-in-place", test_overview_edit_in_place);
  g_test_add_func ("/pc/ui/assessment-view/overview-failed-save", test_overview_failed_save);
  g_test_add_func ("/pc/ui/assessment-view/coproduction-added-once", test_coproduction_added_once);

  status = g_test_run ();
  pc_test_remove_tree (home);
  return status;
}
