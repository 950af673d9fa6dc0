/* test-ui-new-assessment.c: the new assessment dialog, the overview and
 * the co-production pages
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-assessment-session.h"
#include "pc-checklist.h"
#include "pc-coproduction-page.h"
#include "pc-date-row.h"
#include "pc-header-form.h"
#include "pc-new-assessment-dialog.h"
#include "pc-overview-page.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"

/* Helpers */

/* A new empty database in a folder of its own, removed when the test
 * case ends. (pc_test_open_store (NULL) would open the user’s own.) */
static PcStore *
open_temp_store (void)
{
  g_autofree char *path = pc_test_db_path ();

  return pc_test_open_store (path);
}

/* The first descendant of @widget (itself included) that is an
 * AdwPreferencesRow titled @title, or a GtkButton labelled @title. */
static GtkWidget *
find_titled (GtkWidget  *widget,
             const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_titled (GtkWidget  *widget,
            const char *title)
{
  GtkWidget *found = find_titled (widget, title);

  if (found == NULL)
    g_error ("No row or button “%s”", title);

  return found;
}

/* The first descendant of @widget that is a button with @tooltip. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  GtkWidget *row = get_titled (root, title);

  if (PC_IS_DATE_ROW (row))
    gtk_editable_set_text (GTK_EDITABLE (pc_date_row_get_entry (PC_DATE_ROW (row))), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose (GtkWidget  *root,
        const char *title,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_titled (root, title)), position);
}

static guint
index_of (const char * const *ids,
          const char         *id)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      return i;

  g_assert_not_reached ();
}

static void
created_cb (PcNewAssessmentDialog *dialog,
            gint64                 id,
            gpointer               user_data)
{
  *(gint64 *) user_data = id;
}

/* The page test's stand-in for the view: the session the page follows;
 * on the session's ::changed, what the store holds now. */
typedef struct
{
  PcStore             *store;
  PcAssessmentSession *session;
  PcAssessment        *assessment;
  GtkWidget           *page;
  guint                changes;
} Fixture;

/* What the store holds. */
static void
fixture_read (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a = pc_store_load_assessment_by_id (f->store, f->assessment->id, &error);

  g_assert_no_error (error);
  g_clear_pointer (&f->assessment, pc_assessment_free);
  f->assessment = a;
}

static void
fixture_changed_cb (PcAssessmentSession *session,
                    Fixture             *f)
{
  f->changes++;
  fixture_read (f);
}

static void
fixture_set_session (Fixture             *f,
                     PcAssessmentSession *session)
{
  if (PC_IS_OVERVIEW_PAGE (f->page))
    pc_overview_page_set_session (PC_OVERVIEW_PAGE (f->page), session);
  else
    pc_coproduction_page_set_session (PC_COPRODUCTION_PAGE (f->page), session);
}

/* Opens f->assessment in a session, and shows it on the page. */
static void
fixture_load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  fixture_set_session (f, NULL);
  g_clear_object (&f->session);
  f->session = pc_assessment_session_open (f->store, f->assessment->id, &error);
  g_assert_no_error (error);
  g_signal_connect (f->session, "changed", G_CALLBACK (fixture_changed_cb), f);
  fixture_set_session (f, f->session);
  fixture_read (f);
}

static GtkWidget *
fixture_set_up (Fixture    *f,
                GtkWidget  *page,
                gint64      id)
{
  GtkWidget *window = gtk_window_new ();

  f->store = open_temp_store ();
  f->session = NULL;
  f->page = page;
  f->changes = 0;
  if (id == 0)
    id = pc_test_create_assessment (f->store, "Crisis café", "Ann Lee");
  f->assessment = pc_test_load_assessment (f->store, id);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  fixture_load (f);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  return window;
}

static void
fixture_tear_down (Fixture   *f,
                   GtkWidget *window)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_assessment_session_flush (f->session, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&f->session);
  g_clear_pointer (&f->assessment, pc_assessment_free);
  g_clear_object (&f->store);
}

/* An approved assessment of @store: complete, submitted by its author
 * and approved by someone else. */
static gint64
create_approved (PcStore *store)
{
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new ("Ann Lee", "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Raj Patel", "Governance lead");
  gint64 id = pc_test_create_assessment (store, "Memory service", "Ann Lee");

  pc_test_answer_all (store, id);
  pc_test_approve (store, id, author, reviewer);

  return id;
}

