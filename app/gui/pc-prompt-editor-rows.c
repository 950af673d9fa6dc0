/* pc-prompt-editor-rows.c: what the prompt editor's parts share: the
 * assessment shown, a refused change, the rows of its lists
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-prompt-editor"

#include "config.h"

#include "pc-prompt-editor-private.h"

#include <glib/gi18n.h>

#include "pc-ui.h"

const PcAssessment *
_pc_prompt_editor_get_assessment (PcPromptEditor *self)
{
  return pc_assessment_session_get_assessment (self->session);
}

/* A change written at once that the store refused. */
void
_pc_prompt_editor_report_failure (PcPromptEditor *self,
                                  const GError   *error)
{
  pc_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
}

/* Rows, shared by attachments and actions */

GtkWidget *
_pc_prompt_editor_new_icon_button (const char *icon_name,
                                   const char *tooltip,
                                   const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return button;
}

/* TRUE when @ids holds exactly @n_ids ids, in @ids' order. */
gboolean
_pc_prompt_editor_same_ids (GArray       *shown,
                            const gint64 *ids,
                            guint         n_ids)
{
  if (shown->len != n_ids)
    return FALSE;
  for (guint i = 0; i < n_ids; i++)
    if (g_array_index (shown, gint64, i) != ids[i])
      return FALSE;
  return TRUE;
}
