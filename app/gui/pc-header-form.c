/* pc-header-form.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-header-form"

#include "config.h"

#include "pc-header-form.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-date-row.h"
#include "pc-ui.h"
#include "pc-vocab.h"

struct _PcHeaderForm
{
  GtkWidget     parent_instance;

  gboolean      loading;
  gboolean      editable;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwComboRow  *kind_row;
  AdwComboRow  *division_row;
  AdwComboRow  *priority_row;
  AdwEntryRow  *lead_row;
  GtkListBox   *team_list;
  AdwEntryRow  *add_member_row;
  GtkWidget    *add_member_button;
  AdwEntryRow  *outcomes_row;
  AdwEntryRow  *affected_row;
  PcDateRow    *start_row;
  PcDateRow    *review_row;
};

G_DEFINE_FINAL_TYPE (PcHeaderForm, pc_header_form, GTK_TYPE_WIDGET)

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const text_fields[] = {
  "title", "lead", "outcomes", "affected", "start_date", "review_date",
};

gboolean
pc_header_form_field_is_text (const char *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i], field))
      return TRUE;

  return FALSE;
}

/* The field a widget edits, as set up in init(). */
static const char *
field_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "pc-field");
}

static char *
stripped_text (gpointer editable)
{
  return pc_ui_dup_unless_blank (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

/* A required field the user has emptied takes the error style; one
 * never filled in does not, so a new form does not start in red. */
static void
update_required_style (AdwEntryRow *row)
{
  if (!pc_ui_is_blank (GTK_EDITABLE (row)))
    {
      g_object_set_data (G_OBJECT (row), "pc-touched", GINT_TO_POINTER (TRUE));
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else if (g_object_get_data (G_OBJECT (row), "pc-touched") != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
emit_field_changed (PcHeaderForm *self,
                    const char   *field)
{
  if (!self->loading)
    g_signal_emit (self, signals[FIELD_CHANGED], 0, field);
}

static void
text_changed_cb (GtkWidget    *widget,
                 PcHeaderForm *self)
{
  if (widget == GTK_WIDGET (self->title_row) || widget == GTK_WIDGET (self->lead_row))
    update_required_style (ADW_ENTRY_ROW (widget));

  emit_field_changed (self, field_of (widget));
}

static void
choice_changed_cb (GtkWidget    *widget,
                   GParamSpec   *pspec,
                   PcHeaderForm *self)
{
  emit_field_changed (self, field_of (widget));
}

/* Team */

static void
remove_member_clicked_cb (GtkWidget    *button,
                          PcHeaderForm *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  gtk_list_box_remove (self->team_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_member_row));
  emit_field_changed (self, "team");
}

static void
append_member (PcHeaderForm *self,
               const char   *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove %s from the team"), name);
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->add_member_row));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  g_object_set_data_full (G_OBJECT (row), "pc-member", g_strdup (name), g_free);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove from the team"));
  gtk_widget_set_visible (button, self->editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_member_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "pc-remove", button);

  gtk_list_box_insert (self->team_list, row, position);
}

gboolean
pc_header_form_add_pending_member (PcHeaderForm *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (PC_IS_HEADER_FORM (self), FALSE);

  name = stripped_text (self->add_member_row);
  if (name == NULL)
    return FALSE;

  append_member (self, name);
  gtk_editable_set_text (GTK_EDITABLE (self->add_member_row), "");
  emit_field_changed (self, "team");

  return TRUE;
}

static void
add_member_cb (PcHeaderForm *self)
{
  pc_header_form_add_pending_member (self);
}

static void
add_member_text_changed_cb (PcHeaderForm *self)
{
  gtk_widget_set_sensitive (self->add_member_button,
                            !pc_ui_is_blank (GTK_EDITABLE (self->add_member_row)));
}

/* The member rows, in order. Transfer container. */
static GPtrArray *
member_rows (PcHeaderForm *self)
{
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->team_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "pc-member") != NULL)
      g_ptr_array_add (rows, child);

  return rows;
}

