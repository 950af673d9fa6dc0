/* pc-settings.h: the app's GSettings, and what it keeps in them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How many databases File → Recent offers. */
#define PC_SETTINGS_MAX_RECENT 8

/* The settings of schema uk.nhs.beh.PrincipleCheck: the installed schema,
 * or, when the app runs from its build tree, the one compiled there.
 * NULL with @error set when neither is found. */
GSettings *pc_settings_new        (GError    **error);

/* Makes @path the last database and the first of the recent ones. */
void       pc_settings_add_recent (GSettings  *settings,
                                   const char *path);
/* Takes @path out of the recent databases (it could not be opened). */
void       pc_settings_forget_recent (GSettings  *settings,
                                      const char *path);
/* How the user appears in the audit trail: "Name (Role)", "Name", or
 * NULL when no name is set. */
char      *pc_settings_dup_actor  (GSettings  *settings);

G_END_DECLS
