/* pc-store-evidence.c: answers, attachments, links, actions and the
 * co-production record of a draft
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

#include "pc-checklist.h"
#include "pc-vocab.h"

/* Finds which assessment a child row (attachment, link, action,
 * co-production entry) belongs to; 0 with @error when there is none. */
static gint64
owner_of (PcStore     *self,
          const char  *table,
          gint64       row_id,
          const char  *what,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT assessment_id FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, row_id);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return 0;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with id %" PRId64), what, row_id);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Answers */

static gboolean
set_answer (PcStore     *self,
            gint64       assessment_id,
            const char  *prompt_id,
            gboolean     set_rating,
            PcRating     rating,
            const char  *evidence,
            const char  *justification,
            GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcDbStatement) cached_select = NULL;
  g_autoptr(PcDbStatement) cached_upsert = NULL;
  sqlite3_stmt *select;
  sqlite3_stmt *upsert;
  g_autofree char *old_rating = NULL;
  g_autofree char *old_evidence = NULL;
  g_autofree char *old_justification = NULL;
  g_autofree char *now = NULL;
  g_autofree char *composed_evidence = NULL;
  g_autofree char *composed_justification = NULL;
  const char *new_rating;
  const char *new_evidence;
  const char *new_justification;
  gboolean has_row;
  gboolean ok = TRUE;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pc_store_check_text (_("evidence"), evidence, FALSE, error)
      || !_pc_store_check_text (_("justification"), justification, FALSE, error))
    return FALSE;

  /* Text is stored composed (NFC). */
  evidence = composed_evidence = pc_text_normalize (evidence);
  justification = composed_justification = pc_text_normalize (justification);

  checklist = _pc_store_begin_change (self, assessment_id, prompt_id, error);
  if (checklist == NULL)
    return FALSE;

  select = _pc_store_lend (self, &cached_select,
                           "SELECT rating, evidence, justification FROM answers"
                           " WHERE assessment_id = ?1 AND prompt_id = ?2",
                           error);
  if (select == NULL)
    return _pc_store_finish_change (self, assessment_id, FALSE, error);
  sqlite3_bind_int64 (select, 1, assessment_id);
  _pc_db_bind_text (select, 2, prompt_id);
  if (!_pc_db_step_row (self->db, select, &has_row, error))
    return _pc_store_finish_change (self, assessment_id, FALSE, error);

  if (has_row)
    {
      old_rating = _pc_db_dup_text (select, 0);
      old_evidence = _pc_db_dup_text (select, 1);
      old_justification = _pc_db_dup_text (select, 2);
    }
  else
    old_rating = g_strdup (pc_rating_to_string (PC_RATING_NOT_ASSESSED));

  new_rating = set_rating ? pc_rating_to_string (rating) : old_rating;
  new_evidence = evidence == NULL ? old_evidence : (*evidence == '\0' ? NULL : evidence);
  new_justification = justification == NULL ? old_justification
                                             : (*justification == '\0' ? NULL : justification);

  if (g_strcmp0 (new_rating, old_rating) == 0
      && g_strcmp0 (new_evidence, old_evidence) == 0
      && g_strcmp0 (new_justification, old_justification) == 0)
    {
      /* Nothing changed: write nothing, audit nothing. */
      _pc_store_rollback (self);
      return TRUE;
    }

  now = _pc_store_now ();
  upsert = _pc_store_lend (self, &cached_upsert,
                           "INSERT INTO answers (assessment_id, prompt_id, rating, evidence,"
                           " justification, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                           " ON CONFLICT (assessment_id, prompt_id) DO UPDATE SET"
                           " rating = excluded.rating, evidence = excluded.evidence,"
                           " justification = excluded.justification, updated_at = excluded.updated_at",
                           error);
  if (upsert == NULL)
    return _pc_store_finish_change (self, assessment_id, FALSE, error);

  sqlite3_bind_int64 (upsert, 1, assessment_id);
  _pc_db_bind_text (upsert, 2, prompt_id);
  _pc_db_bind_text (upsert, 3, new_rating);
  _pc_db_bind_text (upsert, 4, new_evidence);
  _pc_db_bind_text (upsert, 5, new_justification);
  _pc_db_bind_text (upsert, 6, now);
  ok = _pc_db_step_done (self->db, upsert, error);

  if (ok && g_strcmp0 (new_rating, old_rating) != 0)
    ok = _pc_store_audit (self, assessment_id, NULL, "answer", prompt_id, "rating",
                          old_rating, new_rating, NULL, error);
  if (ok && g_strcmp0 (new_evidence, old_evidence) != 0)
    ok = _pc_store_audit (self, assessment_id, NULL, "answer", prompt_id, "evidence",
                          old_evidence, new_evidence, NULL, error);
  if (ok && g_strcmp0 (new_justification, old_justification) != 0)
    ok = _pc_store_audit (self, assessment_id, NULL, "answer", prompt_id, "justification",
                          old_justification, new_justification, NULL, error);

  return _pc_store_finish_change (self, assessment_id, ok, error);
}

