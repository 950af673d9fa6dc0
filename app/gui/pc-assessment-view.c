/* pc-assessment-view.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-assessment-view"

#include "config.h"

#include "pc-assessment-view.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-assessment-session.h"
#include "pc-checklist.h"
#include "pc-coproduction-page.h"
#include "pc-export.h"
#include "pc-history-page.h"
#include "pc-overview-page.h"
#include "pc-page-common.h"
#include "pc-principle-page.h"
#include "pc-print.h"
#include "pc-report.h"
#include "pc-review-page.h"
#include "pc-revision-dialog.h"
#include "pc-state-notice.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-ui-state.h"
#include "pc-ui.h"
#include "pc-vocab.h"

#define PRINCIPLE_PREFIX "principle:"

/* Principle pages kept: one more is built only up to this many, then the
 * page shown longest ago shows the next principle in its editors. Two
 * keep a cross-fade between principles; the third spares the way back. */
#define N_PRINCIPLE_PAGES 3

/* The pages brought up to date only when shown. */
typedef enum
{
  LAZY_OVERVIEW,
  LAZY_COPRODUCTION,
  LAZY_REVIEW,
  LAZY_HISTORY,
  N_LAZY_PAGES
} LazyPage;

typedef enum
{
  SAVE_STATE_NONE,
  SAVE_STATE_SAVED,
  SAVE_STATE_FAILED,
} SaveState;

struct _PcAssessmentView
{
  GtkWidget           parent_instance;

  /* Owned */
  PcStore            *store;
  PcAssessmentSession *session;         /* the assessment open, or NULL */
  PcChecklist        *checklist;        /* the session's */
  char               *page;
  GPtrArray          *principle_pages;  /* PcPrinciplePage (the stack's), the last shown first */
  GPtrArray          *principle_rows;   /* GtkListBoxRow, in checklist order (the sidebar's) */
  SaveState           save_state;
  /* Pages other than the principles' are brought up to date only when
   * they are shown: the History page checks the whole audit chain. */
  gboolean            stale[N_LAZY_PAGES];

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *content_box;
  AdwWindowTitle     *sidebar_title;
  GtkListBox         *sidebar;
  AdwWindowTitle     *content_title;
  GtkLabel           *save_label;
  GtkStack           *stack;
  PcOverviewPage     *overview_page;
  PcCoproductionPage *coproduction_page;
  PcReviewPage       *review_page;
  PcHistoryPage      *history_page;
  GtkRevealer        *banner_revealer;
  GtkWidget          *banner;
  GtkImage           *banner_icon;
  GtkLabel           *banner_label;
  GtkWidget          *banner_button;
  GtkMenuButton      *menu_button;
  GMenuModel         *primary_menu;
};

G_DEFINE_FINAL_TYPE (PcAssessmentView, pc_assessment_view, GTK_TYPE_WIDGET)

/* The assessment as the session holds it now, or NULL. */
static const PcAssessment *
current (PcAssessmentView *self)
{
  return self->session != NULL ? pc_assessment_session_get_assessment (self->session) : NULL;
}

