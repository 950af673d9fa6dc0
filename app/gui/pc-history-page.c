/* pc-history-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-history-page"

#include "config.h"

#include "pc-history-page.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-page-common.h"
#include "pc-store.h"
#include "pc-vocab.h"

/* Values longer than this many characters are shortened in a row; the
 * row then expands to show them whole. */
#define SHORT_VALUE 60

struct _PcHistoryPage
{
  GtkWidget           parent_instance;

  /* Owned */
  PcAssessmentSession *session;

  /* Template widgets */
  GtkWidget          *scroller;
  GtkImage           *chain_icon;
  GtkLabel           *chain_label;
  GtkListBox         *history_list;
};

G_DEFINE_FINAL_TYPE (PcHistoryPage, pc_history_page, GTK_TYPE_WIDGET)

/* Describing one change */

/* @value in quotation marks, shortened when @shorten is set and it is
 * long; *@shortened (nullable) is set when it was. Returns: (transfer full) */
static char *
quote (const char *value,
       gboolean    shorten,
       gboolean   *shortened)
{
  if (value == NULL)
    return g_strdup (_("nothing"));

  if (shorten && g_utf8_strlen (value, -1) > SHORT_VALUE)
    {
      g_autofree char *head = g_utf8_substring (value, 0, SHORT_VALUE - 1);
      char *newline;

      if (shortened != NULL)
        *shortened = TRUE;
      /* One line each, so rows keep their height. */
      while ((newline = strchr (head, '\n')) != NULL)
        *newline = ' ';
      return g_strdup_printf ("“%s…”", g_strchomp (head));
    }

  if (shorten && strchr (value, '\n') != NULL && shortened != NULL)
    *shortened = TRUE;

  return g_strdup_printf ("“%s”", value);
}

/* A vocabulary value in words, when @field holds one; NULL otherwise. */
static const char *
value_label (const char *entity,
             const char *field,
             const char *value)
{
  PcRating rating;
  PcState state;
  PcChangeKind kind;
  PcActionStatus status;

  if (value == NULL || field == NULL)
    return NULL;

  if (g_strcmp0 (field, "rating") == 0 && pc_rating_from_string (value, &rating))
    return pc_rating_to_label (rating);
  if (g_strcmp0 (field, "state") == 0 && pc_state_from_string (value, &state))
    return pc_state_to_label (state);
  if (g_strcmp0 (field, "kind") == 0 && pc_kind_from_string (value, &kind))
    return pc_kind_to_label (kind);
  if (g_strcmp0 (field, "division") == 0)
    return pc_vocab_id_to_label (PC_VOCAB_DIVISION, value);
  if (g_strcmp0 (field, "priority") == 0)
    return pc_vocab_id_to_label (PC_VOCAB_PRIORITY, value);
  if (g_strcmp0 (entity, "action") == 0 && g_strcmp0 (field, "status") == 0
      && pc_action_status_from_string (value, &status))
    return pc_action_status_to_label (status);

  return NULL;
}

/* A value as shown: a vocabulary word as it is, text in quotation
 * marks. Returns: (transfer full) */
static char *
show_value (const PcAuditEntry *entry,
            const char         *value,
            gboolean            shorten,
            gboolean           *shortened)
{
  const char *label = value_label (entry->entity, entry->field, value);

  if (label != NULL)
    return g_strdup (label);

  return quote (value, shorten, shortened);
}

static const char *
field_label (const char *entity,
             const char *field)
{
  static const struct { const char *entity; const char *field; const char *label; } labels[] = {
    { "assessment", "title",        N_("Title") },
    { "assessment", "kind",         N_("Kind of change") },
    { "assessment", "division",     N_("Division") },
    { "assessment", "priority",     N_("Clinical priority") },
    { "assessment", "lead",         N_("Service lead") },
    { "assessment", "team",         N_("Team") },
    { "assessment", "outcomes",     N_("Intended outcomes") },
    { "assessment", "affected",     N_("Who is affected") },
    { "assessment", "start_date",   N_("Start date") },
    { "assessment", "review_date",  N_("Planned review date") },
    { "assessment", "state",        N_("State") },
    { "action",     "description",  N_("Action’s description") },
    { "action",     "owner",        N_("Action’s owner") },
    { "action",     "due_date",     N_("Action’s due date") },
    { "action",     "status",       N_("Action’s status") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].entity, entity) == 0 && g_strcmp0 (labels[i].field, field) == 0)
      return _(labels[i].label);

  return field;
}

