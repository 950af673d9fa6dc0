/* pc-page-common.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-page-common.h"

#include "pc-checklist.h"
#include "pc-store.h"
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

void
pc_page_hold_assessment (PcStore             **store_slot,
                         PcChecklist         **checklist_slot,
                         const PcAssessment  **assessment_slot,
                         PcStore              *store,
                         PcChecklist          *checklist,
                         const PcAssessment   *assessment)
{
  g_return_if_fail (store == NULL || PC_IS_STORE (store));

  g_set_object (store_slot, store);
  if (*checklist_slot != checklist)
    {
      g_clear_pointer (checklist_slot, pc_checklist_unref);
      *checklist_slot = checklist != NULL ? pc_checklist_ref (checklist) : NULL;
    }
  *assessment_slot = assessment;
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
