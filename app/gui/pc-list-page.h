/* pc-list-page.h: every assessment in the database, searchable
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_LIST_PAGE (pc_list_page_get_type ())
G_DECLARE_FINAL_TYPE (PcListPage, pc_list_page, PC, LIST_PAGE, GtkWidget)

void        pc_list_page_set_store   (PcListPage *self,
                                      PcStore    *store);

/* As pc_list_page_set_store(), for a window starting up: the list is
 * read only once the page's first frame is on screen (a spinner shows
 * until then), so the window appears without waiting for it. */
void        pc_list_page_set_store_when_shown (PcListPage *self,
                                               PcStore    *store);

/* Reads the list again from the store. */
void        pc_list_page_reload      (PcListPage *self);
/* How many rows the search and filters let through. */
guint       pc_list_page_get_n_shown (PcListPage *self);
/* What the page shows: "list", "empty" (no assessments at all) or
 * "no-results" (none match the search and filters). */
const char *pc_list_page_get_shown   (PcListPage *self);
void        pc_list_page_set_search  (PcListPage *self,
                                      const char *text);
/* Adds "Open Recent" with @recent's items to the main menu. */
void        pc_list_page_set_recent_menu (PcListPage *self,
                                          GMenuModel *recent);

G_END_DECLS
