/* pc-autosave.h: edits written a moment after the last keystroke
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PC_TYPE_AUTOSAVE (pc_autosave_get_type ())
G_DECLARE_FINAL_TYPE (PcAutosave, pc_autosave, PC, AUTOSAVE, GObject)

/* Writes one pending edit. Returns FALSE with @error when it could not:
 * the edit then stays pending. */
typedef gboolean (*PcAutosaveFunc) (gpointer   data,
                                    GError   **error);

/* One queue of pending edits, each under a key ("evidence:PROMPT",
 * "header:title", …): scheduling a key again replaces its edit (the
 * newest text wins) and restarts the wait. Once @delay_ms have passed
 * without a new edit, every pending edit is written in the order first
 * scheduled; pc_autosave_flush() writes them now (leaving a page,
 * closing, exporting). Nothing typed is dropped: an edit that fails
 * stays pending, and a timed write that fails emits ::failed.
 *
 * Property "pending" (gboolean, read-only): an edit waits to be written.
 * Signal ::failed (const GError *error): a timed write failed. */
PcAutosave *pc_autosave_new        (guint            delay_ms);
void        pc_autosave_schedule   (PcAutosave      *self,
                                    const char      *key,
                                    PcAutosaveFunc   func,
                                    gpointer         data,
                                    GDestroyNotify   destroy);
/* The data of @key's pending edit, or NULL. (transfer none) */
gpointer    pc_autosave_lookup     (PcAutosave      *self,
                                    const char      *key);
gboolean    pc_autosave_get_pending (PcAutosave     *self);
gboolean    pc_autosave_flush      (PcAutosave      *self,
                                    GError         **error);
/* Forgets @key's pending edit unwritten, if there is one (what it was
 * for has gone). */
void        pc_autosave_forget     (PcAutosave      *self,
                                    const char      *key);
/* Forgets every pending edit unwritten (the record they were for has
 * gone). */
void        pc_autosave_discard    (PcAutosave      *self);

G_END_DECLS
