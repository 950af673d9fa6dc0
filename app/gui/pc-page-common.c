/* pc-page-common.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-page-common.h"

#include "pc-vocab.h"

gboolean
pc_session_follow (gpointer                 follower,
                   PcAssessmentSession    **slot,
                   PcAssessmentSession     *session,
                   const PcSessionHandler  *handlers,
                   guint                    n_handlers)
{
  g_return_val_if_fail (G_IS_OBJECT (follower), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (session == NULL || PC_IS_ASSESSMENT_SESSION (session), FALSE);

  if (*slot == session)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, follower);
  g_set_object (slot, session);
  for (guint i = 0; session != NULL && i < n_handlers; i++)
    g_signal_connect_object (session, handlers[i].signal, handlers[i].callback, follower,
                             G_CONNECT_SWAPPED);

  return TRUE;
}

/* What a hidden page is to do when it is shown (object data). */
typedef struct
{
  GCallback update;
} Waiting;

#define WAITING_KEY "pc-page-waiting"

static void
shown_cb (GtkWidget *page)
{
  pc_page_update_if_waiting (page);
}

void
pc_page_update_when_shown (GtkWidget *page,
                           GCallback  update)
{
  Waiting *waiting;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (update != NULL);

  if (gtk_widget_get_mapped (page))
    {
      g_object_set_data (G_OBJECT (page), WAITING_KEY, NULL);
      ((void (*) (GtkWidget *)) update) (page);
      return;
    }

  if (g_signal_handler_find (page, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, shown_cb, NULL) == 0)
    g_signal_connect (page, "map", G_CALLBACK (shown_cb), NULL);
  waiting = g_new (Waiting, 1);
  waiting->update = update;
  g_object_set_data_full (G_OBJECT (page), WAITING_KEY, waiting, g_free);
}

void
pc_page_update_if_waiting (GtkWidget *page)
{
  Waiting *waiting;
  GCallback update;

  g_return_if_fail (GTK_IS_WIDGET (page));

  waiting = g_object_steal_data (G_OBJECT (page), WAITING_KEY);
  if (waiting == NULL)
    return;
  update = waiting->update;
  g_free (waiting);
  ((void (*) (GtkWidget *)) update) (page);
}

void
pc_list_box_remove_all (GtkListBox *list,
                        GtkWidget  *keep)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  child = gtk_widget_get_first_child (GTK_WIDGET (list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != keep)
        gtk_list_box_remove (list, child);
      child = next;
    }
}

void
pc_widget_set_state_style (GtkWidget  *widget,
                           const char *style)
{
  for (const char * const *id = pc_vocab_ids (PC_VOCAB_STATE); *id != NULL; id++)
    gtk_widget_remove_css_class (widget, *id);
  gtk_widget_remove_css_class (widget, "altered");
  gtk_widget_add_css_class (widget, style);
}
