/* pc-identity-dialog.h: asks for the user's name and role, once
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PC_TYPE_IDENTITY_DIALOG (pc_identity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcIdentityDialog, pc_identity_dialog, PC, IDENTITY_DIALOG, AdwMessageDialog)

/* Whatever the answer, @settings remembers that it was asked; with
 * "Continue" it keeps the name and role typed. */
PcIdentityDialog *pc_identity_dialog_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
