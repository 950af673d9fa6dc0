/* pc-settings.c: the app's GSettings, and what it keeps in them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-settings"

#include "config.h"

#include "pc-settings.h"

#include <glib/gi18n.h>

#include "pc-text.h"

/* Whether this program is the one in the build tree, not an installed
 * copy, which must never pick up a build's (perhaps stale) schema. */
static gboolean
running_from_build_tree (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  return self != NULL && g_str_has_prefix (self, PC_BUILD_ROOT "/");
}

GSettings *
pc_settings_new (GError **error)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);

  /* Run from the build tree (the README's first command), the schema is
   * compiled next to the build's ui/ folder and not installed. */
  if (schema == NULL && running_from_build_tree ()
      && g_file_test (PC_BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      build = g_settings_schema_source_new_from_directory (PC_BUILD_SCHEMA_DIR, installed, FALSE,
                                                           NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the settings schema %s is not installed: run “meson install”, or start the app from its build folder"),
                   APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

void
pc_settings_add_recent (GSettings  *settings,
                        const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL && *path != '\0');

  /* Settings hold UTF-8 only; a path in another encoding is not kept. */
  if (!g_utf8_validate (path, -1, NULL))
    return;

  old = g_settings_get_strv (settings, "recent-databases");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < PC_SETTINGS_MAX_RECENT; i++)
    {
      if (g_str_equal (old[i], path))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);

  g_settings_set_string (settings, "last-database", path);
  g_settings_set_strv (settings, "recent-databases", (const char * const *) recent);
}

void
pc_settings_forget_recent (GSettings  *settings,
                           const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (path != NULL);

  old = g_settings_get_strv (settings, "recent-databases");
  for (guint i = 0; old[i] != NULL; i++)
    if (!g_str_equal (old[i], path))
      g_strv_builder_add (builder, old[i]);
  recent = g_strv_builder_end (builder);

  g_settings_set_strv (settings, "recent-databases", (const char * const *) recent);
  last = g_settings_get_string (settings, "last-database");
  if (g_str_equal (last, path))
    g_settings_set_string (settings, "last-database", "");
}

char *
pc_settings_dup_actor (GSettings *settings)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  name = g_strstrip (g_settings_get_string (settings, "user-name"));
  role = g_strstrip (g_settings_get_string (settings, "user-role"));
  if (pc_text_is_blank (name))
    return NULL;
  if (pc_text_is_blank (role))
    return g_steal_pointer (&name);
  /* The history is data, so this does not follow the UI's language. */
  return g_strdup_printf ("%s (%s)", name, role);
}
