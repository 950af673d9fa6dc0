/* pc-ui-state.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-ui-state"

#include "config.h"

#include "pc-file.h"
#include "pc-ui-state.h"

#include <errno.h>
#include <glib/gstdio.h>

static char *
state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "principle-check", "state.ini", NULL);
}

/* Group names cannot hold every character a path can ('[', ']',
 * newlines): the group is named by the path's SHA-256, and says the path. */
static char *
group_for (const char *db_path)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, db_path, -1);
}

static GKeyFile *
load (void)
{
  g_autofree char *path = state_path ();
  g_autoptr(GError) error = NULL;
  GKeyFile *file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_KEEP_COMMENTS, &error)
      && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_debug ("Could not read %s: %s", path, error->message);

  return file;
}

static void
save (GKeyFile *file)
{
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Could not create %s: %s", dir, g_strerror (errno));
      return;
    }

  data = g_key_file_to_data (file, &len, NULL);
  if (!pc_file_set_contents (path, data, (gssize) len, 0600, &error))
    g_debug ("Could not write %s: %s", path, error->message);
}

void
pc_ui_state_remember (const char *db_path,
                      gint64      assessment_id,
                      const char *page)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;

  g_return_if_fail (db_path != NULL);

  file = load ();
  group = group_for (db_path);
  if (g_key_file_has_group (file, group)
      && g_key_file_get_int64 (file, group, "assessment", NULL) == assessment_id)
    {
      g_autofree char *old_page = g_key_file_get_string (file, group, "page", NULL);

      if (g_strcmp0 (old_page, page != NULL ? page : "") == 0)
        return;
    }

  g_key_file_set_string (file, group, "path", db_path);
  g_key_file_set_int64 (file, group, "assessment", assessment_id);
  g_key_file_set_string (file, group, "page", page != NULL ? page : "");
  save (file);
}

void
pc_ui_state_forget (const char *db_path)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;

  g_return_if_fail (db_path != NULL);

  file = load ();
  group = group_for (db_path);
  if (g_key_file_remove_group (file, group, NULL))
    save (file);
}

gboolean
pc_ui_state_lookup (const char  *db_path,
                    gint64      *out_assessment_id,
                    char       **out_page)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *group = NULL;
  gint64 id;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (out_assessment_id != NULL, FALSE);

  file = load ();
  group = group_for (db_path);
  id = g_key_file_get_int64 (file, group, "assessment", &error);
  if (error != NULL || id <= 0)
    return FALSE;

  *out_assessment_id = id;
  if (out_page != NULL)
    {
      char *page = g_key_file_get_string (file, group, "page", NULL);

      if (page != NULL && *page == '\0')
        g_clear_pointer (&page, g_free);
      *out_page = page;
    }

  return TRUE;
}
