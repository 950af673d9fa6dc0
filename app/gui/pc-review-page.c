/* pc-review-page.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-review-page"

#include "config.h"

#include "pc-review-page.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-page-common.h"
#include "pc-lint.h"
#include "pc-revision-dialog.h"
#include "pc-sign-dialog.h"
#include "pc-signoff-text.h"
#include "pc-store.h"
#include "pc-verify.h"
#include "pc-sign.h"
#include "pc-state-notice.h"
#include "pc-ui.h"
#include "pc-vocab.h"

struct _PcReviewPage
{
  GtkWidget            parent_instance;

  /* Owned */
  PcAssessmentSession *session;
  char                *trusted_path;   /* nullable: Preferences' trusted signers */
  gboolean             offer_revision;

  /* Template widgets */
  GtkWidget           *scroller;
  GtkWidget           *banner;
  GtkImage            *banner_icon;
  GtkLabel            *banner_title;
  GtkLabel            *banner_body;
  GtkBox              *signoffs_box;
  GtkButton           *revise_button;
  AdwPreferencesGroup *submit_group;
  GtkButton           *submit_button;
  AdwPreferencesGroup *decision_group;
  GtkButton           *approve_button;
  GtkButton           *conditions_button;
  GtkButton           *return_button;
  GtkButton           *reject_button;
  AdwPreferencesGroup *blocking_group;
  GtkListBox          *blocking_list;
  AdwPreferencesGroup *warning_group;
  GtkListBox          *warning_list;
  AdwPreferencesGroup *clean_group;
};

G_DEFINE_FINAL_TYPE (PcReviewPage, pc_review_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OFFER_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  GO_TO_PROMPT,
  GO_TO_PAGE,
  REVISED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The assessment as the session holds it now. */
static const PcAssessment *
current (PcReviewPage *self)
{
  return pc_assessment_session_get_assessment (self->session);
}

/* Sign-offs in words */

static GtkWidget *
new_wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);

  return label;
}

/* Says which key made @signoff, and whether the trusted signers list
 * (@trusted, nullable) holds it for the signer: a key alone says nothing
 * about who made it. */
static char *
describe_key (const PcSignoff      *signoff,
              const PcTrustedKeys  *trusted)
{
  g_autofree char *fingerprint = pc_sign_fingerprint (signoff->public_key, NULL);
  const char *shown = fingerprint != NULL ? fingerprint : "—";

  if (trusted == NULL)
    /* Translators: %s is a key's fingerprint, "1A2B 3C4D 5E6F 7A8B". */
    return g_strdup_printf (_("Key %s: check it with the signer, or choose a trusted signers list in Preferences"),
                            shown);

  switch (pc_trusted_keys_check (trusted, signoff->name, signoff->public_key))
    {
    case PC_TRUST_LISTED:
      return g_strdup_printf (_("Key %s: confirmed by your trusted signers list"), shown);
    case PC_TRUST_OTHER_KEY:
      return g_strdup_printf (_("Key %s: NOT the key your trusted signers list gives for %s"),
                              shown, signoff->name);
    case PC_TRUST_NOT_LISTED:
    default:
      return g_strdup_printf (_("Key %s: %s is not in your trusted signers list"), shown,
                              signoff->name);
    }
}

static void
append_signoff (PcReviewPage        *self,
                const PcSignoff     *signoff,
                const PcTrustedKeys *trusted)
{
  g_autofree char *line = pc_signoff_describe (signoff);
  g_autofree char *key = describe_key (signoff, trusted);
  g_autofree char *reason = pc_signoff_describe_reason (signoff);
  g_autoptr(PcSigner) registered = pc_store_find_signer (pc_assessment_session_get_store (self->session),
                                                         signoff->name,
                                                         signoff->public_key, NULL);
  GtkWidget *label = new_wrapping_label (line);

  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->signoffs_box, label);
  label = new_wrapping_label (key);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->signoffs_box, label);

  /* A key that replaced another on purpose: say when, and by whom. */
  if (registered != NULL && g_strcmp0 (registered->how, "replaced") == 0)
    {
      g_autofree char *when = pc_signoff_describe_time (registered->first_seen);
      g_autofree char *note = g_strdup_printf (_("This key was recorded on %s by %s as replacing an earlier key of %s"),
                                               when, registered->recorded_by, signoff->name);

      label = new_wrapping_label (note);
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (self->signoffs_box, label);
    }

  if (reason != NULL)
    gtk_box_append (self->signoffs_box, new_wrapping_label (reason));
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
update_banner (PcReviewPage *self)
{
  const PcAssessment *a = current (self);
  g_auto(PcStateNotice) notice = { 0 };
  g_autoptr(PcTrustedKeys) trusted = NULL;

  pc_state_notice_init (&notice, a);
  gtk_widget_set_visible (self->banner, TRUE);
  gtk_image_set_from_icon_name (self->banner_icon, notice.icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_icon), "error");
  if (notice.icon_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->banner_icon), notice.icon_style);
  gtk_label_set_text (self->banner_title, notice.title);
  gtk_label_set_text (self->banner_body, notice.body);

  clear_box (self->signoffs_box);

  if (a->revision > 1)
    {
      g_autofree char *line = NULL;

      if (a->revision_reason != NULL)
        line = g_strdup_printf (_("Revision %d of %s, started because: %s"), a->revision,
                                a->reference, a->revision_reason);
      else
        line = g_strdup_printf (_("Revision %d of %s"), a->revision, a->reference);
      gtk_box_append (self->signoffs_box, new_wrapping_label (line));
    }

  if (self->trusted_path != NULL && a->signoffs != NULL && a->signoffs->len > 0)
    {
      g_autoptr(GError) error = NULL;

      trusted = pc_trusted_keys_load (self->trusted_path, &error);
      if (trusted == NULL)
        gtk_box_append (self->signoffs_box, new_wrapping_label (error->message));
    }
  for (guint i = 0; a->signoffs != NULL && i < a->signoffs->len; i++)
    append_signoff (self, g_ptr_array_index (a->signoffs, i), trusted);

  /* A page whose container offers the new revision already (the
   * assessment view's read-only banner) turns its own button off: one
   * button, not two. */
  gtk_widget_set_visible (GTK_WIDGET (self->revise_button),
                          self->offer_revision && notice.can_revise);
}

