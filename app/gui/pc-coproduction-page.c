/* pc-coproduction-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-coproduction-page"

#include "config.h"

#include "pc-coproduction-page.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-assessment-session.h"
#include "pc-date-row.h"
#include "pc-page-common.h"
#include "pc-ui.h"

struct _PcCoproductionPage
{
  GtkWidget            parent_instance;

  /* Owned */
  PcAssessmentSession *session;
  GPtrArray           *entry_rows;
  gboolean             editable;

  /* Template widgets */
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *entries_group;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *who_row;
  AdwComboRow         *how_row;
  AdwEntryRow         *how_other_row;
  PcDateRow           *date_row;
  GtkTextView         *changed_view;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (PcCoproductionPage, pc_coproduction_page, GTK_TYPE_WIDGET)

/* The ways of taking part the combo row offers; the last is "Other",
 * which asks for words of the user's own. */
static const char * const ways[] = {
  N_("Workshop"),
  N_("Survey"),
  N_("Interview"),
  N_("Walkabout"),
  N_("Other"),
};

#define WAY_OTHER (G_N_ELEMENTS (ways) - 1)

static char *
dup_who (PcCoproductionPage *self)
{
  return pc_ui_dup_unless_blank (gtk_editable_get_text (GTK_EDITABLE (self->who_row)));
}

static char *
dup_how (PcCoproductionPage *self)
{
  guint selected = adw_combo_row_get_selected (self->how_row);

  if (selected == WAY_OTHER)
    return pc_ui_dup_unless_blank (gtk_editable_get_text (GTK_EDITABLE (self->how_other_row)));
  if (selected < WAY_OTHER)
    return g_strdup (_(ways[selected]));

  return NULL;
}

static char *
dup_changed (PcCoproductionPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->changed_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return pc_ui_dup_unless_blank (text);
}

static void
form_changed_cb (PcCoproductionPage *self)
{
  g_autofree char *who = dup_who (self);
  g_autofree char *how = dup_how (self);
  g_autofree char *changed = dup_changed (self);

  gtk_widget_set_visible (GTK_WIDGET (self->how_other_row),
                          adw_combo_row_get_selected (self->how_row) == WAY_OTHER);
  gtk_widget_set_sensitive (self->add_button,
                            who != NULL && how != NULL && changed != NULL
                            && !pc_date_row_is_empty (self->date_row)
                            && pc_date_row_is_valid (self->date_row));
}

static void
clear_form (PcCoproductionPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->who_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->how_other_row), "");
  adw_combo_row_set_selected (self->how_row, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->changed_view), "", -1);
  /* The date stays: entries often come from the same day. */
  form_changed_cb (self);
}

static void
add_clicked_cb (PcCoproductionPage *self)
{
  g_autofree char *who = dup_who (self);
  g_autofree char *how = dup_how (self);
  g_autofree char *changed = dup_changed (self);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || !self->editable)
    return;

  /* The session says the record changed, and the rows follow. */
  if (pc_assessment_session_add_coproduction (self->session, who, how,
                                              pc_date_row_get_text (self->date_row), changed,
                                              &error) == 0)
    {
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Add the Entry"), error);
      return;
    }

  clear_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->who_row));
}

static void
suggest_who_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PcCoproductionPage *self = PC_COPRODUCTION_PAGE (widget);
  const char *suggestion = g_variant_get_string (parameter, NULL);
  g_autofree char *who = dup_who (self);
  g_autofree char *text = NULL;

  /* Suggestions add up: "Service users, Carers". */
  if (who == NULL)
    text = g_strdup (suggestion);
  else
    /* Translators: joins two groups of people who took part. */
    text = g_strdup_printf (_("%s, %s"), who, suggestion);

  gtk_editable_set_text (GTK_EDITABLE (self->who_row), text);
  gtk_editable_set_position (GTK_EDITABLE (self->who_row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->who_row));
}

/* Entries */

typedef struct
{
  PcCoproductionPage *self;
  gint64              entry_id;
} RemoveData;

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  RemoveData *data = user_data;
  PcCoproductionPage *self = data->self;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "remove") && self->session != NULL
      && !pc_assessment_session_remove_coproduction (self->session, data->entry_id, &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Remove the Entry"), error);
}

/* The entry @entry_id as the session holds it now, or NULL. */
static const PcCoproduction *
find_entry (PcCoproductionPage *self,
            gint64              entry_id)
{
  const PcAssessment *assessment = pc_assessment_session_get_assessment (self->session);

  for (guint i = 0; i < assessment->coproduction->len; i++)
    {
      const PcCoproduction *entry = g_ptr_array_index (assessment->coproduction, i);

      if (entry->id == entry_id)
        return entry;
    }

  return NULL;
}