/* Tests */

static void
test_new_destroy (void)
{
  g_autoptr(PcStore) store = open_temp_store ();
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  GType types[] = {
    PC_TYPE_OVERVIEW_PAGE, PC_TYPE_COPRODUCTION_PAGE, PC_TYPE_HEADER_FORM, PC_TYPE_DATE_ROW,
  };
  PcNewAssessmentDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_finalize_object (widget);
    }

  dialog = pc_new_assessment_dialog_new (NULL, store, checklist);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

static void
test_dialog_required (void)
{
  g_autoptr(PcStore) store = open_temp_store ();
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  PcNewAssessmentDialog *dialog = pc_new_assessment_dialog_new (NULL, store, checklist);
  GtkWidget *root = GTK_WIDGET (dialog);
  GtkWidget *create;
  GtkWidget *focus;
  GtkWidget *review;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (root);
  create = get_titled (root, "C_reate");

  /* The focus starts in the title. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, get_titled (root, "Title of the service or pathway")));

  /* Create waits for the four required fields. */
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (root, "Title of the service or pathway", "Crisis café");
  g_assert_false (gtk_widget_get_sensitive (create));
  choose (root, "Kind of change", PC_KIND_SERVICE_CHANGE);
  g_assert_false (gtk_widget_get_sensitive (create));
  choose (root, "Division", 0);
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (root, "Service lead", "  ");
  g_assert_false (gtk_widget_get_sensitive (create));
  set_text (root, "Service lead", "Ann Lee");
  g_assert_true (gtk_widget_get_sensitive (create));

  /* Emptying the title again disables Create and marks the field. */
  set_text (root, "Title of the service or pathway", "");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_has_css_class (get_titled (root, "Title of the service or pathway"), "error"));
  set_text (root, "Title of the service or pathway", "Crisis café");
  g_assert_true (gtk_widget_get_sensitive (create));

  /* A date that is not one disables Create and says how to write it. */
  review = get_titled (root, "Planned review date");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)), ==,
                   "Optional, but the completeness check warns until there is one");
  set_text (root, "Planned review date", "2027-02-30");
  g_assert_false (gtk_widget_get_sensitive (create));
  g_assert_true (gtk_widget_has_css_class (pc_date_row_get_entry (PC_DATE_ROW (review)), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review)), "YYYY-MM-DD"));
  set_text (root, "Planned review date", "2027-03-31");
  g_assert_true (gtk_widget_get_sensitive (create));
  g_assert_false (gtk_widget_has_css_class (pc_date_row_get_entry (PC_DATE_ROW (review)), "error"));

  pc_test_ui_maybe_screenshot (root, "new-assessment-dialog");

  /* Escape closes without creating anything. */
  g_object_ref (dialog);
  gtk_widget_activate_action (root, "window.close", NULL);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 0);
}

