/* pc-overview-page.h: the header of an assessment: view and edit it while a draft, with the linter's summary
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-assessment-session.h"

G_BEGIN_DECLS

#define PC_TYPE_OVERVIEW_PAGE (pc_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PcOverviewPage, pc_overview_page, PC, OVERVIEW_PAGE, GtkWidget)

GtkWidget *pc_overview_page_new (void);

/* Shows the assessment open in @session (nullable) and follows its
 * signals: a rating redraws its principle's row, the header its fields.
 * What is typed in the header goes through the session's autosave
 * queue; a choice (kind, division, priority, team) is saved at once. */
void       pc_overview_page_set_session (PcOverviewPage      *self,
                                         PcAssessmentSession *session);

G_END_DECLS