enum {
  CLOSED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_page (PcAssessmentView *self,
                       const char       *page,
                       gboolean          focus);
static void update_shown_page (PcAssessmentView *self);

/* The index of the principle shown, or -1. */
static int
current_principle_index (PcAssessmentView *self)
{
  if (self->checklist == NULL || self->page == NULL
      || !g_str_has_prefix (self->page, PRINCIPLE_PREFIX))
    return -1;

  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    if (g_str_equal (pc_checklist_get_principle (self->checklist, i)->id,
                     self->page + strlen (PRINCIPLE_PREFIX)))
      return (int) i;

  return -1;
}

/* Saved state */

static void
update_save_label (PcAssessmentView *self)
{
  gboolean pending = self->session != NULL && pc_assessment_session_get_pending (self->session);
  const char *text;

  /* Text the store refused stays pending: it is not being saved. */
  if (self->save_state == SAVE_STATE_FAILED)
    text = _("Not saved");
  else if (pending)
    text = _("Saving…");
  else if (self->save_state == SAVE_STATE_SAVED)
    text = _("Saved");
  else
    text = "";

  gtk_label_set_text (self->save_label, text);
  if (self->save_state == SAVE_STATE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
}

static void
save_failed (PcAssessmentView *self,
             const GError     *error)
{
  self->save_state = SAVE_STATE_FAILED;
  update_save_label (self);
  pc_ui_show_error (GTK_WIDGET (self), _("Could Not Save"), error);
}

static void
session_save_failed_cb (PcAssessmentView *self,
                        const GError     *error)
{
  save_failed (self, error);
}

static void
session_pending_cb (PcAssessmentView *self)
{
  update_save_label (self);
}

/* The Review page signed the assessment, through the store and not the
 * session: the session reads it again and says what changed. */
static void
page_changed_cb (PcAssessmentView *self)
{
  pc_assessment_view_reload (self);
}

/* Read-only banner */

/* Shown on every page while the assessment cannot be changed, or was
 * just returned for changes; hidden for a draft being written. */
static void
update_banner (PcAssessmentView *self)
{
  const PcAssessment *a = current (self);
  g_auto(PcStateNotice) notice = { 0 };

  if (a == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  pc_state_notice_init (&notice, a);
  gtk_revealer_set_reveal_child (self->banner_revealer, notice.banner_markup != NULL);
  gtk_widget_set_visible (self->banner_button, notice.can_revise);
  if (notice.banner_markup == NULL)
    return;

  pc_widget_set_state_style (self->banner, notice.banner_style);
  gtk_image_set_from_icon_name (self->banner_icon, notice.banner_icon);
  gtk_label_set_markup (self->banner_label, notice.banner_markup);
}

/* Sidebar */

static GtkWidget *
new_sidebar_row (const char *page,
                 const char *title,
                 const char *accessible_label)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data_full (G_OBJECT (row), "page", g_strdup (page), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  return row;
}

static GtkWidget *
new_principle_row (const PcPrinciple *principle,
                   guint              index)
{
  g_autofree char *page = g_strconcat (PRINCIPLE_PREFIX, principle->id, NULL);
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, principle->title);
  GtkWidget *row = new_sidebar_row (page, title, title);
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (dot, "pc-status-dot");
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_ellipsize (GTK_LABEL (status), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (status_box), dot);
  gtk_box_append (GTK_BOX (status_box), status);
  gtk_box_append (GTK_BOX (box), status_box);

  g_object_set_data (G_OBJECT (row), "status-dot", dot);
  g_object_set_data (G_OBJECT (row), "status-label", status);
  return row;
}

static void
update_principle_row (PcAssessmentView  *self,
                      GtkWidget         *row,
                      const PcPrinciple *principle,
                      guint              index)
{
  static const PcStatus statuses[] = {
    PC_STATUS_GREY, PC_STATUS_GREEN, PC_STATUS_AMBER, PC_STATUS_RED,
  };
  GtkWidget *dot = g_object_get_data (G_OBJECT (row), "status-dot");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "status-label");
  PcStatus status = pc_assessment_principle_status (current (self), principle);
  guint answered = 0;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  for (guint i = 0; i < principle->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, i);

      if (pc_assessment_get_rating (current (self), prompt->id) != PC_RATING_NOT_ASSESSED)
        answered++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_widget_remove_css_class (dot, pc_status_to_string (statuses[i]));
  gtk_widget_add_css_class (dot, pc_status_to_string (status));

  /* The status in words beside its colour: colour is never the only signal. */
  /* Translators: a principle's status and progress: "Partly met · 3 of 5 answered" */
  text = g_strdup_printf (_("%s · %u of %u answered"), pc_status_to_label (status), answered,
                          principle->prompts->len);
  gtk_label_set_text (GTK_LABEL (label), text);

  /* Translators: "Principle 3: Kindness matters. Partly met · 3 of 5 answered." */
  accessible = g_strdup_printf (_("Principle %u: %s. %s."), index + 1, principle->title, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
build_sidebar (PcAssessmentView *self)
{
  pc_list_box_remove_all (self->sidebar, NULL);
  g_ptr_array_set_size (self->principle_rows, 0);

  gtk_list_box_append (self->sidebar, new_sidebar_row ("overview", _("Overview"), _("Overview")));
  for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
    {
      GtkWidget *row = new_principle_row (pc_checklist_get_principle (self->checklist, i), i);

      gtk_list_box_append (self->sidebar, row);
      g_ptr_array_add (self->principle_rows, row);
    }
  gtk_list_box_append (self->sidebar, new_sidebar_row ("coproduction", _("Co-production"),
                                                       _("Co-production")));
  gtk_list_box_append (self->sidebar, new_sidebar_row ("review", _("Review & Sign-off"),
                                                       _("Review and sign-off")));
  gtk_list_box_append (self->sidebar, new_sidebar_row ("history", _("History"), _("History")));
}

static void
update_sidebar_title (PcAssessmentView *self)
{
  g_autofree char *subtitle = NULL;

  /* Translators: "PC-2026-0007 · Draft" */
  subtitle = g_strdup_printf (_("%s · %s"), current (self)->reference,
                              current (self)->altered != NULL
                              ? _("Altered") : pc_state_to_label (current (self)->state));
  adw_window_title_set_title (self->sidebar_title, current (self)->title);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
}

static void
update_sidebar (PcAssessmentView *self)
{
  for (guint i = 0; i < self->principle_rows->len; i++)
    update_principle_row (self, g_ptr_array_index (self->principle_rows, i),
                          pc_checklist_get_principle (self->checklist, i), i);
  update_sidebar_title (self);
}

static void
select_sidebar_row (PcAssessmentView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "page"), self->page) == 0)
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
        return;
      }
}

