/* pc-overview-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-overview-page"

#include "config.h"

#include "pc-overview-page.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-assessment-session.h"
#include "pc-checklist.h"
#include "pc-header-form.h"
#include "pc-page-common.h"
#include "pc-vocab.h"

struct _PcOverviewPage
{
  GtkWidget            parent_instance;

  /* Owned */
  PcAssessmentSession *session;
  /* Fields typed that the store would not take yet (a title emptied,
   * half a date): kept as typed, and not queued. */
  GHashTable          *held;
  GPtrArray           *principle_rows;  /* AdwActionRow, in checklist order */
  PcChecklist         *rows_checklist;  /* the checklist they were made for */

  /* Template widgets */
  GtkLabel            *heading_label;
  GtkLabel            *reference_label;
  AdwPreferencesGroup *summary_group;
  AdwActionRow        *state_row;
  GtkLabel            *state_label;
  AdwActionRow        *progress_row;
  GtkLevelBar         *progress_bar;
  AdwActionRow        *findings_row;
  GtkImage            *findings_icon;
  AdwPreferencesGroup *principles_group;
  PcHeaderForm        *form;
};

G_DEFINE_FINAL_TYPE (PcOverviewPage, pc_overview_page, GTK_TYPE_WIDGET)

static const PcAssessment *
current (PcOverviewPage *self)
{
  return pc_assessment_session_get_assessment (self->session);
}

/* Saving: through the session's queue, which writes a moment after the
 * last keystroke, and on leaving the page or closing. */

static void
field_changed_cb (PcOverviewPage *self,
                  const char     *field)
{
  if (self->session == NULL)
    return;

  /* A field that is not valid stays as typed, unqueued, so that what
   * the session holds does not come back under the user's fingers. */
  if (!pc_header_form_field_is_valid (self->form, field))
    {
      g_hash_table_add (self->held, g_strdup (field));
      return;
    }
  g_hash_table_remove (self->held, field);

  if (g_str_equal (field, "team"))
    {
      g_auto(GStrv) team = pc_header_form_dup_team (self->form);

      pc_assessment_session_queue_team (self->session, (const char * const *) team);
    }
  else
    {
      g_autofree char *value = pc_header_form_dup_value (self->form, field);

      pc_assessment_session_queue_header_field (self->session, field, value);
    }

  /* A choice is saved at once, with whatever was typed before it. */
  if (!pc_header_form_field_is_text (field))
    pc_assessment_session_save_now (self->session);
}

/* Whether the form keeps @field as typed rather than show what the
 * session holds. */
static gboolean
keep_typed (const char *field,
            gpointer    user_data)
{
  PcOverviewPage *self = user_data;

  return g_hash_table_contains (self->held, field)
         || pc_assessment_session_has_pending_header (self->session, field);
}

/* Summary */

static void
review_clicked_cb (PcOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "view.show-page", "s", "review");
}

static void
principle_row_activated_cb (AdwActionRow   *row,
                            PcOverviewPage *self)
{
  g_autofree char *page = g_strdup_printf ("principle:%s",
                                           (const char *) g_object_get_data (G_OBJECT (row), "pc-principle"));

  gtk_widget_activate_action (GTK_WIDGET (self), "view.show-page", "s", page);
}

static GtkWidget *
make_principle_row (PcOverviewPage    *self,
                    const PcPrinciple *principle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), principle->title);

  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "pc-status-dot");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pc-principle", g_strdup (principle->id), g_free);
  g_object_set_data (G_OBJECT (row), "pc-status-dot", dot);
  g_object_set_data (G_OBJECT (row), "pc-status-label", label);
  g_signal_connect (row, "activated", G_CALLBACK (principle_row_activated_cb), self);

  return row;
}

