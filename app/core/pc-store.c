/* pc-store.c: opening, checking and migrating the database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include "pc-store-private.h"

#include <errno.h>
#include <grp.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-file.h"

/* The migrations, in order: migration N takes user_version N-1 to N. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-list-indexes.sql",
  "003-imports.sql",
  "004-signed-records.sql",
};

#define RESOURCE_SCHEMA "/uk/nhs/beh/PrincipleCheck/schema/"

/* The migration that made the register of signers, which is filled with
 * the signers of the sign-offs already there. */
#define REGISTER_OF_SIGNERS 4

int
pc_store_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
pc_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "principle-check", "assessments.db", NULL);
}

/* Looks at @path before SQLite opens it: it must be a regular file.
 * *@empty is set for an empty one, which becomes a new database. */
static gboolean
check_file_kind (const char  *path,
                 gboolean    *empty,
                 GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Cannot read “%s” (%s): check that it is there and that you may read it"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a file: choose a Principle Check database file"), path);
      return FALSE;
    }

  *empty = st.st_size == 0;
  return TRUE;
}

/* Reads the 100-byte SQLite header through SQLite's own descriptor of
 * the file, before SQLite reads or writes anything, so that a file that
 * is not a database is refused without a byte of it changing. Opening
 * and closing another descriptor of the file would drop every POSIX
 * lock this process holds on it (pc_file_check_not_database()). Fills
 * @header, zeros past the end of a shorter file; *@whole tells whether
 * the file held all 100 bytes. */
static gboolean
read_header (PcStore   *self,
             guint8     header[100],
             gboolean  *whole,
             GError   **error)
{
  sqlite3_file *file = NULL;
  int rc;

  rc = sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file);
  if (rc == SQLITE_OK && file != NULL && file->pMethods != NULL)
    rc = file->pMethods->xRead (file, header, 100, 0);
  else
    rc = SQLITE_CANTOPEN;

  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Cannot read “%s” (%s): check that it is there and that you may read it"),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  *whole = rc == SQLITE_OK;
  return TRUE;
}

static gboolean
check_header (PcStore  *self,
              GError  **error)
{
  static const char magic[16] = "SQLite format 3";
  guint8 header[100] = { 0 };
  gboolean whole;

  if (!read_header (self, header, &whole, error))
    return FALSE;

  if (memcmp (header, magic, 16) != 0)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Principle Check database: choose another file"), self->path);
      return FALSE;
    }

  if (!whole)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged (it is cut short): restore it from a backup"), self->path);
      return FALSE;
    }

  return TRUE;
}

/* Says why SQLite found @self's file damaged, once PRAGMA quick_check,
 * under SQLite's own locks, agrees: a database whose pages its header
 * counts are not all there (in the file or its write-ahead log) has
 * been cut short. Returns FALSE, with nothing set, when the check finds
 * the file sound after all. */
static gboolean
confirm_damaged (PcStore  *self,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *result = NULL;
  guint8 header[100] = { 0 };
  gboolean whole;
  GStatBuf st;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1)", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    {
      result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (g_strcmp0 (result, "ok") == 0)
        return FALSE;
    }

  if (read_header (self, header, &whole, NULL) && g_stat (self->path, &st) == 0)
    {
      guint32 page_size = ((guint32) header[16] << 8) | header[17];
      guint32 page_count = ((guint32) header[28] << 24) | ((guint32) header[29] << 16)
                           | ((guint32) header[30] << 8) | header[31];

      if (page_size == 1)
        page_size = 65536;
      if ((goffset) page_count * page_size > (goffset) st.st_size)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_DAMAGED,
                       _("“%s” is damaged (it is cut short): restore it from a backup"),
                       self->path);
          return TRUE;
        }
    }

  g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_DAMAGED,
               _("“%s” is damaged: restore it from a backup"), self->path);
  return TRUE;
}

/* Whose @st is, for a message: "it belongs to ana, group team, mode
 * 0640". Returns: (transfer full) */
