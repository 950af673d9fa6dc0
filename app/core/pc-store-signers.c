/* pc-store-signers.c: the register of signers, name → keys
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
#include "pc-sign.h"
#include "pc-text.h"

/* A key is whatever its maker says it is: a fresh key can carry anyone's
 * name and key id. Each database therefore remembers which keys have
 * signed for which person (names compared as pc_text_name_key() does,
 * so a look-alike is the same person): a known name with a key the
 * register does not hold for it is refused at signing and flagged on
 * import, unless the signer replaced their key on purpose
 * (`principle-check keygen --replace`). */

static const char *
how_to_string (PcSignerHow how)
{
  switch (how)
    {
    case PC_SIGNER_SIGNED:
      return "signed";
    case PC_SIGNER_IMPORTED:
      return "imported";
    case PC_SIGNER_REPLACED:
      return "replaced";
    case PC_SIGNER_MIGRATED:
    default:
      return "migrated";
    }
}

PcSignerStanding
_pc_store_signer_standing (PcStore     *self,
                           const char  *name,
                           const char  *fingerprint,
                           char       **out_known,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name_key = pc_text_name_key (name);
  PcSignerStanding standing = PC_SIGNER_NEW;
  int rc;

  if (out_known != NULL)
    *out_known = NULL;
  if (name_key == NULL)
    return PC_SIGNER_NEW;

  stmt = _pc_db_prepare (self->db,
                         "SELECT fingerprint FROM signers WHERE name_key = ?1 ORDER BY id DESC",
                         error);
  if (stmt == NULL)
    return PC_SIGNER_ERROR;
  _pc_db_bind_text (stmt, 1, name_key);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *known = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (known, fingerprint) == 0)
        return PC_SIGNER_KNOWN;
      /* The newest key registered for the name, to say which it is. */
      if (standing == PC_SIGNER_NEW && out_known != NULL)
        *out_known = g_strdup (known);
      standing = PC_SIGNER_OTHER_KEY;
    }

  if (rc != SQLITE_DONE)
    {
      if (out_known != NULL)
        g_clear_pointer (out_known, g_free);
      _pc_db_set_error (self->db, error, _("read the register of signers"));
      return PC_SIGNER_ERROR;
    }

  return standing;
}

gboolean
_pc_store_register_signer (PcStore      *self,
                           gint64        assessment_id,
                           const char   *name,
                           const char   *public_key,
                           const char   *first_seen,
                           PcSignerHow   how,
                           const char   *replaces,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name_key = pc_text_name_key (name);
  g_autofree char *fingerprint = pc_sign_fingerprint (public_key, error);
  g_autofree char *now = NULL;
  g_autofree char *described = NULL;

  if (fingerprint == NULL)
    return FALSE;
  if (name_key == NULL)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("A sign-off has no signer’s name, so its key cannot be registered"));
      return FALSE;
    }

  if (first_seen == NULL)
    first_seen = now = _pc_store_now ();

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO signers (name_key, name, fingerprint, public_key, first_seen,"
                         " how, replaces, recorded_by)"
                         " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS"
                         " (SELECT 1 FROM signers WHERE name_key = ?1 AND fingerprint = ?3)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _pc_db_bind_text (stmt, 1, name_key);
  _pc_db_bind_text (stmt, 2, name);
  _pc_db_bind_text (stmt, 3, fingerprint);
  _pc_db_bind_text (stmt, 4, public_key);
  _pc_db_bind_text (stmt, 5, first_seen);
  _pc_db_bind_text (stmt, 6, how_to_string (how));
  _pc_db_bind_text (stmt, 7, replaces);
  _pc_db_bind_text (stmt, 8, self->actor);
  if (!_pc_db_step_done (self->db, stmt, error))
    return FALSE;

  if (assessment_id == 0 || sqlite3_changes (self->db) == 0)
    return TRUE;

  /* Translators: an audit entry: a signer's name and key fingerprint. */
  described = g_strdup_printf (_("%s, key %s"), name, fingerprint);
  return _pc_store_audit (self, assessment_id, NULL, "signer", NULL, "registered", replaces,
                          described, NULL, error);
}

/* The sign-offs of databases made before the register existed: each key
 * as first seen, oldest first. */
gboolean
_pc_store_register_existing_signers (PcStore  *self,
                                     GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pc_db_prepare (self->db,
                         "SELECT name, public_key, min (signed_at) FROM signoffs"
                         " GROUP BY name, public_key ORDER BY 3, min (id)",
                         error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!_pc_store_register_signer (self, 0, (const char *) sqlite3_column_text (stmt, 0),
                                    (const char *) sqlite3_column_text (stmt, 1),
                                    (const char *) sqlite3_column_text (stmt, 2),
                                    PC_SIGNER_MIGRATED, NULL, error))
      return FALSE;

  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (self->db, error, _("read the sign-offs"));
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_store_register_replaced_key (PcStore      *self,
                                const char   *name,
                                const char   *public_key,
                                const char   *replaces,
                                GError      **error)
{
  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (public_key != NULL, FALSE);

  if (!_pc_store_begin (self, error))
    return FALSE;

  if (_pc_store_register_signer (self, 0, name, public_key, NULL, PC_SIGNER_REPLACED, replaces,
                                 error)
      && _pc_store_commit (self, error))
    return TRUE;

  _pc_store_rollback (self);
  return FALSE;
}

/* The register's columns, in the order signer_from_row() reads them. */
#define SIGNER_COLUMNS "name, fingerprint, first_seen, how, replaces, recorded_by"

/* The entry of the row @stmt is on, selected as SIGNER_COLUMNS.
 * Returns: (transfer full) */
static PcSigner *
signer_from_row (sqlite3_stmt *stmt)
{
  PcSigner *signer = g_new0 (PcSigner, 1);

  signer->name = _pc_db_dup_text (stmt, 0);
  signer->fingerprint = _pc_db_dup_text (stmt, 1);
  signer->first_seen = _pc_db_dup_text (stmt, 2);
  signer->how = _pc_db_dup_text (stmt, 3);
  signer->replaces = _pc_db_dup_text (stmt, 4);
  signer->recorded_by = _pc_db_dup_text (stmt, 5);
  return signer;
}

GPtrArray *
pc_store_list_signers (PcStore  *self,
                       GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_signer_free);
  int rc;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  stmt = _pc_db_prepare (self->db,
                         "SELECT " SIGNER_COLUMNS " FROM signers ORDER BY id",
                         error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, signer_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (self->db, error, _("read the register of signers"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

PcSigner *
pc_store_find_signer (PcStore     *self,
                      const char  *name,
                      const char  *public_key,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name_key = pc_text_name_key (name);
  g_autofree char *fingerprint = pc_sign_fingerprint (public_key, NULL);
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  if (name_key == NULL || fingerprint == NULL)
    return NULL;

  stmt = _pc_db_prepare (self->db,
                         "SELECT " SIGNER_COLUMNS " FROM signers"
                         " WHERE name_key = ?1 AND fingerprint = ?2",
                         error);
  if (stmt == NULL)
    return NULL;
  _pc_db_bind_text (stmt, 1, name_key);
  _pc_db_bind_text (stmt, 2, fingerprint);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error) || !has_row)
    return NULL;

  return signer_from_row (stmt);
}

void
pc_signer_free (PcSigner *signer)
{
  if (signer == NULL)
    return;

  g_free (signer->name);
  g_free (signer->fingerprint);
  g_free (signer->first_seen);
  g_free (signer->how);
  g_free (signer->replaces);
  g_free (signer->recorded_by);
  g_free (signer);
}
