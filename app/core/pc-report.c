/* pc-report.c: measuring, paginating and drawing the committee report
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-report"

#include "config.h"

#include "pc-report-private.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-file.h"
#include "pc-vocab.h"

/* Page furniture, points. */
#define MARGIN_X       56.0
#define MARGIN_TOP     58.0
#define MARGIN_BOTTOM  62.0
#define HEADER_Y       26.0
#define FOOTER_GAP     22.0
#define CELL_PAD        4.0

/* Where one block, or a run of a paragraph's lines, lands. */
typedef struct
{
  guint   block;
  guint   page;
  guint   first_line;
  guint   n_lines;
  double  y;           /* the top of the run, from the page's top */
} Placement;

typedef struct
{
  char   *title;
  guint   page;
  double  y;
} OutlineEntry;

G_DEFINE_QUARK (pc-report-error-quark, pc_report_error)

/* Public */

PcReport *
pc_report_new (const PcAssessment *assessment,
               const PcChecklist  *checklist,
               GPtrArray          *findings,
               const char         *content_sha256,
               guint               audit_count,
               const char         *audit_head,
               GDateTime          *now)
{
  g_autoptr(PcReport) self = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (assessment != NULL, NULL);
  g_return_val_if_fail (checklist != NULL, NULL);
  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (content_sha256 != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (PcReport, 1);
  self->blocks = g_ptr_array_new_with_free_func (_pc_report_block_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));

  self->reference = g_strdup (assessment->reference);
  self->revision = assessment->revision;
  self->title = g_strdup (assessment->title);
  self->lead = g_strdup (assessment->lead);
  self->hash_prefix = g_strndup (content_sha256, 16);
  self->draft = assessment->state == PC_STATE_DRAFT;

  utc = g_date_time_to_utc (now);
  self->created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  today = pc_date_new_utc (utc);

  _pc_report_build (self, assessment, checklist, findings, content_sha256, audit_count,
                    audit_head, today);

  return g_steal_pointer (&self);
}

static void
outline_entry_clear (OutlineEntry *entry)
{
  g_free (entry->title);
}

void
pc_report_free (PcReport *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->outline->len; i++)
    outline_entry_clear (&g_array_index (self->outline, OutlineEntry, i));
  g_array_unref (self->outline);
  g_array_unref (self->placements);
  g_ptr_array_unref (self->blocks);
  g_clear_object (&self->context);
  g_free (self->reference);
  g_free (self->title);
  g_free (self->lead);
  g_free (self->hash_prefix);
  g_free (self->created);
  g_free (self);
}

/* Measuring */

static PangoLayout *
make_layout (PcReport      *self,
             PcReportStyle  style,
             const char    *markup,
             double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (_pc_report_styles[style].font);
  g_autofree char *wrapped = NULL;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* No hyphens of Pango's own: the extracted text is the text typed. */
  wrapped = g_strconcat ("<span insert_hyphens=\"false\">", markup, "</span>", NULL);
  pango_layout_set_markup (layout, wrapped, -1);

  return layout;
}

static void
measure_text (PcReport      *self,
              PcReportBlock *block,
              double         text_width)
{
  PangoLayoutIter *iter;
  guint i = 0;

  block->layout = make_layout (self, block->style, block->markup, text_width - block->indent);
  if (block->hang > 0.0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                                (int) (block->hang * PANGO_SCALE));

      pango_layout_set_indent (block->layout, (int) (-block->hang * PANGO_SCALE));
      pango_layout_set_tabs (block->layout, tabs);
      pango_tab_array_free (tabs);
    }
  block->n_lines = (guint) pango_layout_get_line_count (block->layout);
  block->line_top = g_new (double, block->n_lines);
  block->line_bottom = g_new (double, block->n_lines);

  iter = pango_layout_get_iter (block->layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      block->line_top[i] = (double) y0 / PANGO_SCALE;
      block->line_bottom[i] = (double) y1 / PANGO_SCALE;
      i++;
    }
  while (i < block->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = block->n_lines > 0 ? block->line_bottom[block->n_lines - 1] : 0.0;
}

