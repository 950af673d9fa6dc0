/* pc-application.h
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PC_TYPE_APPLICATION (pc_application_get_type ())
G_DECLARE_FINAL_TYPE (PcApplication, pc_application, PC, APPLICATION, AdwApplication)

PcApplication *pc_application_new           (void);
/* Presents the window of the database at @path (NULL: the default),
 * opening it when no window shows it yet; a database that cannot be
 * opened gets a dialog saying why. */
void           pc_application_open_database (PcApplication *self,
                                             const char    *path);

G_END_DECLS