static void
sidebar_row_activated_cb (PcAssessmentView *self,
                          GtkListBoxRow    *row)
{
  const char *page = g_object_get_data (G_OBJECT (row), "page");

  show_page (self, page, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_sections_clicked_cb (PcAssessmentView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Pages */

static void
update_titles (PcAssessmentView *self)
{
  int index = current_principle_index (self);

  if (index >= 0)
    {
      g_autofree char *title = g_strdup_printf (_("Principle %d of %u"), index + 1,
                                                pc_checklist_get_n_principles (self->checklist));

      adw_window_title_set_title (self->content_title, title);
      adw_window_title_set_subtitle (self->content_title,
                                     pc_checklist_get_principle (self->checklist, index)->title);
    }
  else
    {
      GtkWidget *child = gtk_stack_get_visible_child (self->stack);
      const char *title = child != NULL ? gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child)) : NULL;

      adw_window_title_set_title (self->content_title, title != NULL ? title : "");
      adw_window_title_set_subtitle (self->content_title,
                                     current (self) != NULL ? current (self)->title : "");
    }
}

static void
update_actions (PcAssessmentView *self)
{
  int index = current_principle_index (self);
  guint n = self->checklist != NULL ? pc_checklist_get_n_principles (self->checklist) : 0;
  gboolean before = g_strcmp0 (self->page, "overview") == 0;
  gboolean after = self->page != NULL && index < 0 && !before;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.previous-principle",
                                 n > 0 && (index > 0 || after));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.next-principle",
                                 n > 0 && (before || (index >= 0 && (guint) index + 1 < n)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.back", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-json", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-pdf", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-csv", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.print", current (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.start-revision",
                                 current (self) != NULL && !current (self)->imported
                                 && pc_state_is_final (current (self)->state));
}

/* The page for @principle_id, brought up to date: the one showing it,
 * or one more, or the page shown longest ago, which shows it instead. */
