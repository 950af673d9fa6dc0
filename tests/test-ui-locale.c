/* test-ui-locale.c: the window speaks Turkish in a Turkish locale
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the catalogues the build compiled from ui/po (PC_TEST_LOCALEDIR),
 * with LANGUAGE=tr as a Turkish desktop session sets it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"
#include "pc-window.h"

static void
test_window_in_turkish (void)
{
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  PcWindow *window = pc_window_new (NULL, store);
  GtkWidget *title;
  GtkWidget *search;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "İlke Kontrolü");
  title = pc_test_ui_get_by_id (GTK_WIDGET (window), "window_title");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "Değerlendirmeler");
  search = pc_test_ui_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  gtk_test_accessible_assert_property (search, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Değerlendirmelerde ara");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Words from the core, such as a state's name, are translated too. */
static void
test_core_in_turkish (void)
{
  g_assert_cmpstr (pc_state_to_label (PC_STATE_DRAFT), ==, "Taslak");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "tr", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, PC_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!pc_test_ui_init (&argc, &argv))
    return 0;

  g_test_add_func ("/pc/ui/locale/window-in-turkish", test_window_in_turkish);
  g_test_add_func ("/pc/ui/locale/core-in-turkish", test_core_in_turkish);

  return g_test_run ();
}