GStrv
pc_header_form_dup_team (PcHeaderForm *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PC_IS_HEADER_FORM (self), NULL);

  rows = member_rows (self);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (builder, g_object_get_data (rows->pdata[i], "pc-member"));

  return g_strv_builder_end (builder);
}

static void
set_team (PcHeaderForm       *self,
          const char * const *team)
{
  g_auto(GStrv) current = pc_header_form_dup_team (self);
  g_autoptr(GPtrArray) rows = NULL;

  if (g_strv_equal ((const char * const *) current, team))
    return;

  rows = member_rows (self);
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_remove (self->team_list, rows->pdata[i]);
  for (guint i = 0; team[i] != NULL; i++)
    append_member (self, team[i]);
}

/* Public */

GtkWidget *
pc_header_form_new (void)
{
  return g_object_new (PC_TYPE_HEADER_FORM, NULL);
}

/* Shows @text in @editable unless the caller keeps what is typed in
 * it, or it shows that text already but for surrounding white space
 * (setting it again would move the cursor of a field being typed in,
 * and take away the space before the next word). */
static void
set_text_unless_kept (gpointer              editable,
                      const char           *text,
                      PcHeaderFormKeepFunc  keep,
                      gpointer              user_data)
{
  g_autofree char *shown = NULL;

  if (keep != NULL && keep (field_of (editable), user_data))
    return;

  shown = stripped_text (editable);
  if (g_strcmp0 (shown, text != NULL && *text != '\0' ? text : NULL) == 0)
    return;
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* Where the value @id of @vocab is in its combo row. */
static guint
position_of_id (PcVocab     vocab,
                const char *id)
{
  guint value;

  return pc_vocab_lookup (vocab, id, &value) ? pc_vocab_position (vocab, value)
                                             : GTK_INVALID_LIST_POSITION;
}

/* The id chosen at @position of @vocab's combo row, or NULL. */
static char *
dup_chosen_id (PcVocab vocab,
               guint   position)
{
  return position < pc_vocab_n_choices (vocab)
         ? g_strdup (pc_vocab_id (vocab, pc_vocab_choice (vocab, position))) : NULL;
}

void
pc_header_form_load (PcHeaderForm         *self,
                     const PcAssessment   *assessment,
                     PcHeaderFormKeepFunc  keep,
                     gpointer              user_data)
{
  guint priority;

  g_return_if_fail (PC_IS_HEADER_FORM (self));
  g_return_if_fail (assessment != NULL);

  self->loading = TRUE;

  set_text_unless_kept (self->title_row, assessment->title, keep, user_data);
  set_text_unless_kept (self->lead_row, assessment->lead, keep, user_data);
  set_text_unless_kept (self->outcomes_row, assessment->outcomes, keep, user_data);
  set_text_unless_kept (self->affected_row, assessment->affected, keep, user_data);
  if (keep == NULL || !keep ("start_date", user_data))
    pc_date_row_set_text (self->start_row, assessment->start_date);
  if (keep == NULL || !keep ("review_date", user_data))
    pc_date_row_set_text (self->review_row, assessment->review_date);

  adw_combo_row_set_selected (self->kind_row, pc_vocab_position (PC_VOCAB_KIND, assessment->kind));
  adw_combo_row_set_selected (self->division_row,
                              position_of_id (PC_VOCAB_DIVISION, assessment->division));
  priority = position_of_id (PC_VOCAB_PRIORITY, assessment->priority);
  adw_combo_row_set_selected (self->priority_row,
                              priority == GTK_INVALID_LIST_POSITION ? 0 : priority + 1);
  if (keep == NULL || !keep ("team", user_data))
    set_team (self, (const char * const *) assessment->team);

  /* What was loaded counts as filled in: emptying it is an error. */
  update_required_style (self->title_row);
  update_required_style (self->lead_row);

  self->loading = FALSE;
}

void
pc_header_form_set_editable (PcHeaderForm *self,
                             gboolean      editable)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *entries[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->lead_row),
    GTK_WIDGET (self->outcomes_row), GTK_WIDGET (self->affected_row),
  };
  GtkWidget *choices[] = {
    GTK_WIDGET (self->kind_row), GTK_WIDGET (self->division_row), GTK_WIDGET (self->priority_row),
  };

  g_return_if_fail (PC_IS_HEADER_FORM (self));

  self->editable = !!editable;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), self->editable);
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    gtk_widget_set_sensitive (choices[i], self->editable);
  pc_date_row_set_editable (self->start_row, self->editable);
  pc_date_row_set_editable (self->review_row, self->editable);

  gtk_widget_set_visible (GTK_WIDGET (self->add_member_row), self->editable);
  rows = member_rows (self);
  for (guint i = 0; i < rows->len; i++)
    gtk_widget_set_visible (g_object_get_data (rows->pdata[i], "pc-remove"), self->editable);
}

