/* pc-state-notice.h: what an assessment's state says to whoever reads it
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

/* The one place that decides how an assessment's state is told: altered
 * before anything else, then an imported summary, then its state and
 * last sign-off. The Review page shows it as a card (icon, title, body);
 * the banner above every page of the walk as one line (banner_markup),
 * only while the assessment cannot be changed or was just returned. */
typedef struct
{
  const char *icon;           /* the card's icon */
  const char *icon_style;     /* "success", "warning", "error", or NULL */
  const char *title;          /* "Approved", "Altered Since It Was Signed" */
  const char *body;           /* what the state means for changing it */
  const char *banner_icon;
  const char *banner_style;   /* the state's style class, or "altered" */
  char       *banner_markup;  /* Pango markup, or NULL: no banner */
  gboolean    can_revise;     /* a new revision can be started from it */
} PcStateNotice;

void pc_state_notice_init  (PcStateNotice      *notice,
                            const PcAssessment *a);
void pc_state_notice_clear (PcStateNotice      *notice);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PcStateNotice, pc_state_notice_clear)

G_END_DECLS
