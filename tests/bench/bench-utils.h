/* bench-utils.h: timing and clean-up shared by the benchmarks
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-checklist.h"
#include "pc-sign.h"
#include "pc-store.h"

G_BEGIN_DECLS

#define BENCH_DIVISION "barnet_mental_health"
#define BENCH_AUTHOR_NAME "Dr A. Benchmark"
#define BENCH_AUTHOR_ROLE "Consultant Psychiatrist"
#define BENCH_REVIEWER_NAME "B. Reviewer"
#define BENCH_REVIEWER_ROLE "Deputy Director of Nursing"
#define BENCH_N_ATTACHMENTS 20

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
/* What a signed benchmark assessment holds. */
typedef enum
{
  /* DESIGN.md's "complete assessment": every prompt answered with
   * evidence, an action for every prompt partly met or not met and a
   * few more (about 30), BENCH_N_ATTACHMENTS attachments of 2 to 97 KiB
   * (about 1 MiB in all), links and co-production entries. */
  BENCH_CONTENT_COMPLETE,
  /* The least that can be signed: every prompt met with evidence, and
   * two attachments of 4 and 16 KiB. */
  BENCH_CONTENT_MINIMAL,
} BenchContent;

/* Makes the author's and the reviewer's keys in @keys_dir, unlocked (the
 * passphrase is stretched here, once for each). */
gboolean            bench_signers_new  (const char    *keys_dir,
                                        PcSigningKey **out_author,
                                        PcSigningKey **out_reviewer,
                                        GError       **error);
/* Makes an assessment called @title through @store, fills it as
 * @content says, submits it as @author and approves it as @reviewer,
 * all through the store's API. Sets @out_n_actions (nullable). Returns
 * its id, or 0. */
gint64              bench_make_signed_assessment (PcStore      *store,
                                                  PcChecklist  *checklist,
                                                  const char   *title,
                                                  BenchContent  content,
                                                  PcSigningKey *author,
                                                  PcSigningKey *reviewer,
                                                  guint        *out_n_actions,
                                                  GError      **error);

/* Removes @dir and everything in it. */
void                bench_remove_dir   (const char  *dir);

/* Runs the program of $PC_CLI (set by `meson test --benchmark`) with
 * @args (NULL-terminated, without the program); FALSE with @error when
 * it cannot run or exits non-zero. @out (nullable) gets its stdout. */
gboolean            bench_run_cli      (const char * const *args,
                                        char              **out,
                                        GError            **error);

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