static PcPrinciplePage *
ensure_principle_page (PcAssessmentView *self,
                       const char       *principle_id)
{
  g_autofree char *name = g_strconcat (PRINCIPLE_PREFIX, principle_id, NULL);
  PcPrinciplePage *page = NULL;
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  for (guint i = 0; i < self->principle_pages->len && page == NULL; i++)
    if (g_strcmp0 (pc_principle_page_get_principle_id (self->principle_pages->pdata[i]),
                   principle_id) == 0)
      page = g_ptr_array_steal_index (self->principle_pages, i);

  if (page == NULL && self->principle_pages->len >= N_PRINCIPLE_PAGES)
    for (guint i = self->principle_pages->len; i > 0 && page == NULL; i--)
      if (self->principle_pages->pdata[i - 1] != (gpointer) visible)
        page = g_ptr_array_steal_index (self->principle_pages, i - 1);

  if (page == NULL)
    {
      GtkStackPage *stack_page;

      page = PC_PRINCIPLE_PAGE (pc_principle_page_new (principle_id));
      stack_page = gtk_stack_add_named (self->stack, GTK_WIDGET (page), name);
      gtk_stack_page_set_title (stack_page, principle_id);
    }
  else if (g_strcmp0 (pc_principle_page_get_principle_id (page), principle_id) != 0)
    {
      GtkStackPage *stack_page = gtk_stack_get_page (self->stack, GTK_WIDGET (page));

      gtk_stack_page_set_name (stack_page, name);
      gtk_stack_page_set_title (stack_page, principle_id);
    }

  g_ptr_array_insert (self->principle_pages, 0, page);
  pc_principle_page_show_principle (page, self->session, principle_id);

  return page;
}

/* Writes what is typed before leaving a page; a failure is shown. */
static gboolean
flush_current (PcAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  if (pc_assessment_view_flush (self, &error))
    return TRUE;

  save_failed (self, error);
  return FALSE;
}

static void
show_page (PcAssessmentView *self,
           const char       *page,
           gboolean          focus)
{
  PcPrinciplePage *principle_page = NULL;

  if (current (self) == NULL)
    return;

  if (page == NULL)
    page = "overview";

  if (g_str_has_prefix (page, PRINCIPLE_PREFIX))
    {
      const char *id = page + strlen (PRINCIPLE_PREFIX);
      gboolean known = FALSE;

      for (guint i = 0; i < pc_checklist_get_n_principles (self->checklist); i++)
        known |= g_str_equal (pc_checklist_get_principle (self->checklist, i)->id, id);
      if (!known)
        page = "overview";
      else
        principle_page = ensure_principle_page (self, id);
    }
  else if (gtk_stack_get_child_by_name (self->stack, page) == NULL)
    page = "overview";

  if (g_strcmp0 (self->page, page) != 0)
    {
      /* Leaving a page saves what it holds. */
      flush_current (self);
      g_free (self->page);
      self->page = g_strdup (page);
      gtk_stack_set_visible_child_name (self->stack, page);
      update_shown_page (self);
      pc_ui_state_remember (pc_store_get_path (self->store), current (self)->id, page);
    }

  select_sidebar_row (self);
  update_titles (self);
  update_actions (self);
  update_save_label (self);

  if (focus && principle_page != NULL)
    pc_principle_page_focus_prompt (principle_page, NULL);
}

static void
step_principle (PcAssessmentView *self,
                int               delta)
{
  int index = current_principle_index (self);
  int n = (int) pc_checklist_get_n_principles (self->checklist);
  g_autofree char *page = NULL;

  if (index < 0)
    index = delta > 0 ? -1 : n;
  index += delta;
  if (index < 0 || index >= n)
    return;

  page = g_strconcat (PRINCIPLE_PREFIX, pc_checklist_get_principle (self->checklist, index)->id,
                      NULL);
  show_page (self, page, TRUE);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
previous_principle_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  step_principle (PC_ASSESSMENT_VIEW (widget), -1);
}

