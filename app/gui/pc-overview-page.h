/* pc-overview-page.h: the header of an assessment: view and edit it while a draft, with the linter's summary
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_OVERVIEW_PAGE (pc_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PcOverviewPage, pc_overview_page, PC, OVERVIEW_PAGE, GtkWidget)

GtkWidget *pc_overview_page_new (void);

/* Shows @assessment (made against @checklist) of @store. The page keeps
 * references to @store and @checklist and a pointer to @assessment,
 * which stays valid until the next call (the view owns it). Called again
 * whenever the view reloads the assessment after a change. */
void       pc_overview_page_set_assessment (PcOverviewPage          *self,
                                       PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist);
/* Saves the text still waiting for its pause in typing (about 0.7 s),
 * now. FALSE with @error if the store refused it. */
gboolean   pc_overview_page_flush          (PcOverviewPage     *self,
                                            GError            **error);
/* Forgets what was typed and not written: only when the person chose to. */
void        pc_overview_page_discard_pending (PcOverviewPage *self);

G_END_DECLS