static char *
describe_owner (const GStatBuf *st)
{
  struct passwd *user = getpwuid (st->st_uid);
  struct group *group = getgrgid (st->st_gid);
  g_autofree char *user_name = user != NULL ? g_strdup (user->pw_name)
                                            : g_strdup_printf ("%u", (guint) st->st_uid);
  g_autofree char *group_name = group != NULL ? g_strdup (group->gr_name)
                                              : g_strdup_printf ("%u", (guint) st->st_gid);

  return g_strdup_printf (_("it belongs to %s, group %s, mode %04o"), user_name, group_name,
                          (guint) (st->st_mode & 07777));
}

/* Whether this account may write @path. Root may write to anything, so
 * the mode bits count as well as access(): a file nobody may write is
 * read-only for us too. Fills @st. */
static gboolean
may_write (const char *path,
           GStatBuf   *st)
{
  return g_stat (path, st) == 0 && access (path, W_OK) == 0
         && (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

/* Whether the database at @path (which @exists or is to be made) can be
 * written: the file, and its folder, where SQLite keeps its log. The
 * message says which, as which account, and what to change. */
static gboolean
check_writable (const char  *path,
                gboolean     exists,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *owner = NULL;
  GStatBuf st;

  if (exists && !may_write (path, &st))
    {
      owner = describe_owner (&st);
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE,
                   _("“%s” cannot be written by the account “%s” (%s): it is open read-only; to change it, ask its owner to let your group write it (chmod g+w) or copy it somewhere you can write"),
                   path, g_get_user_name (), owner);
      return FALSE;
    }

  if (!may_write (dir, &st))
    {
      owner = describe_owner (&st);
      if (exists)
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE,
                     _("The folder “%s” cannot be written by the account “%s” (%s), and the database keeps its log beside its file: it is open read-only; to change it, ask the folder’s owner to let your group write it (chmod g+w) or copy the database somewhere you can write"),
                     dir, g_get_user_name (), owner);
      else
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE,
                     _("The folder “%s” cannot be written by the account “%s” (%s): choose a folder you can write"),
                     dir, g_get_user_name (), owner);
      return FALSE;
    }

  return TRUE;
}