static void
measure_row (PcReport      *self,
             PcReportBlock *block,
             double         text_width)
{
  double height = 0.0;

  for (guint i = 0; i < block->cells->len; i++)
    {
      PcReportCell *cell = g_ptr_array_index (block->cells, i);
      int h = 0;

      cell->layout = make_layout (self, cell->style, cell->markup,
                                  cell->width * text_width - 2 * CELL_PAD);
      pango_layout_get_size (cell->layout, NULL, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
    }

  block->height = height + 2 * CELL_PAD;
}

/* Paginating */

typedef struct
{
  PcReport *self;
  double    top;
  double    bottom;
  guint     page;
  double    y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page++;
  flow->y = flow->top;
}

static gboolean
flow_page_empty (Flow *flow)
{
  return flow->y <= flow->top;
}

static void
place (Flow  *flow,
       guint  block,
       guint  first_line,
       guint  n_lines,
       double y)
{
  Placement p = { block, flow->page, first_line, n_lines, y };

  g_array_append_val (flow->self->placements, p);
}

static void
place_row (Flow          *flow,
           guint          index,
           PcReportBlock *block)
{
  if (flow->y + block->height > flow->bottom && !flow_page_empty (flow))
    {
      flow_new_page (flow);
      /* A table that runs on repeats its header row. */
      if (block->header_row >= 0 && (guint) block->header_row != index)
        {
          PcReportBlock *header = g_ptr_array_index (flow->self->blocks, block->header_row);

          place (flow, (guint) block->header_row, 0, 0, flow->y);
          flow->y += header->height;
        }
    }
  place (flow, index, 0, 0, flow->y);
  flow->y += block->height;
}

static void
place_text (Flow          *flow,
            guint          index,
            PcReportBlock *block)
{
  guint first = 0;

  while (first < block->n_lines)
    {
      guint n = 0;
      double origin = block->line_top[first];

      while (first + n < block->n_lines
             && (flow->y + block->line_bottom[first + n] - origin <= flow->bottom || n == 0))
        {
          /* A line that does not fit starts the next page, unless the
           * page is empty (a line taller than a page is drawn anyway). */
          if (n == 0 && flow->y + block->line_bottom[first] - origin > flow->bottom
              && !flow_page_empty (flow))
            break;
          n++;
        }

      /* No paragraph leaves its last line alone at the top of the next
       * page, nor its first alone at the foot of this one. */
      if (first + n == block->n_lines - 1 && n >= 2 && block->n_lines - first >= 3)
        n--;
      if (first == 0 && n == 1 && block->n_lines > 1 && !flow_page_empty (flow))
        n = 0;

      if (n == 0)
        {
          flow_new_page (flow);
          continue;
        }

      place (flow, index, first, n, flow->y);
      flow->y += block->line_bottom[first + n - 1] - origin;
      first += n;
      if (first < block->n_lines)
        flow_new_page (flow);
    }
}

/* The height a block needs before the next may follow it on the same
 * page: all of a row, two lines of a paragraph. */
static double
min_height (PcReportBlock *block)
{
  if (block->kind == PC_REPORT_BLOCK_ROW)
    return block->height;
  if (block->kind == PC_REPORT_BLOCK_TEXT && block->n_lines > 0)
    return block->line_bottom[MIN (block->n_lines, 2) - 1];
  return 0.0;
}

static double
rest_height (PcReport *self,
             guint     from)
{
  double total = 0.0;

  for (guint i = from; i < self->blocks->len; i++)
    {
      PcReportBlock *block = g_ptr_array_index (self->blocks, i);

      total += block->space_before + block->height + block->space_after;
    }

  return total;
}

static void
place_block (Flow  *flow,
             guint  index)
{
  PcReport *self = flow->self;
  PcReportBlock *block = g_ptr_array_index (self->blocks, index);
  double need;

  switch (block->kind)
    {
    case PC_REPORT_BLOCK_BREAK:
      if (!flow_page_empty (flow))
        flow_new_page (flow);
      return;

    case PC_REPORT_BLOCK_KEEP_REST:
      need = rest_height (self, index + 1);
      if (flow->y + need > flow->bottom && need <= flow->bottom - flow->top
          && !flow_page_empty (flow))
        flow_new_page (flow);
      return;

    case PC_REPORT_BLOCK_TEXT:
    case PC_REPORT_BLOCK_ROW:
    default:
      break;
    }

  if (!flow_page_empty (flow))
    flow->y += block->space_before;

  /* A heading stays with what follows it: with a chain of headings and
   * the first lines of the paragraph after them. */
  if (block->keep_with_next && !flow_page_empty (flow))
    {
      guint j = index;

      need = 0.0;
      while (j + 1 < self->blocks->len
             && ((PcReportBlock *) g_ptr_array_index (self->blocks, j))->keep_with_next)
        {
          PcReportBlock *here = g_ptr_array_index (self->blocks, j);
          PcReportBlock *next = g_ptr_array_index (self->blocks, j + 1);

          need += here->height + here->space_after + next->space_before;
          j++;
        }
      need += min_height (g_ptr_array_index (self->blocks, j));
      if (flow->y + need > flow->bottom)
        flow_new_page (flow);
    }

  if (block->outline != NULL)
    {
      OutlineEntry entry = { g_strdup (block->outline), flow->page, flow->y };

      g_array_append_val (self->outline, entry);
    }

  if (block->kind == PC_REPORT_BLOCK_ROW)
    place_row (flow, index, block);
  else
    place_text (flow, index, block);

  flow->y += block->space_after;
}

guint
pc_report_paginate (PcReport *self,
                    cairo_t  *cr,
                    double    width,
                    double    height)
{
  cairo_font_options_t *options;
  double text_width = width - 2 * MARGIN_X;
  Flow flow = { self, MARGIN_TOP, height - MARGIN_BOTTOM, 0, MARGIN_TOP };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 3 * MARGIN_X && height > 3 * MARGIN_TOP, 0);

  g_clear_object (&self->context);
  self->context = pango_cairo_create_context (cr);
  /* One point is one unit of the cairo context, whatever the surface. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);

  self->width = width;
  self->height = height;
  g_array_set_size (self->placements, 0);
  for (guint i = 0; i < self->outline->len; i++)
    outline_entry_clear (&g_array_index (self->outline, OutlineEntry, i));
  g_array_set_size (self->outline, 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      PcReportBlock *block = g_ptr_array_index (self->blocks, i);

      _pc_report_block_clear_measure (block);
      if (block->kind == PC_REPORT_BLOCK_TEXT)
        measure_text (self, block, text_width);
      else if (block->kind == PC_REPORT_BLOCK_ROW)
        measure_row (self, block, text_width);
    }

  for (guint i = 0; i < self->blocks->len; i++)
    place_block (&flow, i);

  self->n_pages = flow.page + 1;

  return self->n_pages;
}

/* Drawing */

static void
draw_text_run (PcReport        *self,
               cairo_t         *cr,
               const Placement *p)
{
  PcReportBlock *block = g_ptr_array_index (self->blocks, p->block);
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double origin = block->line_top[p->first_line];
  guint i = 0;

  cairo_set_source_rgb (cr, block->color[0], block->color[1], block->color[2]);
  do
    {
      if (i >= p->first_line && i < p->first_line + p->n_lines)
        {
          PangoRectangle logical;
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, MARGIN_X + block->indent + (double) logical.x / PANGO_SCALE,
                         p->y + baseline - origin);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < p->first_line + p->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_row (PcReport        *self,
          cairo_t         *cr,
          const Placement *p)
{
  PcReportBlock *block = g_ptr_array_index (self->blocks, p->block);
  double text_width = self->width - 2 * MARGIN_X;

  for (guint i = 0; i < block->cells->len; i++)
    {
      PcReportCell *cell = g_ptr_array_index (block->cells, i);
      double x = MARGIN_X + cell->x * text_width;
      double w = cell->width * text_width;

      if (cell->has_fill)
        {
          cairo_rectangle (cr, x + 1.0, p->y + 1.0, w - 2.0, block->height - 2.0);
          cairo_set_source_rgb (cr, cell->fill[0], cell->fill[1], cell->fill[2]);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (cr, 0.6);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, block->color[0], block->color[1], block->color[2]);
      cairo_move_to (cr, x + CELL_PAD, p->y + CELL_PAD);
      pango_cairo_show_layout (cr, cell->layout);
    }

  if (block->rule_below)
    {
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN_X, p->y + block->height - 0.25);
      cairo_line_to (cr, self->width - MARGIN_X, p->y + block->height - 0.25);
      cairo_stroke (cr);
    }
}

static void
show_small (PcReport   *self,
            cairo_t    *cr,
            const char *markup,
            double      x,
            double      y,
            double      width,
            PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (self, PC_REPORT_STYLE_SMALL, markup, width);

  /* Page furniture is one line: a long title is shortened. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_watermark (PcReport *self,
                cairo_t  *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;
  int w, h;

  markup = g_markup_printf_escaped ("<span font=\"" FAMILIES " Bold 54\">%s</span>",
                                    _("DRAFT — not signed off"));
  layout = make_layout (self, PC_REPORT_STYLE_BODY, markup, self->width * 2);
  pango_layout_get_size (layout, &w, &h);

  cairo_save (cr);
  cairo_translate (cr, self->width / 2, self->height / 2);
  cairo_rotate (cr, -atan2 (self->height, self->width));
  cairo_set_source_rgba (cr, 0.8, 0.1, 0.1, 0.10);
  cairo_move_to (cr, -(double) w / PANGO_SCALE / 2, -(double) h / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_furniture (PcReport *self,
                cairo_t  *cr,
                guint     page_index)
{
  double text_width = self->width - 2 * MARGIN_X;
  double footer_y = self->height - MARGIN_BOTTOM + FOOTER_GAP;
  g_autofree char *head = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  /* Header */
  head = g_markup_printf_escaped (_("Clinical principles assessment · %s"), self->title);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_small (self, cr, head, MARGIN_X, HEADER_Y, self->draft ? text_width * 0.6 : text_width,
              PANGO_ALIGN_LEFT);
  if (self->draft)
    {
      g_autofree char *draft = g_markup_printf_escaped ("<b>%s</b>", _("DRAFT — not signed off"));

      cairo_set_source_rgb (cr, 0.70, 0.07, 0.07);
      show_small (self, cr, draft, MARGIN_X + text_width * 0.6, HEADER_Y, text_width * 0.4,
                  PANGO_ALIGN_RIGHT);
    }

  /* Footer */
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, footer_y - 5.0);
  cairo_line_to (cr, self->width - MARGIN_X, footer_y - 5.0);
  cairo_stroke (cr);

  left = g_markup_printf_escaped (_("%s revision %d · Page %u of %u"), self->reference,
                                  self->revision, page_index + 1, self->n_pages);
  right = g_markup_printf_escaped (_("Content SHA-256 %s…"), self->hash_prefix);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  show_small (self, cr, left, MARGIN_X, footer_y, text_width * 0.55, PANGO_ALIGN_LEFT);
  show_small (self, cr, right, MARGIN_X + text_width * 0.55, footer_y, text_width * 0.45,
              PANGO_ALIGN_RIGHT);
}

void
pc_report_draw_page (PcReport *self,
                     cairo_t  *cr,
                     guint     page_index)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page_index < self->n_pages);

  cairo_save (cr);
  draw_furniture (self, cr, page_index);

  /* Placements are in page order; a binary search would do, but a
   * report has a few hundred. */
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *p = &g_array_index (self->placements, Placement, i);
      PcReportBlock *block;

      if (p->page != page_index)
        continue;
      block = g_ptr_array_index (self->blocks, p->block);
      if (block->kind == PC_REPORT_BLOCK_ROW)
        draw_row (self, cr, p);
      else
        draw_text_run (self, cr, p);
    }

  /* Last, so that text extraction finds it after the page's text. */
  if (self->draft)
    draw_watermark (self, cr);
  cairo_restore (cr);
}

