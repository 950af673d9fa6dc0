/* pc-store-object.c: the store object itself, its transactions and
 * times, below everything that opens, reads or writes the database
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
#include "pc-file.h"

G_DEFINE_FINAL_TYPE (PcStore, pc_store, G_TYPE_OBJECT)

static void
pc_store_finalize (GObject *object)
{
  PcStore *self = (PcStore *) object;

  g_clear_pointer (&self->statements, _pc_db_cache_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->guarded)
    _pc_file_guard_database (self->path, FALSE);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->altered_schema, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->batch_prefix, g_free);
  g_clear_pointer (&self->checklists, g_hash_table_unref);

  G_OBJECT_CLASS (pc_store_parent_class)->finalize (object);
}

static void
pc_store_class_init (PcStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_store_finalize;
}

static void
pc_store_init (PcStore *self)
{
  const char *real_name = g_get_real_name ();

  /* g_get_real_name() says "Unknown" when it does not know. */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    real_name = g_get_user_name ();
  self->actor = g_strdup (real_name);
  self->checklists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) pc_checklist_unref);
}

const char *
pc_store_get_path (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return self->path;
}

const char *
pc_store_get_backup_path (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return self->backup_path;
}

int
pc_store_get_schema_version (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), 0);

  return self->version;
}

void
pc_store_set_actor (PcStore    *self,
                    const char *actor)
{
  g_return_if_fail (PC_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
pc_store_get_actor (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return self->actor;
}

/* Transactions */

PcDbStatement *
_pc_store_statement (PcStore     *self,
                     const char  *sql,
                     GError     **error)
{
  if (self->statements == NULL)
    self->statements = _pc_db_cache_new (self->db);

  return _pc_db_cache_lend (self->statements, sql, error);
}

sqlite3_stmt *
_pc_store_lend (PcStore        *self,
                PcDbStatement **out,
                const char     *sql,
                GError        **error)
{
  *out = _pc_store_statement (self, sql, error);

  return *out != NULL ? (*out)->stmt : NULL;
}

/* Runs @sql, a statement without parameters or rows, from the cache. */
static gboolean
exec_cached (PcStore     *self,
             const char  *sql,
             GError     **error)
{
  g_autoptr(PcDbStatement) statement = _pc_store_statement (self, sql, error);

  if (statement == NULL)
    return FALSE;
  if (sqlite3_step (statement->stmt) != SQLITE_DONE)
    {
      /* The words of _pc_db_exec(), which this replaces here. */
      _pc_db_set_error (self->db, error, _("update the database"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_store_begin (PcStore  *self,
                 GError  **error)
{
  if (self->altered_schema != NULL)
    {
      g_set_error_literal (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED, self->altered_schema);
      return FALSE;
    }
  if (self->read_only_reason != NULL)
    {
      g_set_error_literal (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE,
                           self->read_only_reason);
      return FALSE;
    }

  /* Inside a batch, each change is a savepoint of the batch's
   * transaction: it can still fail alone. */
  if (!self->batch)
    return exec_cached (self, "BEGIN IMMEDIATE", error);
  if (!exec_cached (self, "SAVEPOINT change", error))
    return FALSE;
  self->savepoints++;
  return TRUE;
}

const char *
pc_store_get_altered_schema (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return self->altered_schema;
}

gboolean
_pc_store_commit (PcStore  *self,
                  GError  **error)
{
  if (!exec_cached (self, self->batch ? "RELEASE change" : "COMMIT", error))
    {
      _pc_store_rollback (self);
      return FALSE;
    }
  if (self->batch)
    self->savepoints--;

  return TRUE;
}

void
_pc_store_rollback (PcStore *self)
{
  if (self->batch)
    {
      /* Only the change's savepoint: the batch goes on. */
      if (self->savepoints > 0
          && exec_cached (self, "ROLLBACK TO change", NULL))
        {
          exec_cached (self, "RELEASE change", NULL);
          self->savepoints--;
        }
      return;
    }

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* How much a batch may hold in memory, in KiB. */
#define BATCH_CACHE_KIB 65536

static int
read_int (PcStore    *self,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (self->db, sql, NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : 0;
}

static void
set_pragma (PcStore    *self,
            const char *name,
            int         value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %d", name, value);

  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

static void
restore_pragmas (PcStore *self)
{
  set_pragma (self, "cache_size", self->cache_size);
  set_pragma (self, "temp_store", self->temp_store);
}

gboolean
pc_store_begin_batch (PcStore  *self,
                      GError  **error)
{
  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->batch, FALSE);

  /* A batch's pages stay in memory until its commit rather than
   * spilling to the log again and again, and so do its changes'
   * savepoints (in a temporary file otherwise). temp_store cannot
   * change inside a transaction. */
  self->cache_size = read_int (self, "PRAGMA cache_size");
  self->temp_store = read_int (self, "PRAGMA temp_store");
  set_pragma (self, "cache_size", -BATCH_CACHE_KIB);
  set_pragma (self, "temp_store", 2 /* MEMORY */);

  if (!_pc_store_begin (self, error))
    {
      restore_pragmas (self);
      return FALSE;
    }

  self->batch = TRUE;
  self->savepoints = 0;
  self->batch_reference = 0;
  return TRUE;
}

gboolean
pc_store_end_batch (PcStore   *self,
                    gboolean   keep,
                    GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch, FALSE);
  g_return_val_if_fail (self->savepoints == 0, FALSE);

  self->batch = FALSE;
  if (keep)
    ok = _pc_store_commit (self, error);
  else
    _pc_store_rollback (self);
  /* The cache may hold checklists whose rows were rolled back. */
  if (!keep || !ok)
    g_hash_table_remove_all (self->checklists);

  restore_pragmas (self);
  return ok;
}

char *
_pc_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return _pc_store_format_time (now);
}

char *
_pc_store_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

void
pc_list_item_free (PcListItem *item)
{
  if (item == NULL)
    return;

  g_free (item->reference);
  g_free (item->title);
  g_free (item->division);
  g_free (item->lead);
  g_free (item->updated_at);
  g_free (item);
}

void
pc_audit_entry_free (PcAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->reason);
  g_free (entry->prev_hash);
  g_free (entry->hash);
  g_free (entry);
}