void
pc_header_form_set_activates_default (PcHeaderForm *self,
                                      gboolean      activates)
{
  g_return_if_fail (PC_IS_HEADER_FORM (self));

  adw_entry_row_set_activates_default (self->title_row, activates);
  adw_entry_row_set_activates_default (self->lead_row, activates);
  adw_entry_row_set_activates_default (self->outcomes_row, activates);
  adw_entry_row_set_activates_default (self->affected_row, activates);
  pc_date_row_set_activates_default (self->start_row, activates);
  pc_date_row_set_activates_default (self->review_row, activates);
}

char *
pc_header_form_dup_value (PcHeaderForm *self,
                          const char   *field)
{
  guint selected;

  g_return_val_if_fail (PC_IS_HEADER_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "title"))
    return stripped_text (self->title_row);
  if (g_str_equal (field, "lead"))
    return stripped_text (self->lead_row);
  if (g_str_equal (field, "outcomes"))
    return stripped_text (self->outcomes_row);
  if (g_str_equal (field, "affected"))
    return stripped_text (self->affected_row);
  if (g_str_equal (field, "start_date"))
    return pc_date_row_is_empty (self->start_row) ? NULL
                                                  : g_strdup (pc_date_row_get_text (self->start_row));
  if (g_str_equal (field, "review_date"))
    return pc_date_row_is_empty (self->review_row) ? NULL
                                                   : g_strdup (pc_date_row_get_text (self->review_row));

  if (g_str_equal (field, "kind"))
    {
      return dup_chosen_id (PC_VOCAB_KIND, adw_combo_row_get_selected (self->kind_row));
    }
  if (g_str_equal (field, "division"))
    {
      return dup_chosen_id (PC_VOCAB_DIVISION, adw_combo_row_get_selected (self->division_row));
    }
  if (g_str_equal (field, "priority"))
    {
      /* The first choice is "None". */
      selected = adw_combo_row_get_selected (self->priority_row);
      return selected != GTK_INVALID_LIST_POSITION && selected > 0
             ? dup_chosen_id (PC_VOCAB_PRIORITY, selected - 1) : NULL;
    }

  g_return_val_if_reached (NULL);
}

gboolean
pc_header_form_field_is_valid (PcHeaderForm *self,
                               const char   *field)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (PC_IS_HEADER_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "team"))
    return TRUE;
  if (g_str_equal (field, "start_date"))
    return pc_date_row_is_valid (self->start_row);
  if (g_str_equal (field, "review_date"))
    return pc_date_row_is_valid (self->review_row);

  value = pc_header_form_dup_value (self, field);
  if (g_str_equal (field, "title") || g_str_equal (field, "lead")
      || g_str_equal (field, "kind") || g_str_equal (field, "division"))
    return value != NULL;

  return TRUE;
}

