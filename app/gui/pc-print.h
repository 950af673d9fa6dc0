/* pc-print.h: printing the committee-paper report with GTK
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pc-report.h"
#include "pc-types.h"

G_BEGIN_DECLS

/* Opens GTK's print dialog, transient for @parent, on A4 portrait pages
 * drawn by pc_report_draw_page(); failures are shown with
 * pc_ui_show_error(). @store is the database @assessment was read from. */
void      pc_print_assessment         (GtkWindow          *parent,
                                       PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist);

/* Runs the same print operation without a dialog
 * (GTK_PRINT_OPERATION_ACTION_EXPORT), writing the pages to the PDF file
 * @path: what the printer would have received. */
gboolean  pc_print_assessment_to_file (PcStore            *store,
                                       const PcAssessment *assessment,
                                       PcChecklist        *checklist,
                                       const char         *path,
                                       GError            **error);

G_END_DECLS
