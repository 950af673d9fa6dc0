/* pc-list-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-list-page"

#include "config.h"

#include "pc-list-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment-item.h"
#include "pc-list-row.h"
#include "pc-store.h"
#include "pc-vocab.h"

struct _PcListPage
{
  GtkWidget           parent_instance;

  /* Owned */
  PcStore            *store;
  GListStore         *items;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *search;      /* case-folded, or NULL */
  gboolean            loading;     /* the store's list not read yet */
  GdkFrameClock      *paint_clock;  /* waiting for its first paint */
  guint               load_source;

  /* Template widgets */
  AdwHeaderBar       *header_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *state_filter;
  GtkDropDown        *division_filter;
  GtkStack           *stack;
  GtkListView        *list_view;
  GMenu              *database_section;
  AdwWindowTitle     *window_title;
};

G_DEFINE_FINAL_TYPE (PcListPage, pc_list_page, GTK_TYPE_WIDGET)

enum {
  OPEN_ASSESSMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
item_matches (gpointer object,
              gpointer user_data)
{
  PcListPage *self = user_data;
  PcAssessmentItem *item = object;
  const PcListItem *data = pc_assessment_item_get_data (item);
  guint state_index = gtk_drop_down_get_selected (self->state_filter);
  guint division_index = gtk_drop_down_get_selected (self->division_filter);

  if (state_index != GTK_INVALID_LIST_POSITION && state_index > 0
      && data->state != pc_vocab_choice (PC_VOCAB_STATE, state_index - 1))
    return FALSE;

  if (division_index != GTK_INVALID_LIST_POSITION && division_index > 0
      && g_strcmp0 (data->division, pc_vocab_ids (PC_VOCAB_DIVISION)[division_index - 1]) != 0)
    return FALSE;

  if (self->search != NULL
      && strstr (pc_assessment_item_get_haystack (item), self->search) == NULL)
    return FALSE;

  return TRUE;
}

static void
update_stack (PcListPage *self)
{
  guint total = self->items != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->items)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (self->loading)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), total > 0);
}

/* How a new search text relates to the last (another one): typing on
 * only narrows what is shown (the filter then looks only at the rows
 * shown), deleting only widens it. */