static void
remove_clicked_cb (GtkButton          *button,
                   PcCoproductionPage *self)
{
  gint64 *entry_id = g_object_get_data (G_OBJECT (button), "pc-entry-id");
  const PcCoproduction *entry;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RemoveData *data;
  GtkWidget *dialog;

  if (self->session == NULL || (entry = find_entry (self, *entry_id)) == NULL)
    return;

  data = g_new0 (RemoveData, 1);
  data->self = self;
  data->entry_id = entry->id;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Remove This Entry?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” (%s, %s) will be taken out of the co-production record. The history of the assessment keeps a note of it."),
                                  entry->who, entry->how, entry->date);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (remove_response_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  /* The page outlives the dialog only if it is still there when the
   * user answers; keep it alive until then. */
  g_object_set_data_full (G_OBJECT (dialog), "pc-page", g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
make_entry_row (PcCoproductionPage   *self,
                const PcCoproduction *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (_("%s — %s"), entry->date, entry->who);
  g_autofree char *subtitle = g_strdup_printf (_("%s. What changed: %s"), entry->how, entry->changed);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (self->editable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove the entry of %s, %s"), entry->date, entry->who);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove this entry"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* By id: the session's copy of the entry is replaced when it
       * reads the assessment again. */
      g_object_set_data_full (G_OBJECT (button), "pc-entry-id",
                              g_memdup2 (&entry->id, sizeof entry->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

/* Public */

GtkWidget *
pc_coproduction_page_new (void)
{
  return g_object_new (PC_TYPE_COPRODUCTION_PAGE, NULL);
}

/* The entries and whether they can be changed, as the session holds
 * them. */
static void
update_entries (PcCoproductionPage *self)
{
  const PcAssessment *assessment = pc_assessment_session_get_assessment (self->session);
  gboolean any;

  self->editable = pc_assessment_session_get_editable (self->session);

  for (guint i = 0; i < self->entry_rows->len; i++)
    adw_preferences_group_remove (self->entries_group, self->entry_rows->pdata[i]);
  g_ptr_array_set_size (self->entry_rows, 0);
  for (guint i = 0; i < assessment->coproduction->len; i++)
    {
      GtkWidget *row = make_entry_row (self, assessment->coproduction->pdata[i]);

      adw_preferences_group_add (self->entries_group, row);
      g_ptr_array_add (self->entry_rows, row);
    }

  any = assessment->coproduction->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !any);
  gtk_widget_set_visible (GTK_WIDGET (self->entries_group), any);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), self->editable);
  if (!self->editable && !any)
    adw_status_page_set_description (self->empty_page,
                                     _("Nobody was recorded as taking part before this assessment left its draft."));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("Record who helped shape this service — service users, carers, staff, partners, community groups — and what changed because of them: it is the evidence for the “Collaborative and co-produced” principle."));
}

void
pc_coproduction_page_set_session (PcCoproductionPage  *self,
                                  PcAssessmentSession *session)
{
  static const PcSessionHandler handlers[] = {
    { "coproduction-changed", G_CALLBACK (update_entries) },
    { "state-changed", G_CALLBACK (update_entries) },
  };

  g_return_if_fail (PC_IS_COPRODUCTION_PAGE (self));
  g_return_if_fail (session == NULL || PC_IS_ASSESSMENT_SESSION (session));

  if (pc_session_follow (self, &self->session, session, handlers, G_N_ELEMENTS (handlers))
      && session != NULL)
    update_entries (self);
}

/* GObject */

static void
pc_coproduction_page_dispose (GObject *object)
{
  PcCoproductionPage *self = (PcCoproductionPage *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_COPRODUCTION_PAGE);
  /* Children of the template without an id are not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  pc_session_follow (self, &self->session, NULL, NULL, 0);
  g_clear_pointer (&self->entry_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pc_coproduction_page_parent_class)->dispose (object);
}

static void
pc_coproduction_page_class_init (PcCoproductionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_coproduction_page_dispose;

  g_type_ensure (PC_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-coproduction-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, entries_group);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, add_group);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, who_row);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, how_row);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, how_other_row);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, changed_view);
  gtk_widget_class_bind_template_child (widget_class, PcCoproductionPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_install_action (widget_class, "coproduction.suggest-who", "s", suggest_who_action);
}

static void
pc_coproduction_page_init (PcCoproductionPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->entry_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    gtk_string_list_append (labels, _(ways[i]));
  adw_combo_row_set_model (self->how_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->how_row, 0);

  pc_date_row_set_text (self->date_row, today);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->changed_view), "changed",
                            G_CALLBACK (form_changed_cb), self);
  form_changed_cb (self);
}
