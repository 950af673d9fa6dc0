/* pc-list-row.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget, not six: the list shows thousands of assessments and
 * GTK 4.8's list view makes and re-binds row widgets whenever a search
 * changes what is shown, and each widget costs its CSS, its measuring
 * and its Pango layout. The row draws as the labels it replaces did:
 *
 *   [Title (heading)                        ] [State pill] [ 12/54]
 *   [reference, revision · division · … (dim)]
 *
 * Fonts and colours still come from CSS: the row's own node for the
 * text (as the labels inherited it), and a node with the pill's classes
 * (.pc-state and the state's, see style.css) for the pill.
 */

#define G_LOG_DOMAIN "pc-list-row"

#include "config.h"

#include "pc-list-row.h"

#include <glib/gi18n.h>

#include "pc-vocab.h"

/* As the box and labels this row replaces were laid out. */
#define MARGIN        6   /* around the row */
#define SPACING       12  /* between the text, the pill and the progress */
#define LINE_SPACING  3   /* between the title and the line under it */
#define PROGRESS_CHARS 7  /* the progress's width, in characters */
/* libadwaita's .dim-label, which the line under the title had. */
#define DIM_OPACITY   0.55

typedef enum
{
  PART_TITLE,
  PART_SUBTITLE,
  PART_STATE,
  PART_PROGRESS,
  N_PARTS
} Part;

struct _PcListRow
{
  GtkWidget    parent_instance;

  guint        serial;              /* of the item shown, or 0 */
  char        *texts[N_PARTS];
  const char  *state_style;         /* a state id or "altered" */

  /* Made when first drawn (a list keeps about 200 rows, most of them
   * off screen); on the widget's Pango context, so they follow its
   * font, scale and direction. */
  PangoLayout *layouts[N_PARTS];
};

/* What the size of a row depends on apart from its texts, for every row
 * at once: GTK 4.8 makes new rows on each search, and shaping text to
 * measure each would cost more than the rest of the row. Made again
 * when the font (or its scale) changes. */
typedef struct
{
  guint        font_hash;
  double       resolution;
  int          heights[N_PARTS];     /* a line of each part */
  int          char_widths[N_PARTS]; /* an average character of each part */
  int          progress_width;       /* PROGRESS_CHARS wide */
  GtkBorder    pill_padding;
  GHashTable  *pill_widths;          /* state text → its width */
} Metrics;

static Metrics metrics;

G_DEFINE_FINAL_TYPE (PcListRow, pc_list_row, GTK_TYPE_WIDGET)

/* Texts and their layouts */

static PangoAttrList *
part_attributes (Part part)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  switch (part)
    {
    case PART_TITLE:
      /* libadwaita's .heading: bold, 11pt (scaled with the text) */
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_size_new (11 * PANGO_SCALE));
      break;
    case PART_STATE:
      /* .pc-state in style.css: bold, smaller */
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      break;
    case PART_PROGRESS:
      /* libadwaita's .numeric: figures of one width */
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      break;
    case PART_SUBTITLE:
    case N_PARTS:
    default:
      break;
    }

  return attrs;
}

