/* pc-report-blocks.c: the report's blocks (paragraphs, table rows and
 * breaks) and the styles they take, as the content adds them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-report"

#include "config.h"

#include "pc-report-private.h"

#include <string.h>

const PcReportStyleInfo _pc_report_styles[PC_REPORT_N_STYLES] = {
  [PC_REPORT_STYLE_KICKER]    = { FAMILIES " Bold 11",   0.0,  4.0 },
  [PC_REPORT_STYLE_TITLE]     = { FAMILIES " Bold 22",   0.0, 12.0 },
  [PC_REPORT_STYLE_H1]        = { FAMILIES " Bold 16",  14.0,  6.0 },
  [PC_REPORT_STYLE_H2]        = { FAMILIES " Bold 11.5", 10.0,  3.0 },
  [PC_REPORT_STYLE_H3]        = { FAMILIES " Bold 10",    9.0,  2.0 },
  [PC_REPORT_STYLE_BODY]      = { FAMILIES " 10",        0.0,  4.0 },
  [PC_REPORT_STYLE_SMALL]     = { FAMILIES " 8.5",       0.0,  3.0 },
  [PC_REPORT_STYLE_CELL]      = { FAMILIES " 8.5",       0.0,  0.0 },
  [PC_REPORT_STYLE_CELL_HEAD] = { FAMILIES " Bold 8.5",  0.0,  0.0 },
};

/* Blocks */

static void
cell_free (gpointer data)
{
  PcReportCell *cell = data;

  g_free (cell->markup);
  g_clear_object (&cell->layout);
  g_free (cell);
}

void
_pc_report_block_clear_measure (PcReportBlock *block)
{
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_top, g_free);
  g_clear_pointer (&block->line_bottom, g_free);
  block->n_lines = 0;
  block->height = 0.0;
  if (block->cells != NULL)
    for (guint i = 0; i < block->cells->len; i++)
      g_clear_object (&((PcReportCell *) g_ptr_array_index (block->cells, i))->layout);
}

void
_pc_report_block_free (gpointer data)
{
  PcReportBlock *block = data;

  _pc_report_block_clear_measure (block);
  g_free (block->markup);
  g_free (block->outline);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block);
}

static PcReportBlock *
add_block (PcReport          *self,
           PcReportBlockKind  kind,
           PcReportStyle      style)
{
  PcReportBlock *block = g_new0 (PcReportBlock, 1);

  block->kind = kind;
  block->style = style;
  block->space_before = _pc_report_styles[style].space_before;
  block->space_after = _pc_report_styles[style].space_after;
  block->header_row = -1;
  g_ptr_array_add (self->blocks, block);

  return block;
}

PcReportBlock *
_pc_report_add_text (PcReport      *self,
                     PcReportStyle  style,
                     const char    *markup)
{
  PcReportBlock *block = add_block (self, PC_REPORT_BLOCK_TEXT, style);

  block->markup = g_strdup (markup);
  block->keep_with_next = style == PC_REPORT_STYLE_H1 || style == PC_REPORT_STYLE_H2
                          || style == PC_REPORT_STYLE_H3;

  return block;
}

PcReportBlock *
_pc_report_add_row (PcReport *self,
                    int       header_row)
{
  PcReportBlock *block = add_block (self, PC_REPORT_BLOCK_ROW, PC_REPORT_STYLE_CELL);

  block->cells = g_ptr_array_new_with_free_func (cell_free);
  block->header_row = header_row;
  block->rule_below = TRUE;

  return block;
}

void
_pc_report_row_add (PcReportBlock *row,
                    PcReportStyle  style,
                    double         x,
                    double         width,
                    const char    *markup,
                    const double  *fill)
{
  PcReportCell *cell = g_new0 (PcReportCell, 1);

  g_return_if_fail (row->kind == PC_REPORT_BLOCK_ROW);

  cell->markup = g_strdup (markup != NULL ? markup : "");
  cell->style = style;
  cell->x = x;
  cell->width = width;
  if (fill != NULL)
    {
      cell->has_fill = TRUE;
      memcpy (cell->fill, fill, sizeof cell->fill);
    }
  g_ptr_array_add (row->cells, cell);
}

void
_pc_report_add_break (PcReport          *self,
                      PcReportBlockKind  kind)
{
  g_return_if_fail (kind == PC_REPORT_BLOCK_BREAK || kind == PC_REPORT_BLOCK_KEEP_REST);

  add_block (self, kind, PC_REPORT_STYLE_BODY);
}

guint
_pc_report_n_blocks (PcReport *self)
{
  return self->blocks->len;
}
