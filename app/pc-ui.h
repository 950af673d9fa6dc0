/* pc-ui.h: small helpers every part of the window uses
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @error in an AdwMessageDialog over @widget's window, with
 * @heading ("Could Not Save"): errors are never silent. */
void  pc_ui_show_error  (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error);

/* Shows a toast over @widget's PcWindow, if it has one. */
void  pc_ui_toast       (GtkWidget    *widget,
                         const char   *message);

G_END_DECLS
