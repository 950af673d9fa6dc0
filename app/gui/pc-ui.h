/* pc-ui.h: small helpers every part of the window uses
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @error in an AdwMessageDialog over @widget's window, with
 * @heading ("Could Not Save"): errors are never silent. */
void  pc_ui_show_error  (GtkWidget    *widget,
                         const char   *heading,
                         const GError *error);

/* Sets @dialog's body to @text, which may hold a file name in another
 * encoding than UTF-8: such bytes show as U+FFFD rather than upset Pango. */
void  pc_ui_set_body    (AdwMessageDialog *dialog,
                         const char       *text);

/* Shows a toast over @widget's window, if it is a PcWindow: activates
 * its "win.toast" action, so that pages need not know the window. */
void  pc_ui_toast       (GtkWidget    *widget,
                         const char   *message);

/* The preferences (the "settings" property) of the application that
 * @widget's window, or the window it is transient for, belongs to, or
 * NULL (a window outside the app, as in some tests).
 * Returns: (transfer full) (nullable) */
GSettings *pc_ui_dup_settings (GtkWidget *widget);

/* The text of @editable with white space trimmed. Returns: (transfer full) */
char *pc_ui_dup_stripped    (GtkEditable  *editable);
/* @text (nullable) with white space trimmed, or NULL when it is blank
 * (pc_text_is_blank(): the one rule for blank text). Returns: (transfer full) (nullable) */
char *pc_ui_dup_unless_blank (const char  *text);
/* Whether @editable holds nothing but white space (pc_text_is_blank()). */
gboolean pc_ui_is_blank     (GtkEditable  *editable);

/* Names @row and the text inside it (which takes the focus) by the
 * row's title, for screen readers; @required marks it as needed. */
void  pc_ui_label_entry_row (AdwEntryRow  *row,
                             gboolean      required);

G_END_DECLS
