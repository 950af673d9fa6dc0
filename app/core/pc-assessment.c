/* pc-assessment.c: one assessment, as loaded from the store
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-assessment"

#include "config.h"

#include "pc-assessment.h"

#include "pc-checklist.h"
#include "pc-vocab.h"

PcAssessment *
pc_assessment_new (void)
{
  PcAssessment *self = g_new0 (PcAssessment, 1);

  self->revision = 1;
  self->kind = PC_KIND_NEW_SERVICE;
  self->state = PC_STATE_DRAFT;
  self->team = g_new0 (char *, 1);

  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_answer_free);
  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_attachment_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_link_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_action_free);
  self->coproduction = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_coproduction_free);
  self->signoffs = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_signoff_free);

  return self;
}

void
pc_assessment_free (PcAssessment *self)
{
  if (self == NULL)
    return;

  g_free (self->reference);
  g_free (self->revision_reason);

  g_free (self->title);
  g_free (self->division);
  g_free (self->priority);
  g_free (self->lead);
  g_strfreev (self->team);
  g_free (self->outcomes);
  g_free (self->affected);
  g_free (self->start_date);
  g_free (self->review_date);

  g_free (self->checklist_id);
  g_free (self->checklist_sha256);

  g_free (self->created_at);
  g_free (self->updated_at);

  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->coproduction, g_ptr_array_unref);
  g_clear_pointer (&self->signoffs, g_ptr_array_unref);
  g_clear_pointer (&self->altered, g_ptr_array_unref);

  g_free (self);
}

const PcAnswer *
pc_assessment_find_answer (const PcAssessment *self,
                           const char         *prompt_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  if (self->answers == NULL)
    return NULL;

  for (guint i = 0; i < self->answers->len; i++)
    {
      const PcAnswer *answer = g_ptr_array_index (self->answers, i);

      if (g_strcmp0 (answer->prompt_id, prompt_id) == 0)
        return answer;
    }

  return NULL;
}

PcRating
pc_assessment_get_rating (const PcAssessment *self,
                          const char         *prompt_id)
{
  const PcAnswer *answer;

  g_return_val_if_fail (self != NULL, PC_RATING_NOT_ASSESSED);
  g_return_val_if_fail (prompt_id != NULL, PC_RATING_NOT_ASSESSED);

  answer = pc_assessment_find_answer (self, prompt_id);
  if (answer == NULL)
    return PC_RATING_NOT_ASSESSED;

  return answer->rating;
}

PcStatus
pc_assessment_principle_status (const PcAssessment *self,
                                const PcPrinciple  *principle)
{
  gboolean any_partly_met = FALSE;
  gboolean any_not_assessed = FALSE;

  g_return_val_if_fail (self != NULL, PC_STATUS_GREY);
  g_return_val_if_fail (principle != NULL, PC_STATUS_GREY);

  /* A principle with no prompts asserts nothing. The checklist loader
   * refuses such principles, so this is only a guard. */
  if (principle->prompts == NULL || principle->prompts->len == 0)
    return PC_STATUS_GREY;

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);

      switch (pc_assessment_get_rating (self, prompt->id))
        {
        case PC_RATING_NOT_MET:
          return PC_STATUS_RED;

        case PC_RATING_PARTLY_MET:
          any_partly_met = TRUE;
          break;

        case PC_RATING_NOT_ASSESSED:
          any_not_assessed = TRUE;
          break;

        case PC_RATING_MET:
        case PC_RATING_NOT_APPLICABLE:
        default:
          break;
        }
    }

  if (any_partly_met)
    return PC_STATUS_AMBER;

  if (any_not_assessed)
    return PC_STATUS_GREY;

  return PC_STATUS_GREEN;
}

guint
pc_assessment_count_answered (const PcAssessment *self,
                              const PcChecklist  *checklist)
{
  guint n_principles;
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (checklist != NULL, 0);

  n_principles = pc_checklist_get_n_principles (checklist);

  for (guint i = 0; i < n_principles; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

          if (pc_assessment_get_rating (self, prompt->id) != PC_RATING_NOT_ASSESSED)
            count++;
        }
    }

  return count;
}

gboolean
pc_assessment_is_read_only (const PcAssessment *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->imported || pc_state_is_final (self->state);
}

void
pc_answer_free (PcAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->prompt_id);
  g_free (answer->evidence);
  g_free (answer->justification);
  g_free (answer->updated_at);
  g_free (answer);
}

void
pc_attachment_free (PcAttachment *attachment)
{
  if (attachment == NULL)
    return;

  g_free (attachment->prompt_id);
  g_free (attachment->name);
  g_free (attachment->media_type);
  g_free (attachment->sha256);
  g_free (attachment->added_at);
  g_free (attachment);
}

void
pc_link_free (PcLink *link)
{
  if (link == NULL)
    return;

  g_free (link->prompt_id);
  g_free (link->url);
  g_free (link->title);
  g_free (link);
}

void
pc_action_free (PcAction *action)
{
  if (action == NULL)
    return;

  g_free (action->prompt_id);
  g_free (action->description);
  g_free (action->owner);
  g_free (action->due_date);
  g_free (action);
}

void
pc_coproduction_free (PcCoproduction *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->who);
  g_free (entry->how);
  g_free (entry->date);
  g_free (entry->changed);
  g_free (entry);
}

void
pc_signoff_free (PcSignoff *signoff)
{
  if (signoff == NULL)
    return;

  g_free (signoff->name);
  g_free (signoff->role);
  g_free (signoff->reason);
  g_free (signoff->signed_at);
  g_free (signoff->content_sha256);
  g_free (signoff->key_id);
  g_free (signoff->public_key);
  g_free (signoff->signature);
  g_free (signoff->audit_head);
  g_free (signoff);
}
