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

#include "pc-identity-dialog.h"
#include "pc-preferences-window.h"
#include "pc-settings.h"
#include "pc-store.h"
#include "pc-ui.h"
#include "pc-window.h"

struct _PcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;
};

G_DEFINE_FINAL_TYPE (PcApplication, pc_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Says why a database did not open, over @parent (NULL: on its own,
 * kept alive by the application). */
static void
show_open_error (PcApplication *self,
                 GtkWindow     *parent,
                 const char    *heading,
                 const char    *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, NULL);
  pc_ui_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (parent != NULL)
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  else
    gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window of the database at @absolute, opened if no window shows it
 * yet, made the first recent database, and presented; NULL with @error
 * set when it cannot be opened. */
static GtkWindow *
open_window (PcApplication  *self,
             const char     *absolute,
             GError        **error)
{
  g_autoptr(PcStore) store = NULL;
  GtkWindow *window = find_window (self, absolute);

  if (window == NULL)
    {
      store = pc_store_open (absolute, error);
      if (store == NULL)
        return NULL;
      window = GTK_WINDOW (pc_window_new (self, store));
      pc_window_use_settings (PC_WINDOW (window), self->settings,
                              G_MENU_MODEL (self->recent_menu));
    }

  pc_settings_add_recent (self->settings, absolute);
  gtk_window_present (window);

  return window;
}

/* Started with no database named: the one opened last, or the default.
 * When the last one has gone or will not open, the default opens and a
 * dialog over it says so, and which database it is: work typed into the
 * wrong database would be hard to find later. */
static GtkWindow *
open_start_database (PcApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  g_autofree char *default_path = pc_store_default_path ();
  g_autofree char *absolute = g_canonicalize_filename (default_path, NULL);
  g_autofree char *last_shown = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found;
  GtkWindow *window;

  if (*last == '\0' || g_str_equal (last, absolute))
    {
      window = open_window (self, absolute, &error);
      if (window == NULL)
        show_open_error (self, NULL, _("Cannot Open the Database"), error->message);
      return window;
    }

  found = g_file_test (last, G_FILE_TEST_IS_REGULAR);
  if (found)
    {
      window = open_window (self, last, &error);
      if (window != NULL)
        return window;
    }

  /* Not there, or not openable: start on the default instead, this time
   * and next. */
  pc_settings_forget_recent (self->settings, last);
  last_shown = g_filename_display_name (last);
  if (!found)
    body = g_strdup_printf (_("The database opened last, %s, is not there any more: it was moved or deleted, or is on a drive that is not connected. The default database is open instead; to work in the other one, open it from where it is now with “Open Another Database…”."),
                            last_shown);
  else
    body = g_strdup_printf (_("%s\n\nThe default database is open instead."), error->message);

  g_clear_error (&error);
  window = open_window (self, absolute, &error);
  if (window == NULL)
    {
      show_open_error (self, NULL, _("Cannot Open the Database"), error->message);
      return NULL;
    }

  show_open_error (self, window, found ? _("Cannot Open the Database") : _("Database Not Found"),
                   body);
  return window;
}

static void
ask_create_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PcApplication    *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "pc-path");

  if (g_strcmp0 (response, "create") == 0)
    pc_application_create_database (self, path);
}

static void
ask_create (PcApplication *self,
            const char    *absolute)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *shown = g_filename_display_name (absolute);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Create a New Database?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("There is no database at %s. Create a new, empty one there, or check the name and try again."),
                                  shown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pc-path", g_strdup (absolute), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ask_create_response_cb), self, 0);
  if (parent != NULL)
    gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  else
    gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWindow *
pc_application_open_database (PcApplication *self,
                              const char    *path)
{
  g_autofree char *absolute = NULL;

  g_return_val_if_fail (PC_IS_APPLICATION (self), NULL);

  if (path == NULL)
    return open_start_database (self);

  absolute = g_canonicalize_filename (path, NULL);

  /* A name typed after --db that is not there may be a typo: a new,
   * empty database is made only when the user says so. */
  if (!g_file_test (absolute, G_FILE_TEST_EXISTS))
    {
      ask_create (self, absolute);
      return NULL;
    }

  return pc_application_create_database (self, absolute);
}