/* A layout of @text in @part's font, on @pango. */
static PangoLayout *
new_layout (PangoContext *pango,
            Part          part,
            const char   *text)
{
  PangoLayout *layout = pango_layout_new (pango);
  g_autoptr(PangoAttrList) attrs = part_attributes (part);

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoLayout *
get_layout (PcListRow *self,
            Part       part)
{
  if (self->layouts[part] == NULL)
    {
      self->layouts[part] = new_layout (gtk_widget_get_pango_context (GTK_WIDGET (self)), part,
                                        self->texts[part]);
      if (part == PART_TITLE || part == PART_SUBTITLE)
        pango_layout_set_ellipsize (self->layouts[part], PANGO_ELLIPSIZE_END);
    }

  return self->layouts[part];
}

static void
set_text (PcListRow  *self,
          Part        part,
          char       *text)   /* (transfer full) */
{
  g_free (self->texts[part]);
  self->texts[part] = text;
  if (self->layouts[part] != NULL)
    pango_layout_set_text (self->layouts[part], text, -1);
}

/* The pill's own style: the row's node with the pill's classes added. */
static GtkStyleContext *
push_pill_style (PcListRow *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_save (context);
  gtk_style_context_add_class (context, "pc-state");
  gtk_style_context_add_class (context, self->state_style);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return context;
}

static void
pop_pill_style (GtkStyleContext *context)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_restore (context);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static const Metrics *
get_metrics (PcListRow *self)
{
  static const char sample[] = "Assessment of a service, revision 1 · Trust 0123456789";
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint font_hash = pango_font_description_hash (pango_context_get_font_description (pango));
  double resolution = pango_cairo_context_get_resolution (pango);
  PangoFontMetrics *font;
  GtkStyleContext *context;
  int char_width;

  if (metrics.pill_widths != NULL && metrics.font_hash == font_hash
      && metrics.resolution == resolution)
    return &metrics;

  if (metrics.pill_widths == NULL)
    metrics.pill_widths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_remove_all (metrics.pill_widths);
  metrics.font_hash = font_hash;
  metrics.resolution = resolution;

  for (Part part = 0; part < N_PARTS; part++)
    {
      g_autoptr(PangoLayout) layout = new_layout (pango, part, sample);
      int width;

      pango_layout_get_pixel_size (layout, &width, &metrics.heights[part]);
      metrics.char_widths[part] = width / g_utf8_strlen (sample, -1) + 1;
    }

  /* As GtkLabel's width-chars: the wider of a character and a digit. */
  font = pango_context_get_metrics (pango, NULL, NULL);
  char_width = MAX (pango_font_metrics_get_approximate_char_width (font),
                    pango_font_metrics_get_approximate_digit_width (font));
  metrics.progress_width = PANGO_PIXELS_CEIL (char_width * PROGRESS_CHARS);
  pango_font_metrics_unref (font);

  context = push_pill_style (self);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_padding (context, &metrics.pill_padding);
  G_GNUC_END_IGNORE_DEPRECATIONS
  pop_pill_style (context);

  return &metrics;
}

/* The pill's width: its text (one of a few) measured once. */
static int
pill_width (PcListRow     *self,
            const Metrics *m)
{
  const char *text = self->texts[PART_STATE];
  gpointer width;

  if (!g_hash_table_lookup_extended (m->pill_widths, text, NULL, &width))
    {
      g_autoptr(PangoLayout) layout = new_layout (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                                  PART_STATE, text);
      int pixels;

      pango_layout_get_pixel_size (layout, &pixels, NULL);
      width = GINT_TO_POINTER (pixels);
      g_hash_table_insert (m->pill_widths, g_strdup (text), width);
    }

  return GPOINTER_TO_INT (width) + m->pill_padding.left + m->pill_padding.right;
}

static int
pill_height (const Metrics *m)
{
  return m->heights[PART_STATE] + m->pill_padding.top + m->pill_padding.bottom;
}

/* Widget */

static void
pc_list_row_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  PcListRow *self = PC_LIST_ROW (widget);
  const Metrics *m = get_metrics (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int side = SPACING + pill_width (self, m) + SPACING + m->progress_width + 2 * MARGIN;
      /* Estimated from the length: the title and its line ellipsize as
       * the labels did, and are shaped only when drawn. */
      int title = g_utf8_strlen (self->texts[PART_TITLE], -1) * m->char_widths[PART_TITLE];
      int line = g_utf8_strlen (self->texts[PART_SUBTITLE], -1) * m->char_widths[PART_SUBTITLE];

      *minimum = side;
      *natural = side + MAX (title, line);
    }
  else
    {
      int text = m->heights[PART_TITLE] + LINE_SPACING + m->heights[PART_SUBTITLE];

      *minimum = *natural = 2 * MARGIN + MAX (text, MAX (pill_height (m), m->heights[PART_PROGRESS]));
    }
}

/* @x counted from the start edge, mirrored right to left. */
static float
start_x (GtkWidget *widget,
         int        x,
         int        width)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (widget) - x - width;
  return x;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             float          x,
             float          y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The title or its line, ellipsized when it does not fit. */
static void
append_line (PcListRow     *self,
             GtkSnapshot   *snapshot,
             Part           part,
             int            width,
             int            y,
             const GdkRGBA *color)
{
  PangoLayout *layout = get_layout (self, part);
  int shown;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, &shown, NULL);
  append_text (snapshot, layout, start_x (GTK_WIDGET (self), MARGIN, shown), y, color);
}

static void
pc_list_row_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  PcListRow *self = PC_LIST_ROW (widget);
  const Metrics *m = get_metrics (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  PangoLayout *progress = get_layout (self, PART_PROGRESS);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int progress_x = width - MARGIN - m->progress_width;
  int pill = pill_width (self, m);
  int pill_x = progress_x - SPACING - pill;
  int pill_y = (height - pill_height (m)) / 2;
  int text_width = MAX (0, pill_x - SPACING - MARGIN);
  int progress_width;
  GdkRGBA color;
  GdkRGBA dim;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= DIM_OPACITY;

  append_line (self, snapshot, PART_TITLE, text_width, MARGIN, &color);
  append_line (self, snapshot, PART_SUBTITLE, text_width,
               MARGIN + m->heights[PART_TITLE] + LINE_SPACING, &dim);

  /* Right-aligned in its PROGRESS_CHARS. */
  pango_layout_get_pixel_size (progress, &progress_width, NULL);
  append_text (snapshot, progress,
               start_x (widget, width - MARGIN - progress_width, progress_width),
               (height - m->heights[PART_PROGRESS]) / 2, &color);

  {
    GtkStyleContext *style = push_pill_style (self);
    float x = start_x (widget, pill_x, pill);
    GdkRGBA pill_color;

    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_style_context_get_color (style, &pill_color);
    G_GNUC_END_IGNORE_DEPRECATIONS
    gtk_snapshot_render_background (snapshot, style, x, pill_y, pill, pill_height (m));
    append_text (snapshot, get_layout (self, PART_STATE), x + m->pill_padding.left,
                 pill_y + m->pill_padding.top, &pill_color);
    pop_pill_style (style);
  }
}