/* Findings */

/* Where a finding with no prompt sends the user: the principle's page,
 * the co-production record or the overview. @n_header_nhs counts the
 * NHS-number warnings about header fields, which the linter reports
 * before those about the co-production record. */
static char *
finding_page (const PcFinding *finding,
              guint           *n_header_nhs)
{
  if (finding->principle_id != NULL)
    return g_strdup_printf ("principle:%s", finding->principle_id);

  if (g_strcmp0 (finding->rule, "no-coproduction") == 0)
    return g_strdup ("coproduction");

  if (g_strcmp0 (finding->rule, "nhs-number") == 0)
    {
      if (*n_header_nhs > 0)
        {
          (*n_header_nhs)--;
          return g_strdup ("overview");
        }
      return g_strdup ("coproduction");
    }

  return g_strdup ("overview");
}

static guint
count_header_nhs_numbers (const PcAssessment *a)
{
  const char *fields[] = { a->title, a->lead, a->outcomes, a->affected, a->revision_reason };
  gboolean in_team = FALSE;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    n += pc_lint_has_nhs_number (fields[i]) ? 1 : 0;
  for (guint i = 0; a->team != NULL && a->team[i] != NULL && !in_team; i++)
    in_team = pc_lint_has_nhs_number (a->team[i]);

  return n + (in_team ? 1 : 0);
}

/* "Kindness matters, question 2: How will …?" or the whole assessment.
 * Returns: (transfer full) */
static char *
describe_place (PcReviewPage    *self,
                const PcFinding *finding)
{
  const PcPrinciple *principle = NULL;
  const PcPrompt *prompt = NULL;

  if (finding->prompt_id != NULL)
    prompt = pc_checklist_find_prompt (pc_assessment_session_get_checklist (self->session),
                                       finding->prompt_id, &principle);

  if (prompt != NULL)
    {
      guint number = 0;

      for (guint i = 0; i < principle->prompts->len; i++)
        if (g_ptr_array_index (principle->prompts, i) == prompt)
          number = i + 1;

      return g_strdup_printf (_("%s, question %u: %s"), principle->title, number,
                              prompt->question);
    }

  if (g_strcmp0 (finding->rule, "no-coproduction") == 0)
    return g_strdup (_("Co-production record"));

  return g_strdup (_("The whole assessment"));
}

static GtkWidget *
new_finding_row (PcReviewPage    *self,
                 const PcFinding *finding,
                 guint           *n_header_nhs)
{
  gboolean blocks = finding->level == PC_LEVEL_BLOCK;
  const char *level = blocks ? _("Blocks sign-off") : _("Warning");
  g_autofree char *place = describe_place (self, finding);
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (blocks ? "dialog-error-symbolic"
                                                         : "dialog-warning-symbolic");
  GtkWidget *pill = gtk_label_new (level);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), place);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, place);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (icon, blocks ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, level, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pill, "pc-state");
  gtk_widget_add_css_class (pill, blocks ? "not_approved" : "approved_with_conditions");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  if (finding->prompt_id != NULL)
    g_object_set_data_full (G_OBJECT (row), "pc-prompt-id", g_strdup (finding->prompt_id), g_free);
  else
    g_object_set_data_full (G_OBJECT (row), "pc-page", finding_page (finding, n_header_nhs), g_free);

  accessible = g_strdup_printf (_("%s: %s %s."), level, finding->message, place);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return row;
}

