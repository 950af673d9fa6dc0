/* pc-history-page.h: the audit trail of an assessment, newest first
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-assessment-session.h"
#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_HISTORY_PAGE (pc_history_page_get_type ())
G_DECLARE_FINAL_TYPE (PcHistoryPage, pc_history_page, PC, HISTORY_PAGE, GtkWidget)

GtkWidget *pc_history_page_new (void);

/* Shows the history of the assessment @session (nullable) holds, and
 * follows it: after a change the history is read and its chain checked
 * again at once while the page is shown, or else when it next is (or
 * when its container calls this again with the same session, saying it
 * shows the page). */
void       pc_history_page_set_session (PcHistoryPage       *self,
                                        PcAssessmentSession *session);

G_END_DECLS
