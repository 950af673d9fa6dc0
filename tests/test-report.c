/* test-report.c: the committee report (PDF) and the action plan (CSV)
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF is read back with poppler-utils (pdftotext -raw, which keeps
 * the order the text was drawn in, and pdfinfo); the CSV with Python's
 * csv module. A test whose tool is missing is skipped.
 */

#include "config.h"

#include <sqlite3.h>

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-demo.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-report.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"

#define BENGALI "আমাদের সেবা সবার জন্য"
#define ARABIC  "خدمة الصحة النفسية"

/* Helpers */

static gboolean
have_tools (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
      return FALSE;
    }

  return TRUE;
}

/* @text without any white space, so that wrapping does not matter, nor
 * the direction marks pdftotext puts around right-to-left text. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && g_unichar_type (c) != G_UNICODE_FORMAT)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
assert_has (const char *squeezed_text,
            const char *needle)
{
  g_autofree char *n = squeeze (needle);

  if (strstr (squeezed_text, n) == NULL)
    g_error ("The report does not say “%s”", needle);
}

static char *
pdf_text_mode (const char *pdf,
               const char *mode)
{
  /* -nodiag leaves out a draft's diagonal watermark, which pdftotext
   * would otherwise cut into the text a letter at a time; the DRAFT
   * marking in each page's header stays. */
  const char *argv[] = { "pdftotext", mode, "-nodiag", "-enc", "UTF-8", pdf, "-", NULL };

  return pc_test_run_program_ok (argv);
}

/* In the order it was drawn. */
static char *
pdf_text (const char *pdf)
{
  return pdf_text_mode (pdf, "-raw");
}

/* One line of pdfinfo's output: "Pages:  17" gives "17". */
static char *
pdf_info (const char *pdf,
          const char *key)
{
  const char *argv[] = { "pdfinfo", "-isodates", pdf, NULL };
  g_autofree char *out = pc_test_run_program_ok (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (g_strstrip (lines[i] + strlen (prefix)));

  g_error ("pdfinfo says nothing about %s", key);
  return NULL;
}

static GDateTime *
export_time (void)
{
  return pc_test_time_at (10);
}

/* Renders @a to @path as the command line does; returns the pages. */
static guint
render (PcStore            *store,
        const PcAssessment *a,
        const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_store_load_checklist_for (store, a, &error);
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(PcReport) report = NULL;
  guint n_pages;

  g_assert_no_error (error);
  report = pc_report_new_at (store, a, checklist, now, &error);
  g_assert_no_error (error);
  g_assert_true (pc_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  /* The last pagination was the PDF's: A4. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);

    n_pages = pc_report_paginate (report, cr, 595.276, 841.89);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  return n_pages;
}

static char *
content_sha256 (const PcAssessment *a,
                PcChecklist        *checklist)
{
  g_autoptr(cJSON) content = pc_summary_build_content (a, checklist);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *sha256 = NULL;

  bytes = pc_summary_canonical_bytes (content, &sha256, &error);
  g_assert_no_error (error);

  return sha256;
}

/* Checks what every report must have: each principle's title, each
 * prompt's rating, each signer, the hash and "page N of M" on every page,
 * the DRAFT marking on every page of a draft and no other, the
 * metadata. */
static void
check_report (PcStore            *store,
              const PcAssessment *a,
              const char         *pdf,
              guint               n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_store_load_checklist_for (store, a, &error);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *all = squeeze (text);
  g_autofree char *sha256 = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pages = pdf_info (pdf, "Pages");
  g_autofree char *title = pdf_info (pdf, "Title");
  g_autofree char *author = pdf_info (pdf, "Author");
  g_autofree char *created = pdf_info (pdf, "CreationDate");
  g_auto(GStrv) page_texts = NULL;
  g_autofree char *draft = squeeze ("DRAFT — not signed off");

  g_assert_no_error (error);
  sha256 = content_sha256 (a, checklist);
  prefix = g_strndup (sha256, 16);

  g_assert_cmpuint ((guint) g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  g_assert_cmpstr (title, ==, a->title);
  g_assert_cmpstr (author, ==, a->lead);
  g_assert_true (g_str_has_prefix (created, "2026-11-22T10:15:00"));

  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      assert_has (all, principle->title);
      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          g_autofree char *rated = g_strdup_printf ("%u.%u %s Rating: %s", i + 1, j + 1,
                                                    prompt->question,
                                                    pc_rating_to_label (pc_assessment_get_rating (a, prompt->id)));

          assert_has (all, rated);
        }
    }

  /* The outline: one entry per principle, each a link to its page
   * (cairo writes the PDF uncompressed enough to count them). */
  {
    g_autoptr(GBytes) bytes = pc_test_read_file (pdf);
    gsize len = 0;
    const char *data = g_bytes_get_data (bytes, &len);
    guint n_dests = 0;

    for (gsize i = 0; i + 7 <= len; i++)
      if (memcmp (data + i, "/Dest [", 7) == 0)
        n_dests++;
    g_assert_cmpuint (n_dests, ==, pc_checklist_get_n_principles (checklist));
  }

  for (guint k = 0; k < a->signoffs->len; k++)
    assert_has (all, ((PcSignoff *) g_ptr_array_index (a->signoffs, k))->name);
  assert_has (all, sha256);

  /* The audit chain, checked, as the JSON summary states it. */
  {
    g_autofree char *head = NULL;
    g_autofree char *changes = NULL;
    guint count = 0;

    g_assert_true (pc_store_check_audit_chain (store, a->id, &count, &head, NULL));
    changes = g_strdup_printf ("holds %u change", count);
    assert_has (all, changes);
    assert_has (all, head);
  }

  /* pdftotext ends every page with a form feed. */
  page_texts = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (page_texts), ==, n_pages + 1);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page = squeeze (page_texts[p]);
      g_autofree char *footer = g_strdup_printf ("%s revision %d · Page %u of %u", a->reference,
                                                 a->revision, p + 1, n_pages);

      assert_has (page, footer);
      assert_has (page, prefix);
      g_assert_true ((strstr (page, draft) != NULL) == (a->state == PC_STATE_DRAFT));
      /* No page is only its header and footer. */
      {
        g_auto(GStrv) lines = g_strsplit (page_texts[p], "\n", -1);
        guint n_lines = 0;

        for (guint l = 0; lines[l] != NULL; l++)
          if (*g_strstrip (lines[l]) != '\0'
              && !g_str_has_prefix (lines[l], "Clinical principles assessment ·")
              && strstr (lines[l], " · Page ") == NULL)
            n_lines++;
        if (n_lines == 0)
          g_error ("Page %u of %s is empty:\n%s", p + 1, pdf, page_texts[p]);
      }
    }
}