gboolean
pc_store_set_answer (PcStore     *self,
                     gint64       assessment_id,
                     const char  *prompt_id,
                     PcRating     rating,
                     const char  *evidence,
                     const char  *justification,
                     GError     **error)
{
  return set_answer (self, assessment_id, prompt_id, TRUE, rating, evidence, justification,
                     error);
}

gboolean
pc_store_set_answer_text (PcStore     *self,
                          gint64       assessment_id,
                          const char  *prompt_id,
                          const char  *evidence,
                          const char  *justification,
                          GError     **error)
{
  return set_answer (self, assessment_id, prompt_id, FALSE, PC_RATING_NOT_ASSESSED, evidence,
                     justification, error);
}

/* Attachments */

gint64
pc_store_add_attachment (PcStore     *self,
                         gint64       assessment_id,
                         const char  *prompt_id,
                         const char  *name,
                         const char  *media_type,
                         GBytes      *data,
                         GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *now = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *composed = NULL;
  gsize size;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (data != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  size = g_bytes_get_size (data);
  if (size > PC_STORE_MAX_ATTACHMENT)
    {
      g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_LARGE,
                   _("“%s” is %s, over the 25 MiB an attachment may be: attach a smaller file or link to it instead"),
                   name ? name : "", have);
      return 0;
    }

  if (!_pc_store_check_field (_("file name"), name, PC_TEXT_LINE, TRUE, error))
    return 0;
  name = composed = pc_text_normalize (name);
  if (media_type == NULL || *media_type == '\0')
    media_type = "application/octet-stream";

  checklist = _pc_store_begin_change (self, assessment_id, prompt_id, error);
  if (checklist == NULL)
    return 0;

  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  now = _pc_store_now ();
  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO attachments (assessment_id, prompt_id, name, media_type,"
                         " size, sha256, data, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _pc_db_bind_text (stmt, 2, prompt_id);
      _pc_db_bind_text (stmt, 3, name);
      _pc_db_bind_text (stmt, 4, media_type);
      sqlite3_bind_int64 (stmt, 5, size);
      _pc_db_bind_text (stmt, 6, sha256);
      sqlite3_bind_blob64 (stmt, 7, g_bytes_get_data (data, NULL), size, SQLITE_STATIC);
      _pc_db_bind_text (stmt, 8, now);
      ok = _pc_db_step_done (self->db, stmt, error);
    }

  if (ok)
    {
      g_autofree char *described = NULL;

      id = sqlite3_last_insert_rowid (self->db);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      described = g_strdup_printf ("%s (%" G_GSIZE_FORMAT " bytes, SHA-256 %s)", name, size, sha256);
      ok = _pc_store_audit (self, assessment_id, NULL, "attachment", prompt_id, "added",
                            NULL, described, NULL, error);
    }

  return _pc_store_finish_change (self, assessment_id, ok, error) ? id : 0;
}

/* Removes row @row_id of @table (one of a draft's attachments, links,
 * actions or co-production entries) and audits it as @entity "removed".
 * @describe_sql selects, for ?1 = @row_id, the audit row's entity id and
 * a description of what is removed. */
static gboolean
remove_child (PcStore     *self,
              const char  *table,
              const char  *what,
              const char  *entity,
              const char  *describe_sql,
              gint64       row_id,
              GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *entity_id = NULL;
  g_autofree char *described = NULL;
  gint64 assessment_id;
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);

  assessment_id = owner_of (self, table, row_id, what, error);
  if (assessment_id == 0)
    return FALSE;

  checklist = _pc_store_begin_change (self, assessment_id, NULL, error);
  if (checklist == NULL)
    return FALSE;

  stmt = _pc_db_prepare (self->db, describe_sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, row_id);
      ok = _pc_db_step_row (self->db, stmt, &has_row, error) && has_row;
    }
  if (ok)
    {
      entity_id = _pc_db_dup_text (stmt, 0);
      described = _pc_db_dup_text (stmt, 1);
      ok = _pc_store_delete_row (self, table, row_id, error)
        && _pc_store_audit (self, assessment_id, NULL, entity, entity_id, "removed",
                            described, NULL, NULL, error);
    }

  return _pc_store_finish_change (self, assessment_id, ok, error);
}

gboolean
pc_store_remove_attachment (PcStore  *self,
                            gint64    attachment_id,
                            GError  **error)
{
  return remove_child (self, "attachments", _("attachment"), "attachment",
                       "SELECT prompt_id, name || ' (SHA-256 ' || sha256 || ')'"
                       " FROM attachments WHERE id = ?1",
                       attachment_id, error);
}

