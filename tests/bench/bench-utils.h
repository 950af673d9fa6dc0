/* bench-utils.h: timing and clean-up shared by the benchmarks
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-checklist.h"

G_BEGIN_DECLS

/* The median of @samples (gint64 microseconds), in milliseconds. Sorts
 * @samples. */
double              bench_median_ms    (GArray      *samples);
/* Prints "WHAT: median N ms over COUNT (BUDGET)". */
void                bench_print_median (const char  *what,
                                        GArray      *samples,
                                        const char  *budget);
/* The @n-th prompt of @checklist, counting across principles. */
const PcPrompt     *bench_nth_prompt   (PcChecklist *checklist,
                                        guint        n);
/* Removes @dir and everything in it. */
void                bench_remove_dir   (const char  *dir);

/* Times what @run does in a scratch folder, removed afterwards; --quick
 * asks for smaller counts. Returns main()'s exit status. */
typedef gboolean (*BenchRunFunc) (const char  *dir,
                                  gboolean     quick,
                                  GError     **error);
int                 bench_main         (int          argc,
                                        char       **argv,
                                        const char  *name,
                                        const char  *summary,
                                        BenchRunFunc run);

G_END_DECLS
