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
#include "pc-text.h"
#include "pc-vocab.h"

GBytes *
pc_store_content_bytes (PcStore             *self,
                        const PcAssessment  *a,
                        char               **out_sha256,
                        GError             **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(cJSON) content = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);
  g_return_val_if_fail (a != NULL, NULL);

  checklist = pc_store_load_checklist_for (self, a, error);
  if (checklist == NULL)
    return NULL;

  content = pc_summary_build_content (a, checklist);
  return pc_summary_canonical_bytes (content, out_sha256, error);
}

/* Makes a sign-off of @meaning by @key over @content, anchored to the
 * audit chain's head as it is now (@audit_rows rows, the last one's hash
 * @audit_head). Returns: (transfer full) (nullable) */
static PcSignoff *
make_signoff (const PcAssessment  *a,
              PcSigningKey        *key,
              const char          *role,
              PcMeaning            meaning,
              const char          *reason,
              GDateTime           *now,
              GBytes              *content,
              const char          *content_sha256,
              guint                audit_rows,
              const char          *audit_head,
              GError             **error)
{
  g_autoptr(GDateTime) when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  PcSignoff *signoff = g_new0 (PcSignoff, 1);
  g_autofree char *comment = NULL;

  signoff->name = g_strdup (pc_signing_key_get_name (key));
  /* Stored, and signed, composed (NFC), as all text is. */
  signoff->role = pc_text_normalize (_pc_store_nullable (role) != NULL
                                     ? role : pc_signing_key_get_role (key));
  signoff->meaning = meaning;
  signoff->reason = pc_text_normalize (_pc_store_nullable (reason));
  signoff->signed_at = _pc_store_format_time (when);
  signoff->content_sha256 = g_strdup (content_sha256);
  signoff->key_id = g_strdup (pc_signing_key_get_key_id (key));
  signoff->public_key = g_strdup (pc_signing_key_get_public_key (key));
  signoff->audit_rows = audit_rows;
  signoff->audit_head = g_strdup (audit_head);

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
                         " signed_at, content_sha256, key_id, public_key, signature,"
                         " audit_rows, audit_head)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
  sqlite3_bind_int64 (stmt, 11, signoff->audit_rows);
  _pc_db_bind_text (stmt, 12, signoff->audit_head);

  return _pc_db_step_done (self->db, stmt, error);
}

/* Records @signoff and moves @a from its state to @state, with their
 * audit rows, inside the caller's transaction. The sign-off goes in
 * first, while the assessment is not yet final, since the triggers lock
 * a final one and a change of state needs its sign-off. */
static gboolean
record_transition (PcStore             *self,
                   const PcAssessment  *a,
                   const PcSignoff     *signoff,
                   PcState              state,
                   GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *described = _pc_store_describe_signoff (signoff, error);

  if (described == NULL)
    return FALSE;

  if (!insert_signoff (self, a->id, signoff, error)
      || !_pc_store_audit (self, a->id, signoff->name, "signoff", NULL, "signed", NULL, described,
                           signoff->reason, error)
      || !_pc_store_audit (self, a->id, signoff->name, "assessment", NULL, "state",
                           pc_state_to_string (a->state), pc_state_to_string (state),
                           signoff->reason, error)
      || !_pc_store_touch (self, a->id, error))
    return FALSE;

  stmt = _pc_db_prepare (self->db, "UPDATE assessments SET state = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _pc_db_bind_text (stmt, 1, pc_state_to_string (state));
  sqlite3_bind_int64 (stmt, 2, a->id);

  return _pc_db_step_done (self->db, stmt, error);
}

/* What one signature is for: submitting (@meaning prepared) or a
 * review decision. */
typedef struct
{
  PcSigningKey *key;
  const char   *role;
  PcMeaning     meaning;
  const char   *reason;
  const char   *shown_sha256;
  GDateTime    *now;
} Signing;

/* Checks that @a may be signed as @signing says, over @content_sha256. */
static gboolean
check_signing (PcStore             *self,
               const PcAssessment  *a,
               const Signing       *signing,
               const char          *content_sha256,
               GError             **error)
{
  if (signing->meaning == PC_MEANING_PREPARED)
    {
      g_autoptr(PcChecklist) checklist = pc_store_load_checklist_for (self, a, error);
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GDate) today = NULL;

      if (checklist == NULL)
        return FALSE;
      today = pc_date_new_utc (signing->now);
      findings = pc_lint_run (a, checklist, today);
      if (!pc_lifecycle_check_submit (a, findings, error))
        return FALSE;
    }
  else if (!pc_lifecycle_check_review (a, signing->meaning, pc_signing_key_get_name (signing->key),
                                       signing->reason, content_sha256, error))
    return FALSE;

  /* Nobody signs a record that has been altered behind the program's
   * back: the reviewer would be approving what the author never signed. */
  if (!pc_store_require_intact (self, a, error))
    return FALSE;

  /* What you see is what you sign. */
  if (signing->shown_sha256 != NULL && g_strcmp0 (signing->shown_sha256, content_sha256) != 0)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_CHANGED,
                   _("%s changed while you were signing it (its content SHA-256 is now %.16s…, not the %.16s… you were shown): read it again, then sign"),
                   a->reference, content_sha256, signing->shown_sha256);
      return FALSE;
    }

  return TRUE;
}

