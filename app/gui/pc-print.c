/* pc-print.c: printing the committee-paper report with GTK
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-print.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-store.h"
#include "pc-ui.h"

/* What one print operation needs from its begin-print to its last
 * draw-page. The assessment and checklist are borrowed: the operation
 * runs synchronously, within the caller's lifetime of both. */
typedef struct
{
  PcStore            *store;
  const PcAssessment *assessment;
  PcChecklist        *checklist;
  PcReport           *report;
  GError             *error;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->report, pc_report_free);
  g_clear_error (&job->error);
  g_free (job);
}

/* Signal handlers */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n_pages;

  g_clear_pointer (&job->report, pc_report_free);
  job->report = pc_report_new_at (job->store, job->assessment, job->checklist, now, &job->error);
  if (job->report == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }

  /* The operation works in points on the whole sheet, so the context's
   * size is the paper's and its origin the sheet's top-left corner: the
   * same frame as the PDF file's pages. */
  n_pages = pc_report_paginate (job->report,
                                gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  if (job->report == NULL || page_nr < 0)
    return;

  pc_report_draw_page (job->report, gtk_print_context_get_cairo_context (context),
                       (guint) page_nr);
}

/* A print operation for @assessment on A4 portrait sheets, measured in
 * points; the job it owns is returned in @out_job. */
static GtkPrintOperation *
new_operation (PcStore             *store,
               const PcAssessment  *assessment,
               PcChecklist         *checklist,
               PrintJob           **out_job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job_name = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  job->store = store;
  job->assessment = assessment;
  job->checklist = checklist;
  g_object_set_data_full (G_OBJECT (operation), "pc-print-job", job,
                          (GDestroyNotify) print_job_free);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);

  /* TRANSLATORS: the name of a print job: an assessment's reference and
   * revision number, as in "BEH-2026-0042 revision 2". */
  job_name = g_strdup_printf (_("%s revision %d"), assessment->reference, assessment->revision);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);

  *out_job = job;
  return operation;
}

/* Runs @operation, then lets go of the borrowed assessment. FALSE with
 * @error if printing failed; a cancelled dialog is not a failure. */
static gboolean
run_operation (GtkPrintOperation        *operation,
               PrintJob                 *job,
               GtkPrintOperationAction   action,
               GtkWindow                *parent,
               GError                  **error)
{
  g_autoptr(GError) run_error = NULL;
  GtkPrintOperationResult result;

  result = gtk_print_operation_run (operation, action, parent, &run_error);
  job->store = NULL;
  job->assessment = NULL;
  job->checklist = NULL;

  if (job->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&job->error));
      return FALSE;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (run_error == NULL)
        g_set_error_literal (&run_error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                             _("The report could not be sent to the printer"));
      g_propagate_error (error, g_steal_pointer (&run_error));
      return FALSE;
    }

  return TRUE;
}

/* Public */

void
pc_print_assessment (GtkWindow          *parent,
                     PcStore            *store,
                     const PcAssessment *assessment,
                     PcChecklist        *checklist)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PC_IS_STORE (store));
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (checklist != NULL);

  operation = new_operation (store, assessment, checklist, &job);
  if (!run_operation (operation, job, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error))
    {
      if (parent != NULL)
        pc_ui_show_error (GTK_WIDGET (parent), _("Could Not Print the Report"), error);
      else
        g_warning ("Could not print the report: %s", error->message);
    }
}

gboolean
pc_print_assessment_to_file (PcStore             *store,
                             const PcAssessment  *assessment,
                             PcChecklist         *checklist,
                             const char          *path,
                             GError             **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  PrintJob *job = NULL;

  g_return_val_if_fail (PC_IS_STORE (store), FALSE);
  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = new_operation (store, assessment, checklist, &job);
  gtk_print_operation_set_export_filename (operation, path);

  return run_operation (operation, job, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
}
