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

/* Makes a page show @assessment (nullable) of @store, made against
 * @checklist: keeps references to @store and @checklist in *@store_slot
 * and *@checklist_slot, and @assessment, which stays the view's and
 * valid until the next call, in *@assessment_slot. With NULLs, lets go
 * of them (dispose). */
void     pc_page_hold_assessment (PcStore             **store_slot,
                                  PcChecklist         **checklist_slot,
                                  const PcAssessment  **assessment_slot,
                                  PcStore              *store,
                                  PcChecklist          *checklist,
                                  const PcAssessment   *assessment);

/* Removes every row of @list but @keep (nullable). GTK 4.8 has no
 * gtk_list_box_remove_all(). */
void     pc_list_box_remove_all  (GtkListBox           *list,
                                  GtkWidget            *keep);

/* Gives @widget the style class @style ("altered" or a state's id, see
 * pc-ui.css) and takes away every other state's. */
void     pc_widget_set_state_style (GtkWidget          *widget,
                                    const char         *style);

G_END_DECLS
