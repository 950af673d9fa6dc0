/* pc-lint.h: the completeness rules of an assessment
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-types.h"

G_BEGIN_DECLS

/* One finding of the linter. Rule ids are stable (exported, tested):
 *
 *   not-assessed            block  a prompt still not assessed
 *   no-evidence             block  met or partly met with no evidence text and no attachment
 *   no-justification        block  not applicable with no justification
 *   no-action               block  partly met or not met with no action
 *   action-incomplete       block  an action with no owner or no due date
 *   action-overdue          warn   an action due before today and not done
 *   no-coproduction         warn   no co-production record
 *   nhs-number              warn   text that looks like an NHS number
 *   no-review-date          warn   no planned review date
 */
struct _PcFinding
{
  char    *rule;
  PcLevel  level;
  char    *principle_id;  /* nullable: findings about the whole assessment */
  char    *prompt_id;     /* nullable */
  gint64   action_id;     /* 0 unless the finding is about one action */
  char    *message;       /* one sentence, translated */
};

/* Every finding for @assessment against @checklist, in checklist order
 * (prompt findings first, principle by principle; then the assessment's),
 * @today being the date overdue actions are measured against.
 * Returns: (transfer full) (element-type PcFinding) */
GPtrArray *pc_lint_run            (const PcAssessment *assessment,
                                   const PcChecklist  *checklist,
                                   GDate              *today);

/* TRUE when any finding blocks sign-off. */
/* pc_lint_run()'s findings about one prompt (its rating, texts and
 * actions), and those about the whole assessment (header, co-production,
 * review date): together, in checklist order, they are pc_lint_run()'s.
 * Returns: (transfer full) (element-type PcFinding) */
GPtrArray *pc_lint_run_prompt     (const PcAssessment *assessment,
                                   const PcChecklist  *checklist,
                                   const char         *prompt_id,
                                   GDate              *today);
GPtrArray *pc_lint_run_general    (const PcAssessment *assessment,
                                   GDate              *today);
gboolean   pc_lint_blocks         (GPtrArray          *findings);

/* TRUE when @text holds ten digits (optionally grouped 3-3-4 by spaces or
 * hyphens) that pass the NHS number modulus-11 check. */
gboolean   pc_lint_has_nhs_number (const char         *text);

void       pc_finding_free        (PcFinding          *finding);

G_END_DECLS