gboolean
pc_header_form_is_complete (PcHeaderForm *self)
{
  static const char * const fields[] = {
    "title", "kind", "division", "priority", "lead", "outcomes", "affected",
    "start_date", "review_date",
  };

  g_return_val_if_fail (PC_IS_HEADER_FORM (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!pc_header_form_field_is_valid (self, fields[i]))
      return FALSE;

  return TRUE;
}

void
pc_header_form_fill_header (PcHeaderForm *self,
                            PcAssessment *header)
{
  g_autofree char *kind = NULL;

  g_return_if_fail (PC_IS_HEADER_FORM (self));
  g_return_if_fail (header != NULL);

  g_free (header->title);
  header->title = pc_header_form_dup_value (self, "title");
  kind = pc_header_form_dup_value (self, "kind");
  if (kind != NULL)
    pc_kind_from_string (kind, &header->kind);
  g_free (header->division);
  header->division = pc_header_form_dup_value (self, "division");
  g_free (header->priority);
  header->priority = pc_header_form_dup_value (self, "priority");
  g_free (header->lead);
  header->lead = pc_header_form_dup_value (self, "lead");
  g_strfreev (header->team);
  header->team = pc_header_form_dup_team (self);
  g_free (header->outcomes);
  header->outcomes = pc_header_form_dup_value (self, "outcomes");
  g_free (header->affected);
  header->affected = pc_header_form_dup_value (self, "affected");
  g_free (header->start_date);
  header->start_date = pc_header_form_dup_value (self, "start_date");
  g_free (header->review_date);
  header->review_date = pc_header_form_dup_value (self, "review_date");
}

void
pc_header_form_focus_title (PcHeaderForm *self)
{
  g_return_if_fail (PC_IS_HEADER_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* GObject */

static void
pc_header_form_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PC_TYPE_HEADER_FORM);
  /* Children of the template without an id are not disposed with it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pc_header_form_parent_class)->dispose (object);
}

static void
pc_header_form_class_init (PcHeaderFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_header_form_dispose;

  /* PcHeaderForm::field-changed: (field) the user changed. */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1,
                                         G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (PC_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-header-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, division_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, priority_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, lead_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, team_list);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, add_member_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, outcomes_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, affected_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, start_row);
  gtk_widget_class_bind_template_child (widget_class, PcHeaderForm, review_row);
}

static void
set_up_text (PcHeaderForm *self,
             gpointer      widget,
             const char   *field)
{
  g_object_set_data (G_OBJECT (widget), "pc-field", (gpointer) field);
  g_signal_connect (widget, "changed", G_CALLBACK (text_changed_cb), self);
}

static void
set_up_choice (PcHeaderForm *self,
               AdwComboRow  *row,
               const char   *field,
               GtkStringList *labels,
               guint         selected)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  g_object_set_data (G_OBJECT (row), "pc-field", (gpointer) field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
}

static void
pc_header_form_init (PcHeaderForm *self)
{
  g_autofree const char **kinds = pc_vocab_choice_labels (PC_VOCAB_KIND);
  g_autofree const char **divisions = pc_vocab_choice_labels (PC_VOCAB_DIVISION);
  g_autofree const char **priorities = pc_vocab_choice_labels (PC_VOCAB_PRIORITY);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (kinds);
  g_autoptr(GtkStringList) division_labels = gtk_string_list_new (divisions);
  g_autoptr(GtkStringList) priority_labels = gtk_string_list_new (priorities);
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  /* Translators: no clinical priority chosen. */
  gtk_string_list_splice (priority_labels, 0, 0, (const char * const[]) { _("None"), NULL });

  /* Kind and division start unchosen: they are required, and a default
   * would be a choice nobody made. */
  set_up_choice (self, self->kind_row, "kind", kind_labels, GTK_INVALID_LIST_POSITION);
  set_up_choice (self, self->division_row, "division", division_labels, GTK_INVALID_LIST_POSITION);
  set_up_choice (self, self->priority_row, "priority", priority_labels, 0);

  set_up_text (self, self->title_row, "title");
  set_up_text (self, self->lead_row, "lead");
  set_up_text (self, self->outcomes_row, "outcomes");
  set_up_text (self, self->affected_row, "affected");
  set_up_text (self, self->start_row, "start_date");
  set_up_text (self, self->review_row, "review_date");

  g_signal_connect_swapped (self->add_member_row, "entry-activated", G_CALLBACK (add_member_cb), self);
  g_signal_connect_swapped (self->add_member_button, "clicked", G_CALLBACK (add_member_cb), self);
  g_signal_connect_swapped (self->add_member_row, "changed",
                            G_CALLBACK (add_member_text_changed_cb), self);

  placeholder = gtk_label_new (_("No team members recorded"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->team_list, placeholder);
}
