/* test-ui-export.c: the read-only banner, a new revision from it, the
 * summary, report and action-plan exports, printing, imported summaries
 * and the About window
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "pc-assessment-view.h"
#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-print.h"
#include "pc-report.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-ui.h"
#include "pc-test-utils.h"
#include "pc-verify.h"
#include "pc-window.h"

/* The folder the XDG variables point at for the whole run. */
static char *xdg_home;

/* Assessments in each state, through the store. */

/* One key for each signer for the whole run: a database's register of
 * signers refuses a second key under a name it knows. */
static PcSigningKey *
signer_key (const char *name,
            const char *role)
{
  static GHashTable *keys;
  PcSigningKey *key;

  if (keys == NULL)
    keys = g_hash_table_new (g_str_hash, g_str_equal);
  key = g_hash_table_lookup (keys, name);
  if (key == NULL)
    {
      /* Not g_test_queue: the keys outlive the test that made them. */
      g_autofree char *dir = g_build_filename (xdg_home, "test-keys", NULL);
      g_autoptr(GError) error = NULL;

      key = pc_signing_key_generate (dir, name, role, PC_TEST_PASSPHRASE, &error);
      g_assert_no_error (error);
      g_hash_table_insert (keys, (gpointer) name, key);
    }

  return key;
}

static gint64
create_submitted (PcStore *store)
{
  PcSigningKey *author = signer_key ("Ann Lee", "Service lead");

  return pc_test_create_submitted (store, "Crisis café for adults", "Ann Lee", author);
}

static gint64
create_decided (PcStore    *store,
                PcMeaning   decision,
                const char *reason)
{
  PcSigningKey *reviewer = signer_key ("Dr Ann Leigh", "Clinical Director");
  gint64 id = create_submitted (store);

  pc_test_review (store, id, decision, reason, reviewer);

  return id;
}

/* Fixture: a window on a new database, showing one assessment. */

typedef struct
{
  PcStore          *store;
  PcWindow         *window;
  PcAssessmentView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = pc_test_open_store (NULL);
  f->window = pc_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 780);
  f->view = pc_window_get_assessment_view (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pc_test_ui_destroy_toplevels ();
  g_clear_object (&f->store);
}

static void
open_in_view (Fixture    *f,
              gint64      id,
              const char *page)
{
  g_autoptr(GError) error = NULL;
  GtkStack *stack = GTK_STACK (pc_test_ui_get_by_id (GTK_WIDGET (f->window), "stack"));

  g_assert_true (pc_assessment_view_open (f->view, id, page, &error));
  g_assert_no_error (error);
  gtk_stack_set_visible_child_name (stack, "assessment");
}

static gboolean
banner_shown (Fixture *f)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (pc_test_ui_get_by_id (GTK_WIDGET (f->view),
                                                                            "banner_revealer")));
}

static const char *
banner_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (pc_test_ui_get_by_id (GTK_WIDGET (f->view), "banner_label")));
}

/* Tests */

