/* pc-gui.h: the window layer's entry point, for the module loader
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The window layer is built as a module, loaded only when a window is to
 * be opened (app/main.c): the command line never loads GTK. */
#define PC_GUI_MAIN_SYMBOL "pc_gui_main"

typedef int (*PcGuiMainFunc) (int argc, char **argv);

/* Opens the window (the database in @argv, or the last one) and runs it
 * until it is closed; returns the exit status. No display, or no
 * settings schema: one line on stderr and a non-zero status. */
int pc_gui_main (int    argc,
                 char **argv);

G_END_DECLS
