/* pc-test-ui.h: widget helpers shared by the UI tests
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pc-test-utils.h"

G_BEGIN_DECLS

/* @widget or its first descendant, depth first, that is a @type, or
 * NULL. */
GtkWidget      *pc_test_ui_find_descendant    (GtkWidget  *widget,
                                               GType       type);

/* @widget or its first descendant whose buildable id is @id, or NULL. */
GtkWidget      *pc_test_ui_find_by_id         (GtkWidget  *widget,
                                               const char *id);

/* As pc_test_ui_find_by_id(), but fails the test when there is none. */
GtkWidget      *pc_test_ui_get_by_id          (GtkWidget  *widget,
                                               const char *id);

/* The view's stack of pages under @widget: the GtkStack with an
 * "overview" page, or NULL. */
GtkWidget      *pc_test_ui_find_content_stack (GtkWidget  *widget);

/* The toplevel of @type that is shown, or NULL. */
GtkWindow      *pc_test_ui_find_toplevel      (GType       type);

/* Runs the main loop until no toplevel of @type is shown; fails the test,
 * naming @what, when the wait is hung (pc_test_wait_until()). */
void            pc_test_ui_wait_for_no_toplevel (GType       type,
                                                 const char *what);

/* Runs the main loop until nothing is ready to run, then until @widget
 * has been drawn: what was changed last is on screen. */
void            pc_test_ui_wait_settled       (GtkWidget  *widget);

/* Draws @widget until @condition (@data) holds: for what only layout
 * (a frame) makes true. Fails the test, naming @what, when the wait is
 * hung. */
void            pc_test_ui_wait_drawn_until   (GtkWidget       *widget,
                                               PcTestCondition  condition,
                                               gpointer         data,
                                               const char      *what);

/* Destroys every shown toplevel. */
void            pc_test_ui_destroy_toplevels  (void);

/* Adds the application's style sheet to the default display, as the
 * application does from its resource base path. Returns: (transfer full):
 * the provider */
GtkCssProvider *pc_test_ui_load_style         (void);

/* g_test_init() in the C.UTF-8 locale, then GTK and libadwaita; FALSE,
 * having printed a TAP skip, when there is no display. */
gboolean        pc_test_ui_init               (int         *argc,
                                               char      ***argv);

/* pc_test_ui_init() with the user's data, state and config folders in a
 * new folder of the test's own, set before GLib reads them (not
 * G_TEST_OPTION_ISOLATE_DIRS, which also hides GTK's image loaders).
 * Returns: (transfer full) (nullable): that folder, to remove with
 * pc_test_remove_tree() after g_test_run(); NULL when there is no display. */
char           *pc_test_ui_init_isolated      (int         *argc,
                                               char      ***argv);

/* With PC_SCREENSHOT_DIR set, draws @widget into NAME.png there, to look
 * at what a test left on screen; otherwise does nothing. */
void            pc_test_ui_maybe_screenshot   (GtkWidget   *widget,
                                               const char  *name);

G_END_DECLS