static gboolean
pragma_int (sqlite3     *db,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pc_db_prepare (db, sql, error);
  gboolean has_row;

  if (stmt == NULL || !_pc_db_step_row (db, stmt, &has_row, error))
    return FALSE;

  *out = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
take_backup (PcStore  *self,
             int       target,
             GError  **error)
{
  g_autofree char *backup_path = g_strdup_printf ("%s.before-v%d.bak", self->path, target);
  g_autofree char *tmp_path = g_strconcat (backup_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp_path);
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Could not back up “%s” before updating it: %s"),
                   self->path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    rc = sqlite3_errcode (dest);
  else
    {
      sqlite3_backup_step (backup, -1);
      rc = sqlite3_backup_finish (backup);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Could not back up “%s” before updating it: %s"),
                   self->path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  sqlite3_close (dest);

  if (g_rename (tmp_path, backup_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   _("Could not back up “%s” before updating it: %s"),
                   self->path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  return TRUE;
}

/* The SQL of migration @number (1-based). Returns: (transfer full) (nullable) */
static char *
migration_sql (int      number,
               GError **error)
{
  g_autofree char *resource = g_strconcat (RESOURCE_SCHEMA, migrations[number - 1], NULL);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE,
                   _("The database migration %s is missing from this program: reinstall Principle Check"),
                   migrations[number - 1]);
      return NULL;
    }

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static gboolean
migrate (PcStore  *self,
         int       target,
         GError  **error)
{
  while (self->version < target)
    {
      int next = self->version + 1;
      g_autofree char *sql = NULL;
      g_autofree char *pragmas = NULL;
      g_autoptr(GError) local_error = NULL;

      sql = migration_sql (next, error);
      if (sql == NULL)
        return FALSE;

      if (next == 1)
        pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                   PC_STORE_APPLICATION_ID, next);
      else
        pragmas = g_strdup_printf ("PRAGMA user_version = %d;", next);

      if (!_pc_db_exec (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!_pc_db_exec (self->db, sql, &local_error)
          || (next == REGISTER_OF_SIGNERS && !_pc_store_register_existing_signers (self, &local_error))
          || !_pc_db_exec (self->db, pragmas, &local_error)
          || !_pc_db_exec (self->db, "COMMIT", &local_error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE,
                       _("“%s” could not be updated to schema version %d (%s): it is unchanged; report this to the Principle Check team"),
                       self->path, next, sqlite3_errmsg (self->db));
          return FALSE;
        }

      self->version = next;
    }

  return TRUE;
}

/* The schema: every table, index and trigger, name → "type\nSQL". */
static GHashTable *
read_schema (sqlite3  *db,
             GError  **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The statistics tables ANALYZE makes, exactly as SQLite makes them,
   * are SQLite's own; anything else, whatever its name, is compared. */
  stmt = _pc_db_prepare (db,
                         "SELECT name, type, coalesce (sql, ''), tbl_name FROM sqlite_schema"
                         " WHERE NOT (type = 'table' AND ((name = 'sqlite_stat1'"
                         "   AND sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat)')"
                         "  OR (name = 'sqlite_stat4'"
                         "   AND sql = 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)')))",
                         error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (objects, _pc_db_dup_text (stmt, 0),
                         g_strdup_printf ("%s\n%s\n%s", sqlite3_column_text (stmt, 1),
                                          sqlite3_column_text (stmt, 3),
                                          sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (db, error, _("read the database"));
      return NULL;
    }

  return g_steal_pointer (&objects);
}

/* The schema the migrations up to @version make, as read_schema() reads
 * it: made once, in memory. */
static GHashTable *
expected_schema (int      version,
                 GError **error)
{
  sqlite3 *db = NULL;
  GHashTable *objects = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) == SQLITE_OK)
    {
      gboolean ok = TRUE;

      for (int i = 1; ok && i <= version; i++)
        {
          g_autofree char *sql = migration_sql (i, error);

          ok = sql != NULL && _pc_db_exec (db, sql, error);
        }
      if (ok)
        objects = read_schema (db, error);
    }
  else
    g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE,
                 _("Could not check the database: out of memory; close other programs and try again"));

  sqlite3_close (db);
  return objects;
}

/* Words for one schema object, "the trigger audit_no_update". */
static char *
describe_object (const char *name,
                 const char *type_and_sql)
{
  if (g_str_has_prefix (type_and_sql, "trigger\n"))
    return g_strdup_printf (_("the trigger %s"), name);
  if (g_str_has_prefix (type_and_sql, "index\n"))
    return g_strdup_printf (_("the index %s"), name);
  if (g_str_has_prefix (type_and_sql, "table\n"))
    return g_strdup_printf (_("the table %s"), name);
  return g_strdup_printf (_("the schema object %s"), name);
}

/* Compares the database's schema with the one its migrations make. A
 * change made behind the program's back (a trigger dropped, recreated
 * or edited through writable_schema, a table or trigger added) is
 * described in @out_difference; NULL when they are the same. */
static gboolean
compare_schema (PcStore  *self,
                char    **out_difference,
                GError  **error)
{
  g_autoptr(GHashTable) expected = expected_schema (self->version, error);
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GList) names = NULL;
  GHashTableIter iter;
  gpointer key, value;

  *out_difference = NULL;
  if (expected == NULL || (actual = read_schema (self->db, error)) == NULL)
    return FALSE;

  /* In name order, so the message is the same every time. */
  names = g_hash_table_get_keys (expected);
  names = g_list_sort (names, (GCompareFunc) strcmp);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *want = g_hash_table_lookup (expected, name);
      const char *have = g_hash_table_lookup (actual, name);
      g_autofree char *what = describe_object (name, want);

      if (have == NULL)
        *out_difference = g_strdup_printf (_("%s is missing"), what);
      else if (!g_str_equal (want, have))
        *out_difference = g_strdup_printf (_("%s has been changed"), what);
      if (*out_difference != NULL)
        return TRUE;
    }

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      {
        g_autofree char *what = describe_object (key, value);

        *out_difference = g_strdup_printf (_("%s has been added"), what);
        return TRUE;
      }

  return TRUE;
}

