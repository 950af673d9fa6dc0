/* pc-session-follow.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-session-follow.h"

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
