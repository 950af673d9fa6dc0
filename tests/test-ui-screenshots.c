/* test-ui-screenshots.c: pictures of the main screens, light and dark, for the README
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pc-assessment-view.h"
#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-demo.h"
#include "pc-list-page.h"
#include "pc-store.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-window.h"

/* The window's size in the pictures: its default size. */
#define WIDTH 1100
#define HEIGHT 780

/* A prompt of the half-done demo draft rated "Partly met", with an
 * attachment and an overdue action. */
#define PARTLY_MET_PROMPT "accessible-flexible-recovery-inclusive-2"

/* A PNG of a screen with something on it is far larger than this. */
#define MIN_PNG_SIZE (10 * 1024)

typedef struct
{
  PcStore     *store;
  PcChecklist *checklist;
  PcWindow    *window;
  char        *dir;
} Shots;

static PcAssessmentView *
window_view (Shots *s)
{
  return pc_window_get_assessment_view (s->window);
}

/* The id of the latest revision of the assessment whose title starts
 * with @title_prefix, in @state. */
static gint64
find_assessment (Shots      *s,
                 const char *title_prefix,
                 PcState     state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pc_store_list (s->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (!item->imported && item->state == state && g_str_has_prefix (item->title, title_prefix))
        return item->id;
    }

  g_error ("The demo has no “%s…” in state %d", title_prefix, state);
}

/* TRUE when every pixel of @texture is the same. */
static gboolean
is_one_colour (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guint32 *pixels = g_malloc (stride * height);

  gdk_texture_download (texture, (guchar *) pixels, stride);
  for (gsize i = 1; i < (gsize) width * height; i++)
    if (pixels[i] != pixels[0])
      return FALSE;

  return TRUE;
}

/* Draws the window as it is now and writes it to <dir>/<name>.png. */
static void
save (Shots      *s,
      const char *name)
{
  GtkWidget *widget = GTK_WIDGET (s->window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (s->dir, file, NULL);
  g_autofree char *contents = NULL;
  GtkSnapshot *snapshot;
  gsize length = 0;
  int width;
  int height;

  /* Whatever the last step set going (a scroll, a list filling) has
   * run and been drawn. */
  pc_test_ui_wait_settled (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  /* The window's frame takes a few pixels of its default size. */
  g_assert_cmpint (width, >=, WIDTH - 40);
  g_assert_cmpint (height, >=, HEIGHT - 40);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The screen was drawn: not one flat colour. */
  g_assert_false (is_one_colour (texture));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, MIN_PNG_SIZE);
  g_test_message ("Wrote %s (%" G_GSIZE_FORMAT " bytes)", path, length);
}

/* Opens @id in the window as a click on its row in the list would, at
 * @page (NULL: the overview). */
static void
open_assessment (Shots      *s,
                 gint64      id,
                 const char *page)
{
  GtkWidget *list = pc_test_ui_find_descendant (GTK_WIDGET (s->window), PC_TYPE_LIST_PAGE);
  PcAssessmentView *view = window_view (s);

  g_signal_emit_by_name (list, "open-assessment", id, FALSE);
  g_assert_nonnull (pc_assessment_view_get_assessment (view));
  g_assert_cmpint (pc_assessment_view_get_assessment (view)->id, ==, id);
  if (page != NULL)
    pc_assessment_view_show_page (view, page);
  g_assert_cmpstr (pc_assessment_view_get_page (view), ==, page != NULL ? page : "overview");
}

/* The scrolled window of the page the view shows. */
static GtkScrolledWindow *
visible_scrolled_window (Shots *s)
{
  GtkWidget *stack = pc_test_ui_find_content_stack (GTK_WIDGET (window_view (s)));
  GtkWidget *scrolled;

  g_assert_nonnull (stack);
  scrolled = pc_test_ui_find_descendant (gtk_stack_get_visible_child (GTK_STACK (stack)),
                                         GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  return GTK_SCROLLED_WINDOW (scrolled);
}

/* Waits until @scrolled has been laid out: until then it cannot scroll.
 * A page just shown is laid out in the next frame, which may not come
 * before something asks for one, so ask. */
static gboolean
laid_out (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > 0;
}

static void
wait_for_layout (GtkScrolledWindow *scrolled)
{
  pc_test_ui_wait_drawn_until (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (scrolled))), laid_out,
                               gtk_scrolled_window_get_vadjustment (scrolled),
                               "the page to be laid out");
}

static void
back_to_list (Shots *s)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window_view (s)), "view.back", NULL));
}

static void
take_all (Shots      *s,
          const char *scheme)
{
  const PcPrinciple *principle_shown = NULL;
  g_autofree char *principle_page = NULL;
  g_autofree char *list = g_strconcat ("list-", scheme, NULL);
  g_autofree char *principle = g_strconcat ("principle-", scheme, NULL);
  g_autofree char *review = g_strconcat ("review-", scheme, NULL);
  g_autofree char *approved = g_strconcat ("approved-", scheme, NULL);
  g_autofree char *approved_overview = g_strconcat ("approved-overview-", scheme, NULL);

  save (s, list);

  /* A draft half done: a prompt partly met, with its evidence, an
   * attachment, an overdue action and the findings about it. */
  g_assert_nonnull (pc_checklist_find_prompt (s->checklist, PARTLY_MET_PROMPT, &principle_shown));
  principle_page = g_strconcat ("principle:", principle_shown->id, NULL);
  open_assessment (s, find_assessment (s, "Memory assessment pathway", PC_STATE_DRAFT),
                   principle_page);
  /* A page built just now cannot scroll before it is laid out. */
  wait_for_layout (visible_scrolled_window (s));
  pc_assessment_view_show_prompt (window_view (s), PARTLY_MET_PROMPT);
  save (s, principle);
  back_to_list (s);

  /* An assessment waiting for its reviewer. */
  open_assessment (s, find_assessment (s, "Bridge", PC_STATE_IN_REVIEW), "review");
  save (s, review);
  back_to_list (s);

  /* An approved one: its sign-offs, and its overview. */
  open_assessment (s, find_assessment (s, "Enfield Crisis Café", PC_STATE_APPROVED), "review");
  save (s, approved);
  pc_assessment_view_show_page (window_view (s), "overview");
  save (s, approved_overview);
  back_to_list (s);
}

static void
test_screenshots (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *keys_dir = pc_test_make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  Shots shots = { 0 };
  Shots *s = &shots;

  s->dir = g_build_filename (g_test_get_dir (G_TEST_BUILT), "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (s->dir, 0755), ==, 0);

  s->store = pc_test_open_store (path);
  s->checklist = pc_test_default_checklist ();
  g_assert_cmpuint (pc_demo_fill (s->store, s->checklist, keys_dir, NULL, &error), >, 0);
  g_assert_no_error (error);

  s->window = pc_window_new (NULL, s->store);
  gtk_window_set_default_size (GTK_WINDOW (s->window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (s->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (s->window));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  take_all (s, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  take_all (s, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (s->window));
  g_clear_pointer (&s->checklist, pc_checklist_unref);
  g_clear_object (&s->store);
  g_free (s->dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  int status;

  /* Keys, remembered places and settings stay out of the user's folders. */
  home = pc_test_ui_init_isolated (&argc, &argv);
  if (home == NULL)
    return 0;

  /* Pictures show widgets at rest, not halfway through an animation. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The application loads its style sheet from its resource base path;
   * without an application the test adds it as the application would. */
  css = pc_test_ui_load_style ();

  g_test_add_func ("/pc/ui/screenshots/light-and-dark", test_screenshots);

  status = g_test_run ();
  pc_test_remove_tree (home);
  return status;
}
