/* pc-autosave.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-autosave"

#include "config.h"

#include "pc-autosave.h"

typedef struct
{
  char           *key;
  PcAutosaveFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
} Edit;

struct _PcAutosave
{
  GObject    parent_instance;

  GPtrArray *edits;   /* Edit, in the order first scheduled */
  guint      delay_ms;
  guint      source;
  gboolean   flushing;
};

G_DEFINE_FINAL_TYPE (PcAutosave, pc_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edit_free (Edit *edit)
{
  if (edit->destroy != NULL)
    edit->destroy (edit->data);
  g_free (edit->key);
  g_free (edit);
}

static Edit *
find_edit (PcAutosave *self,
           const char *key)
{
  for (guint i = 0; i < self->edits->len; i++)
    {
      Edit *edit = g_ptr_array_index (self->edits, i);

      if (g_str_equal (edit->key, key))
        return edit;
    }

  return NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  PcAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->source = 0;
  if (!pc_autosave_flush (self, &error))
    g_signal_emit (self, signals[FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

void
pc_autosave_schedule (PcAutosave     *self,
                      const char     *key,
                      PcAutosaveFunc  func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  gboolean was_pending;
  Edit *edit;

  g_return_if_fail (PC_IS_AUTOSAVE (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (func != NULL);

  was_pending = self->edits->len > 0;
  edit = find_edit (self, key);
  if (edit != NULL)
    {
      if (edit->destroy != NULL)
        edit->destroy (edit->data);
    }
  else
    {
      edit = g_new0 (Edit, 1);
      edit->key = g_strdup (key);
      g_ptr_array_add (self->edits, edit);
    }
  edit->func = func;
  edit->data = data;
  edit->destroy = destroy;

  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add (self->delay_ms, timeout_cb, self);

  if (!was_pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

gpointer
pc_autosave_lookup (PcAutosave *self,
                    const char *key)
{
  Edit *edit;

  g_return_val_if_fail (PC_IS_AUTOSAVE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  edit = find_edit (self, key);
  return edit != NULL ? edit->data : NULL;
}

void
pc_autosave_forget (PcAutosave *self,
                    const char *key)
{
  Edit *edit;

  g_return_if_fail (PC_IS_AUTOSAVE (self));
  g_return_if_fail (key != NULL);

  edit = find_edit (self, key);
  if (edit == NULL)
    return;
  g_ptr_array_remove (self->edits, edit);
  if (self->edits->len == 0)
    {
      g_clear_handle_id (&self->source, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
}

gboolean
pc_autosave_get_pending (PcAutosave *self)
{
  g_return_val_if_fail (PC_IS_AUTOSAVE (self), FALSE);

  return self->edits->len > 0;
}

gboolean
pc_autosave_flush (PcAutosave  *self,
                   GError     **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (PC_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->source, g_source_remove);
  /* A write may emit signals whose handlers flush again: once is enough. */
  if (self->flushing || self->edits->len == 0)
    return TRUE;

  self->flushing = TRUE;
  while (ok && self->edits->len > 0)
    {
      /* Out of the queue while it runs: a handler may schedule anew. */
      Edit *edit = g_ptr_array_steal_index (self->edits, 0);

      ok = edit->func (edit->data, error);
      if (ok)
        edit_free (edit);
      else if (find_edit (self, edit->key) == NULL)
        g_ptr_array_insert (self->edits, 0, edit);
      else
        edit_free (edit);   /* newer text for the same key waits instead */
    }
  self->flushing = FALSE;

  if (self->edits->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  return ok;
}

void
pc_autosave_discard (PcAutosave *self)
{
  g_return_if_fail (PC_IS_AUTOSAVE (self));

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->edits->len == 0)
    return;

  g_ptr_array_set_size (self->edits, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* GObject */

PcAutosave *
pc_autosave_new (guint delay_ms)
{
  PcAutosave *self = g_object_new (PC_TYPE_AUTOSAVE, NULL);

  self->delay_ms = delay_ms;

  return self;
}

static void
pc_autosave_dispose (GObject *object)
{
  PcAutosave *self = (PcAutosave *) object;

  /* Whoever owns the queue flushes it and reports a failure before
   * letting go: what is left here could not be written. */
  g_clear_handle_id (&self->source, g_source_remove);

  G_OBJECT_CLASS (pc_autosave_parent_class)->dispose (object);
}

static void
pc_autosave_finalize (GObject *object)
{
  PcAutosave *self = (PcAutosave *) object;

  g_ptr_array_unref (self->edits);

  G_OBJECT_CLASS (pc_autosave_parent_class)->finalize (object);
}

static void
pc_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PcAutosave *self = PC_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_boolean (value, pc_autosave_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_autosave_class_init (PcAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pc_autosave_dispose;
  object_class->finalize = pc_autosave_finalize;
  object_class->get_property = pc_autosave_get_property;

  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
pc_autosave_init (PcAutosave *self)
{
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
}
