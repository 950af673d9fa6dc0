/* pc-demo.h: realistic example assessments, for trying the program out
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* Fills @store with realistic example assessments made against
 * @checklist, one in every state of the lifecycle, across several
 * divisions. The signing keys of the example signers are made in
 * @keys_dir (a temporary folder the caller removes); dates are relative
 * to @now (nullable: now), so due dates and review dates stay sensible
 * whenever the demo runs. Returns the number of assessments added, or 0
 * with @error set. */
guint pc_demo_fill (PcStore      *store,
                    PcChecklist  *checklist,
                    const char   *keys_dir,
                    GDateTime    *now,
                    GError      **error);

typedef enum
{
  PC_DEMO_MIX    = 0,
  PC_DEMO_DRAFTS = 1 << 0,  /* drafts only: nothing signed, no keys recorded */
} PcDemoFlags;

/* The most pc_demo_generate() makes at once. */
#define PC_DEMO_MAX_COUNT 100000

/* Adds @count (1 to PC_DEMO_MAX_COUNT) generated assessments to @store,
 * for trying the program at scale and for the benchmarks: the examples'
 * words, evidence, actions and co-production entries drawn at random
 * (the same @count draws the same), across every division and priority,
 * in a mix of states (drafts half done, in review, approved, approved
 * with conditions, returned, not approved; with PC_DEMO_DRAFTS only
 * drafts), each step signed by the example signers whose keys are made
 * in @keys_dir, as pc_demo_fill() does. Where the database knows an
 * example signer by another key (an earlier demo), the new key is
 * recorded as replacing it. They are committed in batches of a few
 * hundred: after a failure, the batches before it stay. Returns @count,
 * or 0 with @error set. */
guint pc_demo_generate (PcStore      *store,
                        PcChecklist  *checklist,
                        const char   *keys_dir,
                        guint         count,
                        PcDemoFlags   flags,
                        GDateTime    *now,
                        GError      **error);

G_END_DECLS