/* The demo assessments */

static void
test_report_demo (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_draft = FALSE, saw_signed = FALSE;

  if (!have_tools ())
    return;

  g_assert_cmpuint (pc_demo_fill (store, checklist, keys_dir, now, &error), >, 0);
  g_assert_no_error (error);
  items = pc_store_list (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < items->len; i++)
    {
      PcListItem *item = g_ptr_array_index (items, i);
      g_autoptr(PcAssessment) a = NULL;
      g_autofree char *name = NULL;
      g_autofree char *pdf = NULL;
      guint n_pages;

      if (item->imported)
        continue;
      a = pc_test_load_assessment (store, item->id);

      name = g_strdup_printf ("%s.pdf", a->reference);
      pdf = g_build_filename (dir, name, NULL);
      n_pages = render (store, a, pdf);
      /* A cover, a page or more for each principle, the plan and sign-off. */
      g_assert_cmpuint (n_pages, >=, pc_checklist_get_n_principles (checklist) + 2);
      check_report (store, a, pdf, n_pages);

      saw_draft |= a->state == PC_STATE_DRAFT;
      saw_signed |= a->signoffs->len >= 2;
    }

  g_assert_true (saw_draft);
  g_assert_true (saw_signed);
}

/* Long evidence, many actions, other scripts */

static char *
long_evidence (void)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  /* Numbered words in paragraphs, to 20,000 characters. */
  while (text->len < 20000)
    {
      g_string_append_printf (text, "word%05u", n++);
      g_string_append (text, n % 120 == 0 ? "\n\n" : " ");
    }
  g_string_truncate (text, 20000);

  return g_string_free (text, FALSE);
}

/* Asserts that every word of @evidence appears in @text, in order. */
static void
assert_words_in_order (const char *text,
                       const char *evidence)
{
  g_auto(GStrv) words = g_strsplit_set (evidence, " \n", -1);
  const char *at = text;
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found;

      if (*words[i] == '\0')
        continue;
      found = strstr (at, words[i]);
      if (found == NULL)
        g_error ("The report lost “%s” of the evidence (or moved it)", words[i]);
      at = found + strlen (words[i]);
      n++;
    }

  g_assert_cmpuint (n, >=, 1999);
}