/* What the database says it is, read in one transaction. */
static gboolean
look (PcStore  *self,
      gint64   *application_id,
      gint64   *user_version,
      gint64   *n_objects,
      GError  **error)
{
  gboolean ok = _pc_db_exec (self->db, "BEGIN", error)
                && pragma_int (self->db, "PRAGMA application_id", application_id, error)
                && pragma_int (self->db, "PRAGMA user_version", user_version, error)
                && pragma_int (self->db, "SELECT count(*) FROM sqlite_schema", n_objects, error);

  if (sqlite3_get_autocommit (self->db) == 0)
    _pc_db_exec (self->db, "ROLLBACK", NULL);
  return ok;
}

/* Opens @self's connection to its file: read-write (creating it when
 * @create), or read-only, never writing a byte; @immutable tells SQLite
 * that nobody changes the file meanwhile, so that it reads it without
 * locks or the shared-memory file beside it. */
static gboolean
connect (PcStore   *self,
         gboolean   create,
         GError   **error)
{
  g_autofree char *uri = NULL;
  int flags;

  if (self->read_only_reason == NULL)
    {
      flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
      uri = g_strdup (self->path);
    }
  else
    {
      g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
      g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, self->immutable ? "&immutable=1" : "");
    }

  if (sqlite3_open_v2 (uri, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                   self->read_only_reason == NULL
                   ? _("Cannot open “%s” (%s): check that you may read and write it and its folder")
                   : _("Cannot open “%s” (%s): check that you may read it"),
                   self->path, self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }

  _pc_file_guard_database (self->path, TRUE);
  self->guarded = TRUE;
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, PC_STORE_BUSY_TIMEOUT);
  return TRUE;
}

/* Whether nobody may write @path: no write permission for anyone, or a
 * filesystem mounted read-only. */
