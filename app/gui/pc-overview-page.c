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
#include "pc-checklist.h"
#include "pc-header-form.h"
#include "pc-lint.h"
#include "pc-store.h"
#include "pc-ui.h"
#include "pc-vocab.h"

/* How long typing may pause before the text is saved. */
#define SAVE_DELAY_MS 700

struct _PcOverviewPage
{
  GtkWidget            parent_instance;

  /* Owned */
  PcStore             *store;
  PcChecklist         *checklist;
  GHashTable          *pending;       /* field names typed but not yet saved */
  guint                save_source;
  GPtrArray           *principle_rows;

  /* Borrowed from the view until the next set_assessment() */
  const PcAssessment  *assessment;
  gint64               assessment_id;

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

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Saving */

/* The value @field holds in the assessment as loaded, as text. */
static char *
stored_value (const PcAssessment *a,
              const char         *field)
{
  if (g_str_equal (field, "title"))
    return g_strdup (a->title);
  if (g_str_equal (field, "kind"))
    return g_strdup (pc_kind_to_string (a->kind));
  if (g_str_equal (field, "division"))
    return g_strdup (a->division);
  if (g_str_equal (field, "priority"))
    return g_strdup (a->priority);
  if (g_str_equal (field, "lead"))
    return g_strdup (a->lead);
  if (g_str_equal (field, "outcomes"))
    return g_strdup (a->outcomes);
  if (g_str_equal (field, "affected"))
    return g_strdup (a->affected);
  if (g_str_equal (field, "start_date"))
    return g_strdup (a->start_date);
  if (g_str_equal (field, "review_date"))
    return g_strdup (a->review_date);

  g_return_val_if_reached (NULL);
}

/* Writes @field if it is valid and differs from what is stored. Returns
 * FALSE with @error when the store refused; *@wrote says whether
 * anything was written. */
static gboolean
write_field (PcOverviewPage  *self,
             const char      *field,
             gboolean        *wrote,
             GError         **error)
{
  if (!pc_header_form_field_is_valid (self->form, field))
    return TRUE;

  if (g_str_equal (field, "team"))
    {
      g_auto(GStrv) team = pc_header_form_dup_team (self->form);

      if (self->assessment != NULL
          && g_strv_equal ((const char * const *) team, (const char * const *) self->assessment->team))
        return TRUE;
      if (!pc_store_set_team (self->store, self->assessment_id, (const char * const *) team, error))
        return FALSE;
    }
  else
    {
      g_autofree char *value = pc_header_form_dup_value (self->form, field);
      g_autofree char *stored = self->assessment != NULL ? stored_value (self->assessment, field) : NULL;

      if (self->assessment != NULL && g_strcmp0 (value, stored) == 0)
        return TRUE;
      if (!pc_store_set_header_field (self->store, self->assessment_id, field, value, error))
        return FALSE;
    }

  *wrote = TRUE;
  return TRUE;
}

/* Writes every pending field and @also (nullable). Emits ::changed once
 * when something was written, after which the assessment may have been
 * replaced. */
static gboolean
save (PcOverviewPage  *self,
      const char      *also,
      GError         **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;
  gboolean wrote = FALSE;
  gboolean ok = TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);

  /* A field that is not valid (a title emptied, half a date) stays
   * pending, so that a reload does not put the old value back under the
   * user's fingers. */
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (pc_header_form_field_is_valid (self->form, key))
      {
        g_ptr_array_add (fields, g_strdup (key));
        g_hash_table_iter_remove (&iter);
      }
  if (also != NULL)
    g_ptr_array_add (fields, g_strdup (also));

  if (self->store == NULL || self->assessment_id == 0)
    return TRUE;

  for (guint i = 0; ok && i < fields->len; i++)
    ok = write_field (self, fields->pdata[i], &wrote, error);

  if (wrote)
    g_signal_emit (self, signals[CHANGED], 0);

  return ok;
}