/* "People at the heart, question 1", or the prompt's id when the
 * checklist does not have it. Returns: (transfer full) */
static char *
prompt_name (PcHistoryPage *self,
             const char    *prompt_id)
{
  const PcPrinciple *principle = NULL;
  const PcPrompt *prompt = NULL;

  if (prompt_id == NULL)
    return g_strdup (_("the assessment"));

  prompt = pc_checklist_find_prompt (pc_assessment_session_get_checklist (self->session),
                                     prompt_id, &principle);
  if (prompt == NULL)
    return g_strdup (prompt_id);

  for (guint i = 0; i < principle->prompts->len; i++)
    if (g_ptr_array_index (principle->prompts, i) == prompt)
      return g_strdup_printf (_("%s, question %u"), principle->title, i + 1);

  return g_strdup (prompt_id);
}

/* "<what> changed from <old> to <new>", or set, or cleared. */
static char *
describe_change (const PcAuditEntry *entry,
                 const char         *what,
                 gboolean            shorten,
                 gboolean           *shortened)
{
  g_autofree char *old_value = show_value (entry, entry->old_value, shorten, shortened);
  g_autofree char *new_value = show_value (entry, entry->new_value, shorten, shortened);

  if (entry->old_value == NULL)
    /* Translators: “Evidence for Kindness matters, question 2 set to “…”” */
    return g_strdup_printf (_("%s set to %s"), what, new_value);
  if (entry->new_value == NULL)
    return g_strdup_printf (_("%s cleared (was %s)"), what, old_value);

  return g_strdup_printf (_("%s changed from %s to %s"), what, old_value, new_value);
}

static char *
describe_answer (PcHistoryPage      *self,
                 const PcAuditEntry *entry,
                 gboolean            shorten,
                 gboolean           *shortened)
{
  g_autofree char *prompt = prompt_name (self, entry->entity_id);
  g_autofree char *what = NULL;

  if (g_strcmp0 (entry->field, "rating") == 0)
    what = g_strdup_printf (_("Rating of %s"), prompt);
  else if (g_strcmp0 (entry->field, "evidence") == 0)
    what = g_strdup_printf (_("Evidence for %s"), prompt);
  else if (g_strcmp0 (entry->field, "justification") == 0)
    what = g_strdup_printf (_("Justification for %s"), prompt);
  else
    what = g_strdup_printf ("%s: %s", prompt, entry->field != NULL ? entry->field : "");

  return describe_change (entry, what, shorten, shortened);
}

/* Additions and removals of a prompt's files and links, of actions and
 * of co-production entries. Returns: (transfer full) (nullable) */
static char *
describe_child (PcHistoryPage      *self,
                const PcAuditEntry *entry,
                gboolean            shorten,
                gboolean           *shortened)
{
  gboolean added = g_strcmp0 (entry->field, "added") == 0;
  gboolean removed = g_strcmp0 (entry->field, "removed") == 0;
  g_autofree char *value = NULL;
  g_autofree char *prompt = NULL;

  if (!added && !removed)
    return NULL;

  value = quote (added ? entry->new_value : entry->old_value, shorten, shortened);

  if (g_strcmp0 (entry->entity, "attachment") == 0)
    {
      prompt = prompt_name (self, entry->entity_id);
      return added ? g_strdup_printf (_("File attached to %s: %s"), prompt, value)
                   : g_strdup_printf (_("File removed from %s: %s"), prompt, value);
    }
  if (g_strcmp0 (entry->entity, "link") == 0)
    {
      prompt = prompt_name (self, entry->entity_id);
      return added ? g_strdup_printf (_("Link added to %s: %s"), prompt, value)
                   : g_strdup_printf (_("Link removed from %s: %s"), prompt, value);
    }
  if (g_strcmp0 (entry->entity, "action") == 0)
    return added ? g_strdup_printf (_("Action added: %s"), value)
                 : g_strdup_printf (_("Action removed: %s"), value);
  if (g_strcmp0 (entry->entity, "coproduction") == 0)
    return added ? g_strdup_printf (_("Co-production entry added: %s"), value)
                 : g_strdup_printf (_("Co-production entry removed: %s"), value);

  return NULL;
}

