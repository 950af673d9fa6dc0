/* pc-summary.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-summary"

#include "config.h"

#include "pc-summary.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-canon.h"
#include "pc-checklist.h"
#include "pc-file.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-store.h"
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
  if (signoff->audit_head != NULL)
    {
      cJSON_AddNumberToObject (object, "audit_rows", (double) signoff->audit_rows);
      cJSON_AddStringToObject (object, "audit_head", signoff->audit_head);
    }
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

/* The summary file */

cJSON *
pc_summary_findings_to_json (GPtrArray *findings)
{
  cJSON *array = cJSON_CreateArray ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const PcFinding *f = g_ptr_array_index (findings, i);
      cJSON *object = cJSON_CreateObject ();

      cJSON_AddStringToObject (object, "rule", f->rule);
      cJSON_AddStringToObject (object, "level", pc_level_to_string (f->level));
      pc_json_add_string_or_null (object, "principle", f->principle_id);
      pc_json_add_string_or_null (object, "prompt", f->prompt_id);
      cJSON_AddStringToObject (object, "message", f->message);
      cJSON_AddItemToArray (array, object);
    }

  return array;
}

/* The sign-offs of the current round of review: none for a draft (its
 * content may have changed since anyone signed), otherwise those after
 * the last "returned", which covered content that was sent back. */
cJSON *
pc_summary_signoff_to_json (const PcSignoff *s)
{
  cJSON *object;

  g_return_val_if_fail (s != NULL, NULL);

  object = cJSON_CreateObject ();
  cJSON_AddStringToObject (object, "name", s->name);
  cJSON_AddStringToObject (object, "role", s->role);
  cJSON_AddStringToObject (object, "meaning", pc_meaning_to_string (s->meaning));
  pc_json_add_string_or_null (object, "reason", s->reason);
  cJSON_AddStringToObject (object, "signed_at", s->signed_at);
  cJSON_AddStringToObject (object, "content_sha256", s->content_sha256);
  cJSON_AddStringToObject (object, "key_id", s->key_id);
  cJSON_AddStringToObject (object, "public_key", s->public_key);
  cJSON_AddStringToObject (object, "signature", s->signature);
  if (s->audit_head != NULL)
    {
      cJSON_AddNumberToObject (object, "audit_rows", (double) s->audit_rows);
      cJSON_AddStringToObject (object, "audit_head", s->audit_head);
    }
  else
    {
      cJSON_AddNullToObject (object, "audit_rows");
      cJSON_AddNullToObject (object, "audit_head");
    }

  return object;
}

static cJSON *
build_signoffs (const PcAssessment *a)
{
  cJSON *array = cJSON_CreateArray ();
  guint first = 0;

  if (a->state == PC_STATE_DRAFT)
    return array;

  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);

      if (s->meaning == PC_MEANING_RETURNED)
        first = i + 1;
    }

  for (guint i = first; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);
      cJSON_AddItemToArray (array, pc_summary_signoff_to_json (s));
    }

  return array;
}

cJSON *
pc_summary_build_document (const PcAssessment *a,
                           const PcChecklist  *checklist,
                           GPtrArray          *findings,
                           guint               audit_count,
                           const char         *audit_head,
                           GDateTime          *exported_at)
{
  cJSON *document;
  cJSON *generator;
  cJSON *signoffs;
  cJSON *audit;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (exported_at != NULL, NULL);

  utc = g_date_time_to_utc (exported_at);
  when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  signoffs = build_signoffs (a);

  document = cJSON_CreateObject ();
  cJSON_AddStringToObject (document, "format", "principle-check-summary");
  cJSON_AddNumberToObject (document, "format_version", 2);
  generator = cJSON_AddObjectToObject (document, "generator");
  cJSON_AddStringToObject (generator, "name", PACKAGE_NAME);
  cJSON_AddStringToObject (generator, "version", PACKAGE_VERSION);
  cJSON_AddStringToObject (document, "exported_at", when);
  cJSON_AddStringToObject (document, "state", pc_state_to_string (a->state));
  cJSON_AddBoolToObject (document, "signed", cJSON_GetArraySize (signoffs) > 0);
  cJSON_AddItemToObject (document, "content", pc_summary_build_content (a, checklist));
  cJSON_AddItemToObject (document, "findings", pc_summary_findings_to_json (findings));
  cJSON_AddItemToObject (document, "signoffs", signoffs);
  audit = cJSON_AddObjectToObject (document, "audit");
  cJSON_AddNumberToObject (audit, "rows", audit_count);
  pc_json_add_string_or_null (audit, "head", audit_head);

  return document;
}

gboolean
pc_summary_write (const cJSON  *document,
                  const char   *path,
                  GError      **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GString) text = NULL;
  char *printed;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _("Cannot write the summary to “%s”: the folder “%s” does not exist; create it first or choose another file"),
                   path, folder);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("Cannot write the summary to “%s”: it is a folder; give a file name such as “%s/summary.json”"),
                   path, path);
      return FALSE;
    }

  /* The canonical form refuses what the file must not hold: numbers
   * that are not integers, strings that are not UTF-8. cJSON_Print()
   * writes an integral number as an integer. */
  canonical = pc_canon_serialize (document, NULL, error);
  if (canonical == NULL)
    return FALSE;

  printed = cJSON_Print (document);
  if (printed == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                   _("Cannot write the summary to “%s”: out of memory; close other programs and try again"),
                   path);
      return FALSE;
    }
  text = g_string_new (printed);
  cJSON_free (printed);
  g_string_append_c (text, '\n');

  return pc_file_set_contents (path, text->str, (gssize) text->len, 0644, error);
}