static void
test_banner_final (Fixture       *f,
                   gconstpointer  data)
{
  gint64 id = create_decided (f->store, PC_MEANING_APPROVED, NULL);
  GtkWidget *button = pc_test_ui_get_by_id (GTK_WIDGET (f->view), "banner_button");
  const char *text;

  open_in_view (f, id, "principle:kindness-matters");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* On a principle page too, not only on Review. */
  g_assert_true (banner_shown (f));
  text = banner_text (f);
  g_assert_true (g_str_has_prefix (text, "Read-only. Approved by Dr Ann Leigh, Clinical Director, on "));
  g_assert_nonnull (strstr (text, " UTC. Submitted for review by Ann Lee, Service lead, on "));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_test_accessible_assert_role (pc_test_ui_get_by_id (GTK_WIDGET (f->view), "banner"),
                                   GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_true (gtk_widget_get_focusable (button));

  pc_test_ui_maybe_screenshot (GTK_WIDGET (f->window), "banner-approved");
  pc_assessment_view_show_page (f->view, "review");
  g_assert_true (banner_shown (f));
}

static void
test_banner_states (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Dr Bob Reviewer",
                                                              "Clinical Director");
  gint64 draft = pc_test_create_assessment (f->store, "Memory clinic", "Ann Lee");
  gint64 id;

  /* A draft being written: no banner. */
  open_in_view (f, draft, NULL);
  g_assert_false (banner_shown (f));

  /* In review: read-only, since when and by whom. */
  id = create_submitted (f->store);
  open_in_view (f, id, NULL);
  g_assert_true (banner_shown (f));
  g_assert_true (g_str_has_prefix (banner_text (f), "Read-only. In review since "));
  g_assert_nonnull (strstr (banner_text (f), ", prepared by Ann Lee, Service lead: it cannot be "
                                             "changed until the reviewer decides."));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (GTK_WIDGET (f->view), "banner_button")));

  /* Returned: editable, and the banner says who returned it and why. */
  pc_test_review (f->store, id, PC_MEANING_RETURNED, "Add the carers’ survey.", reviewer);
  pc_assessment_view_reload (f->view);
  g_assert_true (banner_shown (f));
  g_assert_true (g_str_has_prefix (banner_text (f), "Returned to its author by Dr Bob Reviewer, "
                                                    "Clinical Director, on "));
  g_assert_true (g_str_has_suffix (banner_text (f), ": Add the carers’ survey."));
  g_assert_false (gtk_widget_get_visible (pc_test_ui_get_by_id (GTK_WIDGET (f->view), "banner_button")));

  /* Conditions are named. */
  id = create_decided (f->store, PC_MEANING_APPROVED_WITH_CONDITIONS, "Review after three months.");
  open_in_view (f, id, NULL);
  g_assert_true (g_str_has_prefix (banner_text (f), "Read-only. Approved with conditions by "));
  g_assert_nonnull (strstr (banner_text (f), "Conditions: Review after three months."));
  pc_test_ui_maybe_screenshot (GTK_WIDGET (f->window), "banner-conditions");

  /* Back to a fresh draft: hidden again. */
  open_in_view (f, draft, NULL);
  g_assert_false (banner_shown (f));
}

