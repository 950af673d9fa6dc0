/* pc-assessment-view.h: the walk through one assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_ASSESSMENT_VIEW (pc_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (PcAssessmentView, pc_assessment_view, PC, ASSESSMENT_VIEW, GtkWidget)

/* An AdwLeaflet: a sidebar listing Overview, each principle of the
 * checklist (status colour and word, answered count), Co-production,
 * Review & sign-off and History; beside it the page chosen. Pages are
 * named "overview", "principle:<principle id>", "coproduction",
 * "review" and "history".
 *
 * Signals:
 *   ::closed ()               the user went back to the list
 *   ::changed ()              something was saved (the list may reload)
 *
 * Above every page, a banner says why the assessment cannot be changed
 * (final: who signed what and when, with "Start New Revision…"; in
 * review; imported) or that it was returned, and by whom and why.
 *
 * Actions: view.previous-principle, view.next-principle, view.back,
 * view.start-revision (final assessments: asks for the reason, then
 * opens the new draft), view.export-json (Ctrl+E: the file chooser,
 * then pc_assessment_view_export_json()), view.export-pdf and
 * view.export-csv (likewise, with pc_assessment_view_export_pdf() and
 * pc_assessment_view_export_csv()) and view.print (Ctrl+P: GTK's print
 * dialog drawing the report's pages, pc_print_assessment()).
 *
 * Every page (PcOverviewPage, PcPrinciplePage, PcCoproductionPage,
 * PcReviewPage, PcHistoryPage) follows the view's PcAssessmentSession,
 * given to it when it is first shown, and shows what its signals say
 * changed. PcReviewPage signs through the store and emits ::changed; the
 * view then has the session read the assessment again. PcReviewPage
 * also emits ::go-to-prompt (const char *prompt_id). */
GtkWidget          *pc_assessment_view_new             (void);
void                pc_assessment_view_set_store       (PcAssessmentView *self,
                                                        PcStore          *store);
/* Loads and shows assessment @id, at @page (nullable: the overview). */
gboolean            pc_assessment_view_open            (PcAssessmentView *self,
                                                        gint64            id,
                                                        const char       *page,
                                                        GError          **error);
/* Transfer none; NULL before open(). */
const PcAssessment *pc_assessment_view_get_assessment  (PcAssessmentView *self);
/* Reads the assessment again from the store (after a change made
 * elsewhere) and updates only what differs. */
void                pc_assessment_view_reload          (PcAssessmentView *self);
/* Saves every pending edit now. FALSE with @error if one failed. */
gboolean            pc_assessment_view_flush           (PcAssessmentView *self,
                                                        GError          **error);
/* Forgets every edit not written yet: only when the person has chosen
 * to lose it (closing after a failed save). */
void                pc_assessment_view_discard_pending (PcAssessmentView *self);
void                pc_assessment_view_show_page       (PcAssessmentView *self,
                                                        const char       *page);
/* Shows the principle page holding @prompt_id and focuses its rating. */
void                pc_assessment_view_show_prompt     (PcAssessmentView *self,
                                                        const char       *prompt_id);
/* The name of the page shown ("principle:kindness-matters", …). */
const char         *pc_assessment_view_get_page        (PcAssessmentView *self);
/* Saves what is pending, then writes the summary file of the assessment
 * shown to @path as `principle-check export --json` does
 * (pc_export_to_file(), PC_EXPORT_SUMMARY). view.export-json asks for @path with the file
 * chooser, calls this and names the file in a toast. */
gboolean            pc_assessment_view_export_json     (PcAssessmentView *self,
                                                        const char       *path,
                                                        GError          **error);
/* Saves what is pending, then writes the committee-paper report of the
 * assessment shown to @path as an A4 PDF, as `principle-check export
 * --pdf` does (pc_export_to_file(), PC_EXPORT_REPORT). */
gboolean            pc_assessment_view_export_pdf      (PcAssessmentView *self,
                                                        const char       *path,
                                                        GError          **error);
/* Saves what is pending, then writes the action plan of the assessment
 * shown to @path as CSV, as `principle-check export --csv` does
 * (pc_export_to_file(), PC_EXPORT_ACTION_PLAN). */
gboolean            pc_assessment_view_export_csv      (PcAssessmentView *self,
                                                        const char       *path,
                                                        GError          **error);

/* Preferences' trusted signers file (nullable: none), which the review
 * page looks each sign-off's key up in. */
void          pc_assessment_view_set_trusted_signers (PcAssessmentView *self,
                                                      const char       *path);

G_END_DECLS
