/* bench-summary.c: how fast a summary file is exported and verified
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `meson test --benchmark`. This is not a pass/fail test: it
 * prints one median a line with its budget beside it and exits 0. It
 * exits non-zero only when something does not work (a store call fails,
 * or the exported summary does not verify). The database, the signers'
 * keys and the summary file live in a temporary folder, which is removed
 * at the end.
 *
 *   bench-summary [--quick]
 *
 * --quick runs fewer times, for a smoke test. After the export and its
 * verify, a line times the committee report (PDF) of the same
 * assessment, and the last line its re-verification in the database,
 * which every use of a signed assessment does.
 *
 * The assessment is DESIGN.md's "complete assessment": every prompt of
 * the default checklist answered with evidence, 20 attachments of 2 to
 * 97 KiB, an action for every prompt partly met or not met and a few
 * more (about 30), links and co-production entries, submitted by its
 * author and approved by a reviewer, so the summary carries two
 * sign-offs (bench_make_signed_assessment(), BENCH_CONTENT_COMPLETE).
 */

#define G_LOG_DOMAIN "bench-summary"

#include "config.h"

#include "bench-utils.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-export.h"
#include "pc-json.h"
#include "pc-report.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-verify.h"

#define N_WARM_UP 3

typedef struct
{
  guint n_exports;
  guint n_verifies;
  guint n_reports;
  guint n_record_verifies;
} Counts;

static const Counts full_counts = {
  .n_exports = 50,
  .n_verifies = 50,
  .n_reports = 20,
  .n_record_verifies = 50,
};

static const Counts quick_counts = {
  .n_exports = 5,
  .n_verifies = 5,
  .n_reports = 3,
  .n_record_verifies = 5,
};

/* Timing */

static void
add_sample (GArray *samples,
            gint64  start,
            gint64  end)
{
  gint64 elapsed = end - start;

  g_array_append_val (samples, elapsed);
}

/* The export, as `principle-check export REF --json FILE` does it */

typedef struct
{
  GArray *total;
  GArray *load;
  GArray *audit;
  GArray *build;
  GArray *write;
} ExportSamples;

static gboolean
export_once (PcStore        *store,
             const char     *reference,
             const char     *path,
             ExportSamples  *samples,
             GError        **error)
{
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(PcExportFacts) facts = NULL;
  g_autoptr(cJSON) document = NULL;
  gint64 start, loaded, audited, built, written;

  start = g_get_monotonic_time ();

  a = pc_store_load_assessment (store, reference, 0, error);
  if (a == NULL)
    return FALSE;
  checklist = pc_store_load_checklist_for (store, a, error);
  if (checklist == NULL)
    return FALSE;
  loaded = g_get_monotonic_time ();

  /* As every export does: the audit chain, the signed record
   * re-verified, the content hashed and the findings of the day. */
  now = g_date_time_new_now_utc ();
  facts = pc_export_facts_gather (store, a, checklist, now, error);
  if (facts == NULL)
    return FALSE;
  audited = g_get_monotonic_time ();

  document = pc_summary_build_document (a, checklist, facts->findings, facts->audit_count,
                                        facts->audit_head, now);
  built = g_get_monotonic_time ();

  if (!pc_summary_write (document, path, error))
    return FALSE;
  written = g_get_monotonic_time ();

  if (samples != NULL)
    {
      add_sample (samples->total, start, written);
      add_sample (samples->load, start, loaded);
      add_sample (samples->audit, loaded, audited);
      add_sample (samples->build, audited, built);
      add_sample (samples->write, built, written);
    }

  return TRUE;
}

static gboolean
bench_export (PcStore      *store,
              const char   *reference,
              const char   *path,
              const char   *what,
              guint         n,
              GError      **error)
{
  g_autoptr(GArray) total = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) load = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) audit = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) build = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) write = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  ExportSamples samples = { total, load, audit, build, write };
  g_autofree char *line = NULL;

  for (guint i = 0; i < n + N_WARM_UP; i++)
    if (!export_once (store, reference, path, i >= N_WARM_UP ? &samples : NULL, error))
      return FALSE;

  line = g_strdup_printf ("JSON export of %s", what);
  bench_print_median (line, total, "budget: under 20 ms");
  bench_print_median ("  of which: load the assessment and its checklist", load, "part of the above");
  bench_print_median ("  of which: check the audit chain, re-verify the signatures, hash, lint",
                      audit, "part of the above");
  bench_print_median ("  of which: build the document", build, "part of the above");
  bench_print_median ("  of which: write the file (atomic, durable)", write, "part of the above");

  return TRUE;
}

/* The committee report, as `principle-check export REF --pdf FILE`
 * draws it: the content hash and the findings, the layout, the drawing
 * and the atomic write of the PDF. */

static gboolean
bench_report (PcStore      *store,
              const char   *reference,
              const char   *path,
              const char   *what,
              guint         n,
              GError      **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autofree char *line = NULL;

  a = pc_store_load_assessment (store, reference, 0, error);
  if (a == NULL)
    return FALSE;
  checklist = pc_store_load_checklist_for (store, a, error);
  if (checklist == NULL)
    return FALSE;

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(PcReport) pdf = NULL;
      gint64 start = g_get_monotonic_time ();

      pdf = pc_report_new_at (store, a, checklist, now, error);
      if (pdf == NULL || !pc_report_write_pdf (pdf, path, error))
        return FALSE;
      if (i >= N_WARM_UP)
        add_sample (samples, start, g_get_monotonic_time ());
    }

  line = g_strdup_printf ("PDF report of %s", what);
  bench_print_median (line, samples, "budget: under 300 ms");

  return TRUE;
}

