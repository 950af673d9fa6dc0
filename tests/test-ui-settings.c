/* test-ui-settings.c: what the app remembers in GSettings
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with GSETTINGS_BACKEND=memory and the schema compiled into the
 * build folder (GSETTINGS_SCHEMA_DIR): nothing reaches the user's own
 * settings, and the data folders are the test's own.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pc-application.h"
#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-identity-dialog.h"
#include "pc-preferences-window.h"
#include "pc-settings.h"
#include "pc-sign-dialog.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-ui.h"
#include "pc-window.h"

/* The app's settings with every key at its default: the memory backend
 * lives as long as the process, so each case starts from scratch. */
static GSettings *
fresh_settings (void)
{
  g_autoptr(GError) error = NULL;
  GSettings *settings = pc_settings_new (&error);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_assert_no_error (error);
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  return settings;
}

/* What another program (gsettings, the next start) reads now: each change
 * must reach the backend at once, not wait for the window to close. */
static char *
saved_string (const char *key)
{
  g_autoptr(GSettings) other = pc_settings_new (NULL);

  return g_settings_get_string (other, key);
}

/* An application as main() makes it, already started, with an id of its
 * own: each case has its own on the session bus (an application stays
 * exported there until the process ends), and not unique, so the tests
 * may run side by side. */
static PcApplication *
started_app (GSettings *settings)
{
  static guint n_apps;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_apps);
  g_autoptr(GError) error = NULL;
  PcApplication *app = g_object_new (PC_TYPE_APPLICATION,
                                     "application-id", id,
                                     "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE,
                                     "resource-base-path", "/uk/nhs/beh/PrincipleCheck",
                                     "settings", settings,
                                     NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));

  return app;
}

/* A new database file at a path of its own. Returns: (transfer full) */
static char *
new_database (void)
{
  char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);

  return path;
}

static void
test_recent_list (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;

  pc_settings_add_recent (settings, "/data/a.db");
  pc_settings_add_recent (settings, "/data/b.db");
  pc_settings_add_recent (settings, "/data/a.db");

  /* Newest first, each once, and the last one opened is remembered. */
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, "/data/a.db");
  g_assert_cmpstr (recent[1], ==, "/data/b.db");
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, "/data/a.db");
  g_clear_pointer (&last, g_free);
  last = saved_string ("last-database");
  g_assert_cmpstr (last, ==, "/data/a.db");
  g_clear_pointer (&recent, g_strfreev);
  g_clear_pointer (&last, g_free);

  /* At most PC_SETTINGS_MAX_RECENT, dropping the oldest. */
  for (guint i = 0; i < PC_SETTINGS_MAX_RECENT + 3; i++)
    {
      g_autofree char *path = g_strdup_printf ("/data/%u.db", i);

      pc_settings_add_recent (settings, path);
    }
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpuint (g_strv_length (recent), ==, PC_SETTINGS_MAX_RECENT);
  g_assert_cmpstr (recent[0], ==, "/data/10.db");
  g_assert_false (g_strv_contains ((const char * const *) recent, "/data/a.db"));
  g_clear_pointer (&recent, g_strfreev);

  /* Forgetting the last one also forgets it as the one to reopen. */
  pc_settings_forget_recent (settings, "/data/10.db");
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, "/data/9.db");
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, "");

  /* A path GSettings cannot hold (not UTF-8) is not kept. */
  pc_settings_add_recent (settings, "/data/\xff.db");
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_cmpstr (recent[0], ==, "/data/9.db");
}

static void
test_actor (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autofree char *none = NULL;
  g_autofree char *name_only = NULL;
  g_autofree char *both = NULL;

  none = pc_settings_dup_actor (settings);
  g_assert_null (none);

  g_settings_set_string (settings, "user-name", "  Ayşe Demir ");
  name_only = pc_settings_dup_actor (settings);
  g_assert_cmpstr (name_only, ==, "Ayşe Demir");

  g_settings_set_string (settings, "user-role", "Ward manager");
  both = pc_settings_dup_actor (settings);
  g_assert_cmpstr (both, ==, "Ayşe Demir (Ward manager)");
}

