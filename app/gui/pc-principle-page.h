/* pc-principle-page.h: one principle of an assessment, prompt by prompt
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

#define PC_TYPE_PRINCIPLE_PAGE (pc_principle_page_get_type ())
G_DECLARE_FINAL_TYPE (PcPrinciplePage, pc_principle_page, PC, PRINCIPLE_PAGE, GtkWidget)

/* The principle's title and description, then a PcPromptEditor for each
 * of its prompts. Edits go through the session, which says what
 * changed: each editor updates itself, and nothing else on the page. */
GtkWidget  *pc_principle_page_new              (const char         *principle_id);
const char *pc_principle_page_get_principle_id (PcPrinciplePage    *self);

/* Shows @principle_id's prompts of the assessment @session holds, in
 * the editors the page has already (a page is reused for another
 * principle rather than another page built). The page keeps a
 * reference to @session. */
void        pc_principle_page_show_principle   (PcPrinciplePage     *self,
                                                PcAssessmentSession *session,
                                                const char          *principle_id);
/* Text typed on this page waits to be written. */
gboolean    pc_principle_page_get_pending      (PcPrinciplePage    *self);
/* Focuses the rating of @prompt_id (NULL: the first prompt) and scrolls
 * to it. FALSE when the page has no such prompt. */
gboolean    pc_principle_page_focus_prompt     (PcPrinciplePage    *self,
                                                const char         *prompt_id);
/* Transfer none; NULL when the page has no such prompt. */
GtkWidget  *pc_principle_page_get_editor       (PcPrinciplePage    *self,
                                                const char         *prompt_id);

G_END_DECLS