/* The PDF */

static void
set_metadata (PcReport        *self,
              cairo_surface_t *surface)
{
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;

  subject = g_strdup_printf (_("Clinical principles assessment %s revision %d"),
                             self->reference, self->revision);
  creator = g_strdup_printf ("Principle Check %s", PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->lead);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, self->created);
}

static void
add_outline (PcReport        *self,
             cairo_surface_t *surface)
{
  for (guint i = 0; i < self->outline->len; i++)
    {
      const OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      char link[96];

      /* cairo parses the numbers in the C locale's way. */
      g_snprintf (link, sizeof link, "page=%u pos=[%d %d]", entry->page + 1,
                  (int) MARGIN_X, (int) entry->y);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, entry->title, link, 0);
    }
}

static gboolean
draw_pdf (PcReport    *self,
          const char  *path,
          GError     **error)
{
  const double width = 595.276, height = 841.89;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;
  guint n_pages;

  set_metadata (self, surface);
  n_pages = pc_report_paginate (self, cr, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      pc_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  add_outline (self, surface);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PC_REPORT_ERROR, PC_REPORT_ERROR_FAILED,
                   _("Cannot write the report to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
pc_report_write_pdf (PcReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pc_file_check_not_database (path, error))
    return FALSE;

  /* In the same folder, so the rename is atomic. */
  tmp = g_strconcat (path, ".tmp-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (!draw_pdf (self, tmp, error))
    {
      g_unlink (tmp);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write the report to “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}