/* The size the window had when it closed is the size of the next. */
static void
test_window_size_round_trip (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *path = new_database ();
  GtkWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = pc_application_open_database (app, path);
  g_assert_nonnull (window);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  gtk_window_set_default_size (window, 820, 600);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_close (window);
  pc_test_wait_for_null ((gpointer *) &window, "the window to close");
  g_assert_false (g_settings_get_has_unapplied (settings));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = pc_application_open_database (app, path);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (gtk_window_is_maximized (window));
  gtk_window_destroy (window);

  /* Closed maximised, it opens maximised. */
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  window = pc_application_open_database (app, path);
  g_assert_true (gtk_window_is_maximized (window));
  gtk_window_destroy (window);
}

/* Started with no database named, the app opens the one used last; if
 * that file has gone, the default one. */
static void
test_last_database (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *first = new_database ();
  g_autofree char *second = new_database ();
  g_autofree char *default_path = pc_store_default_path ();
  g_autofree char *last = NULL;
  GtkWindow *window;
  GtkWindow *dialog;

  /* Nothing has been asked yet, so no dialog opens over the window. */
  g_settings_set_boolean (settings, "identity-asked", TRUE);

  gtk_window_destroy (pc_application_open_database (app, first));
  gtk_window_destroy (pc_application_open_database (app, second));
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, second);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (PC_IS_WINDOW (window));
  g_assert_cmpstr (pc_store_get_path (pc_window_get_store (PC_WINDOW (window))), ==, second);
  gtk_window_destroy (window);

  /* Gone (deleted, or on a drive not connected): the default opens, and
   * a dialog over it says so, so nobody types into the wrong one. */
  g_assert_cmpint (g_unlink (second), ==, 0);
  g_application_activate (G_APPLICATION (app));
  window = GTK_WINDOW (pc_test_ui_find_toplevel (PC_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpstr (pc_store_get_path (pc_window_get_store (PC_WINDOW (window))), ==, default_path);
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Database Not Found");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), second));
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  pc_test_ui_destroy_toplevels ();

  /* One that is there but cannot be opened (here, not a database) gets
   * a dialog saying why, is left as it was, and the default opens:
   * the next start does not stumble on it again. */
  g_assert_true (g_file_set_contents (first, "not a database", -1, NULL));
  g_settings_set_string (settings, "last-database", first);
  g_application_activate (G_APPLICATION (app));
  window = GTK_WINDOW (pc_test_ui_find_toplevel (PC_TYPE_WINDOW));
  g_assert_nonnull (window);
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Open the Database");
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_cmpstr (pc_store_get_path (pc_window_get_store (PC_WINDOW (window))), ==, default_path);
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, default_path);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (first, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "not a database");
  }
  pc_test_ui_destroy_toplevels ();
}

/* File → Recent in the main menu: one item per database, newest first,
 * each opening its database. */
static void
test_recent_menu (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *first = g_build_filename (dir, "ward_3.db", NULL);
  g_autofree char *second = new_database ();
  g_autofree char *second_base = g_path_get_basename (second);
  GMenuModel *menu = pc_application_get_recent_menu (app);
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) recent = NULL;
  GtkWindow *window;

  g_object_unref (pc_test_open_store (first));
  gtk_window_destroy (pc_application_open_database (app, first));
  window = pc_application_open_database (app, second);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  g_assert_cmpstr (target, ==, second);
  g_clear_pointer (&target, g_free);

  /* An underscore in a file name is shown, not taken as a mnemonic. */
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  expected = g_strdup_printf ("ward__3.db — %s", dir);
  g_assert_cmpstr (label, ==, expected);
  g_assert_true (g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &target));
  g_assert_cmpstr (target, ==, "app.open-recent");
  g_clear_pointer (&target, g_free);

  /* The list page's main menu offers it. */
  g_assert_nonnull (pc_test_ui_find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

  /* Choosing the first item opens that database's window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                  g_variant_new_string (first));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_cmpstr (pc_store_get_path (pc_window_get_store (PC_WINDOW (window))), ==, first);

  /* A database that has gone is taken off the list, with a dialog that
   * says so, and nothing is created in its place. */
  pc_test_remove_tree (dir);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent",
                                  g_variant_new_string (first));
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  recent = g_settings_get_strv (settings, "recent-databases");
  g_assert_false (g_strv_contains ((const char * const *) recent, first));
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  g_assert_nonnull (pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  pc_test_ui_destroy_toplevels ();
}

