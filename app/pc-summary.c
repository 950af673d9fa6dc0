/* pc-summary.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-summary"

#include "config.h"

#include "pc-summary.h"

#include "pc-assessment.h"
#include "pc-canon.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-vocab.h"

static cJSON *
build_header (const PcAssessment *a)
{
  cJSON *header = cJSON_CreateObject ();
  cJSON *team = cJSON_AddArrayToObject (header, "team");

  cJSON_AddStringToObject (header, "reference", a->reference);
  cJSON_AddNumberToObject (header, "revision", a->revision);
  if (a->revision > 1)
    cJSON_AddNumberToObject (header, "previous_revision", a->revision - 1);
  else
    cJSON_AddNullToObject (header, "previous_revision");
  pc_json_add_string_or_null (header, "revision_reason", a->revision_reason);
  cJSON_AddStringToObject (header, "title", a->title);
  cJSON_AddStringToObject (header, "kind", pc_kind_to_string (a->kind));
  cJSON_AddStringToObject (header, "division", a->division);
  pc_json_add_string_or_null (header, "clinical_priority", a->priority);
  cJSON_AddStringToObject (header, "lead", a->lead);
  for (guint i = 0; a->team[i] != NULL; i++)
    cJSON_AddItemToArray (team, cJSON_CreateString (a->team[i]));
  pc_json_add_string_or_null (header, "intended_outcomes", a->outcomes);
  pc_json_add_string_or_null (header, "who_is_affected", a->affected);
  pc_json_add_string_or_null (header, "start_date", a->start_date);
  pc_json_add_string_or_null (header, "review_date", a->review_date);

  return header;
}

static cJSON *
build_checklist (const PcChecklist *checklist)
{
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddStringToObject (object, "id", pc_checklist_get_id (checklist));
  cJSON_AddNumberToObject (object, "version", pc_checklist_get_version (checklist));
  cJSON_AddStringToObject (object, "title", pc_checklist_get_title (checklist));
  cJSON_AddStringToObject (object, "sha256", pc_checklist_get_sha256 (checklist));

  return object;
}

static cJSON *
build_prompt (const PcAssessment *a,
              const PcPrompt     *prompt)
{
  const PcAnswer *answer = pc_assessment_find_answer (a, prompt->id);
  cJSON *object = cJSON_CreateObject ();
  cJSON *attachments;
  cJSON *links;
  cJSON *actions;

  cJSON_AddStringToObject (object, "id", prompt->id);
  cJSON_AddStringToObject (object, "question", prompt->question);
  cJSON_AddStringToObject (object, "rating",
                           pc_rating_to_string (answer != NULL ? answer->rating
                                                               : PC_RATING_NOT_ASSESSED));
  pc_json_add_string_or_null (object, "evidence", answer != NULL ? answer->evidence : NULL);
  pc_json_add_string_or_null (object, "justification",
                              answer != NULL ? answer->justification : NULL);

  attachments = cJSON_AddArrayToObject (object, "attachments");
  for (guint i = 0; i < a->attachments->len; i++)
    {
      const PcAttachment *att = g_ptr_array_index (a->attachments, i);
      cJSON *item;

      if (g_strcmp0 (att->prompt_id, prompt->id) != 0)
        continue;

      item = cJSON_CreateObject ();
      cJSON_AddStringToObject (item, "name", att->name);
      cJSON_AddStringToObject (item, "media_type", att->media_type);
      cJSON_AddNumberToObject (item, "size", (double) att->size);
      cJSON_AddStringToObject (item, "sha256", att->sha256);
      cJSON_AddItemToArray (attachments, item);
    }

  links = cJSON_AddArrayToObject (object, "links");
  for (guint i = 0; i < a->links->len; i++)
    {
      const PcLink *link = g_ptr_array_index (a->links, i);
      cJSON *item;

      if (g_strcmp0 (link->prompt_id, prompt->id) != 0)
        continue;

      item = cJSON_CreateObject ();
      cJSON_AddStringToObject (item, "url", link->url);
      pc_json_add_string_or_null (item, "title", link->title);
      cJSON_AddItemToArray (links, item);
    }

  actions = cJSON_AddArrayToObject (object, "actions");
  for (guint i = 0; i < a->actions->len; i++)
    {
      const PcAction *action = g_ptr_array_index (a->actions, i);
      cJSON *item;

      if (g_strcmp0 (action->prompt_id, prompt->id) != 0)
        continue;

      item = cJSON_CreateObject ();
      cJSON_AddStringToObject (item, "description", action->description);
      pc_json_add_string_or_null (item, "owner", action->owner);
      pc_json_add_string_or_null (item, "due_date", action->due_date);
      cJSON_AddStringToObject (item, "status", pc_action_status_to_string (action->status));
      cJSON_AddItemToArray (actions, item);
    }

  return object;
}

static cJSON *
build_principle (const PcAssessment *a,
                 const PcPrinciple  *principle)
{
  cJSON *object = cJSON_CreateObject ();
  cJSON *counts;
  cJSON *prompts;
  guint n[PC_RATING_NOT_APPLICABLE + 1] = { 0 };

  cJSON_AddStringToObject (object, "id", principle->id);
  cJSON_AddStringToObject (object, "title", principle->title);
  cJSON_AddStringToObject (object, "status",
                           pc_status_to_string (pc_assessment_principle_status (a, principle)));

  prompts = cJSON_CreateArray ();
  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);

      n[pc_assessment_get_rating (a, prompt->id)]++;
      cJSON_AddItemToArray (prompts, build_prompt (a, prompt));
    }

  counts = cJSON_AddObjectToObject (object, "counts");
  for (guint r = PC_RATING_NOT_ASSESSED; r <= PC_RATING_NOT_APPLICABLE; r++)
    cJSON_AddNumberToObject (counts, pc_rating_to_string (r), n[r]);
  cJSON_AddNumberToObject (counts, "total", principle->prompts->len);

  cJSON_AddItemToObject (object, "prompts", prompts);

  return object;
}

cJSON *
pc_summary_build_content (const PcAssessment *assessment,
                          const PcChecklist  *checklist)
{
  cJSON *content;
  cJSON *principles;
  cJSON *coproduction;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);

  content = cJSON_CreateObject ();
  cJSON_AddItemToObject (content, "header", build_header (assessment));
  cJSON_AddItemToObject (content, "checklist", build_checklist (checklist));

  principles = cJSON_AddArrayToObject (content, "principles");
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    cJSON_AddItemToArray (principles,
                          build_principle (assessment, pc_checklist_get_principle (checklist, i)));

  coproduction = cJSON_AddArrayToObject (content, "coproduction");
  for (guint i = 0; i < assessment->coproduction->len; i++)
    {
      const PcCoproduction *entry = g_ptr_array_index (assessment->coproduction, i);
      cJSON *item = cJSON_CreateObject ();

      cJSON_AddStringToObject (item, "who", entry->who);
      cJSON_AddStringToObject (item, "how", entry->how);
      cJSON_AddStringToObject (item, "date", entry->date);
      cJSON_AddStringToObject (item, "changed", entry->changed);
      cJSON_AddItemToArray (coproduction, item);
    }

  return content;
}

GBytes *
pc_summary_canonical_bytes (const cJSON  *content,
                            char        **out_sha256,
                            GError      **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (content != NULL, NULL);

  text = pc_canon_serialize (content, &len, error);
  if (text == NULL)
    return NULL;

  if (out_sha256 != NULL)
    *out_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) text, len);

  return g_bytes_new_take (g_steal_pointer (&text), len);
}

char *
pc_summary_trusted_comment (const char      *reference,
                            int              revision,
                            const PcSignoff *signoff)
{
  g_autoptr(cJSON) object = cJSON_CreateObject ();
  g_autoptr(GError) error = NULL;
  char *text;

  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (signoff != NULL, NULL);

  cJSON_AddStringToObject (object, "reference", reference);
  cJSON_AddNumberToObject (object, "revision", revision);
  cJSON_AddStringToObject (object, "name", signoff->name);
  cJSON_AddStringToObject (object, "role", signoff->role);
  cJSON_AddStringToObject (object, "meaning", pc_meaning_to_string (signoff->meaning));
  cJSON_AddStringToObject (object, "signed_at", signoff->signed_at);
  cJSON_AddStringToObject (object, "content_sha256", signoff->content_sha256);
  if (signoff->reason != NULL)
    {
      g_autofree char *reason_sha256 =
        g_compute_checksum_for_string (G_CHECKSUM_SHA256, signoff->reason, -1);

      cJSON_AddStringToObject (object, "reason_sha256", reason_sha256);
    }

  /* Every value is a string or a small integer, so this cannot fail. */
  text = pc_canon_serialize (object, NULL, &error);
  g_assert_no_error (error);

  return text;
}
