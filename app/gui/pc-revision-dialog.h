/* pc-revision-dialog.h: asking why, then starting a new revision
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* Called on @owner once a new draft revision @new_id exists. */
typedef void (*PcRevisionStartedFunc) (GtkWidget *owner,
                                       gint64     new_id);

/* Asks, over @owner's window, for the reason for a new revision of the
 * final @assessment of @store, then starts it with pc_store_revise(),
 * says so in a toast and calls @started. A failure is shown over
 * @owner. The review page's button and the assessment view's
 * view.start-revision both go through here. Returns: (transfer none)
 * the AdwMessageDialog, already presented (tests answer it). */
GtkWidget *pc_revision_dialog_present (GtkWidget             *owner,
                                       PcStore               *store,
                                       const PcAssessment    *assessment,
                                       PcRevisionStartedFunc  started);

G_END_DECLS