static void
test_report_long (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *short_pdf = g_build_filename (dir, "short.pdf", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessment) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = long_evidence ();
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  const PcPrinciple *first = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (first->prompts, 0);
  gint64 id;
  guint long_pages, short_pages;

  if (!have_tools ())
    return;

  id = pc_test_create_assessment (store, "Long evidence", "Ann Lee");
  pc_test_answer_all (store, id);
  b = pc_test_load_assessment (store, id);
  short_pages = render (store, b, short_pdf);

  g_assert_true (pc_store_set_answer (store, id, prompt->id, PC_RATING_PARTLY_MET, evidence,
                                      NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *description = g_strdup_printf ("Action number %02u of sixty: report to the board, with the figures.", i + 1);
      g_autofree char *due = g_strdup_printf ("2027-%02u-%02u", i % 12 + 1, i % 28 + 1);

      g_assert_cmpint (pc_store_add_action (store, id, prompt->id, description, "Team manager",
                                            due, &error), >, 0);
      g_assert_no_error (error);
    }

  a = pc_test_load_assessment (store, id);
  long_pages = render (store, a, pdf);
  check_report (store, a, pdf, long_pages);

  /* 20,000 characters are about six pages, 60 actions three or four
   * more (in the prompt and in the plan). */
  g_assert_cmpuint (long_pages, >=, short_pages + 6);

  text = pdf_text (pdf);
  assert_words_in_order (text, evidence);
  all = squeeze (text);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *description = g_strdup_printf ("Action number %02u of sixty: report to the board, with the figures.", i + 1);
      g_autofree char *squeezed = squeeze (description);
      const char *at = strstr (all, squeezed);

      /* Once under the prompt and once in the action plan. */
      g_assert_nonnull (at);
      g_assert_nonnull (strstr (at + 1, squeezed));
    }
}

static gboolean
have_font_for (const char *lang)
{
  g_autofree char *pattern = g_strdup_printf (":lang=%s", lang);
  const char *argv[] = { "fc-list", pattern, "family", NULL };
  g_autofree char *out = NULL;
  g_autofree char *fc_list = g_find_program_in_path ("fc-list");

  if (fc_list == NULL)
    return FALSE;
  out = pc_test_run_program_ok (argv);

  return out != NULL && *g_strstrip (out) != '\0';
}

static void
test_report_scripts (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "scripts.pdf", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) header = pc_test_header_new ("Hizmet değişikliği: Łódź ve Şişli", "Ayşe Yılmaz");
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  const PcPrinciple *first = pc_checklist_get_principle (checklist, 0);
  gint64 id;

  if (!have_tools ())
    return;

  id = pc_test_create_assessment_with (store, header);
  pc_test_answer_all (store, id);
  g_assert_true (pc_store_set_answer (store, id, ((PcPrompt *) g_ptr_array_index (first->prompts, 0))->id,
                                      PC_RATING_MET, BENGALI, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_set_answer (store, id, ((PcPrompt *) g_ptr_array_index (first->prompts, 1))->id,
                                      PC_RATING_MET, ARABIC, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Małgorzata Wiśniewska, Rahima Begum (রহিমা বেগম)",
                                              "Workshop", "2026-10-01", "Leaflets in Polish and Bengali.",
                                              &error), >, 0);
  g_assert_no_error (error);

  a = pc_test_load_assessment (store, id);
  check_report (store, a, pdf, render (store, a, pdf));

  /* In reading order: -raw cuts Arabic, drawn right to left, into
   * letters. */
  text = pdf_text_mode (pdf, "-nopgbrk");
  all = squeeze (text);
  assert_has (all, "Hizmet değişikliği: Łódź ve Şişli");
  assert_has (all, "Ayşe Yılmaz");
  assert_has (all, "Małgorzata Wiśniewska");
  assert_has (all, ARABIC);

  if (!have_font_for ("bn"))
    {
      g_test_message ("No font covers Bengali (install fonts-beng or fonts-noto-core); not checking it");
      return;
    }
  assert_has (all, BENGALI);
}

/* The picture of page 1 for the README */