static void
test_start_revision (Fixture       *f,
                     gconstpointer  data)
{
  gint64 id = create_decided (f->store, PC_MEANING_APPROVED, NULL);
  const PcAssessment *a;
  AdwMessageDialog *message;
  GtkWidget *entry;

  open_in_view (f, id, "history");
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.start-revision", NULL);
  message = ADW_MESSAGE_DIALOG (pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (f->window));
  g_assert_false (adw_message_dialog_get_response_enabled (message, "revise"));
  entry = adw_message_dialog_get_extra_child (message);
  gtk_editable_set_text (GTK_EDITABLE (entry), "The café moves to a new site.");
  g_assert_true (adw_message_dialog_get_response_enabled (message, "revise"));
  adw_message_dialog_response (message, "revise");
  gtk_window_destroy (GTK_WINDOW (message));

  /* The view walks the new draft, from its overview, without a banner. */
  a = pc_assessment_view_get_assessment (f->view);
  g_assert_cmpint (a->revision, ==, 2);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (a->revision_reason, ==, "The café moves to a new site.");
  g_assert_cmpstr (pc_assessment_view_get_page (f->view), ==, "overview");
  g_assert_false (banner_shown (f));

  /* A draft cannot be revised. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "view.start-revision", NULL);
  g_assert_null (pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "summary.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(cJSON) document = NULL;
  const char *text;
  gsize len;
  gint64 id = create_decided (f->store, PC_MEANING_APPROVED, NULL);

  open_in_view (f, id, NULL);
  g_assert_true (pc_assessment_view_export_json (f->view, path, &error));
  g_assert_no_error (error);
  pc_test_assert_valid_summary (path);

  bytes = pc_test_read_file (path);
  text = g_bytes_get_data (bytes, &len);
  document = pc_json_parse_strict (text, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_json_get_string (document, "state"), ==, "approved");
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (document, "signed")));
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (document, "signoffs")),
                   ==, 2);

  /* A folder that does not exist is an error, not a crash. */
  g_assert_false (pc_assessment_view_export_json (f->view, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  /* A draft exports too, unsigned. */
  id = pc_test_create_assessment (f->store, "Memory clinic", "Ann Lee");
  open_in_view (f, id, NULL);
  g_assert_true (pc_assessment_view_export_json (f->view, path, &error));
  g_assert_no_error (error);
  pc_test_assert_valid_summary (path);
}

/* What `pdfinfo` says of @path, as "Key: value" lines. */
static char *
pdfinfo (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return pc_test_run_program_ok (argv);
}

/* The value of @key in pdfinfo's @info, or NULL. Returns: (transfer full) */
static char *
pdfinfo_value (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  return NULL;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = pdfinfo (path);
  g_autofree char *pages = pdfinfo_value (info, "Pages");

  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  const PcAssessment *a;
  gint64 id = create_decided (f->store, PC_MEANING_APPROVED, NULL);

  open_in_view (f, id, NULL);
  a = pc_assessment_view_get_assessment (f->view);
  g_assert_true (pc_assessment_view_export_pdf (f->view, path, &error));
  g_assert_no_error (error);

  /* A cover and the principles: more than one A4 page, titled after the
   * assessment. */
  info = pdfinfo (path);
  g_test_message ("%s", info);
  pages = pdfinfo_value (info, "Pages");
  g_assert_nonnull (pages);
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), >=, 2);
  title = pdfinfo_value (info, "Title");
  g_assert_nonnull (title);
  g_assert_true (strstr (title, a->reference) != NULL || strstr (title, a->title) != NULL);
  size = pdfinfo_value (info, "Page size");
  g_assert_nonnull (size);
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts"));

  /* A folder that does not exist is an error, not a crash. */
  g_assert_false (pc_assessment_view_export_pdf (f->view, missing, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "actions.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize len;
  gint64 id = pc_test_create_assessment (f->store, "Memory clinic", "Ann Lee");

  g_assert_cmpint (pc_store_add_action (f->store, id, prompt->id,
                                        "Ask carers, then \"review\" the leaflet", "Ann Lee",
                                        "2026-03-31", &error), >, 0);
  g_assert_no_error (error);

  open_in_view (f, id, NULL);
  g_assert_true (pc_assessment_view_export_csv (f->view, path, &error));
  g_assert_no_error (error);

  bytes = pc_test_read_file (path);
  text = g_strndup (g_bytes_get_data (bytes, &len), g_bytes_get_size (bytes));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_test_message ("%s", text);

  /* A byte order mark for spreadsheets, the header row naming the
   * columns in order, then one row per action, quoted as RFC 4180 says. */
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  g_assert_true (g_str_has_prefix (lines[0], "\xEF\xBB\xBF"));
  g_assert_cmpstr (lines[0] + 3, ==, "reference,revision,principle,prompt id,prompt,"
                                     "description,owner,due date,status,overdue");
  g_assert_nonnull (strstr (lines[1], "\"Ask carers, then \"\"review\"\" the leaflet\""));
  g_assert_nonnull (strstr (lines[1], prompt->id));
  g_assert_nonnull (strstr (lines[1], "2026-03-31"));
}

/* The print operation, run without its dialog, draws the pages the PDF
 * export writes: the same report code serves both. */
static void
test_print_to_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  guint n_printed;

  a = pc_store_load_assessment_by_id (f->store, create_decided (f->store, PC_MEANING_APPROVED, NULL),
                                      &error);
  g_assert_no_error (error);
  checklist = pc_store_load_checklist_for (f->store, a, &error);
  g_assert_no_error (error);

  g_assert_true (pc_print_assessment_to_file (f->store, a, checklist, printed, &error));
  g_assert_no_error (error);
  report = pc_report_new_at (f->store, a, checklist, now, &error);
  g_assert_no_error (error);
  g_assert_true (pc_report_write_pdf (report, exported, &error));
  g_assert_no_error (error);

  n_printed = pdf_n_pages (printed);
  g_assert_cmpuint (n_printed, >=, 2);
  g_assert_cmpuint (n_printed, ==, pdf_n_pages (exported));

  /* A4 portrait, as the PDF file. */
  info = pdfinfo (printed);
  size = pdfinfo_value (info, "Page size");
  g_assert_nonnull (size);
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts"));

  /* With PC_SCREENSHOT_DIR set, both files are kept for people to
   * compare. */
  if (g_getenv ("PC_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *keep_printed = g_build_filename (g_getenv ("PC_SCREENSHOT_DIR"),
                                                        "printed.pdf", NULL);
      g_autofree char *keep_exported = g_build_filename (g_getenv ("PC_SCREENSHOT_DIR"),
                                                         "exported.pdf", NULL);
      g_autoptr(GBytes) bytes = NULL;

      bytes = pc_test_read_file (printed);
      g_assert_true (g_file_set_contents (keep_printed, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), NULL));
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = pc_test_read_file (exported);
      g_assert_true (g_file_set_contents (keep_exported, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), NULL));
    }
}

