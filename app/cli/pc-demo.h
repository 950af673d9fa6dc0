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

G_END_DECLS