static void
next_principle_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  step_principle (PC_ASSESSMENT_VIEW (widget), 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (widget);
  g_autoptr(GError) error = NULL;

  /* Nothing typed is left behind: stay if it cannot be saved. */
  if (!pc_assessment_view_flush (self, &error))
    {
      save_failed (self, error);
      return;
    }

  if (self->store != NULL)
    pc_ui_state_forget (pc_store_get_path (self->store));
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
go_to_prompt_cb (PcAssessmentView *self,
                 const char       *prompt_id)
{
  pc_assessment_view_show_prompt (self, prompt_id);
}

static void
go_to_page_cb (PcAssessmentView *self,
               const char       *page)
{
  pc_assessment_view_show_page (self, page);
}

/* A new revision was started from the review page: walk it. */
static void
revised_cb (PcAssessmentView *self,
            gint64            id)
{
  g_autoptr(GError) error = NULL;

  if (!pc_assessment_view_open (self, id, "overview", &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Cannot Open the New Revision"), error);
}

/* view.start-revision: the banner's button, the same flow as the review
 * page's. */
static void
revision_started_cb (GtkWidget *owner,
                     gint64     new_id)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (owner);

  g_signal_emit (self, signals[CHANGED], 0);
  revised_cb (self, new_id);
}

static void
start_revision_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (widget);

  if (current (self) == NULL || current (self)->imported
      || !pc_state_is_final (current (self)->state))
    return;

  pc_revision_dialog_present (widget, self->store, current (self), revision_started_cb);
}

/* view.export-json, view.export-pdf and view.export-csv: a file,
 * through the file chooser, named in a toast once written. */
static const char *
export_error_heading (PcExportFormat format)
{
  switch (format)
    {
    case PC_EXPORT_SUMMARY:
      return _("Could Not Export the Summary");
    case PC_EXPORT_REPORT:
      return _("Could Not Export the Report");
    case PC_EXPORT_ACTION_PLAN:
      return _("Could Not Export the Action Plan");
    default:
      g_assert_not_reached ();
    }
}

/* Saves what is pending, reads the assessment again from the store (so
 * an export holds what was saved and nothing else), and exports it as
 * the command line does. */
static gboolean
export_as (PcAssessmentView  *self,
           PcExportFormat     format,
           const char        *path,
           GError           **error)
{
  g_autoptr(PcAssessment) assessment = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PC_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (current (self) != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pc_assessment_view_flush (self, error))
    return FALSE;
  assessment = pc_store_load_assessment_by_id (self->store, current (self)->id, error);
  if (assessment == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  return pc_export_to_file (self->store, assessment, self->checklist, format, now, path, NULL,
                            error);
}

static char *
export_toast (PcExportFormat  format,
              const char     *basename)
{
  switch (format)
    {
    case PC_EXPORT_SUMMARY:
      return g_strdup_printf (_("Summary written to %s"), basename);
    case PC_EXPORT_REPORT:
      return g_strdup_printf (_("Report written to %s"), basename);
    case PC_EXPORT_ACTION_PLAN:
      return g_strdup_printf (_("Action plan written to %s"), basename);
    default:
      g_assert_not_reached ();
    }
}

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    PcAssessmentView *self)
{
  PcExportFormat format = (PcExportFormat) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog),
                                                                               "pc-export-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autofree char *basename = NULL;
      g_autofree char *toast = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("The file can only be written to this computer: choose a folder on a local or mounted drive"));
          pc_ui_show_error (GTK_WIDGET (self), export_error_heading (format), error);
        }
      else if (!export_as (self, format, path, &error))
        pc_ui_show_error (GTK_WIDGET (self), export_error_heading (format), error);
      else
        {
          basename = g_path_get_basename (path);
          toast = export_toast (format, basename);
          pc_ui_toast (GTK_WIDGET (self), toast);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  const char *title;
  const char *filter_name;
  const char *pattern;
  const char *suffix;
  PcExportFormat format;

  if (current (self) == NULL)
    return;

  if (g_str_equal (action_name, "view.export-pdf"))
    {
      format = PC_EXPORT_REPORT;
      title = _("Export Report");
      filter_name = _("PDF documents");
      pattern = "*.pdf";
      suffix = "report.pdf";
    }
  else if (g_str_equal (action_name, "view.export-csv"))
    {
      format = PC_EXPORT_ACTION_PLAN;
      title = _("Export Action Plan");
      filter_name = _("CSV spreadsheets");
      pattern = "*.csv";
      suffix = "actions.csv";
    }
  else
    {
      format = PC_EXPORT_SUMMARY;
      title = _("Export Summary");
      filter_name = _("JSON summaries");
      pattern = "*.json";
      suffix = "summary.json";
    }

  dialog = gtk_file_chooser_native_new (title,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  name = g_strdup_printf ("%s-r%d-%s", current (self)->reference,
                          current (self)->revision, suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "pc-export-format", GINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* view.print: what is pending is saved, then GTK's print dialog draws
 * the report of what the store holds. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(PcAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  if (current (self) == NULL)
    return;

  if (!pc_assessment_view_flush (self, &error))
    {
      pc_ui_show_error (widget, _("Could Not Save"), error);
      return;
    }
  assessment = pc_store_load_assessment_by_id (self->store, current (self)->id, &error);
  if (assessment == NULL)
    {
      pc_ui_show_error (widget, _("Could Not Print the Report"), error);
      return;
    }

  pc_print_assessment (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                       assessment, self->checklist);
}

/* Public */

GtkWidget *
pc_assessment_view_new (void)
{
  return g_object_new (PC_TYPE_ASSESSMENT_VIEW, NULL);
}

void
pc_assessment_view_set_trusted_signers (PcAssessmentView *self,
                                        const char       *path)
{
  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));

  pc_review_page_set_trusted_signers (self->review_page, path);
}

void
pc_assessment_view_set_store (PcAssessmentView *self,
                              PcStore          *store)
{
  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (store == NULL || PC_IS_STORE (store));

  g_set_object (&self->store, store);
}

/* Lazy pages */

static void
update_lazy_page (PcAssessmentView *self,
                  LazyPage          which)
{
  self->stale[which] = FALSE;
  switch (which)
    {
    case LAZY_OVERVIEW:
      /* From then on it follows the session itself. */
      pc_overview_page_set_session (self->overview_page, self->session);
      break;
    case LAZY_COPRODUCTION:
      pc_coproduction_page_set_session (self->coproduction_page, self->session);
      break;
    case LAZY_REVIEW:
      pc_review_page_set_session (self->review_page, self->session);
      break;
    case LAZY_HISTORY:
      pc_history_page_set_session (self->history_page, self->session);
      break;
    case N_LAZY_PAGES:
    default:
      g_assert_not_reached ();
    }
}

/* The lazy page called @page, or N_LAZY_PAGES for a principle's. */
static LazyPage
lazy_page_named (const char *page)
{
  static const char * const names[N_LAZY_PAGES] = { "overview", "coproduction", "review",
                                                    "history" };

  for (guint i = 0; i < N_LAZY_PAGES; i++)
    if (g_strcmp0 (page, names[i]) == 0)
      return (LazyPage) i;

  return N_LAZY_PAGES;
}

/* Brings the page shown up to date if it missed a change. */
static void
update_shown_page (PcAssessmentView *self)
{
  LazyPage shown = lazy_page_named (self->page);

  if (shown != N_LAZY_PAGES && self->stale[shown])
    update_lazy_page (self, shown);
}

/* Session */

static void
session_answer_changed_cb (PcAssessmentView *self,
                           const char       *prompt_id)
{
  const PcPrinciple *principle = NULL;

  /* Only the row of the principle the prompt belongs to. */
  if (pc_checklist_find_prompt (self->checklist, prompt_id, &principle) == NULL)
    return;
  for (guint i = 0; i < self->principle_rows->len; i++)
    if (pc_checklist_get_principle (self->checklist, i) == principle)
      update_principle_row (self, g_ptr_array_index (self->principle_rows, i), principle, i);
}

static void
session_header_changed_cb (PcAssessmentView *self)
{
  update_sidebar_title (self);
  update_titles (self);
}

static void
session_state_changed_cb (PcAssessmentView *self)
{
  update_sidebar_title (self);
  update_banner (self);
  update_actions (self);
}

static void
session_changed_cb (PcAssessmentView *self)
{
  /* A failure is over once nothing waits to be written. */
  if (self->save_state != SAVE_STATE_FAILED || !pc_assessment_session_get_pending (self->session))
    self->save_state = SAVE_STATE_SAVED;
  for (guint i = 0; i < N_LAZY_PAGES; i++)
    self->stale[i] = TRUE;
  update_shown_page (self);
  update_save_label (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_session (PcAssessmentView    *self,
             PcAssessmentSession *session)
{
  static const PcSessionHandler handlers[] = {
    { "answer-changed", G_CALLBACK (session_answer_changed_cb) },
    { "header-changed", G_CALLBACK (session_header_changed_cb) },
    { "state-changed", G_CALLBACK (session_state_changed_cb) },
    { "changed", G_CALLBACK (session_changed_cb) },
    { "save-failed", G_CALLBACK (session_save_failed_cb) },
    { "notify::pending", G_CALLBACK (session_pending_cb) },
  };

  if (!pc_session_follow (self, &self->session, session, handlers, G_N_ELEMENTS (handlers)))
    return;
  g_clear_pointer (&self->checklist, pc_checklist_unref);
  /* The pages following the session take the new one when shown. */
  if (self->overview_page != NULL)
    pc_overview_page_set_session (self->overview_page, NULL);
  if (self->coproduction_page != NULL)
    pc_coproduction_page_set_session (self->coproduction_page, NULL);
  if (self->review_page != NULL)
    pc_review_page_set_session (self->review_page, NULL);
  if (self->history_page != NULL)
    pc_history_page_set_session (self->history_page, NULL);
  if (session != NULL)
    self->checklist = pc_checklist_ref (pc_assessment_session_get_checklist (session));
}

gboolean
pc_assessment_view_open (PcAssessmentView  *self,
                         gint64             id,
                         const char        *page,
                         GError           **error)
{
  g_autoptr(PcAssessmentSession) session = NULL;
  g_autoptr(GError) flush_error = NULL;
  gboolean same_checklist;

  g_return_val_if_fail (PC_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pc_assessment_view_flush (self, &flush_error))
    {
      g_propagate_error (error, g_steal_pointer (&flush_error));
      return FALSE;
    }

  session = pc_assessment_session_open (self->store, id, error);
  if (session == NULL)
    return FALSE;

  /* The principle pages stay, and show the new session when next shown;
   * so does the sidebar, unless the checklist is another. */
  same_checklist = self->checklist != NULL
                   && g_strcmp0 (pc_checklist_get_sha256 (self->checklist),
                                 pc_checklist_get_sha256 (pc_assessment_session_get_checklist (session))) == 0;
  g_clear_pointer (&self->page, g_free);
  set_session (self, session);
  self->save_state = SAVE_STATE_NONE;

  if (!same_checklist)
    build_sidebar (self);
  update_sidebar (self);
  for (guint i = 0; i < N_LAZY_PAGES; i++)
    self->stale[i] = TRUE;
  update_banner (self);
  show_page (self, page, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  return TRUE;
}

const PcAssessment *
pc_assessment_view_get_assessment (PcAssessmentView *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_VIEW (self), NULL);

  return current (self);
}

void
pc_assessment_view_reload (PcAssessmentView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));

  /* The session emits what differs, and only that is redrawn. */
  if (self->session != NULL && !pc_assessment_session_refresh (self->session, &error))
    pc_ui_show_error (GTK_WIDGET (self), _("Could Not Read the Assessment"), error);
}

gboolean
pc_assessment_view_flush (PcAssessmentView  *self,
                          GError           **error)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_VIEW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return self->session == NULL || pc_assessment_session_flush (self->session, error);
}