GBytes *
pc_store_get_attachment_data (PcStore  *self,
                              gint64    attachment_id,
                              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) data = NULL;
  char sha256[PC_STORE_HASH_HEX_SIZE];
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  stmt = _pc_db_prepare (self->db, "SELECT data, sha256, name FROM attachments WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("There is no attachment with id %" PRId64), attachment_id);
      return NULL;
    }

  /* The bytes given out are the ones whose hash was recorded (and
   * signed), or none. */
  data = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  _pc_store_sha256_hex (g_bytes_get_data (data, NULL), g_bytes_get_size (data), sha256);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL
      || g_strcmp0 (sha256, (const char *) sqlite3_column_text (stmt, 1)) != 0)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED,
                   _("The file “%s” in the database is not the one whose SHA-256 was recorded: its bytes have been replaced; do not rely on it, and restore the database from a backup"),
                   (const char *) sqlite3_column_text (stmt, 2));
      return NULL;
    }

  return g_steal_pointer (&data);
}

/* Links */

gint64
pc_store_add_link (PcStore     *self,
                   gint64       assessment_id,
                   const char  *prompt_id,
                   const char  *url,
                   const char  *title,
                   GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _pc_store_now ();
  g_autofree char *composed_url = NULL;
  g_autofree char *composed_title = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_pc_store_check_field (_("link"), url, PC_TEXT_LINE, TRUE, error)
      || !_pc_store_check_field (_("link title"), title, PC_TEXT_LINE, FALSE, error))
    return 0;
  url = composed_url = pc_text_normalize (url);
  title = composed_title = pc_text_normalize (title);

  {
    g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
    const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

    if (scheme == NULL
        || (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
      {
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                     _("“%s” is not a web address: links must start with https:// (or http://)"),
                     url);
        return 0;
      }
  }

  checklist = _pc_store_begin_change (self, assessment_id, prompt_id, error);
  if (checklist == NULL)
    return 0;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO links (assessment_id, prompt_id, url, title, added_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5)",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _pc_db_bind_text (stmt, 2, prompt_id);
      _pc_db_bind_text (stmt, 3, url);
      _pc_db_bind_text (stmt, 4, _pc_store_nullable (title));
      _pc_db_bind_text (stmt, 5, now);
      ok = _pc_db_step_done (self->db, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      ok = _pc_store_audit (self, assessment_id, NULL, "link", prompt_id, "added",
                            NULL, url, NULL, error);
    }

  return _pc_store_finish_change (self, assessment_id, ok, error) ? id : 0;
}

gboolean
pc_store_remove_link (PcStore  *self,
                      gint64    link_id,
                      GError  **error)
{
  return remove_child (self, "links", _("link"), "link",
                       "SELECT prompt_id, url FROM links WHERE id = ?1",
                       link_id, error);
}

/* Actions */

static gboolean
check_action_field (const char  *field,
                    const char  *value,
                    GError     **error)
{
  PcActionStatus status;

  if (g_str_equal (field, "description"))
    return _pc_store_check_field (_("action’s description"), value, PC_TEXT_LINE, TRUE, error);
  if (g_str_equal (field, "owner"))
    return _pc_store_check_field (_("action’s owner"), value, PC_TEXT_NAME, FALSE, error);
  if (g_str_equal (field, "due_date"))
    return _pc_store_check_date (_("due date"), _pc_store_nullable (value), error);
  if (g_str_equal (field, "status"))
    {
      if (value != NULL && pc_action_status_from_string (value, &status))
        return TRUE;

      g_autofree char *statuses = pc_vocab_alternatives (PC_VOCAB_ACTION_STATUS);

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("“%s” is not an action status: use %s"), value ? value : "", statuses);
      return FALSE;
    }

  g_return_val_if_reached (FALSE);
}

gint64
pc_store_add_action (PcStore     *self,
                     gint64       assessment_id,
                     const char  *prompt_id,
                     const char  *description,
                     const char  *owner,
                     const char  *due_date,
                     GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _pc_store_now ();
  g_autofree char *id_text = NULL;
  g_autofree char *composed_description = NULL;
  g_autofree char *composed_owner = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_action_field ("description", description, error)
      || !check_action_field ("owner", owner, error)
      || !check_action_field ("due_date", due_date, error))
    return 0;
  description = composed_description = pc_text_normalize (description);
  owner = composed_owner = pc_text_normalize (owner);

  checklist = _pc_store_begin_change (self, assessment_id, prompt_id, error);
  if (checklist == NULL)
    return 0;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO actions (assessment_id, prompt_id, description, owner,"
                         " due_date, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6)",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _pc_db_bind_text (stmt, 2, prompt_id);
      _pc_db_bind_text (stmt, 3, description);
      _pc_db_bind_text (stmt, 4, _pc_store_nullable (owner));
      _pc_db_bind_text (stmt, 5, _pc_store_nullable (due_date));
      _pc_db_bind_text (stmt, 6, now);
      ok = _pc_db_step_done (self->db, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      ok = _pc_store_audit (self, assessment_id, NULL, "action", id_text, "added",
                            NULL, description, NULL, error);
    }

  return _pc_store_finish_change (self, assessment_id, ok, error) ? id : 0;
}