static char *
describe_assessment (const PcAuditEntry *entry,
                     gboolean            shorten,
                     gboolean           *shortened)
{
  g_autofree char *value = NULL;

  if (entry->field == NULL)
    {
      value = quote (entry->new_value, shorten, shortened);
      return g_strdup_printf (_("Assessment %s created: %s"),
                              entry->entity_id != NULL ? entry->entity_id : "", value);
    }
  if (g_strcmp0 (entry->field, "revision") == 0)
    return g_strdup_printf (_("This revision was started (%s)"),
                            entry->new_value != NULL ? entry->new_value : "");
  if (g_strcmp0 (entry->field, "revised") == 0)
    return g_strdup_printf (_("A new revision was started (%s)"),
                            entry->new_value != NULL ? entry->new_value : "");

  return describe_change (entry, field_label (entry->entity, entry->field), shorten, shortened);
}

/* What @entry changed, in words. Returns: (transfer full) */
static char *
describe_entry (PcHistoryPage      *self,
                const PcAuditEntry *entry,
                gboolean            shorten,
                gboolean           *shortened)
{
  char *text = NULL;

  if (g_strcmp0 (entry->entity, "assessment") == 0)
    return describe_assessment (entry, shorten, shortened);
  if (g_strcmp0 (entry->entity, "answer") == 0)
    return describe_answer (self, entry, shorten, shortened);
  if (g_strcmp0 (entry->entity, "signoff") == 0)
    {
      g_autofree char *value = quote (entry->new_value, shorten, shortened);

      return g_strdup_printf (_("Signed: %s"), value);
    }

  text = describe_child (self, entry, shorten, shortened);
  if (text != NULL)
    return text;

  if (g_strcmp0 (entry->entity, "action") == 0)
    return describe_change (entry, field_label (entry->entity, entry->field), shorten, shortened);

  /* Something this version does not know how to say: show it as stored. */
  return describe_change (entry, entry->field != NULL ? entry->field : entry->entity,
                          shorten, shortened);
}

/* "22 Nov 2026, 10:15 — Ann Lee", in local time. Returns: (transfer full) */
static char *
describe_who_when (const PcAuditEntry *entry)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (entry->at, utc);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (at == NULL)
    return g_strdup_printf ("%s — %s", entry->at, entry->actor);

  local = g_date_time_to_local (at);
  /* Translators: a date and time, see g_date_time_format(). */
  when = g_date_time_format (local, _("%-d %b %Y, %H:%M"));

  /* Translators: when, then who. */
  return g_strdup_printf (_("%s — %s"), when, entry->actor);
}

static GtkWidget *
new_detail_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);

  return label;
}

static GtkWidget *
new_entry_row (PcHistoryPage      *self,
               const PcAuditEntry *entry)
{
  g_autofree char *title = describe_who_when (entry);
  g_autofree char *summary = NULL;
  g_autofree char *full = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  gboolean shortened = FALSE;
  GtkWidget *row;

  summary = describe_entry (self, entry, TRUE, &shortened);
  full = describe_entry (self, entry, FALSE, NULL);
  /* A creation's reason only says "created" again. */
  if (entry->reason != NULL
      && !(g_strcmp0 (entry->entity, "assessment") == 0 && entry->field == NULL))
    {
      g_autofree char *reason = quote (entry->reason, TRUE, &shortened);
      g_autofree char *with_reason = g_strdup_printf (_("%s. Reason: %s"), full, entry->reason);

      subtitle = g_strdup_printf (_("%s. Reason: %s"), summary, reason);
      g_free (full);
      full = g_steal_pointer (&with_reason);
    }
  else
    {
      subtitle = g_strdup (summary);
    }

  if (shortened)
    {
      /* The whole text is one expansion away. */
      GtkWidget *detail = gtk_list_box_row_new ();

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (detail), new_detail_label (full));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (detail), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail);
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  gtk_widget_set_tooltip_text (row, full);
  accessible = g_strdup_printf ("%s: %s", title, full);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