static void
test_dialog_create (void)
{
  g_autoptr(PcStore) store = open_temp_store ();
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) a = NULL;
  PcNewAssessmentDialog *dialog = pc_new_assessment_dialog_new (NULL, store, checklist);
  GtkWidget *root = GTK_WIDGET (dialog);
  const char * const team[] = { "Bea Okafor", "Carl Smith", "Dee Wong", NULL };
  GtkWidget *add_member;
  gint64 id = 0;

  g_signal_connect (dialog, "created", G_CALLBACK (created_cb), &id);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (root);

  set_text (root, "Title of the service or pathway", "  Crisis café  ");
  choose (root, "Kind of change", PC_KIND_PATHWAY_REDESIGN);
  choose (root, "Division", index_of (pc_vocab_ids (PC_VOCAB_DIVISION), "enfield_mental_health"));
  /* The first choice of priority is "None". */
  choose (root, "Clinical priority it serves", 1 + index_of (pc_vocab_ids (PC_VOCAB_PRIORITY), "urgent_crisis_care"));
  set_text (root, "Service lead", "Ann Lee");

  /* Team members are added with Enter or the add button; one is
   * removed again; one is typed but not added, and still counts. */
  add_member = get_titled (root, "Add a team member");
  gtk_editable_set_text (GTK_EDITABLE (add_member), "Bea Okafor");
  g_signal_emit_by_name (add_member, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_member)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (add_member), "Someone Else");
  g_signal_emit_by_name (add_member, "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (add_member), "Carl Smith");
  g_signal_emit_by_name (find_button (add_member, "Add team member"), "clicked");
  g_signal_emit_by_name (pc_test_ui_find_descendant (get_titled (root, "Someone Else"), GTK_TYPE_BUTTON), "clicked");
  g_assert_null (find_titled (root, "Someone Else"));
  gtk_editable_set_text (GTK_EDITABLE (add_member), "Dee Wong");

  set_text (root, "Intended outcomes", "People in crisis are seen within four hours");
  set_text (root, "Who is affected", "Adults in crisis in Enfield, and their carers");
  set_text (root, "Start date", "2026-04-01");
  set_text (root, "Planned review date", "2027-03-31");

  pc_test_ui_maybe_screenshot (root, "new-assessment-dialog-filled");

  /* Enter in the last field creates the assessment. */
  g_assert_true (gtk_widget_get_sensitive (get_titled (root, "C_reate")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == get_titled (root, "C_reate"));
  g_signal_emit_by_name (pc_test_ui_find_descendant (pc_date_row_get_entry (PC_DATE_ROW (get_titled (root, "Planned review date"))),
                                                     GTK_TYPE_TEXT),
                         "activate");
  /* A button activated from the keyboard clicks after a short
   * animation, and the dialog closes. */
  pc_test_wait_for_null ((gpointer *) &dialog, "the dialog to create the assessment and close");

  g_assert_cmpint (id, >, 0);
  g_assert_null (dialog);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, "Crisis café");
  g_assert_cmpint (a->kind, ==, PC_KIND_PATHWAY_REDESIGN);
  g_assert_cmpstr (a->division, ==, "enfield_mental_health");
  g_assert_cmpstr (a->priority, ==, "urgent_crisis_care");
  g_assert_cmpstr (a->lead, ==, "Ann Lee");
  g_assert_true (g_strv_equal ((const char * const *) a->team, team));
  g_assert_cmpstr (a->outcomes, ==, "People in crisis are seen within four hours");
  g_assert_cmpstr (a->affected, ==, "Adults in crisis in Enfield, and their carers");
  g_assert_cmpstr (a->start_date, ==, "2026-04-01");
  g_assert_cmpstr (a->review_date, ==, "2027-03-31");
  g_assert_cmpstr (a->checklist_sha256, ==, pc_checklist_get_sha256 (checklist));
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
}

