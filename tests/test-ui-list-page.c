/* test-ui-list-page.c: the window and its list of assessments
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-checklist.h"
#include "pc-demo.h"
#include "pc-list-page.h"
#include "pc-list-row.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-window.h"

/* A store holding the demo assessments. */
static PcStore *
demo_store (void)
{
  g_autofree char *keys_dir = pc_test_make_tmp_dir ();
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GError) error = NULL;
  PcStore *store = pc_test_open_store (NULL);

  g_assert_cmpuint (pc_demo_fill (store, checklist, keys_dir, NULL, &error), >, 0);
  g_assert_no_error (error);

  return store;
}

static void
test_new_destroy (void)
{
  GtkWidget *page = g_object_ref_sink (g_object_new (PC_TYPE_LIST_PAGE, NULL));

  g_assert_finalize_object (page);
}

static void
test_window_new_destroy (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  PcWindow *window = pc_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The list comes up alone: the assessment view is built only when an
   * assessment is first opened, and then kept. */
  g_assert_null (pc_test_ui_find_descendant (GTK_WIDGET (window), PC_TYPE_ASSESSMENT_VIEW));
  g_assert_true (pc_window_get_assessment_view (window)
                 == pc_window_get_assessment_view (window));
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (pc_window_get_assessment_view (window)),
                                          PC_TYPE_WINDOW) == GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search_and_filter (void)
{
  g_autoptr(PcStore) store = demo_store ();
  g_autoptr(GPtrArray) all = pc_store_list (store, NULL);
  GtkWidget *page = g_object_ref_sink (g_object_new (PC_TYPE_LIST_PAGE, NULL));

  pc_list_page_set_store (PC_LIST_PAGE (page), store);
  g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==, all->len);

  /* Search as you type, ignoring case, over title, reference and lead. */
  pc_list_page_set_search (PC_LIST_PAGE (page), "crisis CAFÉ");
  g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==, 1);
  pc_list_page_set_search (PC_LIST_PAGE (page), "pc-2026-0002");
  g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==, 1);
  pc_list_page_set_search (PC_LIST_PAGE (page), "no such service anywhere");
  g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==, 0);
  g_assert_cmpstr (pc_list_page_get_shown (PC_LIST_PAGE (page)), ==, "no-results");
  pc_list_page_set_search (PC_LIST_PAGE (page), "");
  g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==, all->len);

  /* Typing on, deleting back and changing the text shows, at each step,
   * what a list searched for that text from scratch shows. */
  {
    static const char * const typed[] = {
      "c", "cr", "cri", "cris", "cri", "c", "", "ward", "war", "ar", "arx", "ward 3", "",
    };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        GtkWidget *fresh = g_object_ref_sink (g_object_new (PC_TYPE_LIST_PAGE, NULL));

        pc_list_page_set_store (PC_LIST_PAGE (fresh), store);
        pc_list_page_set_search (PC_LIST_PAGE (fresh), typed[i]);
        pc_list_page_set_search (PC_LIST_PAGE (page), typed[i]);
        g_assert_cmpuint (pc_list_page_get_n_shown (PC_LIST_PAGE (page)), ==,
                          pc_list_page_get_n_shown (PC_LIST_PAGE (fresh)));
        g_object_unref (fresh);
      }
  }

  g_object_unref (page);
}

typedef struct {
  GtkWidget  *page;
  const char *text;
} LabelWait;

/* A row (or a label) on screen whose title is @text. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (gtk_widget_get_mapped (widget)
      && ((GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
          || (PC_IS_LIST_ROW (widget) && g_strcmp0 (pc_list_row_get_title (PC_LIST_ROW (widget)), text) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_label (wait->page, wait->text) != NULL;
}

/* A row shows the assessment it stands for, whether the list was
 * searched (GTK hands the kept row widgets other assessments) or
 * reloaded after a change. */
static void
test_rows_show_their_assessment (void)
{
  static const char * const titles[] = {
    "Alpha ward rota", "Bravo clinic hours", "Charlie crisis line", "Delta day unit", "Echo home visits",
  };
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  PcWindow *window = pc_window_new (NULL, store);
  GtkWidget *page = pc_test_ui_find_descendant (GTK_WIDGET (window), PC_TYPE_LIST_PAGE);
  LabelWait wait = { page, NULL };
  g_autoptr(GError) error = NULL;
  gint64 echo = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    echo = pc_test_create_assessment (store, titles[i], "Ann Lee");
  pc_list_page_reload (PC_LIST_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      wait.text = titles[i];
      pc_test_ui_wait_drawn_until (GTK_WIDGET (window), label_shown, &wait, "every row drawn");
    }

  /* A row says all it shows to assistive technology in one label. */
  {
    GtkWidget *row = find_label (page, titles[0]);
    g_autofree char *label = NULL;

    g_assert_true (PC_IS_LIST_ROW (row));
    g_assert_cmpstr (pc_list_row_get_state (PC_LIST_ROW (row)), ==, "Draft");
    g_assert_cmpstr (pc_list_row_get_progress (PC_LIST_ROW (row)), ==, "0/54");
    label = g_strdup_printf ("%s. %s. Draft. 0 of 54 prompts answered.", titles[0],
                             pc_list_row_get_subtitle (PC_LIST_ROW (row)));
    gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Each search shows its one match in whichever row is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *word = g_strndup (titles[i], strchr (titles[i], ' ') - titles[i]);

      pc_list_page_set_search (PC_LIST_PAGE (page), word);
      wait.text = titles[i];
      pc_test_ui_wait_drawn_until (GTK_WIDGET (window), label_shown, &wait, "the match drawn");
      for (guint j = 0; j < G_N_ELEMENTS (titles); j++)
        if (j != i)
          g_assert_null (find_label (page, titles[j]));
    }
  pc_list_page_set_search (PC_LIST_PAGE (page), "");

  g_assert_true (pc_store_set_header_field (store, echo, "title", "Foxtrot day staffing", &error));
  g_assert_no_error (error);
  pc_list_page_reload (PC_LIST_PAGE (page));
  wait.text = "Foxtrot day staffing";
  pc_test_ui_wait_drawn_until (GTK_WIDGET (window), label_shown, &wait, "the renamed row drawn");
  g_assert_null (find_label (page, "Echo home visits"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
list_loaded (gpointer data)
{
  return g_strcmp0 (pc_list_page_get_shown (data), "loading") != 0;
}

static void
test_empty_state_and_names (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  PcWindow *window = pc_window_new (NULL, store);
  PcListPage *page = PC_LIST_PAGE (pc_test_ui_find_descendant (GTK_WIDGET (window), PC_TYPE_LIST_PAGE));
  GtkWidget *search;

  /* The window comes up before the list is read: a spinner until then. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (pc_list_page_get_shown (page), ==, "loading");
  pc_test_wait_until (list_loaded, page, "the list read after the first frame");

  /* An empty database says so and offers the way in. */
  g_assert_cmpstr (pc_list_page_get_shown (page), ==, "empty");

  /* The search field is announced by what it does. */
  search = pc_test_ui_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_test_accessible_assert_property (search, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search assessments");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!pc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/pc/ui/list-page/new-destroy", test_new_destroy);
  g_test_add_func ("/pc/ui/list-page/window-new-destroy", test_window_new_destroy);
  g_test_add_func ("/pc/ui/list-page/search-and-filter", test_search_and_filter);
  g_test_add_func ("/pc/ui/list-page/empty-state-and-names", test_empty_state_and_names);
  g_test_add_func ("/pc/ui/list-page/rows-show-their-assessment", test_rows_show_their_assessment);

  return g_test_run ();
}