static gboolean
pc_list_row_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  PcListRow *self = PC_LIST_ROW (widget);
  int progress_x = gtk_widget_get_width (widget) - MARGIN - get_metrics (self)->progress_width;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = gtk_widget_get_width (widget) - x;
  if (!keyboard && x < progress_x)
    return FALSE;

  gtk_tooltip_set_text (tooltip, _("Prompts answered"));
  return TRUE;
}

static void
pc_list_row_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (pc_list_row_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

/* Public */

GtkWidget *
pc_list_row_new (void)
{
  return g_object_new (PC_TYPE_LIST_ROW, NULL);
}

void
pc_list_row_set_item (PcListRow        *self,
                      PcAssessmentItem *item)
{
  const PcListItem *data;
  const char *division;
  g_autofree char *date = NULL;
  g_autofree char *accessible = NULL;
  char *line;
  char *state;

  g_return_if_fail (PC_IS_LIST_ROW (self));
  g_return_if_fail (PC_IS_ASSESSMENT_ITEM (item));

  /* GTK 4.8 binds every kept row again on each filter change. */
  if (self->serial == pc_assessment_item_get_serial (item))
    return;
  self->serial = pc_assessment_item_get_serial (item);

  data = pc_assessment_item_get_data (item);
  division = pc_vocab_id_to_label (PC_VOCAB_DIVISION, data->division);
  date = g_strndup (data->updated_at, 10);
  line = g_strdup_printf (_("%s, revision %d · %s · %s · changed %s"), data->reference,
                          data->revision, division ? division : data->division, data->lead, date);
  if (data->integrity == PC_INTEGRITY_ALTERED)
    /* Translators: the state of a record whose signatures no longer hold. */
    state = g_strdup (_("Altered"));
  else if (data->imported)
    state = g_strdup_printf (_("%s (imported)"), pc_state_to_label (data->state));
  else
    state = g_strdup (pc_state_to_label (data->state));

  set_text (self, PART_TITLE, g_strdup (data->title));
  set_text (self, PART_SUBTITLE, line);
  set_text (self, PART_STATE, state);
  set_text (self, PART_PROGRESS, g_strdup_printf ("%u/%u", data->answered, data->total));
  self->state_style = data->integrity == PC_INTEGRITY_ALTERED ? "altered"
                                                              : pc_state_to_string (data->state);
  gtk_widget_queue_resize (GTK_WIDGET (self));

  if (data->integrity == PC_INTEGRITY_ALTERED)
    accessible = g_strdup_printf (_("%s. %s. Altered since it was signed: do not rely on it. %u of %u prompts answered."),
                                  data->title, line, data->answered, data->total);
  else
    accessible = g_strdup_printf (_("%s. %s. %s. %u of %u prompts answered."), data->title, line,
                                  state, data->answered, data->total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

const char *
pc_list_row_get_title (PcListRow *self)
{
  g_return_val_if_fail (PC_IS_LIST_ROW (self), NULL);

  return self->texts[PART_TITLE];
}

const char *
pc_list_row_get_subtitle (PcListRow *self)
{
  g_return_val_if_fail (PC_IS_LIST_ROW (self), NULL);

  return self->texts[PART_SUBTITLE];
}

const char *
pc_list_row_get_state (PcListRow *self)
{
  g_return_val_if_fail (PC_IS_LIST_ROW (self), NULL);

  return self->texts[PART_STATE];
}

const char *
pc_list_row_get_progress (PcListRow *self)
{
  g_return_val_if_fail (PC_IS_LIST_ROW (self), NULL);

  return self->texts[PART_PROGRESS];
}

/* GObject */

static void
pc_list_row_finalize (GObject *object)
{
  PcListRow *self = (PcListRow *) object;

  for (Part part = 0; part < N_PARTS; part++)
    {
      g_clear_object (&self->layouts[part]);
      g_free (self->texts[part]);
    }

  G_OBJECT_CLASS (pc_list_row_parent_class)->finalize (object);
}

static void
pc_list_row_class_init (PcListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pc_list_row_finalize;
  widget_class->measure = pc_list_row_measure;
  widget_class->snapshot = pc_list_row_snapshot;
  widget_class->query_tooltip = pc_list_row_query_tooltip;
  widget_class->direction_changed = pc_list_row_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "pc-list-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pc_list_row_init (PcListRow *self)
{
  for (Part part = 0; part < N_PARTS; part++)
    self->texts[part] = g_strdup ("");
  self->state_style = "draft";
  /* Set once, before the row is shown (setting a tooltip later costs
   * X round trips in GTK 4.8). */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}
