/* pc-store-lifecycle.c: submit, review and revise, with signatures
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include "pc-store-private.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-summary.h"
#include "pc-vocab.h"

/* The canonical content of @a and its SHA-256. Returns: (transfer full) (nullable) */
static GBytes *
content_bytes (PcStore             *self,
               const PcAssessment  *a,
               char               **out_sha256,
               GError             **error)
{
  g_autoptr(PcChecklist) checklist = pc_store_load_checklist_for (self, a, error);
  g_autoptr(cJSON) content = NULL;

  if (checklist == NULL)
    return NULL;

  content = pc_summary_build_content (a, checklist);
  return pc_summary_canonical_bytes (content, out_sha256, error);
}

/* Makes a sign-off of @meaning by @key over @content. Returns: (transfer full) (nullable) */
static PcSignoff *
make_signoff (const PcAssessment  *a,
              PcSigningKey        *key,
              const char          *role,
              PcMeaning            meaning,
              const char          *reason,
              GDateTime           *now,
              GBytes              *content,
              const char          *content_sha256,
              GError             **error)
{
  g_autoptr(GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  PcSignoff *signoff = g_new0 (PcSignoff, 1);
  g_autofree char *comment = NULL;

  signoff->name = g_strdup (pc_signing_key_get_name (key));
  signoff->role = g_strdup (_pc_store_nullable (role) != NULL ? role
                                                           : pc_signing_key_get_role (key));
  signoff->meaning = meaning;
  signoff->reason = g_strdup (_pc_store_nullable (reason));
  signoff->signed_at = _pc_store_format_time (when);
  signoff->content_sha256 = g_strdup (content_sha256);
  signoff->key_id = g_strdup (pc_signing_key_get_key_id (key));
  signoff->public_key = g_strdup (pc_signing_key_get_public_key (key));

  comment = pc_summary_trusted_comment (a->reference, a->revision, signoff);
  signoff->signature = pc_signing_key_sign (key, g_bytes_get_data (content, NULL),
                                            g_bytes_get_size (content), comment, error);
  if (signoff->signature == NULL)
    {
      pc_signoff_free (signoff);
      return NULL;
    }

  return signoff;
}

static gboolean
insert_signoff (PcStore          *self,
                gint64            assessment_id,
                const PcSignoff  *signoff,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO signoffs (assessment_id, name, role, meaning, reason,"
                         " signed_at, content_sha256, key_id, public_key, signature)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _pc_db_bind_text (stmt, 2, signoff->name);
  _pc_db_bind_text (stmt, 3, signoff->role);
  _pc_db_bind_text (stmt, 4, pc_meaning_to_string (signoff->meaning));
  _pc_db_bind_text (stmt, 5, signoff->reason);
  _pc_db_bind_text (stmt, 6, signoff->signed_at);
  _pc_db_bind_text (stmt, 7, signoff->content_sha256);
  _pc_db_bind_text (stmt, 8, signoff->key_id);
  _pc_db_bind_text (stmt, 9, signoff->public_key);
  _pc_db_bind_text (stmt, 10, signoff->signature);

  return _pc_db_step_done (self->db, stmt, error);
}

/* Records @signoff and moves @a from its state to @state, in one
 * transaction with their audit rows. The sign-off goes in first, while
 * the assessment is not yet final, since the triggers lock a final one. */
static gboolean
record_transition (PcStore             *self,
                   const PcAssessment  *a,
                   const PcSignoff     *signoff,
                   PcState              state,
                   GError             **error)
{
  g_autofree char *described = NULL;
  gboolean ok;

  if (!_pc_store_begin (self, error))
    return FALSE;

  described = g_strdup_printf ("%s, %s: %s (content SHA-256 %s, key %s)",
                               signoff->name, signoff->role,
                               pc_meaning_to_string (signoff->meaning),
                               signoff->content_sha256, signoff->key_id);

  ok = insert_signoff (self, a->id, signoff, error)
    && _pc_store_audit (self, a->id, signoff->name, "signoff", NULL, "signed", NULL, described,
                        signoff->reason, error)
    && _pc_store_audit (self, a->id, signoff->name, "assessment", NULL, "state",
                        pc_state_to_string (a->state), pc_state_to_string (state),
                        signoff->reason, error)
    && _pc_store_touch (self, a->id, error);

  if (ok)
    {
      g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db,
                                                     "UPDATE assessments SET state = ?1"
                                                     " WHERE id = ?2 AND state = ?3",
                                                     error);
      ok = stmt != NULL;
      if (ok)
        {
          _pc_db_bind_text (stmt, 1, pc_state_to_string (state));
          sqlite3_bind_int64 (stmt, 2, a->id);
          _pc_db_bind_text (stmt, 3, pc_state_to_string (a->state));
          ok = _pc_db_step_done (self->db, stmt, error);
        }
      if (ok && sqlite3_changes (self->db) != 1)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE,
                       _("%s changed while it was being signed: open it again and retry"),
                       a->reference);
          ok = FALSE;
        }
    }

  if (ok && _pc_store_commit (self, error))
    return TRUE;

  _pc_store_rollback (self);
  return FALSE;
}