void
pc_assessment_view_discard_pending (PcAssessmentView *self)
{
  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));

  if (self->session != NULL)
    pc_assessment_session_discard_pending (self->session);
}

void
pc_assessment_view_show_page (PcAssessmentView *self,
                              const char       *page)
{
  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));

  show_page (self, page, FALSE);
}

void
pc_assessment_view_show_prompt (PcAssessmentView *self,
                                const char       *prompt_id)
{
  const PcPrinciple *principle = NULL;
  g_autofree char *page = NULL;

  g_return_if_fail (PC_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (prompt_id != NULL);

  if (self->checklist == NULL
      || pc_checklist_find_prompt (self->checklist, prompt_id, &principle) == NULL)
    return;

  page = g_strconcat (PRINCIPLE_PREFIX, principle->id, NULL);
  show_page (self, page, FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  pc_principle_page_focus_prompt (ensure_principle_page (self, principle->id), prompt_id);
}

const char *
pc_assessment_view_get_page (PcAssessmentView *self)
{
  g_return_val_if_fail (PC_IS_ASSESSMENT_VIEW (self), NULL);

  return self->page;
}

gboolean
pc_assessment_view_export_json (PcAssessmentView  *self,
                                const char        *path,
                                GError           **error)
{
  return export_as (self, PC_EXPORT_SUMMARY, path, error);
}

gboolean
pc_assessment_view_export_pdf (PcAssessmentView  *self,
                               const char        *path,
                               GError           **error)
{
  return export_as (self, PC_EXPORT_REPORT, path, error);
}

gboolean
pc_assessment_view_export_csv (PcAssessmentView  *self,
                               const char        *path,
                               GError           **error)
{
  return export_as (self, PC_EXPORT_ACTION_PLAN, path, error);
}

/* GObject */

static void
pc_assessment_view_dispose (GObject *object)
{
  PcAssessmentView *self = (PcAssessmentView *) object;

  g_ptr_array_set_size (self->principle_pages, 0);
  g_ptr_array_set_size (self->principle_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PC_TYPE_ASSESSMENT_VIEW);
  set_session (self, NULL);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pc_assessment_view_parent_class)->dispose (object);
}

static void
pc_assessment_view_finalize (GObject *object)
{
  PcAssessmentView *self = (PcAssessmentView *) object;

  g_free (self->page);
  g_ptr_array_unref (self->principle_pages);
  g_ptr_array_unref (self->principle_rows);

  G_OBJECT_CLASS (pc_assessment_view_parent_class)->finalize (object);
}

static void
pc_assessment_view_class_init (PcAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pc_assessment_view_dispose;
  object_class->finalize = pc_assessment_view_finalize;

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/uk/nhs/beh/PrincipleCheck/ui/pc-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, content_box);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, save_label);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, stack);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, overview_page);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, coproduction_page);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, review_page);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, history_page);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, banner);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PcAssessmentView, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_sections_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_prompt_cb);
  gtk_widget_class_bind_template_callback (widget_class, go_to_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, revised_cb);

  gtk_widget_class_install_action (widget_class, "view.previous-principle", NULL,
                                   previous_principle_action);
  gtk_widget_class_install_action (widget_class, "view.next-principle", NULL,
                                   next_principle_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.start-revision", NULL,
                                   start_revision_action);
  gtk_widget_class_install_action (widget_class, "view.export-json", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_action);

  g_type_ensure (PC_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PC_TYPE_COPRODUCTION_PAGE);
  g_type_ensure (PC_TYPE_REVIEW_PAGE);
  g_type_ensure (PC_TYPE_HISTORY_PAGE);
  g_type_ensure (PC_TYPE_PRINCIPLE_PAGE);
}

