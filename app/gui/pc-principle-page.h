/* pc-principle-page.h: one principle of an assessment, prompt by prompt
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_PRINCIPLE_PAGE (pc_principle_page_get_type ())
G_DECLARE_FINAL_TYPE (PcPrinciplePage, pc_principle_page, PC, PRINCIPLE_PAGE, GtkWidget)

/* The principle's title and description, then a PcPromptEditor for each
 * of its prompts, with the linter's findings for each shown live.
 *
 * Signals, as PcPromptEditor's, for the page as a whole:
 *   ::changed ()               something was written to the store
 *   ::save-failed (GError *)   a write failed
 * Property "pending" (boolean, read-only): typed text not written yet. */
GtkWidget  *pc_principle_page_new              (const char         *principle_id);
const char *pc_principle_page_get_principle_id (PcPrinciplePage    *self);

/* Shows @assessment (made against @checklist) of @store, as the other
 * pages' set_assessment(): the page keeps references to @store and
 * @checklist and a pointer to @assessment, valid until the next call. */
void        pc_principle_page_set_assessment   (PcPrinciplePage    *self,
                                                PcStore            *store,
                                                const PcAssessment *assessment,
                                                PcChecklist        *checklist);
gboolean    pc_principle_page_get_pending      (PcPrinciplePage    *self);
/* Writes every prompt's pending text now. */
gboolean    pc_principle_page_flush            (PcPrinciplePage    *self,
                                                GError            **error);
/* Focuses the rating of @prompt_id (NULL: the first prompt) and scrolls
 * to it. FALSE when the page has no such prompt. */
gboolean    pc_principle_page_focus_prompt     (PcPrinciplePage    *self,
                                                const char         *prompt_id);
/* Transfer none; NULL when the page has no such prompt. */
GtkWidget  *pc_principle_page_get_editor       (PcPrinciplePage    *self,
                                                const char         *prompt_id);

G_END_DECLS
