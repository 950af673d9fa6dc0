/* pc-export.h: exporting an assessment, the one pipeline the window and
 * the command line share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cjson/cJSON.h>
#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* What every export of an assessment states, gathered once: the audit
 * chain checked, the record checked against its signatures, the SHA-256
 * of the canonical content, and the linter's findings on the UTC day of
 * the export. */
typedef struct
{
  GDateTime *exported_at;     /* the moment of the export, in UTC */
  GDate     *today;           /* its UTC day, against which overdue is measured */
  guint      audit_count;     /* rows of the audit chain, checked */
  char      *audit_head;      /* the hash of its last row */
  char      *content_sha256;  /* lower-case hex SHA-256 of the canonical content */
  GPtrArray *findings;        /* element-type PcFinding: the linter's at @today */
} PcExportFacts;

/* What an export writes. */
typedef enum
{
  PC_EXPORT_SUMMARY,      /* the signed JSON summary (`export --json`) */
  PC_EXPORT_REPORT,       /* the committee report, A4 PDF (`export --pdf`) */
  PC_EXPORT_ACTION_PLAN,  /* the action plan, CSV (`export --csv`) */
} PcExportFormat;

/* The facts of an export of @assessment (made against @checklist) of
 * @store at @when. A broken audit chain (PC_STORE_ERROR_AUDIT_BROKEN)
 * and a record altered since it was signed (PC_STORE_ERROR_ALTERED) are
 * refused: a file from them would carry an integrity the database no
 * longer has. Returns: (transfer full) (nullable) */
PcExportFacts *pc_export_facts_gather (PcStore            *store,
                                       const PcAssessment *assessment,
                                       const PcChecklist  *checklist,
                                       GDateTime          *when,
                                       GError            **error);
void           pc_export_facts_free   (PcExportFacts      *facts);

/* Exports @assessment of @store, as of @when, to @path in @format, as
 * the window's Export menu and `principle-check export` both do: the
 * summary with pc_summary_export(), the report with pc_report_new_at()
 * and pc_report_write_pdf(), the action plan with pc_report_write_csv()
 * on @when's UTC day. The file is written atomically. For the summary,
 * @out_document (nullable) receives the document written; it is left
 * alone for the other formats. */
gboolean       pc_export_to_file      (PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist,
                                       PcExportFormat      format,
                                       GDateTime          *when,
                                       const char         *path,
                                       cJSON             **out_document,
                                       GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcExportFacts, pc_export_facts_free)

G_END_DECLS