/* The primary menu's popover is built the first time it opens, not
 * with the view: until then the view holds only its own pages. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  PcAssessmentView *self = PC_ASSESSMENT_VIEW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The shortcuts are caught on the way down (the capture phase), before
 * a text view, a scrolled window or the leaflet can take them for
 * themselves: Ctrl+Page Up means "previous principle" everywhere in the
 * view, even while typing evidence. */
static void
add_shortcuts (PcAssessmentView *self)
{
  static const struct {
    guint            key;
    GdkModifierType  mods;
    const char      *action;
  } shortcuts[] = {
    { GDK_KEY_Left, GDK_ALT_MASK, "view.previous-principle" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "view.previous-principle" },
    { GDK_KEY_Right, GDK_ALT_MASK, "view.next-principle" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "view.next-principle" },
    { GDK_KEY_Home, GDK_ALT_MASK, "view.back" },
    { GDK_KEY_e, GDK_CONTROL_MASK, "view.export-json" },
    { GDK_KEY_p, GDK_CONTROL_MASK, "view.print" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (shortcuts[i].key,
                                                                                    shortcuts[i].mods),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
pc_assessment_view_init (PcAssessmentView *self)
{
  self->principle_pages = g_ptr_array_new ();
  self->principle_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  add_shortcuts (self);
  update_actions (self);
}