/* Says how far @principle has come, in @row made for it. */
static void
update_principle_row (PcOverviewPage    *self,
                      GtkWidget         *row,
                      const PcPrinciple *principle)
{
  static const PcStatus statuses[] = {
    PC_STATUS_GREY, PC_STATUS_GREEN, PC_STATUS_AMBER, PC_STATUS_RED,
  };
  PcStatus status = pc_assessment_principle_status (current (self), principle);
  const char *word = pc_status_to_label (status);
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "pc-status-dot");
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  guint answered = 0;

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = principle->prompts->pdata[i];

      if (pc_assessment_get_rating (current (self), prompt->id) != PC_RATING_NOT_ASSESSED)
        answered++;
    }
  subtitle = g_strdup_printf (ngettext ("%u of %u prompt answered",
                                           "%u of %u prompts answered", principle->prompts->len),
                              answered, principle->prompts->len);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The colour is a help, never the only signal: the word says it. */
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_remove_css_class (dot, pc_status_to_string (statuses[i]));
  gtk_widget_add_css_class (dot, pc_status_to_string (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, word, -1);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "pc-status-label"), word);

  accessible = g_strdup_printf (_("%s: %s, %s"), principle->title, word, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The rows for the session's checklist: those there already when they
 * are its principles', only brought up to date. */
static void
build_principle_rows (PcOverviewPage *self)
{
  PcChecklist *checklist = pc_assessment_session_get_checklist (self->session);

  if (self->rows_checklist != NULL
      && g_strcmp0 (pc_checklist_get_sha256 (self->rows_checklist),
                    pc_checklist_get_sha256 (checklist)) == 0)
    {
      for (guint i = 0; i < self->principle_rows->len; i++)
        update_principle_row (self, self->principle_rows->pdata[i],
                              pc_checklist_get_principle (checklist, i));
      return;
    }
  g_clear_pointer (&self->rows_checklist, pc_checklist_unref);
  self->rows_checklist = pc_checklist_ref (checklist);

  for (guint i = 0; i < self->principle_rows->len; i++)
    adw_preferences_group_remove (self->principles_group, self->principle_rows->pdata[i]);
  g_ptr_array_set_size (self->principle_rows, 0);
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);
      GtkWidget *row = make_principle_row (self, principle);

      update_principle_row (self, row, principle);
      adw_preferences_group_add (self->principles_group, row);
      g_ptr_array_add (self->principle_rows, row);
    }
}

static void
update_progress (PcOverviewPage *self)
{
  PcChecklist *checklist = pc_assessment_session_get_checklist (self->session);
  guint answered = pc_assessment_count_answered (current (self), checklist);
  guint total = pc_checklist_get_n_prompts (checklist);
  g_autofree char *progress = NULL;

  progress = g_strdup_printf (ngettext ("%u of %u prompt answered",
                                           "%u of %u prompts answered", total),
                              answered, total);
  adw_action_row_set_subtitle (self->progress_row, progress);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (total, 1));
  gtk_level_bar_set_value (self->progress_bar, answered);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);
}

/* A rating changed: the progress, and the row of the prompt's
 * principle, no other. */
static void
answer_changed_cb (PcOverviewPage *self,
                   const char     *prompt_id)
{
  PcChecklist *checklist = pc_assessment_session_get_checklist (self->session);
  const PcPrinciple *principle = NULL;

  update_progress (self);
  if (pc_checklist_find_prompt (checklist, prompt_id, &principle) == NULL)
    return;
  for (guint i = 0; i < self->principle_rows->len; i++)
    if (pc_checklist_get_principle (checklist, i) == principle)
      update_principle_row (self, self->principle_rows->pdata[i], principle);
}

static void
update_findings (PcOverviewPage *self)
{
  g_autofree char *blocking_text = NULL;
  g_autofree char *warning_text = NULL;
  g_autofree char *findings_text = NULL;
  guint blocking = 0;
  guint warnings = 0;

  pc_assessment_session_count_findings (self->session, &blocking, &warnings);
  blocking_text = g_strdup_printf (ngettext ("%u finding blocks sign-off",
                                                "%u findings block sign-off", blocking),
                                   blocking);
  warning_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                  warnings);
  if (blocking == 0 && warnings == 0)
    findings_text = g_strdup (_("Nothing blocks sign-off and there are no warnings"));
  else if (blocking == 0)
    findings_text = g_strdup_printf (_("Nothing blocks sign-off · %s"), warning_text);
  else
    /* Translators: "3 findings block sign-off · 2 warnings". */
    findings_text = g_strdup_printf (_("%s · %s"), blocking_text, warning_text);
  adw_action_row_set_subtitle (self->findings_row, findings_text);
  gtk_image_set_from_icon_name (self->findings_icon,
                                blocking > 0 ? "dialog-error-symbolic"
                                : warnings > 0 ? "dialog-warning-symbolic"
                                : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_icon), "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_icon),
                            blocking > 0 ? "error" : warnings > 0 ? "warning" : "success");
}

