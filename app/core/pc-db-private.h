/* pc-db-private.h: thin helpers over sqlite3 for the store
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A connection's prepared statements, kept by their SQL text, so that
 * what runs on every save is prepared once. */
typedef struct _PcDbCache PcDbCache;

/* A statement lent by a cache: reset, with no bindings. Give it back
 * with _pc_db_statement_give_back() (g_autoptr does). */
typedef struct
{
  sqlite3_stmt *stmt;
  /*< private >*/
  PcDbCache    *cache;  /* NULL: a statement of its own, finalized on giving back */
  gboolean      lent;
} PcDbStatement;

PcDbCache     *_pc_db_cache_new     (sqlite3       *db);
/* Finalizes every statement of @cache: call before closing the
 * connection. */
void           _pc_db_cache_free    (PcDbCache     *cache);
/* The statement of @sql, prepared once and reused. While it is lent (a
 * caller is still stepping it, or the same SQL runs inside itself), a
 * fresh one is prepared instead. NULL with @error on failure. */
PcDbStatement *_pc_db_cache_lend    (PcDbCache     *cache,
                                     const char    *sql,
                                     GError       **error);
void           _pc_db_statement_give_back (PcDbStatement *statement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcDbStatement, _pc_db_statement_give_back)

/* Prepares @sql on @db; on failure sets @error (PC_STORE_ERROR_SQLITE). */
sqlite3_stmt *_pc_db_prepare        (sqlite3       *db,
                                     const char    *sql,
                                     GError       **error);

/* Runs @sql (one or more statements, no parameters). */
gboolean      _pc_db_exec           (sqlite3       *db,
                                     const char    *sql,
                                     GError       **error);

/* Steps @stmt to completion, expecting no rows. */
gboolean      _pc_db_step_done      (sqlite3       *db,
                                     sqlite3_stmt  *stmt,
                                     GError       **error);

/* Steps @stmt once: TRUE with *@has_row set when a row or completion was
 * reached, FALSE with @error set on failure. */
gboolean      _pc_db_step_row       (sqlite3       *db,
                                     sqlite3_stmt  *stmt,
                                     gboolean      *has_row,
                                     GError       **error);

/* Binds @value as text, or NULL when @value is NULL. Parameters are
 * 1-based. */
void          _pc_db_bind_text      (sqlite3_stmt  *stmt,
                                     int            index,
                                     const char    *value);

/* A copy of column @col as a string; NULL for SQL NULL. */
char         *_pc_db_dup_text       (sqlite3_stmt  *stmt,
                                     int            col);

/* Sets @error from the connection's last error, saying what was being
 * done. Constraint failures raised by the read-only triggers become
 * PC_STORE_ERROR_READ_ONLY; a full disk, a damaged file and a locked
 * file get their own codes and words. */
void          _pc_db_set_error      (sqlite3       *db,
                                     GError       **error,
                                     const char    *what);

G_END_DECLS