static void
save_and_report (PcOverviewPage *self,
                 const char     *also)
{
  g_autoptr(GError) error = NULL;

  if (!save (self, also, &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PcOverviewPage *self = user_data;

  self->save_source = 0;
  save_and_report (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (PcOverviewPage *self,
                  const char     *field)
{
  if (pc_header_form_field_is_text (field))
    {
      g_hash_table_add (self->pending, g_strdup (field));
      g_clear_handle_id (&self->save_source, g_source_remove);
      self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
    }
  else
    {
      /* A choice is saved at once, with whatever was typed before it. */
      save_and_report (self, field);
    }
}

gboolean
pc_overview_page_flush (PcOverviewPage  *self,
                        GError         **error)
{
  g_return_val_if_fail (PC_IS_OVERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save (self, NULL, error);
}

void
pc_overview_page_discard_pending (PcOverviewPage *self)
{
  g_return_if_fail (PC_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_hash_table_remove_all (self->pending);
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
make_principle_row (PcOverviewPage     *self,
                    const PcPrinciple  *principle)
{
  PcStatus status = pc_assessment_principle_status (self->assessment, principle);
  const char *word = pc_status_to_label (status);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (word);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  guint answered = 0;

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = principle->prompts->pdata[i];

      if (pc_assessment_get_rating (self->assessment, prompt->id) != PC_RATING_NOT_ASSESSED)
        answered++;
    }
  subtitle = g_strdup_printf (ngettext ("%u of %u prompt answered",
                                           "%u of %u prompts answered", principle->prompts->len),
                              answered, principle->prompts->len);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), principle->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* The colour is a help, never the only signal: the word says it. */
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "pc-status-dot");
  gtk_widget_add_css_class (dot, pc_status_to_string (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, word, -1);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pc-principle", g_strdup (principle->id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (principle_row_activated_cb), self);

  accessible = g_strdup_printf (_("%s: %s, %s"), principle->title, word, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static void
update_summary (PcOverviewPage *self)
{
  const PcAssessment *a = self->assessment;
  g_autoptr(GDate) today = pc_date_new_utc (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *blocking_text = NULL;
  g_autofree char *warning_text = NULL;
  g_autofree char *findings_text = NULL;
  guint answered = pc_assessment_count_answered (a, self->checklist);
  guint total = pc_checklist_get_n_prompts (self->checklist);
  guint blocking = 0;
  guint warnings = 0;

  gtk_label_set_text (self->heading_label, a->title);
  reference = g_strdup_printf (_("%s, revision %d · %s"), a->reference, a->revision,
                               pc_checklist_get_title (self->checklist));
  gtk_label_set_text (self->reference_label, reference);

  gtk_label_set_text (self->state_label, a->altered != NULL ? _("Altered")
                                                           : pc_state_to_label (a->state));
  for (const char * const *id = pc_vocab_ids (PC_VOCAB_STATE); *id != NULL; id++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), *id);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "altered");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label),
                            a->altered != NULL ? "altered" : pc_state_to_string (a->state));
  if (a->altered != NULL)
    adw_action_row_set_subtitle (self->state_row, _("It no longer matches its signatures: do not rely on it"));
  else if (a->state == PC_STATE_DRAFT && !a->imported)
    adw_action_row_set_subtitle (self->state_row, _("Being prepared: every change is saved as you go"));
  else if (a->state == PC_STATE_IN_REVIEW)
    adw_action_row_set_subtitle (self->state_row, _("Waiting for a reviewer’s decision: it cannot be changed meanwhile"));
  else
    adw_action_row_set_subtitle (self->state_row, _("Read-only: start a new revision to change it"));

  progress = g_strdup_printf (ngettext ("%u of %u prompt answered",
                                           "%u of %u prompts answered", total),
                              answered, total);
  adw_action_row_set_subtitle (self->progress_row, progress);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (total, 1));
  gtk_level_bar_set_value (self->progress_bar, answered);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, progress, -1);

  findings = pc_lint_run (a, self->checklist, today);
  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = findings->pdata[i];

      if (finding->level == PC_LEVEL_BLOCK)
        blocking++;
      else
        warnings++;
    }
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

  for (guint i = 0; i < self->principle_rows->len; i++)
    adw_preferences_group_remove (self->principles_group, self->principle_rows->pdata[i]);
  g_ptr_array_set_size (self->principle_rows, 0);
  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    {
      GtkWidget *row = make_principle_row (self, pc_checklist_get_principle (self->checklist, i));

      adw_preferences_group_add (self->principles_group, row);
      g_ptr_array_add (self->principle_rows, row);
    }
}

/* Public */

GtkWidget *
pc_overview_page_new (void)
{
  return g_object_new (PC_TYPE_OVERVIEW_PAGE, NULL);
}

void
pc_overview_page_set_assessment (PcOverviewPage     *self,
                                 PcStore            *store,
                                 const PcAssessment *assessment,
                                 PcChecklist        *checklist)
{
  g_return_if_fail (PC_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (PC_IS_STORE (store));
  g_return_if_fail (assessment != NULL);
  g_return_if_fail (checklist != NULL);

  /* Text typed for another assessment is saved to that one first. */
  if (self->assessment_id != assessment->id && g_hash_table_size (self->pending) > 0)
    {
      self->assessment = NULL;
      save_and_report (self, NULL);
      g_hash_table_remove_all (self->pending);
    }

  g_set_object (&self->store, store);
  if (self->checklist != checklist)
    {
      g_clear_pointer (&self->checklist, pc_checklist_unref);
      self->checklist = pc_checklist_ref (checklist);
    }
  self->assessment = assessment;
  self->assessment_id = assessment->id;

  /* Fields still waiting to be saved keep what is typed in them. */
  pc_header_form_load (self->form, assessment, self->pending);
  pc_header_form_set_editable (self->form, assessment->state == PC_STATE_DRAFT && !assessment->imported);
  update_summary (self);
}

/* GObject */

static void
pc_overview_page_dispose (GObject *object)
{
  PcOverviewPage *self = (PcOverviewPage *) object;
  GtkWidget *child;

  /* Nothing typed is lost when the page goes away. */
  if (self->pending != NULL && g_hash_table_size (self->pending) > 0)
    {
      g_autoptr(GError) error = NULL;

      self->assessment = NULL;
      if (!save (self, NULL, &error))
        g_warning ("Could not save the assessment’s header: %s", error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_OVERVIEW_PAGE);
  /* Children of the template without an id are not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checklist, pc_checklist_unref);
  g_clear_pointer (&self->principle_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  self->assessment = NULL;

  G_OBJECT_CLASS (pc_overview_page_parent_class)->dispose (object);
}

static void
pc_overview_page_class_init (PcOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_overview_page_dispose;

  /* PcOverviewPage::changed: something was saved to the store. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

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
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->principle_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
