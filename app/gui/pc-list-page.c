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

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, pc_list_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  pc_list_row_set_item (PC_LIST_ROW (gtk_list_item_get_child (list_item)),
                        gtk_list_item_get_item (list_item));
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
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_stack (self);
}