/* The first start asks for a name and role; after that, never again. */
static void
test_identity_asked_once (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *path = new_database ();
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  GtkWindow *dialog;
  GtkWidget *name_row;
  GtkWidget *role_row;

  g_settings_set_string (settings, "last-database", path);
  g_application_activate (G_APPLICATION (app));

  dialog = pc_test_ui_find_toplevel (PC_TYPE_IDENTITY_DIALOG);
  g_assert_nonnull (dialog);
  name_row = pc_test_ui_get_by_id (GTK_WIDGET (dialog), "name_row");
  role_row = pc_test_ui_get_by_id (GTK_WIDGET (dialog), "role_row");
  gtk_test_accessible_assert_property (name_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Your name");

  /* "Continue" waits for a name. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), " Ayşe Demir ");
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Ward manager");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  name = saved_string ("user-name");
  role = saved_string ("user-role");
  g_assert_cmpstr (name, ==, "Ayşe Demir");
  g_assert_cmpstr (role, ==, "Ward manager");
  g_assert_true (g_settings_get_boolean (settings, "identity-asked"));
  pc_test_ui_destroy_toplevels ();

  /* The next start, even with the name cleared, does not ask. */
  g_settings_reset (settings, "user-name");
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (pc_test_ui_find_toplevel (PC_TYPE_WINDOW));
  g_assert_null (pc_test_ui_find_toplevel (PC_TYPE_IDENTITY_DIALOG));
  pc_test_ui_destroy_toplevels ();

  /* "Not Now" counts as asked, and keeps nothing. */
  g_settings_reset (settings, "identity-asked");
  g_application_activate (G_APPLICATION (app));
  dialog = pc_test_ui_find_toplevel (PC_TYPE_IDENTITY_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (pc_test_ui_get_by_id (GTK_WIDGET (dialog), "name_row")),
                         "Someone Else");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_clear_pointer (&name, g_free);
  name = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (name, ==, "");
  g_assert_true (g_settings_get_boolean (settings, "identity-asked"));
  pc_test_ui_destroy_toplevels ();
}

/* Preferences edits the same settings, both ways, and what it holds is
 * what the history records and what the sign dialog starts with. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *path = new_database ();
  g_autofree char *name = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) assessment = NULL;
  PcPreferencesWindow *prefs;
  PcSignDialog *sign;
  GtkWidget *name_row;
  GtkWidget *role_row;
  GtkWindow *window;
  PcStore *store;
  gint64 id;

  g_settings_set_boolean (settings, "identity-asked", TRUE);
  window = pc_application_open_database (app, path);
  store = pc_window_get_store (PC_WINDOW (window));

  prefs = pc_preferences_window_new (window, settings);
  gtk_window_present (GTK_WINDOW (prefs));
  name_row = pc_test_ui_get_by_id (GTK_WIDGET (prefs), "name_row");
  role_row = pc_test_ui_get_by_id (GTK_WIDGET (prefs), "role_row");
  gtk_test_accessible_assert_property (name_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Your name");
  gtk_test_accessible_assert_property (role_row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Your role");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Grace Mensah");
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Clinical governance lead");
  name = saved_string ("user-name");
  g_assert_cmpstr (name, ==, "Grace Mensah");
  g_assert_cmpstr (pc_store_get_actor (store), ==, "Grace Mensah (Clinical governance lead)");

  /* A change made elsewhere shows in the open window. */
  g_settings_set_string (settings, "user-role", "Matron");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role_row)), ==, "Matron");

  /* The audit trail records the change under that name. */
  id = pc_test_create_assessment (store, "Ward 3 night staffing", "Grace Mensah");
  {
    g_autoptr(GPtrArray) audit = pc_store_history (store, id, NULL);

    g_assert_nonnull (audit);
    g_assert_cmpuint (audit->len, >, 0);
    g_assert_cmpstr (((PcAuditEntry *) audit->pdata[0])->actor, ==, "Grace Mensah (Matron)");
  }

  /* Clearing the recent databases empties File → Recent. */
  g_signal_emit_by_name (pc_test_ui_get_by_id (GTK_WIDGET (prefs), "clear_button"), "clicked");
  g_assert_cmpint (g_menu_model_get_n_items (pc_application_get_recent_menu (app)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The sign dialog starts with the name and role filled in. */
  assessment = pc_store_load_assessment_by_id (store, id, NULL);
  g_assert_nonnull (assessment);
  sign = pc_sign_dialog_new (window, store, assessment, checklist, PC_MEANING_PREPARED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pc_test_ui_get_by_id (GTK_WIDGET (sign), "name_row"))),
                   ==, "Grace Mensah");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pc_test_ui_get_by_id (GTK_WIDGET (sign), "role_row"))),
                   ==, "Matron");
  gtk_window_destroy (GTK_WINDOW (sign));

  pc_test_ui_destroy_toplevels ();
}