static gboolean
nobody_writes (const char *path)
{
  GStatBuf st;
  struct statvfs vfs;

  return (g_stat (path, &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
         || (statvfs (path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY) != 0);
}

/* Decides how @path is opened: read-write, or read-only with the reason
 * every change is then refused with (*@reason), because @read_only was
 * asked for, the file cannot be written, or it is on a network drive.
 * *@immutable tells whether it can be read as a snapshot. */
static gboolean
choose_access (const char  *path,
               gboolean     exists,
               gboolean     read_only,
               char       **reason,
               gboolean    *immutable,
               GError     **error)
{
  g_autofree char *network = pc_file_network_filesystem (path);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) local_error = NULL;
  GStatBuf wal;
  gboolean logged = g_stat (wal_path, &wal) == 0 && wal.st_size > 0;

  if (network != NULL)
    {
      /* Programs on different computers share no memory, which the
       * write-ahead log needs: nothing is written there, and the file is
       * read as it stands, without the log. */
      g_autofree char *message = g_strdup_printf (_("“%s” is on a network drive (%s), where several computers cannot safely write one database: it is open read-only. To work on it, copy it to this computer, send a review package, or use the Trust server"),
                                                  path, network);

      if (!exists)
        {
          g_set_error_literal (error, PC_STORE_ERROR, PC_STORE_ERROR_NETWORK, message);
          return FALSE;
        }
      if (logged)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NETWORK,
                       _("“%s” is on a network drive (%s) and its latest changes are still in “%s”: open it on the computer that made them, or copy it there and back"),
                       path, network, wal_path);
          return FALSE;
        }
      *reason = g_steal_pointer (&message);
      *immutable = TRUE;
      return TRUE;
    }

  if (!exists)
    return TRUE;

  if (!read_only && !check_writable (path, TRUE, &local_error))
    {
      if (!g_error_matches (local_error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *reason = g_strdup (local_error->message);
    }
  else if (read_only)
    *reason = g_strdup_printf (_("“%s” is open read-only: open it again without --read-only to change it"),
                               path);

  /* Without a write-ahead log beside it, a file nobody may write is read
   * as it stands, leaving nothing beside it; otherwise SQLite reads the
   * log, with the other programs using the database. */
  *immutable = *reason != NULL && !logged && nobody_writes (path);
  return TRUE;
}

static PcStore *
open_store (const char  *path,
            int          target,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(PcStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;
  gboolean immutable = FALSE;
  gboolean exists;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_objects = 0;
  gboolean empty = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if ((exists || read_only) && !check_file_kind (path, &empty, error))
    return NULL;
  if (!choose_access (path, exists, read_only, &reason, &immutable, error))
    return NULL;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
      if (!check_writable (path, FALSE, error))
        return NULL;
    }

  self = g_object_new (PC_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only_reason = g_steal_pointer (&reason);
  self->immutable = immutable;

  if (!connect (self, !exists, error))
    return NULL;

  if (!empty && !check_header (self, error))
    return NULL;

  /* Look before writing anything: none of these reads change the file. */
  if (!look (self, &application_id, &user_version, &n_objects, &local_error))
    {
      /* Damaged, says SQLite: said to the user only once a check of the
       * whole file agrees, and looked at again when it does not. */
      if (g_error_matches (local_error, PC_STORE_ERROR, PC_STORE_ERROR_DAMAGED)
          && !confirm_damaged (self, error))
        {
          g_clear_error (&local_error);
          if (look (self, &application_id, &user_version, &n_objects, &local_error))
            goto looked;
        }
      if (error != NULL && *error != NULL)
        return NULL;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot open “%s”: "), path);
      return NULL;
    }

looked:

  if (application_id != PC_STORE_APPLICATION_ID
      && !(application_id == 0 && user_version == 0 && n_objects == 0))
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Principle Check: choose another file"),
                   path);
      return NULL;
    }

  if (user_version > pc_store_get_latest_version ())
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Principle Check (schema %d; this one reads up to %d): update Principle Check to open it"),
                   path, (int) user_version, pc_store_get_latest_version ());
      return NULL;
    }

  self->version = (int) user_version;

  /* Read-only, it is read as it is: it must need no migration. */
  if (self->read_only_reason != NULL)
    {
      g_autofree char *difference = NULL;

      if (self->version < target)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY_FILE,
                       self->version == 0
                       ? _("“%s” is empty, and it cannot be written to make it a database: choose another file")
                       : _("“%s” was made by an earlier version of Principle Check and must be updated before it is read, which writes to it: open it once where it can be written"),
                       path);
          return NULL;
        }
      if (!_pc_db_exec (self->db, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;", error)
          || !compare_schema (self, &difference, error))
        return NULL;
      if (difference != NULL)
        self->altered_schema = g_strdup_printf (_("“%s” has been changed outside Principle Check (%s): it is open read-only; restore it from a backup"),
                                                path, difference);
      return g_steal_pointer (&self);
    }

  if (!_pc_db_exec (self->db,
                    "PRAGMA trusted_schema = OFF;"
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;",
                    &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Cannot open “%s”: "), path);
      return NULL;
    }

  /* A database changed behind the program's back is not migrated: what
   * it would run its migrations over is not what they were written for. */
  if (self->version > 0 && self->version < target)
    {
      g_autofree char *difference = NULL;

      if (!compare_schema (self, &difference, error))
        return NULL;
      if (difference != NULL)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED,
                       _("“%s” has been changed outside Principle Check (%s), so it cannot be updated to this version: restore it from a backup"),
                       path, difference);
          return NULL;
        }
    }

  if (self->version > 0 && self->version < target && !take_backup (self, target, error))
    return NULL;

  if (!migrate (self, target, error))
    return NULL;

  /* Triggers are the guard rail: a database whose guard rail has been
   * taken down is read for what it is, and never written again. */
  {
    g_autofree char *difference = NULL;

    if (!compare_schema (self, &difference, error))
      return NULL;
    if (difference != NULL)
      {
        self->altered_schema = g_strdup_printf (_("“%s” has been changed outside Principle Check (%s): it is open read-only; restore it from a backup"),
                                                path, difference);
        if (!_pc_db_exec (self->db, "PRAGMA query_only = ON", error))
          return NULL;
      }
  }

  return g_steal_pointer (&self);
}

PcStore *
_pc_store_open_reader (PcStore  *self,
                       GError  **error)
{
  g_autoptr(PcStore) reader = g_object_new (PC_TYPE_STORE, NULL);

  reader->path = g_strdup (self->path);
  reader->version = self->version;
  reader->altered_schema = g_strdup (self->altered_schema);
  /* A reader never writes, whatever its writer may. */
  reader->read_only_reason = g_strdup (self->read_only_reason != NULL
                                       ? self->read_only_reason : "");
  reader->immutable = self->immutable;
  if (!connect (reader, FALSE, error)
      || !_pc_db_exec (reader->db, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON;", error))
    return NULL;

  return g_steal_pointer (&reader);
}

PcStore *
pc_store_open (const char  *path,
               GError     **error)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = pc_store_default_path ();

  return open_store (path, pc_store_get_latest_version (), FALSE, error);
}

PcStore *
pc_store_open_read_only (const char  *path,
                         GError     **error)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = pc_store_default_path ();

  return open_store (path, pc_store_get_latest_version (), TRUE, error);
}

