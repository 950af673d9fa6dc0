/* pc-store-assessments.c: assessments and everything recorded in them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include <inttypes.h>

#include "pc-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* Validation */

static gboolean
check_division (const char  *value,
                GError     **error)
{
  if (!pc_vocab_lookup (PC_VOCAB_DIVISION, value, NULL))
    {
      g_autofree char *ids = pc_vocab_describe (PC_VOCAB_DIVISION);

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("“%s” is not a division: use one of %s"), value ? value : "", ids);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_priority (const char  *value,
                GError     **error)
{
  if (value != NULL && !pc_vocab_lookup (PC_VOCAB_PRIORITY, value, NULL))
    {
      g_autofree char *ids = pc_vocab_describe (PC_VOCAB_PRIORITY);

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("“%s” is not a clinical priority: use one of %s"), value, ids);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_team (const char * const  *team,
            GError             **error)
{
  for (guint i = 0; team != NULL && team[i] != NULL; i++)
    if (!_pc_store_check_field (_("team member’s name"), team[i], PC_TEXT_NAME, FALSE, error))
      return FALSE;

  return TRUE;
}

static gboolean
check_header (const PcAssessment  *header,
              GError             **error)
{
  return _pc_store_check_field (_("title"), header->title, PC_TEXT_LINE, TRUE, error)
      && _pc_store_check_field (_("service lead"), header->lead, PC_TEXT_NAME, TRUE, error)
      && check_division (header->division, error)
      && check_priority (_pc_store_nullable (header->priority), error)
      && check_team ((const char * const *) header->team, error)
      && _pc_store_check_text (_("intended outcomes"), header->outcomes, FALSE, error)
      && _pc_store_check_text (_("description of who is affected"), header->affected, FALSE, error)
      && _pc_store_check_date (_("start date"), _pc_store_nullable (header->start_date), error)
      && _pc_store_check_date (_("review date"), _pc_store_nullable (header->review_date), error);
}

static char *
team_to_json (const char * const *team)
{
  g_autoptr(cJSON) array = cJSON_CreateArray ();
  char *printed;
  char *json;

  for (guint i = 0; team != NULL && team[i] != NULL; i++)
    if (_pc_store_nullable (team[i]) != NULL)
      {
        g_autofree char *member = pc_text_normalize (team[i]);

        cJSON_AddItemToArray (array, cJSON_CreateString (member));
      }

  printed = cJSON_PrintUnformatted (array);
  json = g_strdup (printed);
  cJSON_free (printed);

  return json;
}

static GStrv
team_from_json (const char *json)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(cJSON) array = json != NULL ? cJSON_Parse (json) : NULL;
  const cJSON *item;

  cJSON_ArrayForEach (item, array)
    if (cJSON_IsString (item))
      g_strv_builder_add (builder, item->valuestring);

  return g_strv_builder_end (builder);
}

/* Creating */

static char *
next_reference (PcStore  *self,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *prefix = g_strdup_printf ("PC-%d-", g_date_time_get_year (now));
  g_autofree char *pattern = g_strconcat (prefix, "%", NULL);
  gboolean has_row;
  gint64 last;

  /* In a batch, the number after the batch's last one: the query below
   * reads every assessment, which a batch of thousands cannot afford. */
  if (self->batch && self->batch_reference > 0 && g_strcmp0 (self->batch_prefix, prefix) == 0)
    return g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, ++self->batch_reference);

  /* The audit trail names every reference ever made, so a reference is
   * never used again, even if its assessment has gone. */
  stmt = _pc_db_prepare (self->db,
                         "SELECT max(n) FROM ("
                         " SELECT CAST(substr(reference, ?2) AS INTEGER) AS n FROM assessments"
                         "  WHERE reference LIKE ?1"
                         " UNION ALL"
                         " SELECT CAST(substr(entity_id, ?2) AS INTEGER) FROM audit"
                         "  WHERE entity = 'assessment' AND entity_id LIKE ?1)",
                         error);
  if (stmt == NULL)
    return NULL;
  _pc_db_bind_text (stmt, 1, pattern);
  sqlite3_bind_int (stmt, 2, (int) strlen (prefix) + 1);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  last = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  if (self->batch)
    {
      g_free (self->batch_prefix);
      self->batch_prefix = g_strdup (prefix);
      self->batch_reference = last + 1;
    }
  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, last + 1);
}