/* A database named that is not there (a typo after --db?) is created
 * only when the user says so; "New Database…" creates without asking,
 * and never empties a file that is there. */
static void
test_create_asks (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *typo = g_build_filename (dir, "asessments.db", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  GtkWindow *window;

  g_assert_null (pc_application_open_database (app, typo));
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Create a New Database?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), typo));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  pc_test_ui_destroy_toplevels ();
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
  g_assert_null (pc_test_ui_find_toplevel (PC_TYPE_WINDOW));

  g_assert_null (pc_application_open_database (app, typo));
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  window = pc_test_ui_find_toplevel (PC_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_cmpstr (pc_store_get_path (pc_window_get_store (PC_WINDOW (window))), ==, typo);
  g_assert_true (g_file_test (typo, G_FILE_TEST_IS_REGULAR));
  pc_test_ui_destroy_toplevels ();

  /* A file that is there and is no database is refused, unchanged. */
  g_assert_true (g_file_set_contents (other, "Meeting notes", -1, NULL));
  g_assert_null (pc_application_create_database (app, other));
  dialog = pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Cannot Open the Database");
  g_assert_true (g_file_get_contents (other, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Meeting notes");
  pc_test_ui_destroy_toplevels ();
}

/* A GtkLabel under @widget that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The pages do not know the window they sit in, yet their toasts show
 * over it, and "New Database…" reaches the application: both go through
 * actions. */
static void
test_pages_reach_window (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  g_autoptr(PcApplication) app = started_app (settings);
  g_autofree char *path = new_database ();
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *second = g_build_filename (dir, "division.db", NULL);
  GtkWindow *window;
  GtkWidget *page;
  GtkWindow *other = NULL;

  window = pc_application_open_database (app, path);
  g_assert_nonnull (window);
  page = pc_test_ui_get_by_id (GTK_WIDGET (window), "list_page");

  g_assert_null (find_label (GTK_WIDGET (window), "Exported to minutes.pdf"));
  pc_ui_toast (page, "Exported to minutes.pdf");
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Exported to minutes.pdf"));

  g_assert_true (gtk_widget_activate_action_variant (page, "app.create-database",
                                                     g_variant_new_bytestring (second)));
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PC_IS_WINDOW (l->data)
        && g_strcmp0 (pc_store_get_path (pc_window_get_store (l->data)), second) == 0)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_true (other != window);

  pc_test_ui_destroy_toplevels ();
}

static void
test_new_destroy (void)
{
  g_autoptr(GSettings) settings = fresh_settings ();
  GtkWidget *prefs = GTK_WIDGET (pc_preferences_window_new (NULL, settings));
  GtkWidget *identity = GTK_WIDGET (pc_identity_dialog_new (NULL, settings));

  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (identity));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The default database lives in a folder of the test's own. */
  data_home = pc_test_ui_init_isolated (&argc, &argv);
  if (data_home == NULL)
    return 0;

  g_test_add_func ("/pc/ui/settings/new-destroy", test_new_destroy);
  g_test_add_func ("/pc/ui/settings/recent-list", test_recent_list);
  g_test_add_func ("/pc/ui/settings/actor", test_actor);
  g_test_add_func ("/pc/ui/settings/window-size-round-trip", test_window_size_round_trip);
  g_test_add_func ("/pc/ui/settings/last-database", test_last_database);
  g_test_add_func ("/pc/ui/settings/recent-menu", test_recent_menu);
  g_test_add_func ("/pc/ui/settings/identity-asked-once", test_identity_asked_once);
  g_test_add_func ("/pc/ui/settings/preferences", test_preferences);
  g_test_add_func ("/pc/ui/settings/create-asks", test_create_asks);
  g_test_add_func ("/pc/ui/settings/pages-reach-window", test_pages_reach_window);

  status = g_test_run ();
  pc_test_remove_tree (data_home);
  return status;
}
