/* pc-ui-state.h: where the user was, so reopening returns there
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A key file at $XDG_STATE_HOME/principle-check/state.ini with one group
 * per database path, holding the assessment open in it and the page
 * shown: places only, never clinical data. Failures are logged, not
 * shown: losing the place is an inconvenience, not a loss of work. */

void      pc_ui_state_remember (const char  *db_path,
                                gint64       assessment_id,
                                const char  *page);
void      pc_ui_state_forget   (const char  *db_path);
/* TRUE when a place is remembered for @db_path; @out_page (transfer
 * full) may be NULL. */
gboolean  pc_ui_state_lookup   (const char  *db_path,
                                gint64      *out_assessment_id,
                                char       **out_page);

G_END_DECLS