static void
finding_activated_cb (PcReviewPage  *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  const char *prompt_id = g_object_get_data (G_OBJECT (row), "pc-prompt-id");
  const char *page = g_object_get_data (G_OBJECT (row), "pc-page");

  if (prompt_id != NULL)
    g_signal_emit (self, signals[GO_TO_PROMPT], 0, prompt_id);
  else if (page != NULL)
    g_signal_emit (self, signals[GO_TO_PAGE], 0, page);
}

/* Fills the findings lists and returns the number that block. */
static guint
update_findings (PcReviewPage *self)
{
  g_autoptr(GPtrArray) findings = pc_assessment_session_dup_findings (self->session);
  guint n_header_nhs = count_header_nhs_numbers (current (self));
  guint n_blocking = 0;
  guint n_warnings = 0;

  pc_list_box_remove_all (self->blocking_list, NULL);
  pc_list_box_remove_all (self->warning_list, NULL);

  /* Blocking findings first, each list in checklist order. */
  for (guint i = 0; i < findings->len; i++)
    {
      const PcFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = new_finding_row (self, finding, &n_header_nhs);

      if (finding->level == PC_LEVEL_BLOCK)
        {
          gtk_list_box_append (self->blocking_list, row);
          n_blocking++;
        }
      else
        {
          gtk_list_box_append (self->warning_list, row);
          n_warnings++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->blocking_group), n_blocking > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group), n_warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->clean_group), findings->len == 0);

  if (n_blocking > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Blocking Sign-off (%u)"), n_blocking);
      adw_preferences_group_set_title (self->blocking_group, title);
    }
  if (n_warnings > 0)
    {
      g_autofree char *title = g_strdup_printf (_("Warnings (%u)"), n_warnings);
      adw_preferences_group_set_title (self->warning_group, title);
    }

  return n_blocking;
}

/* Lifecycle */

static void
update_actions (PcReviewPage *self,
                guint         n_blocking)
{
  const PcAssessment *a = current (self);
  gboolean draft = !a->imported && a->state == PC_STATE_DRAFT;
  gboolean in_review = !a->imported && a->state == PC_STATE_IN_REVIEW;

  gtk_widget_set_visible (GTK_WIDGET (self->submit_group), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), draft && n_blocking == 0);
  if (n_blocking > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u finding below blocks sign-off: "
                                                            "put it right, then submit.",
                                                            "%u findings below block sign-off: "
                                                            "put them right, then submit.",
                                                            n_blocking),
                                               n_blocking);
      adw_preferences_group_set_description (self->submit_group, text);
    }
  else
    {
      adw_preferences_group_set_description (self->submit_group,
                                             _("Nothing blocks sign-off. Submitting asks for "
                                               "your signature as the author, and sends the "
                                               "assessment to a reviewer."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->decision_group), in_review);
}

static void
signed_cb (PcReviewPage *self,
           PcSignDialog *dialog)
{
  const char *message = NULL;

  switch (pc_sign_dialog_get_meaning (dialog))
    {
    case PC_MEANING_PREPARED:
      message = _("Submitted for review");
      break;
    case PC_MEANING_APPROVED:
      message = _("Approved and signed");
      break;
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      message = _("Approved with conditions and signed");
      break;
    case PC_MEANING_RETURNED:
      message = _("Returned to its author");
      break;
    case PC_MEANING_NOT_APPROVED:
      message = _("Recorded as not approved");
      break;
    default:
      g_assert_not_reached ();
    }

  g_signal_emit (self, signals[CHANGED], 0);
  pc_ui_toast (GTK_WIDGET (self), message);
}

