/* pc-report-private.h: the blocks a report is made of
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "pc-report.h"

G_BEGIN_DECLS

/* The report is a flow of blocks: pc-report-content.c makes them from
 * the assessment (markup only, no measuring), pc-report.c measures them
 * with the drawing's Pango context, cuts them into pages and draws the
 * pages. */

typedef enum
{
  PC_REPORT_STYLE_KICKER,     /* "Clinical principles assessment" */
  PC_REPORT_STYLE_TITLE,      /* the assessment's title */
  PC_REPORT_STYLE_H1,         /* a principle, the action plan, … */
  PC_REPORT_STYLE_H2,         /* Assure, Advise, Alert, a sign-off */
  PC_REPORT_STYLE_H3,         /* a prompt */
  PC_REPORT_STYLE_BODY,
  PC_REPORT_STYLE_SMALL,
  PC_REPORT_STYLE_CELL,
  PC_REPORT_STYLE_CELL_HEAD,
  PC_REPORT_N_STYLES,
} PcReportStyle;

typedef enum
{
  PC_REPORT_BLOCK_TEXT,       /* a paragraph, split across pages line by line */
  PC_REPORT_BLOCK_ROW,        /* a table row (or a row of the status strip), never split */
  PC_REPORT_BLOCK_BREAK,      /* a new page, unless the page is empty */
  PC_REPORT_BLOCK_KEEP_REST,  /* a new page unless everything after fits on this one */
} PcReportBlockKind;

typedef struct
{
  char          *markup;
  PcReportStyle  style;
  double         x;          /* from the row's left edge, a fraction of the text column */
  double         width;      /* a fraction of the text column */
  gboolean       has_fill;
  double         fill[3];
  PangoLayout   *layout;     /* made by pc_report_paginate() */
} PcReportCell;

typedef struct
{
  PcReportBlockKind  kind;
  PcReportStyle      style;
  char              *markup;
  double             indent;         /* from the left margin, points */
  double             hang;           /* a hanging indent (a bullet, then a tab), points */
  double             space_before;
  double             space_after;
  double             color[3];
  gboolean           keep_with_next;
  char              *outline;        /* nullable: an outline entry here */
  gboolean           rule_below;     /* a thin line under a row */

  /* Rows */
  GPtrArray         *cells;          /* PcReportCell */
  int                header_row;     /* the block index of the table's header row, or -1 */

  /* Measured */
  PangoLayout       *layout;
  guint              n_lines;
  double            *line_top;       /* per line, from the layout's top */
  double            *line_bottom;
  double             height;
} PcReportBlock;

/* pc-report-blocks.c */

/* The fonts fall back family by family, and then to whatever fontconfig
 * has for scripts none of them covers (Bengali, Arabic, …). */
#define FAMILIES "Cantarell, Noto Sans, DejaVu Sans"

typedef struct
{
  const char *font;
  double      space_before;
  double      space_after;
} PcReportStyleInfo;

extern const PcReportStyleInfo _pc_report_styles[PC_REPORT_N_STYLES];

struct _PcReport
{
  GPtrArray    *blocks;       /* PcReportBlock */

  char         *reference;
  int           revision;
  char         *title;
  char         *lead;
  char         *hash_prefix;  /* the first 16 hex digits of the content SHA-256 */
  char         *created;      /* ISO 8601, UTC: the export time */
  gboolean      draft;

  /* The last pagination */
  PangoContext *context;
  double        width;
  double        height;
  GArray       *placements;   /* Placement, in page order */
  GArray       *outline;      /* OutlineEntry */
  guint         n_pages;
};

void           _pc_report_block_clear_measure (PcReportBlock *block);
void           _pc_report_block_free          (gpointer       data);

PcReportBlock *_pc_report_add_text  (PcReport       *self,
                                     PcReportStyle   style,
                                     const char     *markup);
PcReportBlock *_pc_report_add_row   (PcReport       *self,
                                     int             header_row);
void           _pc_report_row_add   (PcReportBlock  *row,
                                     PcReportStyle   style,
                                     double          x,
                                     double          width,
                                     const char     *markup,
                                     const double   *fill);
void           _pc_report_add_break (PcReport       *self,
                                     PcReportBlockKind kind);
guint          _pc_report_n_blocks  (PcReport       *self);

/* pc-report-content.c: adds every block of the report. */
void           _pc_report_build     (PcReport           *self,
                                     const PcAssessment *assessment,
                                     const PcChecklist  *checklist,
                                     GPtrArray          *findings,
                                     const char         *content_sha256,
                                     guint               audit_count,
                                     const char         *audit_head,
                                     GDate              *today);

/* pc-report-csv.c */
gboolean       _pc_report_action_overdue (const PcAction *action,
                                          GDate          *today);

G_END_DECLS
