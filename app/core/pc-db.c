/* pc-db.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-db"

#include "config.h"

#include "pc-db-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-store.h"

/* The store's error domain lives with the lowest file that sets it. */
G_DEFINE_QUARK (pc-store-error-quark, pc_store_error)

void
_pc_db_set_error (sqlite3     *db,
                  GError     **error,
                  const char  *what)
{
  int code = sqlite3_extended_errcode (db);
  const char *msg = sqlite3_errmsg (db);

  switch (code & 0xff)
    {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_TRIGGER && strstr (msg, "read-only") != NULL)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY,
                       _("This assessment is signed off and read-only: start a new revision to change it"));
          return;
        }
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("Could not %s: %s"), what, msg);
      return;
    case SQLITE_FULL:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Could not %s: the disk is full; free some space and try again"), what);
      return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_DAMAGED,
                   _("Could not %s: the database file is damaged; restore it from a backup"), what);
      return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_BUSY,
                   _("Could not %s: another program is writing to “%s”; try again"),
                   what, sqlite3_db_filename (db, "main"));
      return;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Could not %s: %s; check the file and folder can be written"), what, msg);
      return;
    default:
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE,
                   _("Could not %s: %s"), what, msg);
      return;
    }
}

sqlite3_stmt *
_pc_db_prepare (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _pc_db_set_error (db, error, _("read the database"));
      return NULL;
    }

  return stmt;
}

struct _PcDbCache
{
  sqlite3    *db;
  GHashTable *statements;  /* SQL text → PcDbStatement */
};

static void
statement_free (PcDbStatement *statement)
{
  sqlite3_finalize (statement->stmt);
  g_free (statement);
}

PcDbCache *
_pc_db_cache_new (sqlite3 *db)
{
  PcDbCache *cache = g_new0 (PcDbCache, 1);

  cache->db = db;
  cache->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) statement_free);
  return cache;
}

void
_pc_db_cache_free (PcDbCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->statements);
  g_free (cache);
}

PcDbStatement *
_pc_db_cache_lend (PcDbCache   *cache,
                   const char  *sql,
                   GError     **error)
{
  PcDbStatement *cached = g_hash_table_lookup (cache->statements, sql);
  PcDbStatement *statement;
  sqlite3_stmt *stmt;

  if (cached != NULL && !cached->lent)
    {
      cached->lent = TRUE;
      return cached;
    }

  stmt = _pc_db_prepare (cache->db, sql, error);
  if (stmt == NULL)
    return NULL;

  statement = g_new0 (PcDbStatement, 1);
  statement->stmt = stmt;
  statement->lent = TRUE;
  if (cached == NULL)
    {
      statement->cache = cache;
      g_hash_table_insert (cache->statements, g_strdup (sql), statement);
    }

  return statement;
}

void
_pc_db_statement_give_back (PcDbStatement *statement)
{
  if (statement->cache == NULL)
    {
      statement_free (statement);
      return;
    }

  /* Reset at once: a statement left mid-way would keep its read open. */
  sqlite3_reset (statement->stmt);
  sqlite3_clear_bindings (statement->stmt);
  statement->lent = FALSE;
}

gboolean
_pc_db_exec (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _pc_db_set_error (db, error, _("update the database"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_db_step_done (sqlite3       *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;

  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (db, error, _("save the change"));
      return FALSE;
    }

  return TRUE;
}

gboolean
_pc_db_step_row (sqlite3       *db,
                 sqlite3_stmt  *stmt,
                 gboolean      *has_row,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *has_row = (rc == SQLITE_ROW);
      return TRUE;
    }

  _pc_db_set_error (db, error, _("read the database"));
  return FALSE;
}

void
_pc_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

char *
_pc_db_dup_text (sqlite3_stmt *stmt,
                 int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text == NULL ? NULL : g_strdup ((const char *) text);
}
