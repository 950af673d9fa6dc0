/* pc-assessment-session.h: one open assessment, edited through the store
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_ASSESSMENT_SESSION (pc_assessment_session_get_type ())
G_DECLARE_FINAL_TYPE (PcAssessmentSession, pc_assessment_session, PC, ASSESSMENT_SESSION, GObject)

/* A session loads one assessment once and keeps it, with its checklist
 * and its completeness findings, while it is open. Every edit goes
 * through the session: it writes to the store, updates what it holds
 * and says what changed, so that whoever shows the assessment updates
 * only that. Text being typed waits in one autosave queue (written a
 * moment after the last keystroke, and on pc_assessment_session_flush()).
 *
 * pc_assessment_session_refresh() reads the assessment again and emits
 * a signal for each part that differs from what the session held: it is
 * how changes made elsewhere (another window, the command line, a
 * reviewer's sign-off) arrive.
 *
 * Signals. Those about one prompt are detailed by the prompt's id
 * ("answer-changed::kind-1"), so a prompt's editor hears only its own:
 *   ::answer-changed (const char *prompt_id)       rating, evidence or justification
 *   ::attachments-changed (const char *prompt_id)  an attachment added or removed
 *   ::links-changed (const char *prompt_id)        a link added or removed
 *   ::actions-changed (const char *prompt_id)      an action added, removed or changed
 *   ::findings-changed (const char *prompt_id)     that prompt's findings; NULL (no
 *                                                  detail): those about the whole assessment
 *   ::header-changed ()                            title, kind, division, lead, team, dates…
 *   ::coproduction-changed ()
 *   ::state-changed ()                             state, sign-offs, revision, integrity
 *   ::changed ()                                   after any of the above (once per edit)
 *   ::save-failed (const GError *error)            an edit waiting in the autosave
 *                                                  queue could not be written
 * Property "pending" (gboolean): typed text waits to be written. */
PcAssessmentSession *pc_assessment_session_open        (PcStore             *store,
                                                        gint64               id,
                                                        GError             **error);

PcStore            *pc_assessment_session_get_store     (PcAssessmentSession *self);
PcChecklist        *pc_assessment_session_get_checklist (PcAssessmentSession *self);
/* Valid until the next change: read it again after a signal. */
const PcAssessment *pc_assessment_session_get_assessment (PcAssessmentSession *self);
/* A draft of this database, not an imported summary. */
gboolean            pc_assessment_session_get_editable  (PcAssessmentSession *self);
gboolean            pc_assessment_session_get_pending   (PcAssessmentSession *self);

/* The findings about @prompt_id. (transfer none) (element-type PcFinding) */
GPtrArray          *pc_assessment_session_get_prompt_findings (PcAssessmentSession *self,
                                                               const char          *prompt_id);
/* Every finding, in checklist order, then those about the whole
 * assessment: what pc_lint_run() gives. (transfer container) */
GPtrArray          *pc_assessment_session_dup_findings  (PcAssessmentSession *self);
void                pc_assessment_session_count_findings (PcAssessmentSession *self,
                                                          guint               *n_blocking,
                                                          guint               *n_warnings);

/* Edits, written now. */
gboolean  pc_assessment_session_set_rating        (PcAssessmentSession *self,
                                                   const char          *prompt_id,
                                                   PcRating             rating,
                                                   GError             **error);
gint64    pc_assessment_session_add_attachment    (PcAssessmentSession *self,
                                                   const char          *prompt_id,
                                                   const char          *name,
                                                   const char          *media_type,
                                                   GBytes              *data,
                                                   GError             **error);
gboolean  pc_assessment_session_remove_attachment (PcAssessmentSession *self,
                                                   gint64               attachment_id,
                                                   GError             **error);
gint64    pc_assessment_session_add_link          (PcAssessmentSession *self,
                                                   const char          *prompt_id,
                                                   const char          *url,
                                                   const char          *title,
                                                   GError             **error);
gboolean  pc_assessment_session_remove_link       (PcAssessmentSession *self,
                                                   gint64               link_id,
                                                   GError             **error);
gint64    pc_assessment_session_add_action        (PcAssessmentSession *self,
                                                   const char          *prompt_id,
                                                   const char          *description,
                                                   GError             **error);
gboolean  pc_assessment_session_set_action_field  (PcAssessmentSession *self,
                                                   gint64               action_id,
                                                   const char          *field,
                                                   const char          *value,
                                                   GError             **error);
gboolean  pc_assessment_session_remove_action     (PcAssessmentSession *self,
                                                   gint64               action_id,
                                                   GError             **error);
gint64    pc_assessment_session_add_coproduction  (PcAssessmentSession *self,
                                                   const char          *who,
                                                   const char          *how,
                                                   const char          *date,
                                                   const char          *changed,
                                                   GError             **error);
gboolean  pc_assessment_session_remove_coproduction (PcAssessmentSession *self,
                                                     gint64               entry_id,
                                                     GError             **error);

/* Typed text, written by the autosave queue. @field is "evidence" or
 * "justification"; for an action "description", "owner" or "due_date";
 * for the header a field of pc_store_set_header_field(). A header
 * field that holds the value queued already is not written again. */
void        pc_assessment_session_queue_answer_text  (PcAssessmentSession *self,
                                                      const char          *prompt_id,
                                                      const char          *field,
                                                      const char          *text);
void        pc_assessment_session_queue_action_field (PcAssessmentSession *self,
                                                      gint64               action_id,
                                                      const char          *field,
                                                      const char          *value);
void        pc_assessment_session_queue_header_field (PcAssessmentSession *self,
                                                      const char          *field,
                                                      const char          *value);
void        pc_assessment_session_queue_team         (PcAssessmentSession *self,
                                                      const char * const  *team);
/* The text waiting to be written for a prompt's @field, an action's or
 * the header's, or NULL when none waits: what is typed is never
 * replaced by what the store holds. (transfer none) */
const char *pc_assessment_session_get_pending_answer_text  (PcAssessmentSession *self,
                                                            const char          *prompt_id,
                                                            const char          *field);
const char *pc_assessment_session_get_pending_action_field (PcAssessmentSession *self,
                                                            gint64               action_id,
                                                            const char          *field);
gboolean    pc_assessment_session_has_pending_header       (PcAssessmentSession *self,
                                                            const char          *field);

/* Writes every edit waiting in the queue now. */
gboolean    pc_assessment_session_flush    (PcAssessmentSession *self,
                                            GError             **error);
/* Writes every edit waiting in the queue now, as the queue would after
 * a pause (a choice made after typing is saved at once with what was
 * typed): a failure is emitted as ::save-failed. */
gboolean    pc_assessment_session_save_now (PcAssessmentSession *self);
/* Gives up every edit waiting in the queue, unwritten: only when the
 * person has chosen to (after being told it could not be saved). */
void        pc_assessment_session_discard_pending (PcAssessmentSession *self);
/* Reads the assessment again (after a change made elsewhere: a sign-off,
 * another program) and emits what differs. */
gboolean    pc_assessment_session_refresh  (PcAssessmentSession *self,
                                            GError             **error);

G_END_DECLS
