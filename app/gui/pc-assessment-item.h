/* pc-assessment-item.h: one row of the assessment list, as a GObject
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pc-store.h"

G_BEGIN_DECLS

#define PC_TYPE_ASSESSMENT_ITEM (pc_assessment_item_get_type ())
G_DECLARE_FINAL_TYPE (PcAssessmentItem, pc_assessment_item, PC, ASSESSMENT_ITEM, GObject)

/* Takes a copy of @item's fields. */
PcAssessmentItem *pc_assessment_item_new          (const PcListItem *item);

const PcListItem *pc_assessment_item_get_data     (PcAssessmentItem *self);
/* A number no other item of this process has had (never 0): a row that
 * shows the item with this serial already shows it as it is. */
guint             pc_assessment_item_get_serial   (PcAssessmentItem *self);
/* Lower-cased "reference title lead division" for search as you type. */
const char       *pc_assessment_item_get_haystack (PcAssessmentItem *self);

/* Every assessment of @store, newest change first.
 * Returns: (transfer full) (nullable): a list of PcAssessmentItem. */
GListStore       *pc_assessment_item_load_all     (PcStore          *store,
                                                   GError          **error);

G_END_DECLS
