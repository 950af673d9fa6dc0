/* pc-signoff-text.h: who signed what and when, in words
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* "22 November 2026 at 10:15 UTC", with the local time beside it when
 * the computer is not on UTC; @iso8601 itself when it does not parse.
 * Returns: (transfer full) */
char *pc_signoff_describe_time  (const char      *iso8601);

/* One sentence, without its full stop, saying who signed with what
 * meaning and when: "Approved by Dr Ann Lee, Clinical Director, on
 * 22 November 2026 at 10:15 UTC". The review page, the read-only
 * banner and the imported summary dialog all say it this way.
 * Returns: (transfer full) */
char *pc_signoff_describe_parts (PcMeaning        meaning,
                                 const char      *name,
                                 const char      *role,
                                 const char      *signed_at);

/* pc_signoff_describe_parts() of @signoff. Returns: (transfer full) */
char *pc_signoff_describe       (const PcSignoff *signoff);

/* "Conditions: …" of an approval with conditions, "Reason: …" of any
 * other sign-off that gives one, or NULL. Returns: (transfer full) */
char *pc_signoff_describe_reason (const PcSignoff *signoff);

G_END_DECLS
