/* pc-report.h: the committee-paper report, drawn with cairo and Pango
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_REPORT_ERROR (pc_report_error_quark ())

typedef enum
{
  PC_REPORT_ERROR_FAILED,  /* cairo could not draw or write the file */
} PcReportError;

/* A report laid out for one page size; the same object draws the pages
 * of the PDF file and of GTK's print dialog. */
typedef struct _PcReport PcReport;

GQuark     pc_report_error_quark  (void);

/* @findings: the linter's result (element-type PcFinding) at @now;
 * @content_sha256: the SHA-256 of the canonical content (the summary's);
 * @audit_count and @audit_head: the assessment's audit trail, checked
 * (@audit_head NULL: not stated). Keeps its own copies of what it needs.
 * Returns: (transfer full) */
PcReport  *pc_report_new          (const PcAssessment *assessment,
                                   const PcChecklist  *checklist,
                                   GPtrArray          *findings,
                                   const char         *content_sha256,
                                   guint               audit_count,
                                   const char         *audit_head,
                                   GDateTime          *now);
/* pc_report_new() with what an export at @now needs, gathered by
 * pc_export_facts_gather() as for the summary: @store's audit chain for
 * the assessment, checked (a broken chain is refused with
 * PC_STORE_ERROR_AUDIT_BROKEN, an altered record with
 * PC_STORE_ERROR_ALTERED), the linter's findings as of @now's date
 * (UTC), and the SHA-256 of the canonical content. Defined in
 * pc-export.c. Returns: (transfer full) (nullable) */
PcReport  *pc_report_new_at       (PcStore            *store,
                                   const PcAssessment *assessment,
                                   const PcChecklist  *checklist,
                                   GDateTime          *now,
                                   GError            **error);
void       pc_report_free         (PcReport           *report);

/* Lays the report out on pages of @width × @height points (A4 is
 * 595.276 × 841.89), measuring text with @cr's font options; returns the
 * number of pages. */
guint      pc_report_paginate     (PcReport           *report,
                                   cairo_t            *cr,
                                   double              width,
                                   double              height);
/* Draws page @page_index (from 0) of the last pagination on @cr, whose
 * origin is the page's top-left corner, in points. */
void       pc_report_draw_page    (PcReport           *report,
                                   cairo_t            *cr,
                                   guint               page_index);

/* Writes the whole report as an A4 PDF to @path, atomically (a temporary
 * file renamed into place), with metadata and an outline. */
gboolean   pc_report_write_pdf    (PcReport           *report,
                                   const char         *path,
                                   GError            **error);

/* Writes the action plan as CSV (RFC 4180, UTF-8, header row): reference,
 * revision, principle, prompt id, prompt, description, owner, due date,
 * status, overdue (measured at @today). An assessment of @store that
 * does not verify (pc_store_require_intact()) is refused. */
gboolean   pc_report_write_csv    (PcStore            *store,
                                   const PcAssessment *assessment,
                                   const PcChecklist  *checklist,
                                   GDate              *today,
                                   const char         *path,
                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcReport, pc_report_free)

G_END_DECLS