/* An id above every id an assessment has ever had here: the audit trail
 * and the sign-offs remember ids whose assessment has gone, so an id is
 * never used again (schema/004-signed-records.sql refuses it). */
static gint64
next_id (PcStore  *self,
         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _pc_db_prepare (self->db,
                         "SELECT max (coalesce ((SELECT max (id) FROM assessments), 0),"
                         " coalesce ((SELECT max (assessment_id) FROM audit), 0),"
                         " coalesce ((SELECT max (assessment_id) FROM signoffs), 0)) + 1",
                         error);
  if (stmt == NULL || !_pc_db_step_row (self->db, stmt, &has_row, error))
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

gint64
_pc_store_insert_assessment (PcStore            *self,
                   const PcAssessment *header,
                   const char         *reference,
                   int                 revision,
                   gint64              previous_id,
                   const char         *revision_reason,
                   const char         *checklist_sha256,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *team = team_to_json ((const char * const *) header->team);
  g_autofree char *now = _pc_store_now ();
  /* Text is stored composed (NFC). */
  g_autofree char *reason = pc_text_normalize (revision_reason);
  g_autofree char *title = pc_text_normalize (header->title);
  g_autofree char *lead = pc_text_normalize (header->lead);
  g_autofree char *outcomes = pc_text_normalize (_pc_store_nullable (header->outcomes));
  g_autofree char *affected = pc_text_normalize (_pc_store_nullable (header->affected));

  gint64 id = next_id (self, error);

  if (id == 0)
    return 0;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO assessments (reference, revision, previous_id, revision_reason,"
                         " title, kind, division, priority, lead, team, outcomes, affected,"
                         " start_date, review_date, checklist_sha256, state, created_at, updated_at,"
                         " id)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                         " ?15, 'draft', ?16, ?16, ?17)",
                         error);
  if (stmt == NULL)
    return 0;

  _pc_db_bind_text (stmt, 1, reference);
  sqlite3_bind_int (stmt, 2, revision);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 3, previous_id);
  else
    sqlite3_bind_null (stmt, 3);
  _pc_db_bind_text (stmt, 4, reason);
  _pc_db_bind_text (stmt, 5, title);
  _pc_db_bind_text (stmt, 6, pc_kind_to_string (header->kind));
  _pc_db_bind_text (stmt, 7, header->division);
  _pc_db_bind_text (stmt, 8, _pc_store_nullable (header->priority));
  _pc_db_bind_text (stmt, 9, lead);
  _pc_db_bind_text (stmt, 10, team);
  _pc_db_bind_text (stmt, 11, outcomes);
  _pc_db_bind_text (stmt, 12, affected);
  _pc_db_bind_text (stmt, 13, _pc_store_nullable (header->start_date));
  _pc_db_bind_text (stmt, 14, _pc_store_nullable (header->review_date));
  _pc_db_bind_text (stmt, 15, checklist_sha256);
  _pc_db_bind_text (stmt, 16, now);
  sqlite3_bind_int64 (stmt, 17, id);

  if (!_pc_db_step_done (self->db, stmt, error))
    return 0;

  return id;
}

gint64
pc_store_create_assessment (PcStore             *self,
                            const PcAssessment  *header,
                            PcChecklist         *checklist,
                            GError             **error)
{
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (header != NULL, 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_header (header, error))
    return 0;
  title = pc_text_normalize (header->title);

  if (!_pc_store_begin (self, error))
    return 0;

  if (!pc_store_remember_checklist (self, checklist, error)
      || (reference = next_reference (self, error)) == NULL
      || (id = _pc_store_insert_assessment (self, header, reference, 1, 0, NULL,
                                  pc_checklist_get_sha256 (checklist), error)) == 0
      || !_pc_store_audit (self, id, NULL, "assessment", reference, NULL, NULL, title,
                           _("created"), error)
      || !_pc_store_commit (self, error))
    {
      _pc_store_rollback (self);
      /* The cache may hold a checklist whose row was rolled back. */
      g_hash_table_remove (self->checklists, pc_checklist_get_sha256 (checklist));
      return 0;
    }

  return id;
}

/* Loading */

#define ASSESSMENT_COLUMNS \
  "id, reference, revision, previous_id, revision_reason, title, kind, division, priority," \
  " lead, team, outcomes, affected, start_date, review_date, checklist_sha256, state," \
  " imported, created_at, updated_at"