gboolean
pc_store_submit (PcStore       *self,
                 gint64         assessment_id,
                 PcSigningKey  *key,
                 const char    *role,
                 GDateTime     *now,
                 GError       **error)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GDate) today = NULL;
  PcSignoff *signoff;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pc_store_check_signoff_text (role, PC_MEANING_PREPARED, NULL, error))
    return FALSE;

  a = pc_store_load_assessment_by_id (self, assessment_id, error);
  if (a == NULL)
    return FALSE;
  checklist = pc_store_load_checklist_for (self, a, error);
  if (checklist == NULL)
    return FALSE;

  today = pc_date_new_utc (now);
  findings = pc_lint_run (a, checklist, today);
  if (!pc_lifecycle_check_submit (a, findings, error))
    return FALSE;

  content = content_bytes (self, a, &sha256, error);
  if (content == NULL)
    return FALSE;

  signoff = make_signoff (a, key, role, PC_MEANING_PREPARED, NULL, now, content, sha256, error);
  if (signoff == NULL)
    return FALSE;

  ok = record_transition (self, a, signoff, PC_STATE_IN_REVIEW, error);
  pc_signoff_free (signoff);

  return ok;
}

gboolean
pc_store_review (PcStore       *self,
                 gint64         assessment_id,
                 PcMeaning      decision,
                 const char    *reason,
                 PcSigningKey  *key,
                 const char    *role,
                 GDateTime     *now,
                 GError       **error)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *sha256 = NULL;
  PcSignoff *signoff;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_pc_store_check_signoff_text (role, decision, reason, error))
    return FALSE;

  a = pc_store_load_assessment_by_id (self, assessment_id, error);
  if (a == NULL)
    return FALSE;

  content = content_bytes (self, a, &sha256, error);
  if (content == NULL)
    return FALSE;

  if (!pc_lifecycle_check_review (a, decision, pc_signing_key_get_name (key), reason, sha256,
                                  error))
    return FALSE;

  signoff = make_signoff (a, key, role, decision, reason, now, content, sha256, error);
  if (signoff == NULL)
    return FALSE;

  ok = record_transition (self, a, signoff, pc_lifecycle_state_after (decision), error);
  pc_signoff_free (signoff);

  return ok;
}

static gboolean
copy_children (PcStore  *self,
               gint64    from,
               gint64    to,
               GError  **error)
{
  static const char * const copies[] = {
    "INSERT INTO answers (assessment_id, prompt_id, rating, evidence, justification, updated_at)"
    " SELECT ?2, prompt_id, rating, evidence, justification, updated_at FROM answers"
    " WHERE assessment_id = ?1",
    "INSERT INTO attachments (assessment_id, prompt_id, name, media_type, size, sha256, data, added_at)"
    " SELECT ?2, prompt_id, name, media_type, size, sha256, data, added_at FROM attachments"
    " WHERE assessment_id = ?1 ORDER BY id",
    "INSERT INTO links (assessment_id, prompt_id, url, title, added_at)"
    " SELECT ?2, prompt_id, url, title, added_at FROM links WHERE assessment_id = ?1 ORDER BY id",
    "INSERT INTO actions (assessment_id, prompt_id, description, owner, due_date, status, created_at)"
    " SELECT ?2, prompt_id, description, owner, due_date, status, created_at FROM actions"
    " WHERE assessment_id = ?1 ORDER BY id",
    "INSERT INTO coproduction (assessment_id, who, how, date, changed, created_at)"
    " SELECT ?2, who, how, date, changed, created_at FROM coproduction"
    " WHERE assessment_id = ?1 ORDER BY id",
  };

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, copies[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (!_pc_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gint64
pc_store_revise (PcStore     *self,
                 gint64       assessment_id,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessment) latest = NULL;
  g_autofree char *described = NULL;
  g_autofree char *composed = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (_pc_store_nullable (reason) == NULL)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("A new revision needs a reason, so readers know why it was reopened"));
      return 0;
    }
  if (!_pc_store_check_text (_("reason"), reason, TRUE, error))
    return 0;
  reason = composed = pc_text_normalize (reason);

  a = pc_store_load_assessment_by_id (self, assessment_id, error);
  if (a == NULL)
    return 0;

  if (!pc_lifecycle_check_revise (a, error))
    return 0;

  latest = pc_store_load_assessment (self, a->reference, 0, error);
  if (latest == NULL)
    return 0;
  if (latest->revision != a->revision)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("%s already has a newer revision (%d): change that one instead"),
                   a->reference, latest->revision);
      return 0;
    }

  if (!_pc_store_begin (self, error))
    return 0;

  described = g_strdup_printf (_("revision %d, from revision %d"), a->revision + 1, a->revision);
  id = _pc_store_insert_assessment (self, a, a->reference, a->revision + 1, a->id, reason,
                                    a->checklist_sha256, error);
  ok = id != 0
    && copy_children (self, a->id, id, error)
    && _pc_store_audit (self, id, NULL, "assessment", a->reference, "revision",
                        NULL, described, reason, error)
    && _pc_store_audit (self, a->id, NULL, "assessment", a->reference, "revised",
                        NULL, described, reason, error);

  if (ok && _pc_store_commit (self, error))
    return id;

  _pc_store_rollback (self);
  return 0;
}
