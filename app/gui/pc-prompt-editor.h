/* pc-prompt-editor.h: one prompt of a principle, answered
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_PROMPT_EDITOR (pc_prompt_editor_get_type ())
G_DECLARE_FINAL_TYPE (PcPromptEditor, pc_prompt_editor, PC, PROMPT_EDITOR, GtkWidget)

/* One prompt as a group: the question, its guidance (expandable), the
 * rating, the evidence, the justification when not applicable, the
 * attachments, the actions, and the linter's findings for the prompt.
 *
 * Autosave: a rating, an attachment, an action added or removed and an
 * action's status are written at once; typed text (evidence,
 * justification, an action's description, owner and due date) is
 * written 700 ms after the last keystroke, or at once by flush().
 *
 * Signals:
 *   ::changed ()               something was written to the store
 *   ::save-failed (GError *)   a write failed; the text stays pending
 * Property "pending" (boolean, read-only): typed text not written yet. */
GtkWidget  *pc_prompt_editor_new             (void);

/* Shows prompt @prompt_id of @assessment (made against @checklist) of
 * @store, with @findings (element-type PcFinding; nullable, transfer
 * none: only those about this prompt are shown). The editor keeps
 * references to @store and @checklist and a pointer to @assessment,
 * valid until the next call. Text the user is still typing is kept. */
void        pc_prompt_editor_set_assessment  (PcPromptEditor     *self,
                                              PcStore            *store,
                                              const PcAssessment *assessment,
                                              PcChecklist        *checklist,
                                              const char         *prompt_id,
                                              GPtrArray          *findings);
const char *pc_prompt_editor_get_prompt_id   (PcPromptEditor     *self);
/* The rating shown. */
PcRating    pc_prompt_editor_get_rating      (PcPromptEditor     *self);
gboolean    pc_prompt_editor_get_pending     (PcPromptEditor     *self);
/* Writes pending text now. FALSE with @error if a write failed. */
gboolean    pc_prompt_editor_flush           (PcPromptEditor     *self,
                                              GError            **error);
/* Copies @file into the store as an attachment of the prompt shown, as
 * the file chooser of "Attach File…" does once a file is chosen; emits
 * ::changed. FALSE with @error if the file cannot be read, is too large
 * or the store refuses it. */
gboolean    pc_prompt_editor_add_attachment_file (PcPromptEditor  *self,
                                                  GFile           *file,
                                                  GError         **error);
/* Moves the keyboard focus to the rating. */
void        pc_prompt_editor_focus_rating    (PcPromptEditor     *self);

G_END_DECLS
