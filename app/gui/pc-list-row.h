/* pc-list-row.h: one row of the assessment list, drawn as one widget
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pc-assessment-item.h"

G_BEGIN_DECLS

#define PC_TYPE_LIST_ROW (pc_list_row_get_type ())
G_DECLARE_FINAL_TYPE (PcListRow, pc_list_row, PC, LIST_ROW, GtkWidget)

GtkWidget  *pc_list_row_new          (void);

/* Shows @item: its title, a line of reference, revision, division, lead
 * and date, its state as a pill and its prompts answered. A row that
 * shows @item already is left as it is (items never change). */
void        pc_list_row_set_item     (PcListRow        *self,
                                      PcAssessmentItem *item);

/* The texts shown, for tests: the title, the line under it, the state
 * pill and the prompts answered ("12/54"). */
const char *pc_list_row_get_title    (PcListRow        *self);
const char *pc_list_row_get_subtitle (PcListRow        *self);
const char *pc_list_row_get_state    (PcListRow        *self);
const char *pc_list_row_get_progress (PcListRow        *self);

G_END_DECLS
