/* pc-principle-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-principle-page"

#include "config.h"

#include "pc-principle-page.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-prompt-editor.h"

struct _PcPrinciplePage
{
  GtkWidget          parent_instance;

  /* Owned */
  char              *principle_id;
  PcAssessmentSession *session;
  GPtrArray         *editors;   /* PcPromptEditor, borrowed from editors_box */
  char              *scroll_to; /* a prompt to scroll to once laid out, or NULL */
  guint              scroll_tick;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkLabel          *title_label;
  GtkLabel          *description_label;
  GtkBox            *editors_box;
};

G_DEFINE_FINAL_TYPE (PcPrinciplePage, pc_principle_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRINCIPLE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PcPrinciple *
find_principle (PcPrinciplePage *self,
                PcChecklist     *checklist)
{
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    if (g_strcmp0 (pc_checklist_get_principle (checklist, i)->id, self->principle_id) == 0)
      return pc_checklist_get_principle (checklist, i);

  return NULL;
}

/* Makes the page hold one editor for each of @n prompts, keeping the
 * editors it has: an editor shows another prompt at less cost than a new
 * one is built. */
static void
ensure_editors (PcPrinciplePage *self,
                guint            n)
{
  while (self->editors->len > n)
    {
      GtkWidget *editor = g_ptr_array_steal_index (self->editors, self->editors->len - 1);
      GtkWidget *separator = gtk_widget_get_prev_sibling (editor);

      gtk_box_remove (self->editors_box, editor);
      if (separator != NULL)
        gtk_box_remove (self->editors_box, separator);
    }

  while (self->editors->len < n)
    {
      GtkWidget *editor = pc_prompt_editor_new ();

      if (self->editors->len > 0)
        gtk_box_append (self->editors_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (self->editors_box, editor);
      g_ptr_array_add (self->editors, editor);
    }
}

void
pc_principle_page_show_principle (PcPrinciplePage     *self,
                                  PcAssessmentSession *session,
                                  const char          *principle_id)
{
  const PcPrinciple *principle;
  gboolean other = FALSE;

  g_return_if_fail (PC_IS_PRINCIPLE_PAGE (self));
  g_return_if_fail (PC_IS_ASSESSMENT_SESSION (session));
  g_return_if_fail (principle_id != NULL);

  if (self->session == session && g_strcmp0 (self->principle_id, principle_id) == 0)
    return;

  if (g_strcmp0 (self->principle_id, principle_id) != 0)
    {
      other = TRUE;
      g_free (self->principle_id);
      self->principle_id = g_strdup (principle_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINCIPLE_ID]);
    }
  g_set_object (&self->session, session);
  principle = find_principle (self, pc_assessment_session_get_checklist (session));

  if (principle == NULL)
    {
      ensure_editors (self, 0);
      gtk_label_set_text (self->title_label, _("No Such Principle"));
      gtk_label_set_text (self->description_label, "");
      return;
    }

  gtk_label_set_text (self->title_label, principle->title);
  gtk_label_set_text (self->description_label, principle->description);
  ensure_editors (self, principle->prompts->len);
  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);

      pc_prompt_editor_set_session (g_ptr_array_index (self->editors, i), session, prompt->id);
    }

  /* Another principle starts at its top, as a new page would. */
  if (other)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

gboolean
pc_principle_page_get_pending (PcPrinciplePage *self)
{
  g_return_val_if_fail (PC_IS_PRINCIPLE_PAGE (self), FALSE);

  for (guint i = 0; i < self->editors->len; i++)
    if (pc_prompt_editor_get_pending (g_ptr_array_index (self->editors, i)))
      return TRUE;

  return FALSE;
}

GtkWidget *
pc_principle_page_get_editor (PcPrinciplePage *self,
                              const char      *prompt_id)
{
  g_return_val_if_fail (PC_IS_PRINCIPLE_PAGE (self), NULL);

  for (guint i = 0; i < self->editors->len; i++)
    {
      PcPromptEditor *editor = g_ptr_array_index (self->editors, i);

      if (prompt_id == NULL || g_strcmp0 (pc_prompt_editor_get_prompt_id (editor), prompt_id) == 0)
        return GTK_WIDGET (editor);
    }

  return NULL;
}

/* Scrolls the page so that the prompt in scroll_to starts at the top
 * (the first prompt: the top of the page, with its title), as soon as
 * the page has been laid out. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PcPrinciplePage *self = PC_PRINCIPLE_PAGE (widget);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scrolled_window);
  GtkWidget *editor;
  graphene_point_t point;

  if (gtk_adjustment_get_upper (vadjustment) <= 0)
    return G_SOURCE_CONTINUE;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));

  editor = self->scroll_to != NULL ? pc_principle_page_get_editor (self, self->scroll_to) : NULL;
  if (editor == NULL || editor == g_ptr_array_index (self->editors, 0))
    gtk_adjustment_set_value (vadjustment, 0);
  else if (gtk_widget_compute_point (editor, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (vadjustment, point.y);

  g_clear_pointer (&self->scroll_to, g_free);
  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

gboolean
pc_principle_page_focus_prompt (PcPrinciplePage *self,
                                const char      *prompt_id)
{
  GtkWidget *editor;

  g_return_val_if_fail (PC_IS_PRINCIPLE_PAGE (self), FALSE);

  editor = pc_principle_page_get_editor (self, prompt_id);
  if (editor == NULL)
    return FALSE;

  pc_prompt_editor_focus_rating (PC_PROMPT_EDITOR (editor));

  /* A page built a moment ago has no layout yet: scroll once it has. */
  g_free (self->scroll_to);
  self->scroll_to = g_strdup (prompt_id);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb,
                                                      NULL, NULL);

  return TRUE;
}

const char *
pc_principle_page_get_principle_id (PcPrinciplePage *self)
{
  g_return_val_if_fail (PC_IS_PRINCIPLE_PAGE (self), NULL);

  return self->principle_id;
}

/* GObject */

GtkWidget *
pc_principle_page_new (const char *principle_id)
{
  return g_object_new (PC_TYPE_PRINCIPLE_PAGE, "principle-id", principle_id, NULL);
}

static void
pc_principle_page_dispose (GObject *object)
{
  PcPrinciplePage *self = (PcPrinciplePage *) object;

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_ptr_array_set_size (self->editors, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_PRINCIPLE_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pc_principle_page_parent_class)->dispose (object);
}

static void
pc_principle_page_finalize (GObject *object)
{
  PcPrinciplePage *self = (PcPrinciplePage *) object;

  g_free (self->principle_id);
  g_free (self->scroll_to);
  g_ptr_array_unref (self->editors);

  G_OBJECT_CLASS (pc_principle_page_parent_class)->finalize (object);
}

static void
pc_principle_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcPrinciplePage *self = PC_PRINCIPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE_ID:
      g_value_set_string (value, self->principle_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_principle_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PcPrinciplePage *self = PC_PRINCIPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PRINCIPLE_ID:
      g_free (self->principle_id);
      self->principle_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_principle_page_class_init (PcPrinciplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_principle_page_dispose;
  object_class->finalize = pc_principle_page_finalize;
  object_class->get_property = pc_principle_page_get_property;
  object_class->set_property = pc_principle_page_set_property;

  properties[PROP_PRINCIPLE_ID] =
    g_param_spec_string ("principle-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY
                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-principle-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcPrinciplePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PcPrinciplePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcPrinciplePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PcPrinciplePage, editors_box);

  g_type_ensure (PC_TYPE_PROMPT_EDITOR);
}

static void
pc_principle_page_init (PcPrinciplePage *self)
{
  self->editors = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
