/* pc-prompt-editor.h: one prompt of a principle, answered
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

#define PC_TYPE_PROMPT_EDITOR (pc_prompt_editor_get_type ())
G_DECLARE_FINAL_TYPE (PcPromptEditor, pc_prompt_editor, PC, PROMPT_EDITOR, GtkWidget)

/* One prompt as a group: the question, its guidance (expandable), the
 * rating, the evidence, the justification when not applicable, the
 * attachments, the actions, and the linter's findings for the prompt.
 *
 * Every edit goes through the session (PcAssessmentSession): a rating,
 * an attachment, an action added or removed and an action's status are
 * written at once; typed text (evidence, justification, an action's
 * description, owner and due date) waits in the session's autosave
 * queue. The editor listens only to its own prompt's signals, so an
 * edit elsewhere costs it nothing. */
GtkWidget  *pc_prompt_editor_new             (void);

/* Shows prompt @prompt_id of the assessment @session holds, and follows
 * its changes. The editor keeps a reference to @session. */
void        pc_prompt_editor_set_session     (PcPromptEditor      *self,
                                              PcAssessmentSession *session,
                                              const char          *prompt_id);
const char *pc_prompt_editor_get_prompt_id   (PcPromptEditor     *self);
/* The rating shown. */
PcRating    pc_prompt_editor_get_rating      (PcPromptEditor     *self);
/* Text typed into this prompt (or its actions) waits to be written. */
gboolean    pc_prompt_editor_get_pending     (PcPromptEditor     *self);
/* Copies @file into the store as an attachment of the prompt shown, as
 * the file chooser of "Attach File…" does once a file is chosen. FALSE
 * with @error if the file cannot be read, is too large or the store
 * refuses it. */
gboolean    pc_prompt_editor_add_attachment_file (PcPromptEditor  *self,
                                                  GFile           *file,
                                                  GError         **error);
/* Moves the keyboard focus to the rating. */
void        pc_prompt_editor_focus_rating    (PcPromptEditor     *self);

G_END_DECLS