static gboolean
load_children (PcStore       *self,
               PcAssessment  *a,
               GError       **error)
{
  g_autoptr(PcDbStatement) cached_answers = NULL;
  g_autoptr(PcDbStatement) cached_attachments = NULL;
  g_autoptr(PcDbStatement) cached_links = NULL;
  g_autoptr(PcDbStatement) cached_actions = NULL;
  g_autoptr(PcDbStatement) cached_coproduction = NULL;
  g_autoptr(PcDbStatement) cached_signoffs = NULL;
  sqlite3_stmt *answers, *attachments, *links, *actions, *coproduction, *signoffs;
  int rc;

  answers = _pc_store_lend (self, &cached_answers,
                            "SELECT prompt_id, rating, evidence, justification, updated_at"
                            " FROM answers WHERE assessment_id = ?1",
                            error);
  attachments = answers == NULL ? NULL :
    _pc_store_lend (self, &cached_attachments,
                    "SELECT id, prompt_id, name, media_type, size, sha256, added_at"
                    " FROM attachments WHERE assessment_id = ?1 ORDER BY id",
                    error);
  links = attachments == NULL ? NULL :
    _pc_store_lend (self, &cached_links,
                    "SELECT id, prompt_id, url, title FROM links WHERE assessment_id = ?1 ORDER BY id",
                    error);
  actions = links == NULL ? NULL :
    _pc_store_lend (self, &cached_actions,
                    "SELECT id, prompt_id, description, owner, due_date, status"
                    " FROM actions WHERE assessment_id = ?1 ORDER BY id",
                    error);
  coproduction = actions == NULL ? NULL :
    _pc_store_lend (self, &cached_coproduction,
                    "SELECT id, who, how, date, changed FROM coproduction"
                    " WHERE assessment_id = ?1 ORDER BY date, id",
                    error);
  signoffs = coproduction == NULL ? NULL :
    _pc_store_lend (self, &cached_signoffs,
                    "SELECT id, name, role, meaning, reason, signed_at, content_sha256, key_id,"
                    " public_key, signature, audit_rows, audit_head"
                    " FROM signoffs WHERE assessment_id = ?1 ORDER BY id",
                    error);
  if (signoffs == NULL)
    return FALSE;

  sqlite3_bind_int64 (answers, 1, a->id);
  while ((rc = sqlite3_step (answers)) == SQLITE_ROW)
    {
      PcAnswer *answer = g_new0 (PcAnswer, 1);

      answer->prompt_id = _pc_db_dup_text (answers, 0);
      pc_rating_from_string ((const char *) sqlite3_column_text (answers, 1), &answer->rating);
      answer->evidence = _pc_db_dup_text (answers, 2);
      answer->justification = _pc_db_dup_text (answers, 3);
      answer->updated_at = _pc_db_dup_text (answers, 4);
      g_ptr_array_add (a->answers, answer);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (attachments, 1, a->id);
  while ((rc = sqlite3_step (attachments)) == SQLITE_ROW)
    {
      PcAttachment *att = g_new0 (PcAttachment, 1);

      att->id = sqlite3_column_int64 (attachments, 0);
      att->prompt_id = _pc_db_dup_text (attachments, 1);
      att->name = _pc_db_dup_text (attachments, 2);
      att->media_type = _pc_db_dup_text (attachments, 3);
      att->size = sqlite3_column_int64 (attachments, 4);
      att->sha256 = _pc_db_dup_text (attachments, 5);
      att->added_at = _pc_db_dup_text (attachments, 6);
      g_ptr_array_add (a->attachments, att);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (links, 1, a->id);
  while ((rc = sqlite3_step (links)) == SQLITE_ROW)
    {
      PcLink *link = g_new0 (PcLink, 1);

      link->id = sqlite3_column_int64 (links, 0);
      link->prompt_id = _pc_db_dup_text (links, 1);
      link->url = _pc_db_dup_text (links, 2);
      link->title = _pc_db_dup_text (links, 3);
      g_ptr_array_add (a->links, link);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (actions, 1, a->id);
  while ((rc = sqlite3_step (actions)) == SQLITE_ROW)
    {
      PcAction *action = g_new0 (PcAction, 1);

      action->id = sqlite3_column_int64 (actions, 0);
      action->prompt_id = _pc_db_dup_text (actions, 1);
      action->description = _pc_db_dup_text (actions, 2);
      action->owner = _pc_db_dup_text (actions, 3);
      action->due_date = _pc_db_dup_text (actions, 4);
      pc_action_status_from_string ((const char *) sqlite3_column_text (actions, 5),
                                    &action->status);
      g_ptr_array_add (a->actions, action);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (coproduction, 1, a->id);
  while ((rc = sqlite3_step (coproduction)) == SQLITE_ROW)
    {
      PcCoproduction *entry = g_new0 (PcCoproduction, 1);

      entry->id = sqlite3_column_int64 (coproduction, 0);
      entry->who = _pc_db_dup_text (coproduction, 1);
      entry->how = _pc_db_dup_text (coproduction, 2);
      entry->date = _pc_db_dup_text (coproduction, 3);
      entry->changed = _pc_db_dup_text (coproduction, 4);
      g_ptr_array_add (a->coproduction, entry);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  sqlite3_bind_int64 (signoffs, 1, a->id);
  while ((rc = sqlite3_step (signoffs)) == SQLITE_ROW)
    {
      PcSignoff *signoff = g_new0 (PcSignoff, 1);

      signoff->id = sqlite3_column_int64 (signoffs, 0);
      signoff->name = _pc_db_dup_text (signoffs, 1);
      signoff->role = _pc_db_dup_text (signoffs, 2);
      pc_meaning_from_string ((const char *) sqlite3_column_text (signoffs, 3), &signoff->meaning);
      signoff->reason = _pc_db_dup_text (signoffs, 4);
      signoff->signed_at = _pc_db_dup_text (signoffs, 5);
      signoff->content_sha256 = _pc_db_dup_text (signoffs, 6);
      signoff->key_id = _pc_db_dup_text (signoffs, 7);
      signoff->public_key = _pc_db_dup_text (signoffs, 8);
      signoff->signature = _pc_db_dup_text (signoffs, 9);
      signoff->audit_rows = sqlite3_column_type (signoffs, 10) == SQLITE_NULL
                            ? -1 : sqlite3_column_int64 (signoffs, 10);
      signoff->audit_head = _pc_db_dup_text (signoffs, 11);
      g_ptr_array_add (a->signoffs, signoff);
    }
  if (rc != SQLITE_DONE)
    goto failed;

  return TRUE;

failed:
  _pc_db_set_error (self->db, error, _("read the assessment"));
  return FALSE;
}

static PcAssessment *
load_assessment (PcStore       *self,
                 sqlite3_stmt  *stmt,
                 const char    *what,
                 GError       **error)
{
  g_autoptr(PcAssessment) a = NULL;
  gboolean has_row;

  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment %s: run “principle-check list” to see the references"),
                   what);
      return NULL;
    }

  a = pc_assessment_new ();
  a->id = sqlite3_column_int64 (stmt, 0);
  a->reference = _pc_db_dup_text (stmt, 1);
  a->revision = sqlite3_column_int (stmt, 2);
  a->previous_id = sqlite3_column_int64 (stmt, 3);
  a->revision_reason = _pc_db_dup_text (stmt, 4);
  a->title = _pc_db_dup_text (stmt, 5);
  pc_kind_from_string ((const char *) sqlite3_column_text (stmt, 6), &a->kind);
  a->division = _pc_db_dup_text (stmt, 7);
  a->priority = _pc_db_dup_text (stmt, 8);
  a->lead = _pc_db_dup_text (stmt, 9);
  g_strfreev (a->team);
  a->team = team_from_json ((const char *) sqlite3_column_text (stmt, 10));
  a->outcomes = _pc_db_dup_text (stmt, 11);
  a->affected = _pc_db_dup_text (stmt, 12);
  a->start_date = _pc_db_dup_text (stmt, 13);
  a->review_date = _pc_db_dup_text (stmt, 14);
  a->checklist_sha256 = _pc_db_dup_text (stmt, 15);
  pc_state_from_string ((const char *) sqlite3_column_text (stmt, 16), &a->state);
  a->imported = sqlite3_column_int (stmt, 17) != 0;
  a->created_at = _pc_db_dup_text (stmt, 18);
  a->updated_at = _pc_db_dup_text (stmt, 19);

  {
    g_autoptr(PcChecklist) checklist = pc_store_load_checklist (self, a->checklist_sha256, error);

    if (checklist == NULL)
      return NULL;
    a->checklist_id = g_strdup (pc_checklist_get_id (checklist));
    a->checklist_version = pc_checklist_get_version (checklist);
  }

  if (!load_children (self, a, error))
    return NULL;

  return g_steal_pointer (&a);
}

PcAssessment *
pc_store_load_assessment (PcStore     *self,
                          const char  *reference,
                          int          revision,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (revision > 0)
    {
      stmt = _pc_db_prepare (self->db,
                             "SELECT " ASSESSMENT_COLUMNS " FROM assessments"
                             " WHERE reference = ?1 COLLATE NOCASE AND revision = ?2",
                             error);
      what = g_strdup_printf (_("%s revision %d"), reference, revision);
    }
  else
    {
      stmt = _pc_db_prepare (self->db,
                             "SELECT " ASSESSMENT_COLUMNS " FROM assessments"
                             " WHERE reference = ?1 COLLATE NOCASE ORDER BY revision DESC LIMIT 1",
                             error);
      what = g_strdup (reference);
    }
  if (stmt == NULL)
    return NULL;

  _pc_db_bind_text (stmt, 1, reference);
  if (revision > 0)
    sqlite3_bind_int (stmt, 2, revision);

  return load_assessment (self, stmt, what, error);
}

PcAssessment *
pc_store_load_assessment_by_id (PcStore  *self,
                                gint64    id,
                                GError  **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_store_lend (self, &cached,
                         "SELECT " ASSESSMENT_COLUMNS " FROM assessments WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  what = g_strdup_printf (_("with id %" PRId64), id);

  return load_assessment (self, stmt, what, error);
}

/* How @item stands against its signatures. */
static PcIntegrity
list_item_integrity (PcStore           *self,
                     const PcListItem  *item,
                     GError           **error)
{
  g_autoptr(PcAssessment) a = NULL;

  if (item->imported)
    return _pc_store_import_integrity (self, item, error);

  if (item->state == PC_STATE_DRAFT && item->integrity == PC_INTEGRITY_UNSIGNED)
    return PC_INTEGRITY_UNSIGNED;

  a = pc_store_load_assessment_by_id (self, item->id, error);
  if (a == NULL)
    return PC_INTEGRITY_ERROR;

  return pc_store_verify_assessment (self, a, NULL, error);
}

/* One share of the list to verify: every @stride-th item from @first,
 * through @store. */
typedef struct
{
  PcStore    *store;
  GPtrArray  *items;
  guint       first;
  guint       stride;
  GError     *error;
} VerifyShare;

static gpointer
verify_share (gpointer data)
{
  VerifyShare *share = data;

  for (guint i = share->first; i < share->items->len; i += share->stride)
    {
      PcListItem *item = g_ptr_array_index (share->items, i);

      item->integrity = list_item_integrity (share->store, item, &share->error);
      if (item->integrity == PC_INTEGRITY_ERROR)
        break;
    }

  return NULL;
}

/* Re-verifies every signed item of @items. Each takes about a
 * millisecond (signatures, content, history, files), so a long list is
 * shared out between the processors, each share through its own
 * read-only connection. */
static gboolean
verify_list (PcStore    *self,
             GPtrArray  *items,
             GError    **error)
{
  VerifyShare shares[4] = { { 0 } };
  GThread *threads[G_N_ELEMENTS (shares)] = { NULL };
  guint n_signed = 0;
  guint n;
  gboolean ok = TRUE;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      n_signed += item->imported || item->state != PC_STATE_DRAFT
                  || item->integrity != PC_INTEGRITY_UNSIGNED;
    }

  n = CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (shares));
  if (n_signed < 16)
    n = 1;

  for (guint t = 1; t < n; t++)
    {
      shares[t] = (VerifyShare) { _pc_store_open_reader (self, NULL), items, t, n, NULL };
      if (shares[t].store != NULL)
        threads[t] = g_thread_new ("pc-verify", verify_share, &shares[t]);
    }
  shares[0] = (VerifyShare) { self, items, 0, n, NULL };
  verify_share (&shares[0]);

  for (guint t = 1; t < n; t++)
    {
      if (threads[t] != NULL)
        {
          g_thread_join (threads[t]);
          g_clear_object (&shares[t].store);
        }
      else
        {
          /* No second connection: this share is verified here. */
          shares[t].store = self;
          verify_share (&shares[t]);
        }
    }

  for (guint t = 0; t < n; t++)
    {
      if (shares[t].error != NULL)
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&shares[t].error));
          g_clear_error (&shares[t].error);
          ok = FALSE;
        }
    }

  return ok;
}

