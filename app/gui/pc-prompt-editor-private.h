/* pc-prompt-editor-private.h: what the prompt editor's files share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-assessment-session.h"
#include "pc-page-common.h"
#include "pc-prompt-editor.h"
#include "pc-types.h"

G_BEGIN_DECLS

/* One action field typed but not written yet. */
struct _PcPromptEditor
{
  GtkWidget           parent_instance;

  /* Owned */
  PcAssessmentSession *session;
  char               *prompt_id;
  GArray             *shown_attachments; /* gint64 ids, in the order shown */
  GArray             *shown_actions;    /* gint64 ids, in the order shown */

  PcRating            rating;
  gboolean            editable;
  gboolean            updating;

  /* Template widgets */
  GtkLabel           *question_label;
  GtkExpander        *guidance_expander;
  GtkLabel           *guidance_label;
  GtkLabel           *refs_label;
  GtkBox             *rating_box;
  GtkToggleButton    *met_button;
  GtkToggleButton    *partly_met_button;
  GtkToggleButton    *not_met_button;
  GtkToggleButton    *not_applicable_button;
  GtkBox             *findings_box;
  GtkTextView        *evidence_view;
  GtkBox             *justification_box;
  GtkTextView        *justification_view;
  GtkWidget          *attachments_header;
  GtkButton          *add_attachment_button;
  GtkListBox         *attachments_list;
  GtkListBox         *actions_list;
  AdwEntryRow        *new_action_row;
  GtkWidget          *actions_heading;
};

/* pc-prompt-editor.c */
/* The assessment as the session holds it now. */
const PcAssessment *_pc_prompt_editor_get_assessment (PcPromptEditor *self);
/* Shows a change written at once that the store refused. */
void        _pc_prompt_editor_report_failure         (PcPromptEditor *self,
                                                      const GError   *error);
GtkWidget  *_pc_prompt_editor_new_icon_button        (const char     *icon_name,
                                                      const char     *tooltip,
                                                      const char     *accessible_label);
/* TRUE when @shown holds exactly @n_ids ids, in @ids' order. */
gboolean    _pc_prompt_editor_same_ids               (GArray         *shown,
                                                      const gint64   *ids,
                                                      guint           n_ids);

/* pc-prompt-editor-attachments.c */
/* Shows the attachments of the prompt shown, building rows again only
 * when the attachments differ from those shown. */
void        _pc_prompt_editor_update_attachments     (PcPromptEditor *self);
void        _pc_prompt_editor_attachments_class_init (GtkWidgetClass *widget_class);
gboolean    _pc_prompt_editor_attach_file            (PcPromptEditor *self,
                                                      GFile          *file,
                                                      GError        **error);

/* pc-prompt-editor-actions.c */
/* Shows the actions of the prompt shown; when they are the ones shown,
 * only their summaries change. */
void        _pc_prompt_editor_update_actions         (PcPromptEditor *self);
void        _pc_prompt_editor_actions_class_init     (GtkWidgetClass *widget_class);

G_END_DECLS