GtkWindow *
pc_application_create_database (PcApplication *self,
                                const char    *path)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  g_return_val_if_fail (PC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  window = open_window (self, absolute, &error);
  if (window == NULL)
    show_open_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                     _("Cannot Open the Database"), error->message);

  return window;
}

/* Asks for the user's name and role once, on the first start. */
static void
maybe_ask_identity (PcApplication *self,
                    GtkWindow     *window)
{
  g_autofree char *name = NULL;

  if (window == NULL || g_settings_get_boolean (self->settings, "identity-asked"))
    return;

  name = g_settings_get_string (self->settings, "user-name");
  if (*name != '\0')
    return;

  gtk_window_present (GTK_WINDOW (pc_identity_dialog_new (window, self->settings)));
}

static int
pc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  PcApplication *self = PC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *db = NULL;
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db) && db != NULL && *db != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      path = g_file_get_path (file);
    }

  maybe_ask_identity (self, pc_application_open_database (self, path));
  return 0;
}

static void
pc_application_activate (GApplication *app)
{
  PcApplication *self = PC_APPLICATION (app);

  maybe_ask_identity (self, pc_application_open_database (self, NULL));
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
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  PcApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (pc_preferences_window_new (window, self->settings)));
}

static void
open_recent_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  PcApplication *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);

  /* A recent database that has gone is dropped from the list, and the
   * dialog says where it was looked for. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autofree char *body = g_strdup_printf (_("There is no database at %s any more: it was moved or deleted. Open it from where it is now with “Open Another Database…”."),
                                               shown);

      pc_settings_forget_recent (self->settings, path);
      show_open_error (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                       _("Database Not Found"), body);
      return;
    }

  pc_application_open_database (self, path);
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

/* app.create-database (ay): a window's "New Database…" or "Open Another
 * Database…" chose this file name. */
static void
create_database_activated_cb (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  pc_application_create_database (user_data, g_variant_get_bytestring (parameter));
}

static const GActionEntry app_actions[] = {
  { "about", about_activated_cb },
  { "preferences", preferences_activated_cb },
  { "open-recent", open_recent_activated_cb, "s" },
  { "create-database", create_database_activated_cb, "ay" },
  { "quit", quit_activated_cb },
};

/* "assessments.db — ~/Documents/Ward 3", with underscores kept literal. */
static char *
recent_label (const char *path)
{
  g_autofree char *base = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *shown_dir = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) parts = NULL;
  const char *home = g_get_home_dir ();

  if (g_str_has_prefix (dir, home) && (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    shown_dir = g_strconcat ("~", dir + strlen (home), NULL);
  else
    shown_dir = g_filename_display_name (dir);

  /* Translators: a recent database in the menu: "file name — folder". */
  label = g_strdup_printf (_("%s — %s"), base, shown_dir);
  parts = g_strsplit (label, "_", -1);
  return g_strjoinv ("__", parts);
}

static void
update_recent_menu (PcApplication *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *label = recent_label (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
pc_application_startup (GApplication *app)
{
  PcApplication *self = PC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (pc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  g_signal_connect_object (self->settings, "changed::recent-databases",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

static void
pc_application_dispose (GObject *object)
{
  PcApplication *self = (PcApplication *) object;

  g_clear_object (&self->recent_menu);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pc_application_parent_class)->dispose (object);
}

static void
pc_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PcApplication *self = PC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PcApplication *self = PC_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_application_class_init (PcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pc_application_dispose;
  object_class->get_property = pc_application_get_property;
  object_class->set_property = pc_application_set_property;
  app_class->startup = pc_application_startup;
  app_class->activate = pc_application_activate;
  app_class->command_line = pc_application_command_line;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pc_application_init (PcApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open this database (default: the one opened last, or ~/.local/share/principle-check/assessments.db)"), N_("FILE") },
    { NULL }
  };

  self->recent_menu = g_menu_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

PcApplication *
pc_application_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/uk/nhs/beh/PrincipleCheck",
                       "settings", settings,
                       NULL);
}

GMenuModel *
pc_application_get_recent_menu (PcApplication *self)
{
  g_return_val_if_fail (PC_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}