/* The page cache the list runs with, in KiB. */
#define LIST_CACHE_KIB 256

/* The list reads each page once, in one pass, so a small page cache
 * serves it as well as a large one and spares a new process growing one
 * (every fresh page of memory is a page fault: about a tenth of listing
 * 10,000 drafts). Sets *@out_size to the size to put back and returns
 * TRUE, or returns FALSE inside a batch, whose large cache stays. */
static gboolean
shrink_cache (PcStore *self,
              int     *out_size)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;

  if (self->batch)
    return FALSE;

  stmt = _pc_store_lend (self, &cached, "PRAGMA cache_size", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *out_size = sqlite3_column_int (stmt, 0);

  return sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (LIST_CACHE_KIB),
                       NULL, NULL, NULL) == SQLITE_OK;
}

static void
restore_cache (PcStore *self,
               int      size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", size);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

GPtrArray *
pc_store_list (PcStore  *self,
               GError  **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_list_item_free);
  gboolean shrunk;
  int cache_size = 0;
  int rc;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  /* Local assessments, then imported summaries (the latest revision of
   * each reference, and of that the last imported), in one order. */
  stmt = _pc_store_lend (self, &cached,
                         "SELECT a.id, a.reference, a.revision, a.title, a.division, a.lead,"
                         " a.state, a.imported, a.updated_at, c.prompt_count,"
                         " (SELECT count(*) FROM answers n"
                         "   WHERE n.assessment_id = a.id AND n.rating <> 'not_assessed'),"
                         " (SELECT meaning FROM signoffs s WHERE s.assessment_id = a.id"
                         "   ORDER BY s.id DESC LIMIT 1)"
                         " FROM assessments a JOIN checklists c ON c.sha256 = a.checklist_sha256"
                         " WHERE NOT EXISTS (SELECT 1 FROM assessments b"
                         "   WHERE b.reference = a.reference AND b.revision > a.revision)"
                         " UNION ALL"
                         " SELECT i.id, i.reference, i.revision, i.title, i.division, i.lead,"
                         " i.state, 1, i.imported_at, i.total, i.answered, NULL"
                         " FROM imports i"
                         " WHERE NOT EXISTS (SELECT 1 FROM imports j"
                         "   WHERE j.reference = i.reference AND (j.revision > i.revision"
                         "     OR (j.revision = i.revision AND j.id > i.id)))"
                         " ORDER BY 9 DESC, 1 DESC",
                         error);
  if (stmt == NULL)
    return NULL;

  shrunk = shrink_cache (self, &cache_size);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcListItem *item = g_new0 (PcListItem, 1);

      item->id = sqlite3_column_int64 (stmt, 0);
      item->reference = _pc_db_dup_text (stmt, 1);
      item->revision = sqlite3_column_int (stmt, 2);
      item->title = _pc_db_dup_text (stmt, 3);
      item->division = _pc_db_dup_text (stmt, 4);
      item->lead = _pc_db_dup_text (stmt, 5);
      pc_state_from_string ((const char *) sqlite3_column_text (stmt, 6), &item->state);
      item->imported = sqlite3_column_int (stmt, 7) != 0;
      item->updated_at = _pc_db_dup_text (stmt, 8);
      item->total = sqlite3_column_int (stmt, 9);
      item->answered = sqlite3_column_int (stmt, 10);
      /* A draft whose last sign-off is not "returned" claims to be
       * signed: it is checked like a signed one. */
      item->integrity = item->state == PC_STATE_DRAFT
                        && sqlite3_column_type (stmt, 11) != SQLITE_NULL
                        && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 11),
                                      pc_meaning_to_string (PC_MEANING_RETURNED)) != 0
                        ? PC_INTEGRITY_ALTERED : PC_INTEGRITY_UNSIGNED;
      g_ptr_array_add (items, item);
    }

  if (rc != SQLITE_DONE)
    _pc_db_set_error (self->db, error, _("list the assessments"));
  if (shrunk)
    restore_cache (self, cache_size);
  if (rc != SQLITE_DONE)
    return NULL;

  if (!verify_list (self, items, error))
    return NULL;

  return g_steal_pointer (&items);
}

