/* pc-export.c: exporting an assessment: the audit chain checked, the
 * findings at the UTC day, the summary written
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-summary"

#include "config.h"

#include "pc-summary.h"

#include "pc-assessment.h"
#include "pc-lint.h"
#include "pc-json.h"
#include "pc-store.h"
#include "pc-vocab.h"

gboolean
pc_summary_export (PcStore             *store,
                   const PcAssessment  *a,
                   PcChecklist         *checklist,
                   GDateTime           *now,
                   const char          *path,
                   cJSON              **out_document,
                   GError             **error)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autofree char *head = NULL;
  guint count = 0;

  g_return_val_if_fail (PC_IS_STORE (store), FALSE);
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pc_store_check_for_export (store, a, &count, &head, error))
    return FALSE;

  /* The findings are the linter's at the time of export, so overdue
   * actions are measured against the date exported_at carries. */
  utc = g_date_time_to_utc (now);
  today = pc_date_new_utc (utc);
  findings = pc_lint_run (a, checklist, today);

  document = pc_summary_build_document (a, checklist, findings, count, head, utc);
  if (!pc_summary_write (document, path, error))
    return FALSE;

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);

  return TRUE;
}
