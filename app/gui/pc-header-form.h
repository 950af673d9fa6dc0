/* pc-header-form.h: the header fields of an assessment, as a form
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_HEADER_FORM (pc_header_form_get_type ())
G_DECLARE_FINAL_TYPE (PcHeaderForm, pc_header_form, PC, HEADER_FORM, GtkWidget)

/* The header fields of DESIGN.md in preference groups: title, kind of
 * change, division, clinical priority, service lead, team members,
 * intended outcomes, who is affected, start date and planned review
 * date. Fields are named as pc_store_set_header_field() names them, and
 * "team" for the team list. The form validates as it is typed: a
 * required field emptied and a date that is not one take the error
 * style. Used by the new assessment dialog and the overview page.
 *
 * Signals:
 *   ::field-changed (const char *field)   the user changed @field */
GtkWidget  *pc_header_form_new                (void);

/* Whether the form keeps what is typed in @field. */
typedef gboolean (*PcHeaderFormKeepFunc) (const char *field,
                                          gpointer    user_data);

/* Shows @assessment's header, leaving the fields @keep (nullable) keeps
 * as they are typed. Emits no ::field-changed. */
void        pc_header_form_load               (PcHeaderForm         *self,
                                               const PcAssessment   *assessment,
                                               PcHeaderFormKeepFunc  keep,
                                               gpointer              user_data);
void        pc_header_form_set_editable       (PcHeaderForm       *self,
                                               gboolean            editable);
/* Whether Enter in a single-line field activates the window's default
 * widget (the team member field keeps Enter for adding a member). */
void        pc_header_form_set_activates_default (PcHeaderForm    *self,
                                               gboolean            activates);

/* TRUE when the text fields hold text, as opposed to choices. */
gboolean    pc_header_form_field_is_text      (const char         *field);
/* The value of @field as the store takes it (text without surrounding
 * white space, an id), or NULL when empty. Returns: (transfer full) */
char       *pc_header_form_dup_value          (PcHeaderForm       *self,
                                               const char         *field);
/* Returns: (transfer full): the team list, never NULL. */
GStrv       pc_header_form_dup_team           (PcHeaderForm       *self);
/* TRUE when @field holds a value the store would take. */
gboolean    pc_header_form_field_is_valid     (PcHeaderForm       *self,
                                               const char         *field);
/* TRUE when every field is valid: the required ones filled, the dates
 * empty or real dates. */
gboolean    pc_header_form_is_complete        (PcHeaderForm       *self);
/* Adds what is typed in the "Add a team member" field to the team, as
 * if it had been added; returns TRUE if there was something. */
gboolean    pc_header_form_add_pending_member (PcHeaderForm       *self);
/* Copies every header field into @header. */
void        pc_header_form_fill_header        (PcHeaderForm       *self,
                                               PcAssessment       *header);
/* Moves the keyboard focus to the title. */
void        pc_header_form_focus_title        (PcHeaderForm       *self);

G_END_DECLS