const char *
pc_store_get_read_only_reason (PcStore *self)
{
  g_return_val_if_fail (PC_IS_STORE (self), NULL);

  return self->read_only_reason;
}

PcStore *
_pc_store_open_at_version (const char  *path,
                           int          version,
                           GError     **error)
{
  g_return_val_if_fail (version >= 1 && version <= pc_store_get_latest_version (), NULL);

  return open_store (path, version, FALSE, error);
}

/* Checklists */

gboolean
pc_store_remember_checklist (PcStore      *self,
                             PcChecklist  *checklist,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _pc_store_now ();
  GBytes *bytes;

  g_return_val_if_fail (PC_IS_STORE (self), FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);

  if (g_hash_table_contains (self->checklists, pc_checklist_get_sha256 (checklist)))
    return TRUE;

  /* Kept checklists refuse an insert over them, even one that would do
   * nothing (schema/004-signed-records.sql). */
  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO checklists (sha256, checklist_id, version, title,"
                         " prompt_count, json, first_seen) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7"
                         " WHERE NOT EXISTS (SELECT 1 FROM checklists WHERE sha256 = ?1)",
                         error);
  if (stmt == NULL)
    return FALSE;

  bytes = pc_checklist_get_bytes (checklist);
  _pc_db_bind_text (stmt, 1, pc_checklist_get_sha256 (checklist));
  _pc_db_bind_text (stmt, 2, pc_checklist_get_id (checklist));
  sqlite3_bind_int (stmt, 3, pc_checklist_get_version (checklist));
  _pc_db_bind_text (stmt, 4, pc_checklist_get_title (checklist));
  sqlite3_bind_int (stmt, 5, pc_checklist_get_n_prompts (checklist));
  sqlite3_bind_blob64 (stmt, 6, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                       SQLITE_STATIC);
  _pc_db_bind_text (stmt, 7, now);

  if (!_pc_db_step_done (self->db, stmt, error))
    return FALSE;

  g_hash_table_insert (self->checklists,
                       g_strdup (pc_checklist_get_sha256 (checklist)),
                       pc_checklist_ref (checklist));
  return TRUE;
}

PcChecklist *
pc_store_load_checklist (PcStore     *self,
                         const char  *sha256,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  PcChecklist *checklist;
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  checklist = g_hash_table_lookup (self->checklists, sha256);
  if (checklist != NULL)
    return pc_checklist_ref (checklist);

  stmt = _pc_db_prepare (self->db, "SELECT json FROM checklists WHERE sha256 = ?1", error);
  if (stmt == NULL)
    return NULL;
  _pc_db_bind_text (stmt, 1, sha256);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("The checklist with SHA-256 %s is not in this database"), sha256);
      return NULL;
    }

  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  checklist = pc_checklist_new_from_bytes (bytes, _("stored checklist"), &local_error);
  if (checklist == NULL)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_CHECKLIST,
                   _("A checklist stored in the database no longer loads (%s): the file may have been altered"),
                   local_error->message);
      return NULL;
    }

  if (g_strcmp0 (pc_checklist_get_sha256 (checklist), sha256) != 0)
    {
      pc_checklist_unref (checklist);
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_CHECKLIST,
                   _("A checklist stored in the database does not match its SHA-256: the file has been altered"));
      return NULL;
    }

  g_hash_table_insert (self->checklists, g_strdup (sha256), pc_checklist_ref (checklist));
  return checklist;
}

PcChecklist *
pc_store_load_checklist_for (PcStore             *self,
                             const PcAssessment  *assessment,
                             GError             **error)
{
  g_return_val_if_fail (assessment != NULL, NULL);

  return pc_store_load_checklist (self, assessment->checklist_sha256, error);
}
