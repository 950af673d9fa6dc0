/* pc-page-common.h: what the assessment view's pages share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pc-assessment-session.h"
#include "pc-types.h"

G_BEGIN_DECLS

/* A signal of the session and what hears it: the callback takes the
 * follower first (it is connected swapped). */
typedef struct
{
  const char *signal;
  GCallback   callback;
} PcSessionHandler;

/* Makes @follower follow @session (nullable) in *@slot: lets go of the
 * session it followed (and every handler of its own there), keeps a
 * reference to @session and connects @handlers to it, for as long as
 * @follower lives. Returns FALSE, doing nothing, when @follower followed
 * @session already. */
gboolean pc_session_follow (gpointer                 follower,
                            PcAssessmentSession    **slot,
                            PcAssessmentSession     *session,
                            const PcSessionHandler  *handlers,
                            guint                    n_handlers);

/* Calls @update (a void function of @page) now if @page is shown (mapped),
 * or else once, the next time it is: a page hidden does no work for a
 * change it does not show. */
void     pc_page_update_when_shown (GtkWidget          *page,
                                    GCallback           update);

/* pc_session_follow() for a page that shows changes when it is shown
 * (pc_page_update_when_shown()): @update, a void function of @page, runs
 * at once for another session; the same session again means the page's
 * container is showing it, and what waited for that runs. */
void     pc_page_follow_session  (GtkWidget               *page,
                                  PcAssessmentSession    **slot,
                                  PcAssessmentSession     *session,
                                  const PcSessionHandler  *handlers,
                                  guint                    n_handlers,
                                  GCallback                update);

/* Removes every row of @list but @keep (nullable). GTK 4.8 has no
 * gtk_list_box_remove_all(). */
void     pc_list_box_remove_all  (GtkListBox           *list,
                                  GtkWidget            *keep);

/* Gives @widget the style class @style ("altered" or a state's id, see
 * pc-ui.css) and takes away every other state's. */
void     pc_widget_set_state_style (GtkWidget          *widget,
                                    const char         *style);

G_END_DECLS