/* The export actions suggest a file name from the reference and
 * revision. */
static void
test_export_names (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *action;
    const char *suffix;
  } cases[] = {
    { "view.export-pdf", "-r1-report.pdf" },
    { "view.export-csv", "-r1-actions.csv" },
  };
  gint64 id = pc_test_create_assessment (f->store, "Memory clinic", "Ann Lee");
  const PcAssessment *a;

  open_in_view (f, id, NULL);
  a = pc_assessment_view_get_assessment (f->view);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strconcat (a->reference, cases[i].suffix, NULL);
      g_autofree char *name = NULL;
      GtkWindow *chooser;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), cases[i].action, NULL));
      chooser = pc_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      if (chooser == NULL)
        {
          g_test_skip ("The file chooser is a portal's, out of reach of the test");
          return;
        }
      g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (f->window));
      name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (name, ==, expected);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      for (guint j = 0; j < 10 && pc_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL; j++)
        g_main_context_iteration (NULL, FALSE);
    }
}

/* The menu of the assessment view offers the export and About. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_menus (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *view_menu = pc_test_ui_get_by_id (GTK_WIDGET (f->view), "menu_button");
  GtkWidget *list_menu = pc_test_ui_get_by_id (pc_test_ui_get_by_id (GTK_WIDGET (f->window), "list_page"), "menu_button");
  GMenuModel *model;

  /* The view's menu is made when it first opens. */
  open_in_view (f, pc_test_create_assessment (f->store, "Memory clinic", "Ann Lee"), NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_menu_button_popup (GTK_MENU_BUTTON (view_menu));
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (view_menu));
  g_assert_nonnull (model);
  g_assert_true (menu_has_action (model, "view.export-json"));
  g_assert_true (menu_has_action (model, "view.export-pdf"));
  g_assert_true (menu_has_action (model, "view.export-csv"));
  g_assert_true (menu_has_action (model, "view.print"));
  g_assert_true (menu_has_action (model, "app.about"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (list_menu)),
                                  "app.about"));
  gtk_test_accessible_assert_property (view_menu, GTK_ACCESSIBLE_PROPERTY_LABEL, "Main menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (view_menu));
}

