/* pc-window.h
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-assessment-view.h"
#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_WINDOW (pc_window_get_type ())
G_DECLARE_FINAL_TYPE (PcWindow, pc_window, PC, WINDOW, AdwApplicationWindow)

/* @application (nullable): tests build windows without one. */
PcWindow   *pc_window_new          (gpointer    application,
                                    PcStore    *store);

/* The application's preferences (window size, who is using the program,
 * trusted signers) and its menu of recent databases; a window without
 * them (as in tests) keeps its defaults. Called once. */
void        pc_window_use_settings (PcWindow   *self,
                                    GSettings  *settings,
                                    GMenuModel *recent_menu);
PcStore    *pc_window_get_store    (PcWindow   *self);
void        pc_window_show_about   (PcWindow   *self);
/* Shows a toast at the bottom of the window. */
void        pc_window_toast        (PcWindow   *self,
                                    const char *message);
/* Writes imported summary @id to @path exactly as it was imported (the
 * imported summary dialog's "Export Summary…" asks for @path). */
gboolean    pc_window_export_imported (PcWindow    *self,
                                       gint64       id,
                                       const char  *path,
                                       GError     **error);

/* The window's assessment view, built now if no assessment has been
 * opened yet. */
PcAssessmentView *pc_window_get_assessment_view (PcWindow *self);

G_END_DECLS