/* The title, and the form: fields typed and not yet written keep what
 * is typed in them. */
static void
update_header (PcOverviewPage *self)
{
  gtk_label_set_text (self->heading_label, current (self)->title);
  pc_header_form_load (self->form, current (self), keep_typed, self);
}

static void
update_state (PcOverviewPage *self)
{
  const PcAssessment *a = current (self);
  g_autofree char *reference = NULL;

  reference = g_strdup_printf (_("%s, revision %d · %s"), a->reference, a->revision,
                               pc_checklist_get_title (pc_assessment_session_get_checklist (self->session)));
  gtk_label_set_text (self->reference_label, reference);

  gtk_label_set_text (self->state_label, a->altered != NULL ? _("Altered")
                                                           : pc_state_to_label (a->state));
  pc_widget_set_state_style (GTK_WIDGET (self->state_label),
                             a->altered != NULL ? "altered" : pc_state_to_string (a->state));
  if (a->altered != NULL)
    adw_action_row_set_subtitle (self->state_row, _("It no longer matches its signatures: do not rely on it"));
  else if (a->state == PC_STATE_DRAFT && !a->imported)
    adw_action_row_set_subtitle (self->state_row, _("Being prepared: every change is saved as you go"));
  else if (a->state == PC_STATE_IN_REVIEW)
    adw_action_row_set_subtitle (self->state_row, _("Waiting for a reviewer’s decision: it cannot be changed meanwhile"));
  else
    adw_action_row_set_subtitle (self->state_row, _("Read-only: start a new revision to change it"));

  pc_header_form_set_editable (self->form, pc_assessment_session_get_editable (self->session));
}

/* Public */

GtkWidget *
pc_overview_page_new (void)
{
  return g_object_new (PC_TYPE_OVERVIEW_PAGE, NULL);
}

void
pc_overview_page_set_session (PcOverviewPage      *self,
                              PcAssessmentSession *session)
{
  static const PcSessionHandler handlers[] = {
    { "header-changed", G_CALLBACK (update_header) },
    { "state-changed", G_CALLBACK (update_state) },
    { "answer-changed", G_CALLBACK (answer_changed_cb) },
    { "findings-changed", G_CALLBACK (update_findings) },
  };

  g_return_if_fail (PC_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || PC_IS_ASSESSMENT_SESSION (session));

  if (!pc_session_follow (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;

  /* What was held belonged to the assessment shown before. */
  g_hash_table_remove_all (self->held);
  if (session == NULL)
    return;

  update_header (self);
  update_state (self);
  update_progress (self);
  update_findings (self);
  build_principle_rows (self);
}

/* GObject */

static void
pc_overview_page_dispose (GObject *object)
{
  PcOverviewPage *self = (PcOverviewPage *) object;
  GtkWidget *child;

  /* What is typed waits in the session, which its owner flushes. */
  pc_session_follow (self, &self->session, NULL, NULL, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_OVERVIEW_PAGE);
  /* Children of the template without an id are not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->principle_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_checklist, pc_checklist_unref);
  g_clear_pointer (&self->held, g_hash_table_unref);

  G_OBJECT_CLASS (pc_overview_page_parent_class)->dispose (object);
}

static void
pc_overview_page_class_init (PcOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_overview_page_dispose;

  g_type_ensure (PC_TYPE_HEADER_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, findings_row);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, principles_group);
  gtk_widget_class_bind_template_child (widget_class, PcOverviewPage, form);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_clicked_cb);
}

static void
pc_overview_page_init (PcOverviewPage *self)
{
  self->held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->principle_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
