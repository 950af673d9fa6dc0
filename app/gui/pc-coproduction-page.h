/* pc-coproduction-page.h: the co-production record: who took part, how, when, what changed
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-assessment-session.h"

G_BEGIN_DECLS

#define PC_TYPE_COPRODUCTION_PAGE (pc_coproduction_page_get_type ())
G_DECLARE_FINAL_TYPE (PcCoproductionPage, pc_coproduction_page, PC, COPRODUCTION_PAGE, GtkWidget)

GtkWidget *pc_coproduction_page_new (void);

/* Shows the co-production record of the assessment open in @session
 * (nullable), and follows it: an entry added or removed through the
 * session, here or elsewhere, shows at once. */
void       pc_coproduction_page_set_session (PcCoproductionPage  *self,
                                             PcAssessmentSession *session);

G_END_DECLS
