/* pc-new-assessment-dialog.h: the header of a new assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_NEW_ASSESSMENT_DIALOG (pc_new_assessment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcNewAssessmentDialog, pc_new_assessment_dialog, PC, NEW_ASSESSMENT_DIALOG, AdwWindow)

/* A modal dialog over @parent (nullable) that asks for the header fields
 * of DESIGN.md, validates them as they are typed, and keeps "Create"
 * disabled until the required ones are filled. On Create it makes the
 * assessment in @store against @checklist, emits ::created with the new
 * id and closes; a store error is shown and nothing typed is lost. */
PcNewAssessmentDialog *pc_new_assessment_dialog_new (GtkWindow   *parent,
                                                     PcStore     *store,
                                                     PcChecklist *checklist);

G_END_DECLS