static void
test_dialog_accessible_names (void)
{
  g_autoptr(PcStore) store = open_temp_store ();
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  PcNewAssessmentDialog *dialog = pc_new_assessment_dialog_new (NULL, store, checklist);
  GtkWidget *root = GTK_WIDGET (dialog);
  const char *rows[] = {
    "Title of the service or pathway", "Kind of change", "Division", "Clinical priority it serves",
    "Service lead", "Add a team member", "Intended outcomes", "Who is affected",
  };
  GtkWidget *date;

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (root);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_test_accessible_assert_property (get_titled (root, rows[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, rows[i]);

  date = get_titled (root, "Start date");
  gtk_test_accessible_assert_property (pc_date_row_get_entry (PC_DATE_ROW (date)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Start date");
  gtk_test_accessible_assert_property (pc_test_ui_find_descendant (date, GTK_TYPE_MENU_BUTTON),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Start date: choose from a calendar");
  gtk_test_accessible_assert_property (find_button (get_titled (root, "Add a team member"), "Add team member"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Add team member");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_overview_edits (void)
{
  Fixture f;
  GtkWidget *page = pc_overview_page_new ();
  GtkWidget *window = fixture_set_up (&f, page, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (get_titled (page, "Title of the service or pathway"))));
  pc_test_ui_maybe_screenshot (window, "overview-page");
  pc_test_ui_maybe_screenshot (pc_test_ui_find_descendant (page, PC_TYPE_HEADER_FORM), "overview-page-header");

  /* Typing is saved when it pauses, or when the view flushes. */
  set_text (page, "Title of the service or pathway", "Crisis café, Enfield");
  g_assert_cmpuint (f.changes, ==, 0);
  g_assert_true (pc_assessment_session_flush (f.session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpstr (f.assessment->title, ==, "Crisis café, Enfield");

  set_text (page, "Service lead", "Ann Lee-Smith");
  pc_test_wait_for_count (&f.changes, 2, "the service lead to be saved when typing pauses");
  g_assert_cmpuint (f.changes, ==, 2);
  g_assert_cmpstr (f.assessment->lead, ==, "Ann Lee-Smith");

  /* A title emptied is not saved, and stays empty under the user's
   * fingers while they type the new one. */
  set_text (page, "Title of the service or pathway", "");
  g_assert_true (pc_assessment_session_flush (f.session, &error));
  g_assert_cmpuint (f.changes, ==, 2);
  g_assert_cmpstr (f.assessment->title, ==, "Crisis café, Enfield");

  /* A choice is saved at once, with the text typed before it. */
  set_text (page, "Title of the service or pathway", "Crisis café");
  choose (page, "Division", index_of (pc_vocab_ids (PC_VOCAB_DIVISION), "haringey_mental_health"));
  g_assert_cmpuint (f.changes, ==, 3);
  g_assert_cmpstr (f.assessment->division, ==, "haringey_mental_health");
  g_assert_cmpstr (f.assessment->title, ==, "Crisis café");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_titled (page, "Title of the service or pathway"))),
                   ==, "Crisis café");

  /* The team is saved at once too. */
  gtk_editable_set_text (GTK_EDITABLE (get_titled (page, "Add a team member")), "Bea Okafor");
  g_signal_emit_by_name (get_titled (page, "Add a team member"), "entry-activated");
  g_assert_cmpuint (f.changes, ==, 4);
  g_assert_cmpuint (g_strv_length (f.assessment->team), ==, 1);
  g_assert_cmpstr (f.assessment->team[0], ==, "Bea Okafor");

  /* A bad date is not saved. */
  set_text (page, "Planned review date", "31/03/2027");
  g_assert_true (pc_assessment_session_flush (f.session, &error));
  g_assert_cmpuint (f.changes, ==, 4);
  g_assert_null (f.assessment->review_date);
  set_text (page, "Planned review date", "2027-03-31");
  g_assert_true (pc_assessment_session_flush (f.session, &error));
  g_assert_cmpuint (f.changes, ==, 5);
  g_assert_cmpstr (f.assessment->review_date, ==, "2027-03-31");

  fixture_tear_down (&f, window);
}

static void
test_overview_read_only (void)
{
  Fixture f;
  GtkWidget *page = pc_overview_page_new ();
  GtkWidget *window = fixture_set_up (&f, page, 0);
  gint64 id = create_approved (f.store);

  g_clear_pointer (&f.assessment, pc_assessment_free);
  f.assessment = pc_store_load_assessment_by_id (f.store, id, NULL);
  fixture_load (&f);
  gtk_test_widget_wait_for_draw (window);
  pc_test_ui_maybe_screenshot (window, "overview-page-approved");
  pc_test_ui_maybe_screenshot (pc_test_ui_find_descendant (page, PC_TYPE_HEADER_FORM), "overview-page-approved-header");

  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (get_titled (page, "Title of the service or pathway"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (get_titled (page, "Service lead"))));
  g_assert_false (gtk_widget_get_sensitive (get_titled (page, "Kind of change")));
  g_assert_false (gtk_widget_get_visible (get_titled (page, "Add a team member")));
  g_assert_false (pc_date_row_get_editable (PC_DATE_ROW (get_titled (page, "Start date"))));
  g_assert_cmpuint (f.changes, ==, 0);

  fixture_tear_down (&f, window);
}

static void
respond_to_dialog (const char *response)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (window), response);
          gtk_window_destroy (window);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_coproduction_add_remove (void)
{
  Fixture f;
  GtkWidget *page = pc_coproduction_page_new ();
  GtkWidget *window = fixture_set_up (&f, page, 0);
  GtkWidget *add = get_titled (page, "_Add Entry");
  GtkWidget *view;
  const PcCoproduction *entry;

  /* The empty state says why the record matters. */
  g_assert_true (gtk_widget_get_visible (pc_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE)));
  pc_test_ui_maybe_screenshot (window, "coproduction-page-empty");

  gtk_test_accessible_assert_property (get_titled (page, "Who took part"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Who took part");
  view = pc_test_ui_find_descendant (page, GTK_TYPE_TEXT_VIEW);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "What changed as a result");

  /* Suggestions fill the who field and add up. */
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_widget_activate_action (page, "coproduction.suggest-who", "s", "Service users");
  gtk_widget_activate_action (page, "coproduction.suggest-who", "s", "Carers");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_titled (page, "Who took part"))), ==,
                   "Service users, Carers");

  /* "Other" asks for the way in words. */
  choose (page, "How", 4);
  g_assert_true (gtk_widget_get_visible (get_titled (page, "How, in your own words")));
  set_text (page, "How, in your own words", "Coffee morning");
  set_text (page, "Date", "2026-02-30");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "Opening hours moved to the evening", -1);
  g_assert_false (gtk_widget_get_sensitive (add));
  set_text (page, "Date", "2026-02-14");
  g_assert_true (gtk_widget_get_sensitive (add));

  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (f.changes, ==, 1);
  g_assert_cmpuint (f.assessment->coproduction->len, ==, 1);
  entry = f.assessment->coproduction->pdata[0];
  g_assert_cmpstr (entry->who, ==, "Service users, Carers");
  g_assert_cmpstr (entry->how, ==, "Coffee morning");
  g_assert_cmpstr (entry->date, ==, "2026-02-14");
  g_assert_cmpstr (entry->changed, ==, "Opening hours moved to the evening");

  /* The row appears, the form is ready for the next entry. */
  g_assert_nonnull (get_titled (page, "2026-02-14 — Service users, Carers"));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_find_descendant (page, ADW_TYPE_STATUS_PAGE)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_titled (page, "Who took part"))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_test_widget_wait_for_draw (window);
  pc_test_ui_maybe_screenshot (window, "coproduction-page");

  /* Removing asks first; Cancel keeps the entry. */
  g_signal_emit_by_name (pc_test_ui_find_descendant (get_titled (page, "2026-02-14 — Service users, Carers"), GTK_TYPE_BUTTON), "clicked");
  respond_to_dialog ("cancel");
  g_assert_cmpuint (f.changes, ==, 1);
  g_signal_emit_by_name (pc_test_ui_find_descendant (get_titled (page, "2026-02-14 — Service users, Carers"), GTK_TYPE_BUTTON), "clicked");
  respond_to_dialog ("remove");
  g_assert_cmpuint (f.changes, ==, 2);
  g_assert_cmpuint (f.assessment->coproduction->len, ==, 0);
  g_assert_null (find_titled (page, "2026-02-14 — Service users, Carers"));

  fixture_tear_down (&f, window);
}

