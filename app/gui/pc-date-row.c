/* pc-date-row.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-date-row"

#include "config.h"

#include "pc-date-row.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pc-text.h"
#include "pc-vocab.h"

struct _PcDateRow
{
  AdwActionRow  parent_instance;

  char         *hint;
  char         *stripped;   /* the text without surrounding white space */
  gboolean      editable;

  GtkWidget    *entry;
  GtkWidget    *calendar_button;
  GtkWidget    *calendar;
  int           calendar_month;  /* year * 12 + month of the calendar's day */
};

G_DEFINE_FINAL_TYPE (PcDateRow, pc_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_HINT,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Shows the hint, or how to write a date when the text is not one. */
static void
update_validity (PcDateRow *self)
{
  const char *subtitle = self->hint != NULL ? self->hint : "";

  if (pc_date_row_is_valid (self))
    {
      gtk_widget_remove_css_class (self->entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  else
    {
      const char *message = _("Write the date as YYYY-MM-DD, for example 2027-03-31");

      gtk_widget_add_css_class (self->entry, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

static void
entry_changed_cb (PcDateRow *self)
{
  g_free (self->stripped);
  self->stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  update_validity (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
title_changed_cb (PcDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: %s is the name of a date field, "Start date". */
  g_autofree char *choose = g_strdup_printf (_("%s: choose from a calendar"), title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
}

/* Opens the calendar at the date typed, or today. */
static void
popover_shown_cb (PcDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (*self->stripped != '\0' && pc_date_is_valid (self->stripped))
    {
      int year = 0, month = 0, day = 0;

      if (sscanf (self->stripped, "%d-%d-%d", &year, &month, &day) == 3)
        when = g_date_time_new_local (year, month, day, 12, 0, 0);
    }
  if (when == NULL)
    when = g_date_time_new_now_local ();

  gtk_calendar_select_day (GTK_CALENDAR (self->calendar), when);
  gtk_widget_grab_focus (self->calendar);
}

/* A day chosen in the month shown closes the calendar; moving to
 * another month only follows the choice into the entry. */
static void
day_selected_cb (PcDateRow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));
  g_autofree char *text = g_date_time_format (when, "%Y-%m-%d");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->calendar_button));
  gboolean same_month = self->calendar_month == g_date_time_get_year (when) * 12
                                                 + g_date_time_get_month (when);

  self->calendar_month = g_date_time_get_year (when) * 12 + g_date_time_get_month (when);

  /* Selecting the day the calendar opens at is not a choice. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (popover)))
    return;

  pc_date_row_set_text (self, text);
  if (same_month)
    gtk_popover_popdown (popover);
}

/* Public */

GtkWidget *
pc_date_row_new (const char *title,
                 const char *hint)
{
  return g_object_new (PC_TYPE_DATE_ROW, "title", title, "hint", hint, NULL);
}

const char *
pc_date_row_get_text (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), NULL);

  return self->stripped;
}

void
pc_date_row_set_text (PcDateRow  *self,
                      const char *text)
{
  g_return_if_fail (PC_IS_DATE_ROW (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

gboolean
pc_date_row_is_empty (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), TRUE);

  return pc_text_is_blank (self->stripped);
}

gboolean
pc_date_row_is_valid (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), FALSE);

  return pc_text_is_blank (self->stripped) || pc_date_is_valid (self->stripped);
}

const char *
pc_date_row_get_hint (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), NULL);

  return self->hint;
}

void
pc_date_row_set_hint (PcDateRow  *self,
                      const char *hint)
{
  g_return_if_fail (PC_IS_DATE_ROW (self));

  if (g_strcmp0 (self->hint, hint) == 0)
    return;

  g_free (self->hint);
  self->hint = g_strdup (hint);
  update_validity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HINT]);
}

gboolean
pc_date_row_get_editable (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), FALSE);

  return self->editable;
}

void
pc_date_row_set_editable (PcDateRow *self,
                          gboolean   editable)
{
  g_return_if_fail (PC_IS_DATE_ROW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->entry), editable);
  gtk_widget_set_visible (self->calendar_button, editable);
  /* Read-only, the date reads as text rather than as a field to fill. */
  if (editable)
    {
      gtk_widget_remove_css_class (self->entry, "flat");
      /* Translators: the placeholder of a date field; keep the format. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
    }
  else
    {
      gtk_widget_add_css_class (self->entry, "flat");
      /* Translators: a date field left empty. */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Not set"));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

void
pc_date_row_set_activates_default (PcDateRow *self,
                                   gboolean   activates)
{
  g_return_if_fail (PC_IS_DATE_ROW (self));

  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), activates);
}

GtkWidget *
pc_date_row_get_entry (PcDateRow *self)
{
  g_return_val_if_fail (PC_IS_DATE_ROW (self), NULL);

  return self->entry;
}

/* GObject */

static void
pc_date_row_finalize (GObject *object)
{
  PcDateRow *self = (PcDateRow *) object;

  g_free (self->hint);
  g_free (self->stripped);

  G_OBJECT_CLASS (pc_date_row_parent_class)->finalize (object);
}

static void
pc_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PcDateRow *self = PC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PcDateRow *self = PC_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_HINT:
      pc_date_row_set_hint (self, g_value_get_string (value));
      break;
    case PROP_EDITABLE:
      pc_date_row_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_date_row_class_init (PcDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pc_date_row_finalize;
  object_class->get_property = pc_date_row_get_property;
  object_class->set_property = pc_date_row_set_property;

  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pc_date_row_init (PcDateRow *self)
{
  GtkWidget *popover;

  self->editable = TRUE;
  self->stripped = g_strdup ("");

  self->entry = gtk_entry_new ();
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 11);
  /* Translators: the placeholder of a date field; keep the format. */
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("YYYY-MM-DD"));
  gtk_entry_set_input_hints (GTK_ENTRY (self->entry), GTK_INPUT_HINT_NO_SPELLCHECK);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);

  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (popover_shown_cb), self);

  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->calendar_button, _("Choose from a calendar"));
  gtk_widget_add_css_class (self->calendar_button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->calendar_button);

  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->entry);

  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  title_changed_cb (self);
}
