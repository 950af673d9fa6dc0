/* pc-lifecycle.h: which lifecycle steps an assessment may take
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_LIFECYCLE_ERROR (pc_lifecycle_error_quark ())

typedef enum
{
  PC_LIFECYCLE_ERROR_TRANSITION,     /* not allowed from the current state */
  PC_LIFECYCLE_ERROR_BLOCKED,        /* the linter blocks sign-off */
  PC_LIFECYCLE_ERROR_SAME_PERSON,    /* the reviewer is the author */
  PC_LIFECYCLE_ERROR_REASON_NEEDED,  /* returned without a reason, conditions missing */
  PC_LIFECYCLE_ERROR_CHANGED,        /* the content is not what the author signed */
} PcLifecycleError;

GQuark           pc_lifecycle_error_quark   (void);

/* The state an assessment in review goes to on @decision. */
PcState          pc_lifecycle_state_after   (PcMeaning           decision);

/* The latest "prepared" sign-off, or NULL. Transfer none. */
const PcSignoff *pc_lifecycle_find_author   (const PcAssessment *assessment);

/* May the author submit @assessment for review, given the linter's
 * @findings? */
gboolean         pc_lifecycle_check_submit  (const PcAssessment *assessment,
                                             GPtrArray          *findings,
                                             GError            **error);

/* May @reviewer record @decision on @assessment, with @reason (the
 * conditions, or why it is returned), over content whose hash is
 * @content_sha256? */
gboolean         pc_lifecycle_check_review  (const PcAssessment *assessment,
                                             PcMeaning           decision,
                                             const char         *reviewer,
                                             const char         *reason,
                                             const char         *content_sha256,
                                             GError            **error);

/* May a new revision of @assessment be started? */
gboolean         pc_lifecycle_check_revise  (const PcAssessment *assessment,
                                             GError            **error);

G_END_DECLS
