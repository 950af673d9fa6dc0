/* pc-coproduction-page.h: the co-production record: who took part, how, when, what changed
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_COPRODUCTION_PAGE (pc_coproduction_page_get_type ())
G_DECLARE_FINAL_TYPE (PcCoproductionPage, pc_coproduction_page, PC, COPRODUCTION_PAGE, GtkWidget)

GtkWidget *pc_coproduction_page_new (void);

/* Shows @assessment (made against @checklist) of @store. The page keeps
 * references to @store and @checklist and a pointer to @assessment,
 * which stays valid until the next call (the view owns it). Called again
 * whenever the view reloads the assessment after a change. */
void       pc_coproduction_page_set_assessment (PcCoproductionPage          *self,
                                       PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist);

G_END_DECLS
