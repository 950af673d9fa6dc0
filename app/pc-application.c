/* pc-application.c: one window per database, app-wide actions
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-application"

#include "config.h"

#include "pc-application.h"

#include <glib/gi18n.h>

#include "pc-store.h"
#include "pc-window.h"

struct _PcApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PcApplication, pc_application, ADW_TYPE_APPLICATION)

/* The window already showing @path, or NULL. */
static GtkWindow *
find_window (PcApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PcStore *store;

      if (!PC_IS_WINDOW (l->data))
        continue;
      store = pc_window_get_store (PC_WINDOW (l->data));
      if (store != NULL && g_strcmp0 (pc_store_get_path (store), path) == 0)
        return GTK_WINDOW (l->data);
    }

  return NULL;
}

static void
show_open_error (PcApplication *self,
                 const char    *path,
                 const GError  *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Cannot Open the Database"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Presents the window of the database at @path (NULL: the default),
 * opening it first when no window shows it yet. */
void
pc_application_open_database (PcApplication *self,
                              const char    *path)
{
  g_autofree char *default_path = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (path == NULL)
    path = default_path = pc_store_default_path ();
  absolute = g_canonicalize_filename (path, NULL);

  window = find_window (self, absolute);
  if (window == NULL)
    {
      store = pc_store_open (absolute, &error);
      if (store == NULL)
        {
          show_open_error (self, absolute, error);
          return;
        }
      window = GTK_WINDOW (pc_window_new (self, store));
    }

  gtk_window_present (window);
}

static int
pc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db != NULL && *db != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }

  pc_application_open_database (PC_APPLICATION (app), path);
  return 0;
}

static void
pc_application_activate (GApplication *app)
{
  pc_application_open_database (PC_APPLICATION (app), NULL);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PC_IS_WINDOW (window))
    pc_window_show_about (PC_WINDOW (window));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PcApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves what it holds. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

static void
pc_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (pc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
pc_application_class_init (PcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = pc_application_startup;
  app_class->activate = pc_application_activate;
  app_class->command_line = pc_application_command_line;
}

static void
pc_application_init (PcApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database (default: ~/.local/share/principle-check/assessments.db)"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

PcApplication *
pc_application_new (void)
{
  return g_object_new (PC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/uk/nhs/beh/PrincipleCheck",
                       NULL);
}
