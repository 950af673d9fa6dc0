/* pc-review-page.h: review and sign-off: the linter's findings, submit, the reviewer's decision, the sign-offs
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

#define PC_TYPE_REVIEW_PAGE (pc_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PcReviewPage, pc_review_page, PC, REVIEW_PAGE, GtkWidget)

GtkWidget *pc_review_page_new (void);

/* Shows the assessment @session (nullable) holds, and follows it: its
 * state and findings are shown again as they change, at once while the
 * page is shown, or else when it next is (or when its container calls
 * this again with the same session, saying it shows the page). */
void       pc_review_page_set_session (PcReviewPage        *self,
                                       PcAssessmentSession *session);

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
