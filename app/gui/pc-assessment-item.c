/* pc-assessment-item.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-assessment-item"

#include "config.h"

#include "pc-assessment-item.h"

#include "pc-vocab.h"

struct _PcAssessmentItem
{
  GObject     parent_instance;

  PcListItem  data;
  char       *haystack;
  guint       serial;
};

G_DEFINE_FINAL_TYPE (PcAssessmentItem, pc_assessment_item, G_TYPE_OBJECT)

static void
pc_assessment_item_finalize (GObject *object)
{
  PcAssessmentItem *self = (PcAssessmentItem *) object;

  g_free (self->data.reference);
  g_free (self->data.title);
  g_free (self->data.division);
  g_free (self->data.lead);
  g_free (self->data.updated_at);
  g_free (self->haystack);

  G_OBJECT_CLASS (pc_assessment_item_parent_class)->finalize (object);
}

static void
pc_assessment_item_class_init (PcAssessmentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pc_assessment_item_finalize;
}

static void
pc_assessment_item_init (PcAssessmentItem *self)
{
}

PcAssessmentItem *
pc_assessment_item_new (const PcListItem *item)
{
  PcAssessmentItem *self;
  g_autofree char *joined = NULL;
  const char *division_label;

  g_return_val_if_fail (item != NULL, NULL);

  static guint last_serial;

  self = g_object_new (PC_TYPE_ASSESSMENT_ITEM, NULL);
  self->serial = ++last_serial;
  self->data = *item;
  self->data.reference = g_strdup (item->reference);
  self->data.title = g_strdup (item->title);
  self->data.division = g_strdup (item->division);
  self->data.lead = g_strdup (item->lead);
  self->data.updated_at = g_strdup (item->updated_at);

  division_label = pc_vocab_id_to_label (PC_VOCAB_DIVISION, item->division);
  joined = g_strjoin (" ", item->reference, item->title, item->lead ? item->lead : "",
                      division_label ? division_label : item->division, NULL);
  self->haystack = g_utf8_casefold (joined, -1);

  return self;
}

const PcListItem *
pc_assessment_item_get_data (PcAssessmentItem *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_ITEM (self), NULL);

  return &self->data;
}

guint
pc_assessment_item_get_serial (PcAssessmentItem *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_ITEM (self), 0);

  return self->serial;
}

const char *
pc_assessment_item_get_haystack (PcAssessmentItem *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_ITEM (self), NULL);

  return self->haystack;
}

GListStore *
pc_assessment_item_load_all (PcStore  *store,
                             GError  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) objects = NULL;
  GListStore *list;

  g_return_val_if_fail (PC_IS_STORE (store), NULL);

  items = pc_store_list (store, error);
  if (items == NULL)
    return NULL;

  objects = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (objects, pc_assessment_item_new (g_ptr_array_index (items, i)));

  list = g_list_store_new (PC_TYPE_ASSESSMENT_ITEM);
  g_list_store_splice (list, 0, 0, objects->pdata, objects->len);

  return list;
}
