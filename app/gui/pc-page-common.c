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
run_update (GtkWidget *page,
            GCallback  update)
{
  ((void (*) (GtkWidget *)) update) (page);
}

/* Runs what waits for @page to be shown, if anything does. */
static void
update_if_waiting (GtkWidget *page)
{
  Waiting *waiting;
  GCallback update;

  waiting = g_object_steal_data (G_OBJECT (page), WAITING_KEY);
  if (waiting == NULL)
    return;
  update = waiting->update;
  g_free (waiting);
  run_update (page, update);
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
      run_update (page, update);
      return;
    }

  if (g_signal_handler_find (page, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, update_if_waiting, NULL) == 0)
    g_signal_connect (page, "map", G_CALLBACK (update_if_waiting), NULL);
  waiting = g_new (Waiting, 1);
  waiting->update = update;
  g_object_set_data_full (G_OBJECT (page), WAITING_KEY, waiting, g_free);
}

void
pc_page_follow_session (GtkWidget               *page,
                        PcAssessmentSession    **slot,
                        PcAssessmentSession     *session,
                        const PcSessionHandler  *handlers,
                        guint                    n_handlers,
                        GCallback                update)
{
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (update != NULL);

  if (pc_session_follow (page, slot, session, handlers, n_handlers))
    run_update (page, update);
  else
    update_if_waiting (page);
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