static void
test_imported (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PcStore) other = pc_test_open_store (NULL);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *source = g_build_filename (dir, "source.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.json", NULL);
  AdwMessageDialog *message;
  const char *body;
  const char *data_ptr;
  gsize len;
  gint64 import_id;

  /* Another database's approved assessment, exported and imported here. */
  a = pc_store_load_assessment_by_id (other, create_decided (other, PC_MEANING_APPROVED, NULL),
                                      &error);
  g_assert_no_error (error);
  checklist = pc_store_load_checklist_for (other, a, &error);
  g_assert_no_error (error);
  g_assert_true (pc_summary_export (other, a, checklist, now, source, NULL, &error));
  g_assert_no_error (error);
  original = pc_test_read_file (source);
  data_ptr = g_bytes_get_data (original, &len);
  result = pc_verify_summary (data_ptr, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->ok);
  import_id = pc_store_import_summary (f->store, result, data_ptr, len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import_id, >, 0);

  /* Choosing it in the list shows what it says of itself: read-only,
   * verified, who signed what and when. */
  g_signal_emit_by_name (pc_test_ui_get_by_id (GTK_WIDGET (f->window), "list_page"), "open-assessment",
                         import_id, TRUE);
  message = ADW_MESSAGE_DIALOG (pc_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  body = adw_message_dialog_get_body (message);
  g_assert_nonnull (strstr (body, "Read-only: an imported summary"));
  g_assert_nonnull (strstr (body, "Verified: every signature holds"));
  g_assert_nonnull (strstr (body, "Submitted for review by Ann Lee, Service lead, on "));
  g_assert_nonnull (strstr (body, "Approved by Dr Ann Leigh, Clinical Director, on "));
  g_assert_nonnull (strstr (body, ": signature good"));
  g_assert_true (adw_message_dialog_has_response (message, "export"));
  pc_test_ui_maybe_screenshot (GTK_WIDGET (message), "imported-dialog");
  gtk_window_destroy (GTK_WINDOW (message));

  /* Its export is the stored file, byte for byte. */
  g_assert_true (pc_window_export_imported (f->window, import_id, copy, &error));
  g_assert_no_error (error);
  written = pc_test_read_file (copy);
  g_assert_true (g_bytes_equal (original, written));
}

static void
test_about (Fixture       *f,
            gconstpointer  data)
{
  AdwAboutWindow *about;
  const char *debug_info;
  g_autofree char *schema = NULL;

  pc_window_show_about (f->window);
  about = ADW_ABOUT_WINDOW (pc_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  debug_info = adw_about_window_get_debug_info (about);
  g_assert_nonnull (strstr (debug_info, pc_store_get_path (f->store)));
  schema = g_strdup_printf ("Schema version: %d of %d", pc_store_get_schema_version (f->store),
                            pc_store_get_latest_version ());
  g_assert_nonnull (strstr (debug_info, schema));
  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_null (pc_test_ui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  int status;

  /* Keys, remembered places and the like stay out of the user's folders. */
  xdg_home = pc_test_ui_init_isolated (&argc, &argv);
  if (xdg_home == NULL)
    return 0;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* The application loads its style sheet from its resource base path;
   * without one, the tests load it themselves. */
  css = pc_test_ui_load_style ();

  g_test_add ("/pc/ui/export/banner-final", Fixture, NULL,
              fixture_set_up, test_banner_final, fixture_tear_down);
  g_test_add ("/pc/ui/export/banner-states", Fixture, NULL,
              fixture_set_up, test_banner_states, fixture_tear_down);
  g_test_add ("/pc/ui/export/start-revision", Fixture, NULL,
              fixture_set_up, test_start_revision, fixture_tear_down);
  g_test_add ("/pc/ui/export/json", Fixture, NULL,
              fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/pc/ui/export/pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/pc/ui/export/csv", Fixture, NULL,
              fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/pc/ui/export/print-to-file", Fixture, NULL,
              fixture_set_up, test_print_to_file, fixture_tear_down);
  g_test_add ("/pc/ui/export/names", Fixture, NULL,
              fixture_set_up, test_export_names, fixture_tear_down);
  g_test_add ("/pc/ui/export/menus", Fixture, NULL,
              fixture_set_up, test_menus, fixture_tear_down);
  g_test_add ("/pc/ui/export/imported", Fixture, NULL,
              fixture_set_up, test_imported, fixture_tear_down);
  g_test_add ("/pc/ui/export/about", Fixture, NULL,
              fixture_set_up, test_about, fixture_tear_down);

  status = g_test_run ();
  pc_test_remove_tree (xdg_home);
  g_free (xdg_home);

  return status;
}
