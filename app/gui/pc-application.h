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

/* @settings: the app's preferences (pc_settings_new(), or a memory
 * backend in tests). */
PcApplication *pc_application_new              (GSettings     *settings);
/* File → Recent: one item per recent database, kept up to date. */
GMenuModel    *pc_application_get_recent_menu  (PcApplication *self);
/* Presents the window of the database at @path (NULL: the one opened
 * last, or the default), opening it when no window shows it yet, and
 * makes it the first recent database; a database that cannot be opened
 * gets a dialog saying why. A @path that does not exist gets a dialog
 * asking whether to create it (NULL is returned; the window follows the
 * answer). Returns the window, or NULL. */
GtkWindow     *pc_application_open_database    (PcApplication *self,
                                                const char    *path);
/* As pc_application_open_database(), but a @path that does not exist
 * becomes a new, empty database without asking (the user chose it as
 * a new file); NULL is not allowed. */
GtkWindow     *pc_application_create_database  (PcApplication *self,
                                                const char    *path);

G_END_DECLS
