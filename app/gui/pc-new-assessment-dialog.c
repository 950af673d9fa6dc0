/* pc-new-assessment-dialog.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-new-assessment-dialog"

#include "config.h"

#include "pc-new-assessment-dialog.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-header-form.h"
#include "pc-store.h"
#include "pc-ui.h"

struct _PcNewAssessmentDialog
{
  AdwWindow     parent_instance;

  /* Owned */
  PcStore      *store;
  PcChecklist  *checklist;

  /* Template widgets */
  GtkWidget    *create_button;
  PcHeaderForm *form;
};

G_DEFINE_FINAL_TYPE (PcNewAssessmentDialog, pc_new_assessment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_changed_cb (PcNewAssessmentDialog *self,
                  const char            *field)
{
  gtk_widget_set_sensitive (self->create_button, pc_header_form_is_complete (self->form));
}

static void
create_clicked_cb (PcNewAssessmentDialog *self)
{
  g_autoptr(PcAssessment) header = pc_assessment_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!pc_header_form_is_complete (self->form) || self->store == NULL || self->checklist == NULL)
    return;

  /* A name typed but not yet added is meant to be in the team. */
  pc_header_form_add_pending_member (self->form);
  pc_header_form_fill_header (self->form, header);

  id = pc_store_create_assessment (self->store, header, self->checklist, &error);
  if (id == 0)
    {
      /* Everything typed stays, so the user can put it right. */
      pc_ui_show_error (GTK_WIDGET (self), _("Could Not Create the Assessment"), error);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public */

PcNewAssessmentDialog *
pc_new_assessment_dialog_new (GtkWindow   *parent,
                              PcStore     *store,
                              PcChecklist *checklist)
{
  PcNewAssessmentDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PC_IS_STORE (store), NULL);
  g_return_val_if_fail (checklist != NULL, NULL);

  self = g_object_new (PC_TYPE_NEW_ASSESSMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->checklist = pc_checklist_ref (checklist);

  return self;
}

/* GObject */

static void
pc_new_assessment_dialog_dispose (GObject *object)
{
  PcNewAssessmentDialog *self = (PcNewAssessmentDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_NEW_ASSESSMENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checklist, pc_checklist_unref);

  G_OBJECT_CLASS (pc_new_assessment_dialog_parent_class)->dispose (object);
}

static void
pc_new_assessment_dialog_class_init (PcNewAssessmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_new_assessment_dialog_dispose;

  /* PcNewAssessmentDialog::created: (id) of the assessment made. */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PC_TYPE_HEADER_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-new-assessment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcNewAssessmentDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PcNewAssessmentDialog, form);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pc_new_assessment_dialog_init (PcNewAssessmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pc_header_form_set_activates_default (self->form, TRUE);
  pc_header_form_focus_title (self->form);
}