static void
open_sign_dialog (PcReviewPage *self,
                  PcMeaning     meaning)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  PcSignDialog *dialog;

  if (self->session == NULL)
    return;

  dialog = pc_sign_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               pc_assessment_session_get_store (self->session), current (self),
                               pc_assessment_session_get_checklist (self->session), meaning);
  g_signal_connect_object (dialog, "signed", G_CALLBACK (signed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
submit_clicked_cb (PcReviewPage *self)
{
  open_sign_dialog (self, PC_MEANING_PREPARED);
}

static void
approve_clicked_cb (PcReviewPage *self)
{
  open_sign_dialog (self, PC_MEANING_APPROVED);
}

static void
conditions_clicked_cb (PcReviewPage *self)
{
  open_sign_dialog (self, PC_MEANING_APPROVED_WITH_CONDITIONS);
}

static void
return_clicked_cb (PcReviewPage *self)
{
  open_sign_dialog (self, PC_MEANING_RETURNED);
}

static void
reject_clicked_cb (PcReviewPage *self)
{
  open_sign_dialog (self, PC_MEANING_NOT_APPROVED);
}

/* New revision */

static void
revision_started_cb (GtkWidget *owner,
                     gint64     new_id)
{
  PcReviewPage *self = PC_REVIEW_PAGE (owner);

  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[REVISED], 0, new_id);
}

static void
revise_clicked_cb (PcReviewPage *self)
{
  if (self->session == NULL)
    return;

  pc_revision_dialog_present (GTK_WIDGET (self), pc_assessment_session_get_store (self->session),
                              current (self), revision_started_cb);
}

/* Public */

GtkWidget *
pc_review_page_new (void)
{
  return g_object_new (PC_TYPE_REVIEW_PAGE, NULL);
}

/* Everything the page shows. */
static void
update_all (PcReviewPage *self)
{
  guint n_blocking;

  if (self->session == NULL)
    return;

  update_banner (self);
  n_blocking = update_findings (self);
  update_actions (self, n_blocking);
}

/* A state or the findings changed: shown now, or when the page is. */
static void
session_changed_cb (PcReviewPage *self)
{
  pc_page_update_when_shown (GTK_WIDGET (self), G_CALLBACK (update_all));
}

void
pc_review_page_set_session (PcReviewPage        *self,
                            PcAssessmentSession *session)
{
  static const PcSessionHandler handlers[] = {
    { "state-changed", G_CALLBACK (session_changed_cb) },
    { "findings-changed", G_CALLBACK (session_changed_cb) },
  };

  g_return_if_fail (PC_IS_REVIEW_PAGE (self));
  g_return_if_fail (session == NULL || PC_IS_ASSESSMENT_SESSION (session));

  pc_page_follow_session (GTK_WIDGET (self), &self->session, session, handlers,
                          G_N_ELEMENTS (handlers), G_CALLBACK (update_all));
}

void
pc_review_page_set_trusted_signers (PcReviewPage *self,
                                    const char   *path)
{
  g_return_if_fail (PC_IS_REVIEW_PAGE (self));

  g_free (self->trusted_path);
  self->trusted_path = path != NULL && *path != '\0' ? g_strdup (path) : NULL;
  if (self->session != NULL)
    session_changed_cb (self);
}

void
pc_review_page_set_offer_revision (PcReviewPage *self,
                                   gboolean      offer)
{
  g_return_if_fail (PC_IS_REVIEW_PAGE (self));

  offer = !!offer;
  if (self->offer_revision == offer)
    return;
  self->offer_revision = offer;
  if (self->session != NULL)
    session_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFER_REVISION]);
}

/* GObject */

static void
pc_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PcReviewPage *self = PC_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_OFFER_REVISION:
      g_value_set_boolean (value, self->offer_revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PcReviewPage *self = PC_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_OFFER_REVISION:
      pc_review_page_set_offer_revision (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pc_review_page_dispose (GObject *object)
{
  PcReviewPage *self = (PcReviewPage *) object;

  pc_session_follow (self, &self->session, NULL, NULL, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_REVIEW_PAGE);
  g_clear_pointer (&self->trusted_path, g_free);

  G_OBJECT_CLASS (pc_review_page_parent_class)->dispose (object);
}

static void
pc_review_page_class_init (PcReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_review_page_dispose;
  object_class->get_property = pc_review_page_get_property;
  object_class->set_property = pc_review_page_set_property;

  /* PcReviewPage:offer-revision: whether the page offers "Start a New
   * Revision" for a decided assessment itself (TRUE), or leaves it to
   * its container. */
  properties[PROP_OFFER_REVISION] =
    g_param_spec_boolean ("offer-revision", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* PcReviewPage::changed: the page wrote to the store. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  /* PcReviewPage::go-to-prompt: (prompt id) of a finding chosen. */
  signals[GO_TO_PROMPT] = g_signal_new ("go-to-prompt", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);
  /* PcReviewPage::go-to-page: (page name: "overview", "coproduction" or
   * "principle:<id>") of a finding about no one prompt. */
  signals[GO_TO_PAGE] = g_signal_new ("go-to-page", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 1, G_TYPE_STRING);
  /* PcReviewPage::revised: (id) of the new draft revision just started. */
  signals[REVISED] = g_signal_new ("revised", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, banner);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, banner_title);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, banner_body);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, signoffs_box);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, revise_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, submit_group);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, decision_group);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, approve_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, conditions_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, reject_button);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, blocking_group);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, blocking_list);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, warning_group);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, warning_list);
  gtk_widget_class_bind_template_child (widget_class, PcReviewPage, clean_group);
  gtk_widget_class_bind_template_callback (widget_class, revise_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, approve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, conditions_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, return_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reject_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pc_review_page_init (PcReviewPage *self)
{
  self->offer_revision = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self->submit_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->blocking_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->clean_group), FALSE);
  gtk_widget_set_visible (self->banner, FALSE);
}
