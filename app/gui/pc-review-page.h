/* pc-review-page.h: review and sign-off: the linter's findings, submit, the reviewer's decision, the sign-offs
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_REVIEW_PAGE (pc_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PcReviewPage, pc_review_page, PC, REVIEW_PAGE, GtkWidget)

GtkWidget *pc_review_page_new (void);

/* Shows @assessment (made against @checklist) of @store. The page keeps
 * references to @store and @checklist and a pointer to @assessment,
 * which stays valid until the next call (the view owns it). Called again
 * whenever the view reloads the assessment after a change. */
void       pc_review_page_set_assessment (PcReviewPage          *self,
                                       PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist);

/* The file of trusted signers' keys (nullable: none) each sign-off's key
 * is looked up in, as verify --trusted does. */
void          pc_review_page_set_trusted_signers (PcReviewPage *self,
                                                  const char   *path);

/* Whether the page offers "Start a New Revision" for a decided
 * assessment (default TRUE); a container that offers it already, as the
 * assessment view's read-only banner does, turns it off. */
void          pc_review_page_set_offer_revision (PcReviewPage *self,
                                                 gboolean      offer);

G_END_DECLS
