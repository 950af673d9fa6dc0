/* pc-lifecycle.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-lifecycle"

#include "config.h"

#include "pc-lifecycle.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-lint.h"
#include "pc-text.h"
#include "pc-vocab.h"

G_DEFINE_QUARK (pc-lifecycle-error-quark, pc_lifecycle_error)

PcState
pc_lifecycle_state_after (PcMeaning decision)
{
  switch (decision)
    {
    case PC_MEANING_APPROVED:
      return PC_STATE_APPROVED;
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      return PC_STATE_APPROVED_WITH_CONDITIONS;
    case PC_MEANING_NOT_APPROVED:
      return PC_STATE_NOT_APPROVED;
    case PC_MEANING_RETURNED:
      return PC_STATE_DRAFT;
    case PC_MEANING_PREPARED:
      return PC_STATE_IN_REVIEW;
    default:
      g_assert_not_reached ();
    }
}

const PcSignoff *
pc_lifecycle_find_author (const PcAssessment *assessment)
{
  g_return_val_if_fail (assessment != NULL, NULL);

  for (guint i = assessment->signoffs->len; i > 0; i--)
    {
      const PcSignoff *signoff = g_ptr_array_index (assessment->signoffs, i - 1);

      if (signoff->meaning == PC_MEANING_PREPARED)
        return signoff;
    }

  return NULL;
}

static gboolean
check_not_read_only (const PcAssessment  *assessment,
                     GError             **error)
{
  if (assessment->imported)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("%s is an imported summary and cannot go through review here"),
                   assessment->reference);
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_lifecycle_check_submit (const PcAssessment  *assessment,
                           GPtrArray           *findings,
                           GError             **error)
{
  guint blocking = 0;

  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (findings != NULL, FALSE);

  if (!check_not_read_only (assessment, error))
    return FALSE;

  if (assessment->state != PC_STATE_DRAFT)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("%s is %s, not a draft: only a draft can be submitted for review"),
                   assessment->reference, pc_state_to_label (assessment->state));
      return FALSE;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);

      if (finding->level == PC_LEVEL_BLOCK)
        blocking++;
    }

  if (blocking > 0)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_BLOCKED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s cannot be submitted: %u finding blocks sign-off; run “principle-check check %s” to see it",
                                "%s cannot be submitted: %u findings block sign-off; run “principle-check check %s” to see them",
                                blocking),
                   assessment->reference, blocking, assessment->reference);
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_lifecycle_check_review (const PcAssessment  *assessment,
                           PcMeaning            decision,
                           const char          *reviewer,
                           const char          *reason,
                           const char          *content_sha256,
                           GError             **error)
{
  const PcSignoff *author;

  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (reviewer != NULL, FALSE);

  if (!check_not_read_only (assessment, error))
    return FALSE;

  if (decision == PC_MEANING_PREPARED)
    {
      g_autofree char *decisions = pc_vocab_alternatives (PC_VOCAB_DECISION);

      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("“prepared” is the author’s signature, not a review decision: choose %s"),
                   decisions);
      return FALSE;
    }

  if (assessment->state != PC_STATE_IN_REVIEW)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("%s is %s, not in review: the author must submit it before it can be reviewed"),
                   assessment->reference, pc_state_to_label (assessment->state));
      return FALSE;
    }

  author = pc_lifecycle_find_author (assessment);

  if ((author != NULL && pc_text_names_equal (author->name, reviewer))
      || pc_text_names_equal (assessment->lead, reviewer))
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON,
                   _("%s prepared %s and cannot also review it: ask another reviewer"),
                   reviewer, assessment->reference);
      return FALSE;
    }

  if (decision == PC_MEANING_RETURNED && pc_text_is_blank (reason))
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED,
                   _("Returning %s needs a reason, so the author knows what to change"),
                   assessment->reference);
      return FALSE;
    }

  if (decision == PC_MEANING_APPROVED_WITH_CONDITIONS
      && pc_text_is_blank (reason))
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED,
                   _("Approving %s with conditions needs the conditions written down"),
                   assessment->reference);
      return FALSE;
    }

  if (author != NULL && content_sha256 != NULL
      && g_strcmp0 (author->content_sha256, content_sha256) != 0)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_CHANGED,
                   _("%s has changed since %s signed it as prepared: return it so the author can submit it again"),
                   assessment->reference, author->name);
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_lifecycle_check_revise (const PcAssessment  *assessment,
                           GError             **error)
{
  g_return_val_if_fail (assessment != NULL, FALSE);

  if (assessment->imported)
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("%s is an imported summary: revise it in the database it came from"),
                   assessment->reference);
      return FALSE;
    }

  if (!pc_state_is_final (assessment->state))
    {
      g_set_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION,
                   _("%s is %s and can still be changed: a new revision is only needed once it is signed off"),
                   assessment->reference, pc_state_to_label (assessment->state));
      return FALSE;
    }

  return TRUE;
}
