/* pc-file.c: reading files people give us, safely and within bounds
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-file"

#include "config.h"

#include "pc-file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixmounts.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

G_DEFINE_QUARK (pc-file-error-quark, pc_file_error)

/* The databases this process has open: path → how many times. */
static GMutex guard_mutex;
static GHashTable *guarded;

static const char * const database_suffixes[] = { "", "-wal", "-shm", "-journal" };

void
_pc_file_guard_database (const char *db_path,
                         gboolean    open)
{
  g_autofree char *key = g_canonicalize_filename (db_path, NULL);
  guint count;

  g_mutex_lock (&guard_mutex);
  if (guarded == NULL)
    guarded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (guarded, key));
  if (open)
    g_hash_table_insert (guarded, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
  else if (count > 1)
    g_hash_table_insert (guarded, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (guarded, key);
  g_mutex_unlock (&guard_mutex);
}

/* Whether @path, canonical, names one of @db_path's files, or is the
 * same file as one (a link, another name for it). */
static gboolean
is_database_file (const char *path,
                  GStatBuf   *st,
                  gboolean    exists,
                  const char *db_path)
{
  for (guint i = 0; i < G_N_ELEMENTS (database_suffixes); i++)
    {
      g_autofree char *name = g_strconcat (db_path, database_suffixes[i], NULL);
      GStatBuf other;

      if (g_str_equal (name, path))
        return TRUE;
      if (exists && g_stat (name, &other) == 0
          && other.st_dev == st->st_dev && other.st_ino == st->st_ino)
        return TRUE;
    }

  return FALSE;
}

gboolean
pc_file_check_not_database (const char  *path,
                            GError     **error)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autofree char *found = NULL;
  GStatBuf st;
  gboolean exists = g_stat (canonical, &st) == 0;
  GHashTableIter iter;
  gpointer key;

  g_mutex_lock (&guard_mutex);
  if (guarded != NULL)
    {
      g_hash_table_iter_init (&iter, guarded);
      while (found == NULL && g_hash_table_iter_next (&iter, &key, NULL))
        if (is_database_file (canonical, &st, exists, key))
          found = g_strdup (key);
    }
  g_mutex_unlock (&guard_mutex);

  if (found != NULL)
    {
      g_autofree char *display_path = g_filename_display_name (path);

      g_set_error (error, PC_FILE_ERROR, PC_FILE_ERROR_OPEN_DATABASE,
                   _("“%s” is a file of the database Principle Check has open: choose another file"),
                   display_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_file_set_contents (const char  *path,
                      const char  *data,
                      gssize       len,
                      int          mode,
                      GError     **error)
{
  return pc_file_check_not_database (path, error)
      && g_file_set_contents_full (path, data != NULL ? data : "", data != NULL ? len : 0,
                                   G_FILE_SET_CONTENTS_CONSISTENT, mode, error);
}

/* What a file that is not a regular file is, in words. */
static const char *
describe_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a named pipe");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  if (S_ISSOCK (mode))
    return _("a socket");
  return _("not a regular file");
}

static void
set_not_regular (GError     **error,
                 const char  *display_path,
                 const char  *what,
                 mode_t       mode)
{
  g_set_error (error, PC_FILE_ERROR, PC_FILE_ERROR_NOT_REGULAR,
               _("The %s “%s” is %s, not a file: give the path of a saved file"),
               what, display_path, describe_kind (mode));
}

/* @size in the largest binary unit that divides it: "25 MiB", "4 KiB".
 * Returns: (transfer full) */
static char *
format_limit (gsize size)
{
  if (size >= 1024 * 1024 && size % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", size / (1024 * 1024));
  if (size >= 1024 && size % 1024 == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " KiB", size / 1024);

  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

static void
set_too_large (GError     **error,
               const char  *display_path,
               const char  *what,
               guint64      size,
               gsize        max_size)
{
  g_autofree char *shown_size = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = format_limit (max_size);

  g_set_error (error, PC_FILE_ERROR, PC_FILE_ERROR_TOO_LARGE,
               _("The %s “%s” is %s, over the limit of %s: check that it is the right file"),
               what, display_path, shown_size, limit);
}

static void
set_errno_error (GError     **error,
                 int          code,
                 const char  *display_path,
                 const char  *what,
                 int          saved_errno)
{
  g_set_error (error, PC_FILE_ERROR, code,
               _("Cannot read the %s “%s”: %s; check the path and try again"),
               what, display_path, g_strerror (saved_errno));
}

/* Reads @fd to its end, or until it holds more than @max_size bytes.
 * Returns: (transfer full) (nullable): NULL with errno set on failure;
 * more than @max_size bytes when the file is too large. */
static GByteArray *
read_to_end (int   fd,
             gsize max_size,
             gsize expected)
{
  g_autoptr(GByteArray) data = g_byte_array_sized_new (MIN (expected, max_size) + 1);
  guint8 buffer[16384];

  while (data->len <= max_size)
    {
      gsize want = MIN (sizeof buffer, max_size + 1 - data->len);
      ssize_t n = read (fd, buffer, want);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
    }

  return g_steal_pointer (&data);
}

GBytes *
pc_file_read_bounded (const char  *path,
                      gsize        max_size,
                      const char  *what,
                      GError     **error)
{
  g_autofree char *display_path = NULL;
  g_autoptr(GByteArray) data = NULL;
  GStatBuf st;
  struct stat fst;
  int saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (max_size < G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!pc_file_check_not_database (path, error))
    return NULL;
  display_path = g_filename_display_name (path);

  /* Look before opening: opening a device can itself do something. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, PC_FILE_ERROR_NOT_FOUND, display_path, what, errno);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      set_not_regular (error, display_path, what, st.st_mode);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      set_too_large (error, display_path, what, (guint64) st.st_size, max_size);
      return NULL;
    }

  /* O_NONBLOCK: should a named pipe have been put in its place since,
   * opening it does not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (error, PC_FILE_ERROR_NOT_FOUND, display_path, what, errno);
      return NULL;
    }

  if (fstat (fd, &fst) != 0)
    {
      saved_errno = errno;
      close (fd);
      set_errno_error (error, PC_FILE_ERROR_IO, display_path, what, saved_errno);
      return NULL;
    }
  if (!S_ISREG (fst.st_mode))
    {
      close (fd);
      set_not_regular (error, display_path, what, fst.st_mode);
      return NULL;
    }

  data = read_to_end (fd, max_size, (gsize) MIN ((guint64) fst.st_size, (guint64) max_size));
  saved_errno = errno;
  close (fd);

  if (data == NULL)
    {
      set_errno_error (error, PC_FILE_ERROR_IO, display_path, what, saved_errno);
      return NULL;
    }
  /* It grew since it was looked at. */
  if (data->len > max_size)
    {
      set_too_large (error, display_path, what, MAX ((guint64) fst.st_size, data->len), max_size);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Network filesystems, by the type /proc/self/mountinfo gives them
 * (after "fuse." for FUSE ones), and the name people know them by. */
static const struct
{
  const char *type;
  const char *name;
} network_filesystems[] = {
  { "nfs", "NFS" },
  { "nfs4", "NFS" },
  { "cifs", "SMB" },
  { "smb3", "SMB" },
  { "smbfs", "SMB" },
  { "sshfs", "sshfs" },
  { "9p", "9P" },
  { "ceph", "Ceph" },
  { "cephfs", "Ceph" },
  { "afs", "AFS" },
  { "glusterfs", "GlusterFS" },
  { "lustre", "Lustre" },
  { "gfs2", "GFS2" },
  { "ocfs2", "OCFS2" },
  { "davfs", "WebDAV" },
  { "davfs2", "WebDAV" },
  { "gvfsd-fuse", "a GNOME network share (gvfs)" },
  { "rclone", "rclone" },
  { "s3fs", "S3" },
};

char *
pc_file_network_filesystem (const char *path)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(GUnixMountEntry) mount = NULL;
  const char *type = g_getenv ("PC_TEST_FS_TYPE");

  if (type == NULL)
    {
      /* The nearest folder that is there, for a file yet to be made. */
      while (!g_file_test (canonical, G_FILE_TEST_EXISTS))
        {
          char *parent = g_path_get_dirname (canonical);

          if (g_str_equal (parent, canonical))
            {
              g_free (parent);
              return NULL;
            }
          g_free (canonical);
          canonical = parent;
        }
      mount = g_unix_mount_for (canonical, NULL);
      if (mount == NULL)
        return NULL;
      type = g_unix_mount_get_fs_type (mount);
    }

  if (g_str_has_prefix (type, "fuse."))
    type += strlen ("fuse.");
  for (guint i = 0; i < G_N_ELEMENTS (network_filesystems); i++)
    if (g_ascii_strcasecmp (type, network_filesystems[i].type) == 0)
      return g_strdup (network_filesystems[i].name);

  return NULL;
}