guint
pc_store_count (PcStore  *self,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), 0);

  stmt = _pc_db_prepare (self->db, "SELECT count(DISTINCT reference) FROM assessments", error);
  if (stmt == NULL || !_pc_db_step_row (self->db, stmt, &has_row, error))
    return 0;

  return sqlite3_column_int (stmt, 0);
}

/* Changing a draft: each change checks the assessment may be changed,
 * writes, audits and touches updated_at in one transaction. */

/* Changes one column of a draft's row, auditing old and new values;
 * writes nothing when the value is unchanged. */
static gboolean
set_assessment_column (PcStore     *self,
                       gint64       assessment_id,
                       const char  *field,
                       const char  *select_sql,
                       const char  *update_sql,
                       const char  *value,
                       GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autofree char *old_value = NULL;
  gboolean found;
  gboolean ok;

  checklist = _pc_store_begin_change (self, assessment_id, NULL, error);
  if (checklist == NULL)
    return FALSE;

  old_value = _pc_store_read_text (self, select_sql, assessment_id, NULL, &found, error);
  if (found && g_strcmp0 (old_value, value) == 0)
    {
      _pc_store_rollback (self);
      return TRUE;
    }

  ok = found
    && _pc_store_write_field (self, update_sql, assessment_id, value, error)
    && _pc_store_audit (self, assessment_id, NULL, "assessment", NULL, field, old_value, value,
                        NULL, error);

  return _pc_store_finish_change (self, assessment_id, ok, error);
}

