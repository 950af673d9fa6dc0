/* pc-file.h: reading files people give us, safely and within bounds
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PC_FILE_ERROR (pc_file_error_quark ())

typedef enum
{
  PC_FILE_ERROR_NOT_FOUND,    /* no such file, or it cannot be opened */
  PC_FILE_ERROR_NOT_REGULAR,  /* a folder, named pipe, device or socket */
  PC_FILE_ERROR_TOO_LARGE,    /* over the limit the caller gave */
  PC_FILE_ERROR_IO,           /* reading failed part way */
  PC_FILE_ERROR_OPEN_DATABASE, /* a file of a database this program has open */
} PcFileError;

/* The most each kind of input may be. */
#define PC_FILE_MAX_SUMMARY       (64 * 1024 * 1024)  /* verify, import */
#define PC_FILE_MAX_TRUSTED_KEYS  (1024 * 1024)       /* verify --trusted */
#define PC_FILE_MAX_PASSPHRASE    (4 * 1024)          /* --passphrase-file */
#define PC_FILE_MAX_KEY           (64 * 1024)         /* a signing key file */

GQuark  pc_file_error_quark   (void);

/* Reads the whole of @path, which must be a regular file of at most
 * @max_size bytes. Anything else (a folder, a named pipe, a device such
 * as /dev/zero, a socket) is refused before it is read, and never
 * blocks; a file swapped for something else between the check and the
 * opening is caught too. @what names the file in messages, in words
 * ("summary file"). Messages are one line naming the file, what it is
 * and the limit.
 * Returns: (transfer full) (nullable) */
GBytes *pc_file_read_bounded  (const char  *path,
                               gsize        max_size,
                               const char  *what,
                               GError     **error);

/* Writes @len bytes of @data (-1: up to its nul) to @path atomically
 * and durably (g_file_set_contents_full(), consistent, with @mode),
 * after pc_file_check_not_database(). */
gboolean pc_file_set_contents (const char  *path,
                               const char  *data,
                               gssize       len,
                               int          mode,
                               GError     **error);

/* Refuses (PC_FILE_ERROR_OPEN_DATABASE) @path when it is, or would
 * replace, a database file this process has open, or its -wal, -shm or
 * -journal: reading one and closing it would drop SQLite's locks on it
 * (POSIX locks belong to the process and go with any descriptor of the
 * file being closed), and writing one would replace the database under
 * the program. pc_file_read_bounded() and pc_file_set_contents() call
 * it; a caller that opens a file any other way calls it first. */
gboolean pc_file_check_not_database (const char  *path,
                                     GError     **error);

/* When @path (a file, or where one would be made) is on a network
 * filesystem (NFS, SMB/CIFS, sshfs, 9p, Ceph, AFS, WebDAV, …), the
 * filesystem's name as people know it ("NFS", "SMB", "sshfs"); NULL on
 * a local disk. SQLite's write-ahead log needs memory shared by every
 * program using the database, which programs on different computers do
 * not have. $PC_TEST_FS_TYPE, when set, stands for the filesystem type
 * (as /proc/self/mountinfo names it: "nfs4", "cifs", "fuse.sshfs") for
 * the tests. Returns: (transfer full) (nullable) */
char    *pc_file_network_filesystem (const char  *path);

/* The store's part: @db_path is open (@open TRUE) or closed again. A
 * path may be open more than once; it is guarded until the last close. */
void     _pc_file_guard_database    (const char  *db_path,
                                     gboolean     open);

G_END_DECLS
