/* pc-test-ui.c: widget helpers shared by the UI tests
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-test-ui.h"

#include "pc-test-utils.h"

#include <adwaita.h>
#include <locale.h>

GtkWidget *
pc_test_ui_find_descendant (GtkWidget *widget,
                            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pc_test_ui_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
pc_test_ui_find_by_id (GtkWidget  *widget,
                       const char *id)
{
  if (GTK_IS_BUILDABLE (widget)
      && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pc_test_ui_find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
pc_test_ui_get_by_id (GtkWidget  *widget,
                      const char *id)
{
  GtkWidget *found = pc_test_ui_find_by_id (widget, id);

  if (found == NULL)
    g_error ("No widget “%s” under %s", id, G_OBJECT_TYPE_NAME (widget));

  return found;
}

GtkWidget *
pc_test_ui_find_content_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "overview") != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pc_test_ui_find_content_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
pc_test_ui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

static gboolean
no_toplevel_of (gpointer type)
{
  return pc_test_ui_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

void
pc_test_ui_wait_for_no_toplevel (GType       type,
                                 const char *what)
{
  pc_test_wait_until (no_toplevel_of, GSIZE_TO_POINTER (type), what);
}

void
pc_test_ui_wait_settled (GtkWidget *widget)
{
  pc_test_wait_idle ();
  gtk_test_widget_wait_for_draw (widget);
}

void
pc_test_ui_wait_drawn_until (GtkWidget  *widget,
                             PcTestCondition condition,
                             gpointer    data,
                             const char *what)
{
  gint64 deadline = pc_test_hung_deadline ();

  /* A frame comes only when something asks for one: ask each time. */
  while (!condition (data))
    {
      pc_test_assert_not_hung (deadline, what);
      gtk_test_widget_wait_for_draw (widget);
    }
}

void
pc_test_ui_destroy_toplevels (void)
{
  GtkWindow *window;

  while ((window = pc_test_ui_find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
}

GtkCssProvider *
pc_test_ui_load_style (void)
{
  GtkCssProvider *css = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (css, "/uk/nhs/beh/PrincipleCheck/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  return css;
}

char *
pc_test_ui_init_isolated (int    *argc,
                          char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("pc-test-ui-XXXXXX", NULL);
  const char *dirs[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_STATE_HOME", "state" },
    { "XDG_CONFIG_HOME", "config" },
  };

  g_assert_nonnull (home);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_setenv (dirs[i][0], dir, TRUE);
    }

  if (!pc_test_ui_init (argc, argv))
    {
      pc_test_remove_tree (home);
      return NULL;
    }

  return g_steal_pointer (&home);
}

gboolean
pc_test_ui_init (int    *argc,
                 char ***argv)
{
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display available\n");
      return FALSE;
    }
  adw_init ();

  return TRUE;
}

void
pc_test_ui_maybe_screenshot (GtkWidget  *widget,
                             const char *name)
{
  const char *dir = g_getenv ("PC_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = 0;
  int height = 0;

  if (dir == NULL)
    return;

  /* Let scrolling and layout settle. */
  for (guint i = 0; i < 5; i++)
    gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  /* A frame may still be pending after a change: try a few. */
  for (guint i = 0; i < 20 && node == NULL; i++)
    {
      gtk_test_widget_wait_for_draw (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  if (node == NULL)
    {
      g_test_message ("Nothing drawn for %s (%dx%d, mapped %d)", name, width, height,
                      gtk_widget_get_mapped (widget));
      return;
    }
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
