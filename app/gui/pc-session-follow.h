/* pc-session-follow.h: a widget following one assessment session's signals
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pc-assessment-session.h"

G_BEGIN_DECLS

/* A signal of the session and what hears it: the callback takes the
 * follower first (it is connected swapped). */
typedef struct
{
  const char *signal;
  GCallback   callback;
} PcSessionHandler;

/* Makes @follower follow @session (nullable) in *@slot: lets go of the
 * session it followed (and every handler of its own there), keeps a
 * reference to @session and connects @handlers to it, for as long as
 * @follower lives. Returns FALSE, doing nothing, when @follower followed
 * @session already. */
gboolean pc_session_follow (gpointer                 follower,
                            PcAssessmentSession    **slot,
                            PcAssessmentSession     *session,
                            const PcSessionHandler  *handlers,
                            guint                    n_handlers);

G_END_DECLS