/* Filling the page */

static void
update_chain (PcHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *text = NULL;
  guint count = 0;

  if (pc_store_check_audit_chain (pc_assessment_session_get_store (self->session),
                                  pc_assessment_session_get_assessment (self->session)->id,
                                  &count, &head, &error))
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The audit trail is intact: %u entry",
                                           "The audit trail is intact: %u entries",
                                           count),
                              count);
      gtk_image_set_from_icon_name (self->chain_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->chain_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->chain_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->chain_label), "error");
      if (head != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Head of the chain (SHA-256): %s"), head);

          gtk_widget_set_tooltip_text (GTK_WIDGET (self->chain_label), tooltip);
        }
    }
  else
    {
      text = g_strdup_printf (_("The audit trail does not hold: %s"), error->message);
      gtk_image_set_from_icon_name (self->chain_icon, "dialog-error-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->chain_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->chain_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->chain_label), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->chain_label), NULL);
    }

  gtk_label_set_text (self->chain_label, text);
}

static void
update_history (PcHistoryPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;

  pc_list_box_remove_all (self->history_list, NULL);

  history = pc_store_history (pc_assessment_session_get_store (self->session),
                              pc_assessment_session_get_assessment (self->session)->id, &error);
  if (history == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The history could not be read: %s"),
                                               error->message);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      gtk_list_box_append (self->history_list, row);
      return;
    }

  /* The store gives the oldest first; people read the newest first. */
  for (guint i = history->len; i > 0; i--)
    gtk_list_box_append (self->history_list,
                         new_entry_row (self, g_ptr_array_index (history, i - 1)));
}

/* Public */

GtkWidget *
pc_history_page_new (void)
{
  return g_object_new (PC_TYPE_HISTORY_PAGE, NULL);
}

/* The chain checked and the history read again. */
static void
update_all (PcHistoryPage *self)
{
  if (self->session == NULL)
    return;

  update_chain (self);
  update_history (self);
}

static void
session_changed_cb (PcHistoryPage *self)
{
  pc_page_update_when_shown (GTK_WIDGET (self), G_CALLBACK (update_all));
}

void
pc_history_page_set_session (PcHistoryPage       *self,
                             PcAssessmentSession *session)
{
  static const PcSessionHandler handlers[] = {
    { "changed", G_CALLBACK (session_changed_cb) },
  };

  g_return_if_fail (PC_IS_HISTORY_PAGE (self));
  g_return_if_fail (session == NULL || PC_IS_ASSESSMENT_SESSION (session));

  pc_page_follow_session (GTK_WIDGET (self), &self->session, session, handlers,
                          G_N_ELEMENTS (handlers), G_CALLBACK (update_all));
}

/* GObject */

static void
pc_history_page_dispose (GObject *object)
{
  PcHistoryPage *self = (PcHistoryPage *) object;

  pc_session_follow (self, &self->session, NULL, NULL, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_HISTORY_PAGE);

  G_OBJECT_CLASS (pc_history_page_parent_class)->dispose (object);
}

static void
pc_history_page_class_init (PcHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_history_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcHistoryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcHistoryPage, chain_icon);
  gtk_widget_class_bind_template_child (widget_class, PcHistoryPage, chain_label);
  gtk_widget_class_bind_template_child (widget_class, PcHistoryPage, history_list);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pc_history_page_init (PcHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