static GtkFilterChange
search_change (const char *before,
               const char *after)
{
  if (before == NULL || (after != NULL && strstr (after, before) != NULL))
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (after == NULL || strstr (before, after) != NULL)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
search_changed_cb (PcListPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *search = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  GtkFilterChange change;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  change = search_change (self->search, search);
  g_free (self->search);
  self->search = g_steal_pointer (&search);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_stack (self);
}

static void
filter_changed_cb (PcListPage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
row_activated_cb (PcListPage *self,
                  guint       position)
{
  g_autoptr(PcAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  const PcListItem *data;

  if (item == NULL)
    return;

  data = pc_assessment_item_get_data (item);
  g_signal_emit (self, signals[OPEN_ASSESSMENT], 0, data->id, data->imported);
}

/* The rows' places. GTK 4.8's list view keeps a row widget for an item
 * while the item stays in the list, and makes new widgets for new items:
 * a search that changes what is shown would destroy and make some 200
 * rows. The list view is given one stand-in object per position
 * instead, so the row at each place is kept, and a row shows the
 * assessment at its position in the filtered list (bind_row_cb). */

#define PC_TYPE_LIST_PLACES (pc_list_places_get_type ())
G_DECLARE_FINAL_TYPE (PcListPlaces, pc_list_places, PC, LIST_PLACES, GObject)

struct _PcListPlaces
{
  GObject     parent_instance;

  GListModel *model;    /* the filtered list */
  GPtrArray  *places;   /* a GObject per position, made when first asked for */
};

static GType
places_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
places_get_n_items (GListModel *list)
{
  return PC_LIST_PLACES (list)->places->len;
}

static gpointer
places_get_item (GListModel *list,
                 guint       position)
{
  PcListPlaces *self = PC_LIST_PLACES (list);

  if (position >= self->places->len)
    return NULL;
  if (g_ptr_array_index (self->places, position) == NULL)
    g_ptr_array_index (self->places, position) = g_object_new (G_TYPE_OBJECT, NULL);

  return g_object_ref (g_ptr_array_index (self->places, position));
}

static void
places_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = places_get_item_type;
  iface->get_n_items = places_get_n_items;
  iface->get_item = places_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PcListPlaces, pc_list_places, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, places_list_model_init))

static void
clear_place (gpointer place)
{
  if (place != NULL)
    g_object_unref (place);
}

/* Every place from the first changed on shows another assessment now:
 * the list view keeps the rows of those it still has, and binds them. */
static void
places_model_changed_cb (GListModel   *model,
                         guint         position,
                         guint         removed,
                         guint         added,
                         PcListPlaces *self)
{
  guint before = self->places->len;
  guint after = g_list_model_get_n_items (model);

  g_ptr_array_set_size (self->places, after);
  g_list_model_items_changed (G_LIST_MODEL (self), position, before - position, after - position);

  /* The list view looked at every place but keeps only those of its
   * rows: let the others go (one would be made again when asked for). */
  for (guint i = position; i < after; i++)
    {
      GObject *place = g_ptr_array_index (self->places, i);

      if (place != NULL && place->ref_count == 1)
        g_clear_object (&g_ptr_array_index (self->places, i));
    }
}

static void
pc_list_places_finalize (GObject *object)
{
  PcListPlaces *self = PC_LIST_PLACES (object);

  g_signal_handlers_disconnect_by_func (self->model, places_model_changed_cb, self);
  g_clear_object (&self->model);
  g_ptr_array_unref (self->places);

  G_OBJECT_CLASS (pc_list_places_parent_class)->finalize (object);
}

static void
pc_list_places_class_init (PcListPlacesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_list_places_finalize;
}

static void
pc_list_places_init (PcListPlaces *self)
{
  self->places = g_ptr_array_new_with_free_func (clear_place);
}

static GListModel *
pc_list_places_new (GListModel *model)
{
  PcListPlaces *self = g_object_new (PC_TYPE_LIST_PLACES, NULL);

  self->model = g_object_ref (model);
  g_ptr_array_set_size (self->places, g_list_model_get_n_items (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (places_model_changed_cb), self);

  return G_LIST_MODEL (self);
}

/* Rows */

/* Shows the assessment at @list_item's position (GTK binds a kept row
 * again, or only moves it). */
static void
show_position (GtkListItem *list_item,
               PcListPage  *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  guint position = gtk_list_item_get_position (list_item);
  g_autoptr(PcAssessmentItem) item = NULL;

  if (row == NULL || position == GTK_INVALID_LIST_POSITION || self->filtered == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item != NULL)
    pc_list_row_set_item (PC_LIST_ROW (row), item);
}

static void
position_changed_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     PcListPage  *self)
{
  show_position (list_item, self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PcListPage               *self)
{
  gtk_list_item_set_child (list_item, pc_list_row_new ());
  g_signal_connect_object (list_item, "notify::position", G_CALLBACK (position_changed_cb), self, 0);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PcListPage               *self)
{
  show_position (list_item, self);
}

/* With two databases open, their windows differ by this. */
static void
update_title (PcListPage *self)
{
  g_autofree char *name = NULL;

  if (self->store != NULL)
    name = g_filename_display_basename (pc_store_get_path (self->store));
  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
}

/* Loading once the first frame is on screen */

static gboolean
load_idle_cb (gpointer data)
{
  PcListPage *self = data;

  self->load_source = 0;
  pc_list_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                PcListPage    *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_clear_object (&self->paint_clock);
  self->load_source = g_idle_add (load_idle_cb, self);
}

static void
mapped_cb (PcListPage *self)
{
  g_signal_handlers_disconnect_by_func (self, mapped_cb, NULL);
  self->paint_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  g_signal_connect (self->paint_clock, "after-paint", G_CALLBACK (first_paint_cb), self);
}

static void
cancel_load (PcListPage *self)
{
  g_signal_handlers_disconnect_by_func (self, mapped_cb, NULL);
  if (self->paint_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->paint_clock, first_paint_cb, self);
  g_clear_object (&self->paint_clock);
  g_clear_handle_id (&self->load_source, g_source_remove);
}

/* Public */

void
pc_list_page_reload (PcListPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) items = NULL;

  g_return_if_fail (PC_IS_LIST_PAGE (self));

  if (self->store == NULL)
    return;

  cancel_load (self);
  self->loading = FALSE;

  items = pc_assessment_item_load_all (self->store, &error);
  if (items == NULL)
    {
      g_warning ("Could not list the assessments: %s", error->message);
      return;
    }

  g_set_object (&self->items, items);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->items));
  update_stack (self);
}