gboolean
pc_store_set_action_field (PcStore     *self,
                           gint64       action_id,
                           const char  *field,
                           const char  *value,
                           GError     **error)
{
  static const char * const fields[] = { "description", "owner", "due_date", "status", NULL };
  g_autoptr(PcChecklist) checklist = NULL;
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *composed = NULL;
  gint64 assessment_id;
  gboolean found;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (field != NULL && g_strv_contains (fields, field), FALSE);

  value = _pc_store_nullable (value);
  if (!check_action_field (field, value, error))
    return FALSE;
  value = composed = pc_text_normalize (value);

  assessment_id = owner_of (self, "actions", action_id, _("action"), error);
  if (assessment_id == 0)
    return FALSE;

  checklist = _pc_store_begin_change (self, assessment_id, NULL, error);
  if (checklist == NULL)
    return FALSE;

  /* @field is one of the fixed names above, never user input. */
  select_sql = g_strdup_printf ("SELECT %s FROM actions WHERE id = ?1", field);
  update_sql = g_strdup_printf ("UPDATE actions SET %s = ?1 WHERE id = ?2", field);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, action_id);

  old_value = _pc_store_read_text (self, select_sql, action_id, NULL, &found, error);
  if (found && g_strcmp0 (old_value, value) == 0)
    {
      _pc_store_rollback (self);
      return TRUE;
    }

  ok = found
    && _pc_store_write_field (self, update_sql, action_id, value, error)
    && _pc_store_audit (self, assessment_id, NULL, "action", id_text, field, old_value, value,
                        NULL, error);

  return _pc_store_finish_change (self, assessment_id, ok, error);
}

gboolean
pc_store_remove_action (PcStore  *self,
                        gint64    action_id,
                        GError  **error)
{
  return remove_child (self, "actions", _("action"), "action",
                       "SELECT CAST(id AS TEXT), description FROM actions WHERE id = ?1",
                       action_id, error);
}

/* Co-production */

gint64
pc_store_add_coproduction (PcStore     *self,
                           gint64       assessment_id,
                           const char  *who,
                           const char  *how,
                           const char  *date,
                           const char  *changed,
                           GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _pc_store_now ();
  g_autofree char *described = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *composed_who = NULL;
  g_autofree char *composed_how = NULL;
  g_autofree char *composed_changed = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_pc_store_check_field (_("“who took part”"), who, PC_TEXT_LINE, TRUE, error)
      || !_pc_store_check_field (_("“how”"), how, PC_TEXT_LINE, TRUE, error)
      || !_pc_store_check_text (_("“what changed”"), changed, TRUE, error))
    return 0;
  who = composed_who = pc_text_normalize (who);
  how = composed_how = pc_text_normalize (how);
  changed = composed_changed = pc_text_normalize (changed);
  if (date == NULL || !_pc_store_check_date (_("co-production date"), date, error))
    {
      if (date == NULL)
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                     _("The co-production date is empty: write it as YYYY-MM-DD"));
      return 0;
    }

  checklist = _pc_store_begin_change (self, assessment_id, NULL, error);
  if (checklist == NULL)
    return 0;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO coproduction (assessment_id, who, how, date, changed,"
                         " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assessment_id);
      _pc_db_bind_text (stmt, 2, who);
      _pc_db_bind_text (stmt, 3, how);
      _pc_db_bind_text (stmt, 4, date);
      _pc_db_bind_text (stmt, 5, changed);
      _pc_db_bind_text (stmt, 6, now);
      ok = _pc_db_step_done (self->db, stmt, error);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (self->db);
      id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      described = g_strdup_printf ("%s, %s, %s: %s", who, how, date, changed);
      ok = _pc_store_audit (self, assessment_id, NULL, "coproduction", id_text, "added",
                            NULL, described, NULL, error);
    }

  return _pc_store_finish_change (self, assessment_id, ok, error) ? id : 0;
}

gboolean
pc_store_remove_coproduction (PcStore  *self,
                              gint64    entry_id,
                              GError  **error)
{
  return remove_child (self, "coproduction", _("co-production entry"), "coproduction",
                       "SELECT CAST(id AS TEXT), who || ', ' || how || ', ' || date || ': ' || changed"
                       " FROM coproduction WHERE id = ?1",
                       entry_id, error);
}