static void
test_coproduction_read_only (void)
{
  Fixture f;
  GtkWidget *page = pc_coproduction_page_new ();
  GtkWidget *window = fixture_set_up (&f, page, 0);
  gint64 id = create_approved (f.store);

  g_clear_pointer (&f.assessment, pc_assessment_free);
  f.assessment = pc_store_load_assessment_by_id (f.store, id, NULL);
  fixture_load (&f);

  /* Neither the form nor any Remove button is offered. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (get_titled (page, "Who took part"),
                                                                   ADW_TYPE_PREFERENCES_GROUP)));

  fixture_tear_down (&f, window);
}

int
main (int   argc,
      char *argv[])
{
  if (!pc_test_ui_init (&argc, &argv))
    return 0;

  /* The application's style sheet, as PcApplication loads it. */
  g_object_unref (pc_test_ui_load_style ());

  g_test_add_func ("/pc/ui/new-assessment/new-destroy", test_new_destroy);
  g_test_add_func ("/pc/ui/new-assessment/dialog-required", test_dialog_required);
  g_test_add_func ("/pc/ui/new-assessment/dialog-create", test_dialog_create);
  g_test_add_func ("/pc/ui/new-assessment/dialog-accessible-names", test_dialog_accessible_names);
  g_test_add_func ("/pc/ui/new-assessment/overview-edits", test_overview_edits);
  g_test_add_func ("/pc/ui/new-assessment/overview-read-only", test_overview_read_only);
  g_test_add_func ("/pc/ui/new-assessment/coproduction-add-remove", test_coproduction_add_remove);
  g_test_add_func ("/pc/ui/new-assessment/coproduction-read-only", test_coproduction_read_only);

  return g_test_run ();
}
