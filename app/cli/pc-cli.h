/* pc-cli.h: the command line
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command. */
enum
{
  PC_EXIT_OK = 0,
  PC_EXIT_FAILED = 1,  /* a check that failed */
  PC_EXIT_USAGE = 2,   /* bad usage or bad input */
};

/* TRUE when @name is a command of the command line ("list", "show", …). */
gboolean  pc_cli_is_command  (const char  *name);

/* Where the command word is in @argv: the first argument that is not an
 * option nor the FILE of "--db FILE", so that "principle-check --db FILE
 * list" runs list. -1 when there is none (the window opens). */
int       pc_cli_find_command (int          argc,
                               char       **argv);

/* Runs the command in @argv[1] with its arguments; returns the exit
 * status. Output goes to stdout, errors to stderr as one line each. */
int       pc_cli_run         (int          argc,
                              char       **argv);

G_END_DECLS
