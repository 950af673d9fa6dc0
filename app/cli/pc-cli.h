/* pc-cli.h: the command line
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* TRUE when @argv is for the command line: it holds a command word (or
 * a word that is not one, which the command line refuses), even after
 * "--db FILE", or it asks for --help or --version. FALSE when there are
 * no arguments, or only options such as --db: the window opens. */
gboolean  pc_cli_handles     (int          argc,
                              char       **argv);

/* Runs the command of @argv with its arguments ("principle-check --db
 * FILE list" runs list); returns the exit status. Output goes to
 * stdout, errors to stderr as one line each. */
int       pc_cli_run         (int          argc,
                              char       **argv);

G_END_DECLS
