/* test-ui-list-page.c: the window and its list of assessments
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "pc-checklist.h"
#include "pc-demo.h"
#include "pc-list-page.h"
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

  g_object_unref (page);
}

static void
test_empty_state_and_names (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  PcWindow *window = pc_window_new (NULL, store);
  GtkWidget *search;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* An empty database says so and offers the way in. */
  g_assert_cmpstr (pc_list_page_get_shown (PC_LIST_PAGE (pc_test_ui_find_descendant (GTK_WIDGET (window),
                                                                                     PC_TYPE_LIST_PAGE))),
                   ==, "empty");

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

  return g_test_run ();
}
