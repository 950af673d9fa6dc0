/* pc-date-row.h: a row for one date, typed or picked from a calendar
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PC_TYPE_DATE_ROW (pc_date_row_get_type ())
G_DECLARE_FINAL_TYPE (PcDateRow, pc_date_row, PC, DATE_ROW, AdwActionRow)

/* An AdwActionRow whose suffix is an entry for a date written
 * YYYY-MM-DD and a button that opens a calendar. The row's subtitle is
 * its hint ("Optional", …) while the date is valid or empty, and says
 * how to write a date when it is not; the entry then takes the error
 * style. The entry is announced by the row's title.
 *
 * Properties:
 *   hint      (string)   the subtitle while the date is valid or empty
 *   editable  (boolean)  FALSE shows the date read-only, without the calendar
 *
 * Signals:
 *   ::changed ()         the text changed, by typing or from the calendar */
GtkWidget   *pc_date_row_new           (const char *title,
                                        const char *hint);
/* The text as typed, without surrounding white space; "" when empty. */
const char  *pc_date_row_get_text      (PcDateRow  *self);
/* Sets the text (NULL clears it); emits ::changed when it differs. */
void         pc_date_row_set_text      (PcDateRow  *self,
                                        const char *text);
/* TRUE when the text is empty or a real date written YYYY-MM-DD. */
gboolean     pc_date_row_is_valid      (PcDateRow  *self);
/* TRUE when the text is empty. */
gboolean     pc_date_row_is_empty      (PcDateRow  *self);
const char  *pc_date_row_get_hint      (PcDateRow  *self);
void         pc_date_row_set_hint      (PcDateRow  *self,
                                        const char *hint);
gboolean     pc_date_row_get_editable  (PcDateRow  *self);
void         pc_date_row_set_editable  (PcDateRow  *self,
                                        gboolean    editable);
/* Whether Enter in the entry activates the window's default widget. */
void         pc_date_row_set_activates_default (PcDateRow *self,
                                                gboolean   activates);
/* The GtkEntry, for focus and tests. Transfer none. */
GtkWidget   *pc_date_row_get_entry     (PcDateRow  *self);

G_END_DECLS