static void
test_report_raster (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *prefix = g_build_filename (g_test_get_dir (G_TEST_BUILT), "report-page", NULL);
  g_autofree char *png = g_strconcat (prefix, "-1.png", NULL);
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "-png",
                         pdf, NULL, NULL };
  g_autofree char *out = NULL;
  gboolean done = FALSE;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }

  g_assert_cmpuint (pc_demo_fill (store, checklist, keys_dir, now, &error), >, 0);
  g_assert_no_error (error);
  items = pc_store_list (store, &error);
  g_assert_no_error (error);

  /* The approved example with the most to say. */
  for (guint i = 0; i < items->len && !done; i++)
    {
      PcListItem *item = g_ptr_array_index (items, i);
      g_autoptr(PcAssessment) a = NULL;

      if (item->imported || item->state != PC_STATE_APPROVED)
        continue;
      a = pc_test_load_assessment (store, item->id);
      render (store, a, pdf);
      done = TRUE;
    }
  g_assert_true (done);

  g_unlink (png);
  argv[10] = g_strconcat (prefix, "-1", NULL);
  out = pc_test_run_program_ok (argv);
  g_free ((char *) argv[10]);

  bytes = pc_test_read_file (png);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 10000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_test_message ("Page 1 is in %s", png);
}

/* The action plan as CSV */

/* Descriptions that test the CSV's quoting, and how each must read in
 * the file (NULL: as typed). A spreadsheet formula is kept as text behind
 * an apostrophe, so that opening the file runs nothing. */
static const struct {
  const char *typed;
  const char *in_csv;
} tricky[] = {
  { "Plain description", NULL },
  { "Commas, in, the, middle", NULL },
  { "She said \"yes\", then \"no\"", NULL },
  { "Two lines\nsecond line", NULL },
  { "Windows line\r\nend", NULL },
  { "Łódź, Şişli, রহিমা, خدمة", NULL },
  { "=SUM(A1:A2) looks like a formula", "'=SUM(A1:A2) looks like a formula" },
  { "=HYPERLINK(\"http://example.com\",\"Click\")", "'=HYPERLINK(\"http://example.com\",\"Click\")" },
  { "+44 20 7946 0000 to call", "'+44 20 7946 0000 to call" },
  { "-1 bed from March", "'-1 bed from March" },
  { "@SUM(A1)", "'@SUM(A1)" },
  { "\t=1+1 after a tab", "'\t=1+1 after a tab" },
  { "A formula later =1+1 is fine", NULL },
};

static const char *
tricky_in_csv (const char *typed)
{
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    if (g_strcmp0 (tricky[i].typed, typed) == 0)
      return tricky[i].in_csv != NULL ? tricky[i].in_csv : typed;

  g_assert_not_reached ();
}

/* Python's csv module reads @path (with its BOM) and prints the rows as
 * JSON. */
static cJSON *
read_csv_with_python (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
    "    rows = list(csv.reader(f, strict=True))\n"
    "json.dump(rows, sys.stdout, ensure_ascii=False)\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = pc_test_run_program_ok (argv);
  g_autoptr(GError) error = NULL;
  cJSON *rows = pc_json_parse_strict (out, strlen (out), &error);

  g_assert_no_error (error);
  g_assert_true (cJSON_IsArray (rows));

  return rows;
}

/* A history altered behind the program's back (the triggers dropped
 * first) is refused, as the JSON export refuses it: no committee paper
 * carries the signatures of a tampered record. */