/* Verifying the file */

static gboolean
bench_verify (const char  *path,
              guint        expected_signoffs,
              guint        n,
              GError     **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *data = NULL;
  g_autofree char *line = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      g_autoptr(PcVerifyResult) result = NULL;
      gint64 start = g_get_monotonic_time ();

      result = pc_verify_summary (data, len, NULL, error);
      if (result == NULL)
        return FALSE;
      if (i >= N_WARM_UP)
        add_sample (samples, start, g_get_monotonic_time ());

      /* A fresh export of a signed assessment must verify. */
      if (!result->ok || result->signoffs->len != expected_signoffs)
        {
          g_autoptr(GString) problems = g_string_new (NULL);

          for (guint j = 0; j < result->problems->len; j++)
            g_string_append_printf (problems, "\n  %s",
                                    (const char *) g_ptr_array_index (result->problems, j));
          g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_NOT_SUMMARY,
                       "The fresh export %s does not verify (ok %d, %u sign-offs, expected %u):%s",
                       path, result->ok, result->signoffs->len, expected_signoffs,
                       problems->len > 0 ? problems->str : " no problems listed");
          return FALSE;
        }
    }

  line = g_strdup_printf ("verify of the same summary (%" G_GSIZE_FORMAT " bytes, %u sign-offs, "
                          "no trusted keys)", len, expected_signoffs);
  bench_print_median (line, samples, "no budget in DESIGN.md");

  return TRUE;
}

/* Re-verifying the signed record in the database, as every use of it
 * does (issue 10): the content rebuilt and checked against both
 * signatures, every attachment's bytes hashed, the audit chain and the
 * heads the signatures anchored. */

static gboolean
bench_verify_record (PcStore             *store,
                     const PcAssessment  *a,
                     const char          *what,
                     guint                n,
                     GError             **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *line = NULL;

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      gint64 start = g_get_monotonic_time ();
      PcIntegrity integrity;

      integrity = pc_store_verify_assessment (store, a, &problems, error);
      if (integrity == PC_INTEGRITY_ERROR)
        return FALSE;
      if (i >= N_WARM_UP)
        add_sample (samples, start, g_get_monotonic_time ());

      /* The timing is of the path that finds it intact. */
      if (integrity != PC_INTEGRITY_VERIFIED)
        {
          g_autofree char *described = problems->len > 0 ? pc_integrity_describe (a, problems)
                                                         : g_strdup ("no problems listed");

          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED,
                       "%s does not re-verify (%s): %s", a->reference,
                       pc_integrity_to_string (integrity), described);
          return FALSE;
        }
    }

  line = g_strdup_printf ("re-verify of %s in the database", what);
  bench_print_median (line, samples, "budget: under 20 ms");

  return TRUE;
}

static gboolean
run (const char    *dir,
     const Counts  *counts,
     GError       **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  g_autofree char *json_path = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *what = NULL;
  guint n_actions = 0;
  gint64 attachment_bytes = 0;
  gint64 id;

  checklist = pc_checklist_new_default (error);
  if (checklist == NULL)
    return FALSE;

  store = pc_store_open (db_path, error);
  if (store == NULL)
    return FALSE;

  if (!bench_signers_new (keys_dir, &author, &reviewer, error))
    return FALSE;
  id = bench_make_signed_assessment (store, checklist, "Redesign of the memory service pathway",
                                     BENCH_CONTENT_COMPLETE, author, reviewer, &n_actions, error);
  if (id == 0)
    return FALSE;

  a = pc_store_load_assessment_by_id (store, id, error);
  if (a == NULL)
    return FALSE;

  if (a->answers->len != pc_checklist_get_n_prompts (checklist)
      || a->attachments->len != BENCH_N_ATTACHMENTS)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   "Loaded %u answers and %u attachments, expected %u and %u",
                   a->answers->len, a->attachments->len,
                   pc_checklist_get_n_prompts (checklist), BENCH_N_ATTACHMENTS);
      return FALSE;
    }

  for (guint i = 0; i < a->attachments->len; i++)
    attachment_bytes += ((const PcAttachment *) g_ptr_array_index (a->attachments, i))->size;

  what = g_strdup_printf ("a complete assessment (%u prompts answered, %u attachments "
                          "of %" G_GINT64_FORMAT " KiB in all, %u actions, 2 sign-offs)",
                          a->answers->len, a->attachments->len, attachment_bytes / 1024,
                          n_actions);

  return bench_export (store, a->reference, json_path, what, counts->n_exports, error)
      && bench_verify (json_path, 2, counts->n_verifies, error)
      && bench_report (store, a->reference, pdf_path, what, counts->n_reports, error)
      && bench_verify_record (store, a, what, counts->n_record_verifies, error);
}

static gboolean
run_quick_or_full (const char  *dir,
                   gboolean     quick,
                   GError     **error)
{
  return run (dir, quick ? &quick_counts : &full_counts, error);
}

int
main (int   argc,
      char *argv[])
{
  return bench_main (argc, argv, "bench-summary",
                     "— time the summary export and verify against DESIGN.md's budgets",
                     run_quick_or_full);
}