void
pc_list_page_set_store (PcListPage *self,
                        PcStore    *store)
{
  g_return_if_fail (PC_IS_LIST_PAGE (self));
  g_return_if_fail (store == NULL || PC_IS_STORE (store));

  if (g_set_object (&self->store, store))
    {
      update_title (self);
      pc_list_page_reload (self);
    }
}

void
pc_list_page_set_store_when_shown (PcListPage *self,
                                   PcStore    *store)
{
  g_return_if_fail (PC_IS_LIST_PAGE (self));
  g_return_if_fail (PC_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  update_title (self);
  self->loading = TRUE;
  update_stack (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mapped_cb (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

guint
pc_list_page_get_n_shown (PcListPage *self)
{
  g_return_val_if_fail (PC_IS_LIST_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

const char *
pc_list_page_get_shown (PcListPage *self)
{
  g_return_val_if_fail (PC_IS_LIST_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
pc_list_page_set_search (PcListPage *self,
                         const char *text)
{
  g_return_if_fail (PC_IS_LIST_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* search-changed is delayed; apply at once. */
  search_changed_cb (self);
}

void
pc_list_page_set_recent_menu (PcListPage *self,
                              GMenuModel *recent)
{
  g_return_if_fail (PC_IS_LIST_PAGE (self));
  g_return_if_fail (G_IS_MENU_MODEL (recent));

  g_menu_append_submenu (self->database_section, _("Open _Recent"), recent);
}

/* GObject */

static void
pc_list_page_dispose (GObject *object)
{
  PcListPage *self = (PcListPage *) object;

  GtkWidget *child;

  cancel_load (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_LIST_PAGE);
  /* Children the template does not bind are still ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pc_list_page_parent_class)->dispose (object);
}

static void
pc_list_page_finalize (GObject *object)
{
  PcListPage *self = (PcListPage *) object;

  g_free (self->search);

  G_OBJECT_CLASS (pc_list_page_parent_class)->finalize (object);
}

static void
pc_list_page_class_init (PcListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_list_page_dispose;
  object_class->finalize = pc_list_page_finalize;

  /* PcListPage::open-assessment: (id, imported) of the row activated. */
  signals[OPEN_ASSESSMENT] = g_signal_new ("open-assessment", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcListPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, division_filter);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, database_section);
  gtk_widget_class_bind_template_child (widget_class, PcListPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
pc_list_page_init (PcListPage *self)
{
  g_autofree const char **state_labels = pc_vocab_choice_labels (PC_VOCAB_STATE);
  g_autofree const char **division_labels = pc_vocab_choice_labels (PC_VOCAB_DIVISION);
  g_autoptr(GtkStringList) states = gtk_string_list_new (state_labels);
  g_autoptr(GtkStringList) divisions = gtk_string_list_new (division_labels);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Every state and every division, after "All states" and "All divisions". */
  gtk_string_list_splice (states, 0, 0, (const char * const[]) { _("All states"), NULL });
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));

  gtk_string_list_splice (divisions, 0, 0, (const char * const[]) { _("All divisions"), NULL });
  gtk_drop_down_set_model (self->division_filter, G_LIST_MODEL (divisions));

  self->filter = gtk_custom_filter_new (item_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (pc_list_places_new (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_stack (self);
}
