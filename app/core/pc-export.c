/* pc-export.c: exporting an assessment: the facts every export states
 * (the audit chain checked, the canonical content hashed, the findings
 * at the UTC day), gathered once, and the files written from them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-export"

#include "config.h"

#include "pc-export.h"

#include "pc-assessment.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-report.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-vocab.h"

PcExportFacts *
pc_export_facts_gather (PcStore             *store,
                        const PcAssessment  *assessment,
                        const PcChecklist   *checklist,
                        GDateTime           *when,
                        GError             **error)
{
  g_autoptr(PcExportFacts) facts = NULL;
  g_autoptr(cJSON) content = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PC_IS_STORE (store), NULL);
  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (when != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  facts = g_new0 (PcExportFacts, 1);

  /* A committee paper or a summary from a broken chain or an altered
   * record would carry an authority the database no longer has. */
  if (!pc_store_check_for_export (store, assessment, &facts->audit_count, &facts->audit_head,
                                  error))
    return NULL;

  content = pc_summary_build_content (assessment, checklist);
  bytes = pc_summary_canonical_bytes (content, &facts->content_sha256, error);
  if (bytes == NULL)
    return NULL;

  /* The findings are the linter's at the time of export, so overdue
   * actions are measured against the date exported_at carries. */
  facts->exported_at = g_date_time_to_utc (when);
  facts->today = pc_date_new_utc (facts->exported_at);
  facts->findings = pc_lint_run (assessment, checklist, facts->today);

  return g_steal_pointer (&facts);
}

void
pc_export_facts_free (PcExportFacts *facts)
{
  if (facts == NULL)
    return;

  g_clear_pointer (&facts->exported_at, g_date_time_unref);
  g_clear_pointer (&facts->today, g_date_free);
  g_free (facts->audit_head);
  g_free (facts->content_sha256);
  g_clear_pointer (&facts->findings, g_ptr_array_unref);
  g_free (facts);
}

gboolean
pc_summary_export (PcStore             *store,
                   const PcAssessment  *a,
                   PcChecklist         *checklist,
                   GDateTime           *now,
                   const char          *path,
                   cJSON              **out_document,
                   GError             **error)
{
  g_autoptr(PcExportFacts) facts = NULL;
  g_autoptr(cJSON) document = NULL;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  facts = pc_export_facts_gather (store, a, checklist, now, error);
  if (facts == NULL)
    return FALSE;

  document = pc_summary_build_document (a, checklist, facts->findings, facts->audit_count,
                                        facts->audit_head, facts->exported_at);
  if (!pc_summary_write (document, path, error))
    return FALSE;

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);

  return TRUE;
}

PcReport *
pc_report_new_at (PcStore             *store,
                  const PcAssessment  *assessment,
                  const PcChecklist   *checklist,
                  GDateTime           *now,
                  GError             **error)
{
  g_autoptr(PcExportFacts) facts = pc_export_facts_gather (store, assessment, checklist, now,
                                                           error);

  if (facts == NULL)
    return NULL;

  return pc_report_new (assessment, checklist, facts->findings, facts->content_sha256,
                        facts->audit_count, facts->audit_head, facts->exported_at);
}

gboolean
pc_export_to_file (PcStore             *store,
                   const PcAssessment  *assessment,
                   PcChecklist         *checklist,
                   PcExportFormat       format,
                   GDateTime           *when,
                   const char          *path,
                   cJSON              **out_document,
                   GError             **error)
{
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (when != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);

  switch (format)
    {
    case PC_EXPORT_SUMMARY:
      return pc_summary_export (store, assessment, checklist, when, path, out_document, error);

    case PC_EXPORT_REPORT:
      report = pc_report_new_at (store, assessment, checklist, when, error);
      return report != NULL && pc_report_write_pdf (report, path, error);

    case PC_EXPORT_ACTION_PLAN:
      /* The action plan states no audit head nor signatures: an altered
       * record is refused (pc_report_write_csv()), and overdue is
       * measured on the export's UTC day, as in the summary. */
      utc = g_date_time_to_utc (when);
      today = pc_date_new_utc (utc);
      return pc_report_write_csv (store, assessment, checklist, today, path, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}
