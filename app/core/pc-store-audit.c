/* pc-store-audit.c: the chained, append-only audit trail
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include "pc-store-private.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>


static void
append_field (crypto_hash_sha256_state *state,
              const char               *value)
{
  char prefix[32];
  int n;

  /* Length-prefixed, so that no two different rows hash the same bytes;
   * NULL and "" differ. */
  if (value == NULL)
    {
      crypto_hash_sha256_update (state, (const guint8 *) "-;", 2);
      return;
    }

  n = g_snprintf (prefix, sizeof prefix, "%zu:", strlen (value));
  crypto_hash_sha256_update (state, (const guint8 *) prefix, (gsize) n);
  crypto_hash_sha256_update (state, (const guint8 *) value, strlen (value));
  crypto_hash_sha256_update (state, (const guint8 *) ";", 1);
}

void
_pc_store_sha256_hex (const void *data,
                      gsize       len,
                      char        out[PC_STORE_HASH_HEX_SIZE])
{
  guint8 digest[crypto_hash_sha256_BYTES];

  crypto_hash_sha256 (digest, len > 0 ? data : (const void *) "", len);
  sodium_bin2hex (out, PC_STORE_HASH_HEX_SIZE, digest, sizeof digest);
}

/* The hash of one row, as lower-case hex into @out: SHA-256 over its
 * predecessor's hash and each of its fields, in a fixed order. (On every
 * use of a signed record the whole chain is hashed again, so this
 * allocates nothing.) */
static void
audit_row_hash (const char          *prev_hash,
                gint64               assessment_id,
                const PcAuditEntry  *row,
                char                 out[PC_STORE_HASH_HEX_SIZE])
{
  crypto_hash_sha256_state state;
  guint8 digest[crypto_hash_sha256_BYTES];
  char id[32];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, assessment_id);
  crypto_hash_sha256_init (&state);
  append_field (&state, "principle-check-audit-v1");
  append_field (&state, prev_hash);
  append_field (&state, id);
  append_field (&state, row->at);
  append_field (&state, row->actor);
  append_field (&state, row->entity);
  append_field (&state, row->entity_id);
  append_field (&state, row->field);
  append_field (&state, row->old_value);
  append_field (&state, row->new_value);
  append_field (&state, row->reason);
  crypto_hash_sha256_final (&state, digest);

  sodium_bin2hex (out, PC_STORE_HASH_HEX_SIZE, digest, sizeof digest);
}

static char *
head_hash (PcStore  *self,
           gint64    assessment_id,
           GError  **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  stmt = _pc_store_lend (self, &cached,
                         "SELECT hash FROM audit WHERE assessment_id = ?1 ORDER BY id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  return has_row ? _pc_db_dup_text (stmt, 0) : g_strdup (PC_STORE_GENESIS_HASH);
}

gboolean
_pc_store_audit (PcStore     *self,
                 gint64       assessment_id,
                 const char  *actor,
                 const char  *entity,
                 const char  *entity_id,
                 const char  *field,
                 const char  *old_value,
                 const char  *new_value,
                 const char  *reason,
                 GError     **error)
{
  g_autoptr(PcDbStatement) cached = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *prev_hash = NULL;
  char hash[PC_STORE_HASH_HEX_SIZE];
  g_autofree char *at = _pc_store_now ();
  PcAuditEntry row = {
    .at = at,
    .actor = (char *) (actor != NULL ? actor : self->actor),
    .entity = (char *) entity,
    .entity_id = (char *) entity_id,
    .field = (char *) field,
    .old_value = (char *) old_value,
    .new_value = (char *) new_value,
    .reason = (char *) reason,
  };

  g_assert (!sqlite3_get_autocommit (self->db));

  prev_hash = head_hash (self, assessment_id, error);
  if (prev_hash == NULL)
    return FALSE;
  audit_row_hash (prev_hash, assessment_id, &row, hash);

  stmt = _pc_store_lend (self, &cached,
                         "INSERT INTO audit (assessment_id, at, actor, entity, entity_id, field,"
                         " old_value, new_value, reason, prev_hash, hash)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                         error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, assessment_id);
  _pc_db_bind_text (stmt, 2, row.at);
  _pc_db_bind_text (stmt, 3, row.actor);
  _pc_db_bind_text (stmt, 4, row.entity);
  _pc_db_bind_text (stmt, 5, row.entity_id);
  _pc_db_bind_text (stmt, 6, row.field);
  _pc_db_bind_text (stmt, 7, row.old_value);
  _pc_db_bind_text (stmt, 8, row.new_value);
  _pc_db_bind_text (stmt, 9, row.reason);
  _pc_db_bind_text (stmt, 10, prev_hash);
  _pc_db_bind_text (stmt, 11, hash);

  return _pc_db_step_done (self->db, stmt, error);
}

GPtrArray *
_pc_store_load_audit (PcStore  *self,
                      gint64    assessment_id,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_audit_entry_free);
  int rc;

  stmt = _pc_db_prepare (self->db,
                         "SELECT id, at, actor, entity, entity_id, field, old_value, new_value,"
                         " reason, prev_hash, hash FROM audit WHERE assessment_id = ?1 ORDER BY id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, assessment_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcAuditEntry *entry = g_new0 (PcAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->assessment_id = assessment_id;
      entry->at = _pc_db_dup_text (stmt, 1);
      entry->actor = _pc_db_dup_text (stmt, 2);
      entry->entity = _pc_db_dup_text (stmt, 3);
      entry->entity_id = _pc_db_dup_text (stmt, 4);
      entry->field = _pc_db_dup_text (stmt, 5);
      entry->old_value = _pc_db_dup_text (stmt, 6);
      entry->new_value = _pc_db_dup_text (stmt, 7);
      entry->reason = _pc_db_dup_text (stmt, 8);
      entry->prev_hash = _pc_db_dup_text (stmt, 9);
      entry->hash = _pc_db_dup_text (stmt, 10);
      g_ptr_array_add (rows, entry);
    }

  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (self->db, error, _("read the audit trail"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

gboolean
_pc_store_check_chain (GPtrArray  *rows,
                       guint      *out_count,
                       char      **out_head,
                       GError    **error)
{
  const char *prev = PC_STORE_GENESIS_HASH;

  for (guint i = 0; i < rows->len; i++)
    {
      const PcAuditEntry *row = g_ptr_array_index (rows, i);
      char expected[PC_STORE_HASH_HEX_SIZE];

      audit_row_hash (prev, row->assessment_id, row, expected);

      if (g_strcmp0 (row->prev_hash, prev) != 0)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN,
                       _("The audit trail is broken before entry %u (%s): an entry has been removed or reordered outside Principle Check"),
                       i + 1, row->at);
          return FALSE;
        }

      if (g_strcmp0 (row->hash, expected) != 0)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN,
                       _("The audit trail is broken at entry %u (%s): it has been altered outside Principle Check"),
                       i + 1, row->at);
          return FALSE;
        }

      prev = row->hash;
    }

  if (out_count != NULL)
    *out_count = rows->len;
  if (out_head != NULL)
    *out_head = g_strdup (prev);

  return TRUE;
}

GPtrArray *
pc_store_history (PcStore  *self,
                  gint64    assessment_id,
                  GError  **error)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return _pc_store_load_audit (self, assessment_id, error);
}

gboolean
pc_store_check_audit_chain (PcStore  *self,
                            gint64    assessment_id,
                            guint    *out_count,
                            char    **out_head,
                            GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);

  rows = _pc_store_load_audit (self, assessment_id, error);
  if (rows == NULL)
    return FALSE;

  return _pc_store_check_chain (rows, out_count, out_head, error);
}
