/* pc-store-change.c: what every change to a draft shares: checking
 * the values, checking the assessment may be changed, reading and
 * writing one field, and the begin–touch–commit around a change
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

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-sign.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* Validation */

/* "" and white space alone mean "nothing". */
const char *
_pc_store_nullable (const char *text)
{
  return pc_text_is_blank (text) ? NULL : text;
}

gboolean
_pc_store_check_text (const char  *what,
            const char  *value,
            gboolean     required,
            GError     **error)
{
  return _pc_store_check_field (what, value, PC_TEXT_MULTILINE, required, error);
}

gboolean
_pc_store_check_field (const char  *what,
                       const char  *value,
                       PcTextKind   kind,
                       gboolean     required,
                       GError     **error)
{
  g_autoptr(GError) text_error = NULL;

  if (!pc_text_check (what, value, kind, &text_error))
    {
      g_set_error_literal (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID, text_error->message);
      return FALSE;
    }

  if (required && pc_text_is_blank (value))
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("The %s is empty: fill it in"), what);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_store_check_date (const char  *what,
            const char  *value,
            GError     **error)
{
  if (value != NULL && !pc_date_is_valid (value))
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("The %s “%s” is not a date: write it as YYYY-MM-DD, for example 2027-03-31"),
                   what, value);
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_store_check_signoff_text (const char  *role,
                              PcMeaning    meaning,
                              const char  *reason,
                              GError     **error)
{
  return _pc_store_check_field (_("signer’s role"), role, PC_TEXT_LINE, FALSE, error)
      && _pc_store_check_text (meaning == PC_MEANING_APPROVED_WITH_CONDITIONS
                               ? _("text of the conditions") : _("reason"),
                               reason, FALSE, error);
}

/* Looks up @assessment_id and checks it may be changed: it exists, is a
 * draft and is not imported. On success returns the checklist it was
 * made against. Returns: (transfer full) (nullable) */
PcChecklist *
_pc_store_require_draft (PcStore  *self,
               gint64    assessment_id,
               GError  **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *reference = NULL;
  g_autofree char *sha256 = NULL;
  PcState state = PC_STATE_DRAFT;
  gboolean has_row;
  gboolean imported;

  stmt = _pc_store_lend (self, &cached,
                         "SELECT reference, state, imported, checklist_sha256"
                         " FROM assessments WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with id %" PRId64), assessment_id);
      return NULL;
    }

  reference = _pc_db_dup_text (stmt, 0);
  pc_state_from_string ((const char *) sqlite3_column_text (stmt, 1), &state);
  imported = sqlite3_column_int (stmt, 2) != 0;
  sha256 = _pc_db_dup_text (stmt, 3);

  if (imported)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY,
                   _("%s is an imported summary and is read-only"), reference);
      return NULL;
    }

  if (state == PC_STATE_IN_REVIEW)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY,
                   _("%s is in review and cannot be changed: the reviewer can return it to draft"),
                   reference);
      return NULL;
    }

  if (state != PC_STATE_DRAFT)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY,
                   _("%s is signed off and read-only: start a new revision to change it"),
                   reference);
      return NULL;
    }

  return pc_store_load_checklist (self, sha256, error);
}

gboolean
_pc_store_require_prompt (PcChecklist  *checklist,
                const char   *prompt_id,
                GError      **error)
{
  if (prompt_id == NULL || pc_checklist_find_prompt (checklist, prompt_id, NULL) == NULL)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a prompt of the checklist “%s”: run “principle-check show” to see the prompt ids"),
                   prompt_id ? prompt_id : "", pc_checklist_get_title (checklist));
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_store_touch (PcStore  *self,
                 gint64    assessment_id,
                 GError  **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  g_autofree char *now = _pc_store_now ();
  sqlite3_stmt *stmt;

  stmt = _pc_store_lend (self, &cached, "UPDATE assessments SET updated_at = ?1 WHERE id = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  _pc_db_bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, assessment_id);

  return _pc_db_step_done (self->db, stmt, error);
}

/* Changing a draft */

/* Every change here runs the same way: begin, check the assessment may
 * be changed (and the prompt exists), write, audit, touch, commit; any
 * failure rolls the whole change back. */

PcChecklist *
_pc_store_begin_change (PcStore     *self,
              gint64       assessment_id,
              const char  *prompt_id,
              GError     **error)
{
  g_autoptr(PcChecklist) checklist = NULL;

  if (!_pc_store_begin (self, error))
    return NULL;

  checklist = _pc_store_require_draft (self, assessment_id, error);
  if (checklist == NULL
      || (prompt_id != NULL && !_pc_store_require_prompt (checklist, prompt_id, error)))
    {
      _pc_store_rollback (self);
      return NULL;
    }

  return g_steal_pointer (&checklist);
}

gboolean
_pc_store_finish_change (PcStore   *self,
               gint64     assessment_id,
               gboolean   ok,
               GError   **error)
{
  if (ok && _pc_store_touch (self, assessment_id, error) && _pc_store_commit (self, error))
    return TRUE;

  _pc_store_rollback (self);
  return FALSE;
}

char *
_pc_store_read_text (PcStore     *self,
                  const char  *sql,
                  gint64       id,
                  const char  *key,
                  gboolean    *found,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, sql, error);
  gboolean has_row;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (key != NULL)
    _pc_db_bind_text (stmt, 2, key);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  *found = has_row;
  return has_row ? _pc_db_dup_text (stmt, 0) : NULL;
}

gboolean
_pc_store_write_field (PcStore     *self,
             const char  *sql,
             gint64       id,
             const char  *value,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  _pc_db_bind_text (stmt, 1, value);
  sqlite3_bind_int64 (stmt, 2, id);

  return _pc_db_step_done (self->db, stmt, error);
}

gboolean
_pc_store_delete_row (PcStore     *self,
                      const char  *table,
                      gint64       id,
                      GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return _pc_db_step_done (self->db, stmt, error);
}

/* A sign-off in words, as the audit trail records it. */
char *
_pc_store_describe_signoff (const PcSignoff  *signoff,
                            GError          **error)
{
  g_autofree char *fingerprint = pc_sign_fingerprint (signoff->public_key, error);

  if (fingerprint == NULL)
    return NULL;

  return g_strdup_printf ("%s, %s: %s (content SHA-256 %s, key %s)",
                          signoff->name, signoff->role, pc_meaning_to_string (signoff->meaning),
                          signoff->content_sha256, fingerprint);
}