static const char * const header_fields[] = {
  "title", "kind", "division", "priority", "lead", "outcomes", "affected",
  "start_date", "review_date", NULL
};

gboolean
pc_store_set_header_field (PcStore     *self,
                           gint64       assessment_id,
                           const char  *field,
                           const char  *value,
                           GError     **error)
{
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *composed = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (g_strv_contains (header_fields, field), FALSE);

  value = _pc_store_nullable (value);

  if (g_str_equal (field, "title"))
    {
      if (!_pc_store_check_field (_("title"), value, PC_TEXT_LINE, TRUE, error))
        return FALSE;
    }
  else if (g_str_equal (field, "lead"))
    {
      if (!_pc_store_check_field (_("service lead"), value, PC_TEXT_NAME, TRUE, error))
        return FALSE;
    }
  else if (g_str_equal (field, "kind"))
    {
      PcChangeKind kind;

      if (value == NULL || !pc_kind_from_string (value, &kind))
        {
          g_autofree char *kinds = pc_vocab_alternatives (PC_VOCAB_KIND);

          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                       _("“%s” is not a kind of change: use %s"), value ? value : "", kinds);
          return FALSE;
        }
    }
  else if (g_str_equal (field, "division"))
    {
      if (!check_division (value, error))
        return FALSE;
    }
  else if (g_str_equal (field, "priority"))
    {
      if (!check_priority (value, error))
        return FALSE;
    }
  else if (g_str_has_suffix (field, "_date"))
    {
      if (!_pc_store_check_date (g_str_equal (field, "start_date") ? _("start date")
                                                                   : _("review date"),
                                 value, error))
        return FALSE;
    }
  else if (!_pc_store_check_text (g_str_equal (field, "outcomes")
                                  ? _("intended outcomes") : _("description of who is affected"),
                                  value, FALSE, error))
    return FALSE;

  /* Text is stored composed (NFC). */
  value = composed = pc_text_normalize (value);

  /* The field name is one of header_fields, never user input. */
  select_sql = g_strdup_printf ("SELECT %s FROM assessments WHERE id = ?1", field);
  update_sql = g_strdup_printf ("UPDATE assessments SET %s = ?1 WHERE id = ?2", field);

  return set_assessment_column (self, assessment_id, field, select_sql, update_sql, value, error);
}

gboolean
pc_store_set_team (PcStore             *self,
                   gint64               assessment_id,
                   const char * const  *team,
                   GError             **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);

  if (!check_team (team, error))
    return FALSE;

  value = team_to_json (team);

  return set_assessment_column (self, assessment_id, "team",
                                "SELECT team FROM assessments WHERE id = ?1",
                                "UPDATE assessments SET team = ?1 WHERE id = ?2",
                                value, error);
}