/* The signer's key against the register of signers: a known name with a
 * key the register does not hold for it is refused (a fresh key can carry
 * anyone's name); a name signing here for the first time is registered,
 * with an audit row. */
static gboolean
check_register (PcStore             *self,
                const PcAssessment  *a,
                const Signing       *signing,
                GError             **error)
{
  const char *name = pc_signing_key_get_name (signing->key);
  const char *fingerprint = pc_signing_key_get_fingerprint (signing->key);
  g_autofree char *known = NULL;

  switch (_pc_store_signer_standing (self, name, fingerprint, &known, error))
    {
    case PC_SIGNER_KNOWN:
      return TRUE;
    case PC_SIGNER_NEW:
      return _pc_store_register_signer (self, a->id, name,
                                        pc_signing_key_get_public_key (signing->key), NULL,
                                        PC_SIGNER_SIGNED, NULL, error);
    case PC_SIGNER_OTHER_KEY:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_UNKNOWN_KEY,
                   _("%s signs in this database with the key %s, not with this key (%s): if you replaced your key on purpose, record it with “principle-check signers record --name \"%s\"”"),
                   name, known, fingerprint, name);
      return FALSE;
    case PC_SIGNER_ERROR:
    default:
      return FALSE;
    }
}

/* Signs @assessment_id as @signing says and records the sign-off and the
 * change of state, all in one write transaction, so that what is signed
 * is what the database holds at that moment and nobody's change can slip
 * in between. */
static gboolean
sign (PcStore        *self,
      gint64          assessment_id,
      const Signing  *signing,
      GError        **error)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autoptr(PcSignoff) signoff = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *head = NULL;
  guint rows = 0;
  gboolean ok;

  if (!_pc_store_check_signoff_text (signing->role, signing->meaning, signing->reason, error)
      || !_pc_store_begin (self, error))
    return FALSE;

  ok = (a = pc_store_load_assessment_by_id (self, assessment_id, error)) != NULL
    && (content = pc_store_content_bytes (self, a, &sha256, error)) != NULL
    && check_signing (self, a, signing, sha256, error)
    && check_register (self, a, signing, error)
    && pc_store_check_audit_chain (self, a->id, &rows, &head, error)
    && (signoff = make_signoff (a, signing->key, signing->role, signing->meaning,
                                signing->reason, signing->now, content, sha256, rows, head,
                                error)) != NULL
    && record_transition (self, a, signoff,
                          signing->meaning == PC_MEANING_PREPARED
                          ? PC_STATE_IN_REVIEW : pc_lifecycle_state_after (signing->meaning),
                          error)
    && _pc_store_commit (self, error);

  if (!ok)
    _pc_store_rollback (self);

  return ok;
}

gboolean
pc_store_submit (PcStore       *self,
                 gint64         assessment_id,
                 PcSigningKey  *key,
                 const char    *role,
                 const char    *shown_sha256,
                 GDateTime     *now,
                 GError       **error)
{
  Signing signing = { key, role, PC_MEANING_PREPARED, NULL, shown_sha256, now };

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sign (self, assessment_id, &signing, error);
}

gboolean
pc_store_review (PcStore       *self,
                 gint64         assessment_id,
                 PcMeaning      decision,
                 const char    *reason,
                 PcSigningKey  *key,
                 const char    *role,
                 const char    *shown_sha256,
                 GDateTime     *now,
                 GError       **error)
{
  Signing signing = { key, role, decision, reason, shown_sha256, now };

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sign (self, assessment_id, &signing, error);
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

  if (!pc_lifecycle_check_revise (a, error)
      || !pc_store_require_intact (self, a, error))
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