static void
test_report_audit_broken (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcReport) report = NULL;
  g_autoptr(GDateTime) now = export_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw;
  gint64 id;

  id = pc_test_create_approved_assessment (store, "Crisis café", "Ann Lee", "Service lead",
                                           "Tom Reed", "Clinical director");
  raw = pc_test_raw_open (db);
  sql = g_strdup_printf ("DROP TRIGGER audit_no_update;"
                         " UPDATE audit SET new_value = 'Tampered'"
                         " WHERE id = (SELECT min(id) FROM audit WHERE assessment_id = %" G_GINT64_FORMAT ")",
                         id);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  a = pc_test_load_assessment (store, id);
  report = pc_report_new_at (store, a, checklist, now, &error);
  g_assert_null (report);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN);

  /* The command line: a failed check (exit 1), one line, no file. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (pc_test_run_cli (db, NULL, &err, "export", a->reference, "--pdf", pdf, NULL),
                     ==, 1);
    g_assert_nonnull (strstr (err, "audit"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
}

static void
test_report_csv (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autoptr(PcStore) store = pc_test_open_store (NULL);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(cJSON) rows = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *header[] = { "reference", "revision", "principle", "prompt id", "prompt",
                           "description", "owner", "due date", "status", "overdue" };
  guint n_prompts = pc_checklist_get_n_prompts (checklist);
  guint row = 1;
  gint64 id;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed");
      return;
    }

  id = pc_test_create_assessment (store, "Action plan, \"quoted\"", "Ann Lee");
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i % pc_checklist_get_n_principles (checklist));
      const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
      gint64 action;

      /* The store refuses line breaks and tabs in a description: those
       * are put back below, as a database from elsewhere may hold them. */
      action = pc_store_add_action (store, id, prompt->id,
                                    strpbrk (tricky[i].typed, "\r\n\t") == NULL
                                    ? tricky[i].typed : "Placeholder",
                                    i % 2 ? "Owner, with comma" : "Ann \"Lead\" Lee",
                                    i % 3 ? "2026-01-31" : "2027-06-30", &error);
      g_assert_no_error (error);
      if (i == 1)
        {
          g_assert_true (pc_store_set_action_field (store, action, "status", "done", &error));
          g_assert_no_error (error);
        }
    }
  (void) n_prompts;

  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->actions->len, ==, G_N_ELEMENTS (tricky));
  for (guint i = 0; i < a->actions->len; i++)
    {
      PcAction *action = g_ptr_array_index (a->actions, i);

      g_free (action->description);
      action->description = g_strdup (tricky[i].typed);
    }
  g_assert_true (pc_report_write_csv (store, a, checklist, today, csv, &error));
  g_assert_no_error (error);

  bytes = pc_test_read_file (csv);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 3, "\xEF\xBB\xBF", 3);

  rows = read_csv_with_python (csv);
  g_assert_cmpint (cJSON_GetArraySize (rows), ==, (int) a->actions->len + 1);
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (cJSON_GetArrayItem (cJSON_GetArrayItem (rows, 0), (int) c)->valuestring, ==, header[c]);

  /* In checklist order, which is the order they were added here. */
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

          for (guint k = 0; k < a->actions->len; k++)
            {
              const PcAction *action = g_ptr_array_index (a->actions, k);
              cJSON *r = cJSON_GetArrayItem (rows, (int) row);
              g_autofree char *revision = g_strdup_printf ("%d", a->revision);
              gboolean overdue = action->status != PC_ACTION_DONE
                                 && g_strcmp0 (action->due_date, "2026-11-22") < 0;
              const char *expected[] = {
                a->reference, revision, principle->title, prompt->id, prompt->question,
                tricky_in_csv (action->description), action->owner, action->due_date,
                pc_action_status_to_label (action->status), overdue ? "yes" : "no",
              };

              if (g_strcmp0 (action->prompt_id, prompt->id) != 0)
                continue;
              g_assert_cmpint (cJSON_GetArraySize (r), ==, G_N_ELEMENTS (expected));
              for (guint c = 0; c < G_N_ELEMENTS (expected); c++)
                g_assert_cmpstr (cJSON_GetArrayItem (r, (int) c)->valuestring, ==, expected[c]);
              row++;
            }
        }
    }
  g_assert_cmpuint (row, ==, a->actions->len + 1);
}

/* The command line */

static void
test_report_cli (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "actions.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "report.pdf", NULL);
  g_autoptr(PcAssessment) a = NULL;

  if (!pc_test_have_cli ())
    return;

  {
    g_autoptr(PcStore) store = pc_test_open_store (db);
    gint64 id = pc_test_create_assessment (store, "Report from the command line", "Ann Lee");

    pc_test_answer_all (store, id);
    a = pc_test_load_assessment (store, id);
  }

  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "export", a->reference, "--pdf", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "export", a->reference, "--csv", csv, NULL), ==, 0);
  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));

  /* Two files at once, and a folder that does not exist, are bad usage. */
  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "export", a->reference, "--pdf", pdf, "--csv", csv,
                                    NULL), ==, 2);
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (pc_test_run_cli (db, NULL, &err, "export", a->reference, "--pdf", missing, NULL),
                     ==, 2);
    g_assert_nonnull (strstr (err, "does not exist"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pc/report/demo", test_report_demo);
  g_test_add_func ("/pc/report/long", test_report_long);
  g_test_add_func ("/pc/report/scripts", test_report_scripts);
  g_test_add_func ("/pc/report/raster", test_report_raster);
  g_test_add_func ("/pc/report/csv", test_report_csv);
  g_test_add_func ("/pc/report/audit-broken", test_report_audit_broken);
  g_test_add_func ("/pc/report/cli", test_report_cli);

  return g_test_run ();
}
