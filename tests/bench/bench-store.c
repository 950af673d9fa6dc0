/* bench-store.c: how fast the store is, against DESIGN.md's budgets
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `meson test --benchmark`. This is not a pass/fail test: it
 * prints one median a line with its budget beside it and exits 0. It
 * exits non-zero only when something does not work (a store call or an
 * SQL statement fails). Every database lives in a temporary folder on
 * the same disk, which is removed at the end.
 *
 *   bench-store [--quick]
 *
 * --quick runs smaller counts, for a smoke test.
 */

#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include "bench-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-store.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define BENCH_DIVISION "barnet_mental_health"
#define N_ATTACHMENTS 20
#define N_WARM_UP 5

typedef struct
{
  guint n_autosaves;
  guint n_assessments;
  guint n_lists;
  guint n_loads;
} Counts;

static const Counts full_counts = {
  .n_autosaves = 500,
  .n_assessments = 10000,
  .n_lists = 20,
  .n_loads = 100,
};

static const Counts quick_counts = {
  .n_autosaves = 50,
  .n_assessments = 1000,
  .n_lists = 5,
  .n_loads = 20,
};

/* Timing */

/* Raw SQLite, for the reference commit and for filling the list */

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *what,
                  GError     **error)
{
  g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_SQLITE, "%s: %s", what,
               sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (db, sql, error);

  return TRUE;
}

static sqlite3 *
open_raw (const char  *path,
          GError     **error)
{
  g_autoptr(sqlite3) db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      if (db == NULL)
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_IO, "Cannot open %s", path);
      else
        set_sqlite_error (db, path, error);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  return g_steal_pointer (&db);
}

/* A bare durable commit of two small rows (an answer and an audit row,
 * in spirit), WAL with synchronous=FULL: what the autosave budget is set
 * against. */
static gboolean
bench_bare_commit (const char  *dir,
                   guint        n,
                   GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "bare.db", NULL);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) first = NULL;
  g_autoptr(sqlite3_stmt) second = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  db = open_raw (path, error);
  if (db == NULL)
    return FALSE;

  if (!exec_sql (db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "CREATE TABLE first (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT);"
                 "CREATE TABLE second (id INTEGER PRIMARY KEY, k TEXT NOT NULL, v TEXT);",
                 error))
    return FALSE;

  if (sqlite3_prepare_v2 (db, "INSERT INTO first (k, v) VALUES (?1, ?2)", -1, &first, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "INSERT INTO second (k, v) VALUES (?1, ?2)", -1, &second, NULL) != SQLITE_OK)
    return set_sqlite_error (db, "prepare", error);

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!exec_sql (db, "BEGIN IMMEDIATE", error))
        return FALSE;

      sqlite3_bind_text (first, 1, "prompt", -1, SQLITE_STATIC);
      sqlite3_bind_text (first, 2, i % 2 ? "Evidence A." : "Evidence B.", -1, SQLITE_STATIC);
      sqlite3_bind_text (second, 1, "audit", -1, SQLITE_STATIC);
      sqlite3_bind_text (second, 2, i % 2 ? "Evidence B." : "Evidence A.", -1, SQLITE_STATIC);
      if (sqlite3_step (first) != SQLITE_DONE || sqlite3_step (second) != SQLITE_DONE)
        return set_sqlite_error (db, "insert", error);
      sqlite3_reset (first);
      sqlite3_reset (second);

      if (!exec_sql (db, "COMMIT", error))
        return FALSE;

      if (i >= N_WARM_UP)
        {
          gint64 elapsed = g_get_monotonic_time () - start;

          g_array_append_val (samples, elapsed);
        }
    }

  bench_print_median ("bare durable SQLite commit (two small rows, WAL, synchronous=FULL)", samples,
          "reference: DESIGN.md expects about 0.25 ms");

  return TRUE;
}

/* The store */

static PcAssessment *
header_new (const char *title)
{
  PcAssessment *header = pc_assessment_new ();

  header->title = g_strdup (title);
  header->lead = g_strdup ("Dr A. Benchmark");
  header->kind = PC_KIND_SERVICE_CHANGE;
  header->division = g_strdup (BENCH_DIVISION);
  header->outcomes = g_strdup ("Shorter waits for a first appointment.");
  header->affected = g_strdup ("Adults referred to the community team.");

  return header;
}

static PcStore *
open_store (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PcStore) store = pc_store_open (path, error);

  if (store == NULL)
    return NULL;

  pc_store_set_actor (store, "Benchmark");

  return g_steal_pointer (&store);
}

/* Rates every prompt of @assessment_id and gives each some evidence. */
static gboolean
answer_prompts (PcStore      *store,
                PcChecklist  *checklist,
                gint64        assessment_id,
                guint         n_prompts,
                GError      **error)
{
  static const PcRating ratings[] = {
    PC_RATING_MET, PC_RATING_PARTLY_MET, PC_RATING_MET, PC_RATING_NOT_MET,
  };

  for (guint i = 0; i < n_prompts; i++)
    {
      const PcPrompt *prompt = bench_nth_prompt (checklist, i);
      g_autofree char *evidence = NULL;

      evidence = g_strdup_printf ("Evidence for %s: the service user panel reviewed the "
                                  "pathway on 3 March and the notes are on the shared drive.",
                                  prompt->id);
      if (!pc_store_set_answer (store, assessment_id, prompt->id,
                                ratings[i % G_N_ELEMENTS (ratings)], evidence, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* (1) One autosave: an answer and its audit row, committed durably. The
 * evidence alternates so that every call writes. */
static gboolean
bench_autosave (PcStore      *store,
                PcChecklist  *checklist,
                gint64        assessment_id,
                guint         n,
                GError      **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  const PcPrompt *prompt = bench_nth_prompt (checklist, 0);

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      const char *evidence = i % 2 ? "Discussed with the carers' forum." : "Discussed with the service user panel.";
      gint64 start = g_get_monotonic_time ();

      if (!pc_store_set_answer (store, assessment_id, prompt->id, PC_RATING_MET, evidence, NULL,
                                error))
        return FALSE;

      if (i >= N_WARM_UP)
        {
          gint64 elapsed = g_get_monotonic_time () - start;

          g_array_append_val (samples, elapsed);
        }
    }

  bench_print_median ("autosave (answer + audit row, durable)", samples, "budget: median under 1 ms");

  return TRUE;
}

/* (3) Loading one complete assessment: every prompt answered, and the
 * attachments of DESIGN.md's "complete assessment". */
static gboolean
bench_load (PcStore      *store,
            PcChecklist  *checklist,
            guint         n,
            GError      **error)
{
  g_autoptr(PcAssessment) header = header_new ("Complete assessment");
  g_autoptr(PcAssessment) loaded = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *what = NULL;
  g_autofree char *reference = NULL;
  guint n_prompts = pc_checklist_get_n_prompts (checklist);
  gint64 id;

  id = pc_store_create_assessment (store, header, checklist, error);
  if (id == 0 || !answer_prompts (store, checklist, id, n_prompts, error))
    return FALSE;

  for (guint i = 0; i < N_ATTACHMENTS; i++)
    {
      const PcPrompt *prompt = bench_nth_prompt (checklist, i % n_prompts);
      g_autofree char *name = g_strdup_printf ("minutes-%02u.txt", i + 1);
      char *text = g_strdup_printf ("Minutes of meeting %u.\n", i + 1);
      g_autoptr(GBytes) data = g_bytes_new_take (text, strlen (text));

      if (pc_store_add_attachment (store, id, prompt->id, name, "text/plain", data, error) == 0)
        return FALSE;
    }

  loaded = pc_store_load_assessment_by_id (store, id, error);
  if (loaded == NULL)
    return FALSE;
  reference = g_strdup (loaded->reference);
  g_clear_pointer (&loaded, pc_assessment_free);

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      gint64 start = g_get_monotonic_time ();

      loaded = pc_store_load_assessment (store, reference, 0, error);
      if (loaded == NULL)
        return FALSE;

      if (i >= N_WARM_UP)
        {
          gint64 elapsed = g_get_monotonic_time () - start;

          g_array_append_val (samples, elapsed);
        }

      if (loaded->answers->len != n_prompts || loaded->attachments->len != N_ATTACHMENTS)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                       "Loaded %u answers and %u attachments, expected %u and %u",
                       loaded->answers->len, loaded->attachments->len, n_prompts,
                       N_ATTACHMENTS);
          return FALSE;
        }
      g_clear_pointer (&loaded, pc_assessment_free);
    }

  what = g_strdup_printf ("load of a complete assessment (%u prompts answered, %u attachments)",
                          n_prompts, N_ATTACHMENTS);
  bench_print_median (what, samples, "no budget of its own: JSON export of the same is under 20 ms");

  return TRUE;
}

/* Fills the list database: one assessment made through the store, with
 * a dozen answers, then cloned with raw SQL, in one transaction, into
 * @n_assessments with references PC-YYYY-0002 onwards, each with between
 * one and twelve of those answers and an updated_at a minute apart. The
 * schema (004-signed-records.sql) refuses an assessment whose id is left
 * to SQLite, so each clone is given the next id above every id the
 * assessments, the audit trail and the sign-offs have seen. */
static gboolean
fill_list_database (const char   *dir,
                    PcChecklist  *checklist,
                    guint         n_assessments,
                    GError      **error)
{
  g_autofree char *path = g_build_filename (dir, "list.db", NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) header = header_new ("Redesign of the memory service pathway");
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) clone = NULL;
  g_autoptr(sqlite3_stmt) answers = NULL;
  gint64 id;

  store = open_store (dir, "list.db", error);
  if (store == NULL)
    return FALSE;

  id = pc_store_create_assessment (store, header, checklist, error);
  if (id == 0 || !answer_prompts (store, checklist, id, 12, error))
    return FALSE;
  g_clear_object (&store);

  db = open_raw (path, error);
  if (db == NULL || !exec_sql (db, "PRAGMA foreign_keys = ON; BEGIN IMMEDIATE", error))
    return FALSE;

  if (sqlite3_prepare_v2 (db,
                          "WITH RECURSIVE n (i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ?2),"
                          " last (id) AS (SELECT max (coalesce ((SELECT max (id) FROM assessments), 0),"
                          "  coalesce ((SELECT max (assessment_id) FROM audit), 0),"
                          "  coalesce ((SELECT max (assessment_id) FROM signoffs), 0)))"
                          " INSERT INTO assessments (id, reference, revision, title, kind, division,"
                          "  priority, lead, team, outcomes, affected, start_date, review_date,"
                          "  checklist_sha256, state, imported, created_at, updated_at)"
                          " SELECT last.id + n.i - 1,"
                          "  substr (a.reference, 1, length (a.reference) - 4) || printf ('%04d', n.i),"
                          "  1, a.title || ' ' || n.i, a.kind, a.division, a.priority, a.lead, a.team,"
                          "  a.outcomes, a.affected, a.start_date, a.review_date, a.checklist_sha256,"
                          "  a.state, a.imported, a.created_at,"
                          "  strftime ('%Y-%m-%dT%H:%M:%SZ', a.updated_at, printf ('-%d minutes', n.i))"
                          " FROM n, last, assessments a WHERE a.id = ?1 ORDER BY n.i",
                          -1, &clone, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db,
                             "INSERT INTO answers (assessment_id, prompt_id, rating, evidence,"
                             "  justification, updated_at)"
                             " SELECT b.id, n.prompt_id, n.rating, n.evidence, n.justification,"
                             "  n.updated_at"
                             " FROM assessments b"
                             " JOIN (SELECT *, row_number () OVER (ORDER BY prompt_id) AS k"
                             "       FROM answers WHERE assessment_id = ?1) n"
                             "   ON n.k <= 1 + b.id % 12"
                             " WHERE b.id <> ?1",
                             -1, &answers, NULL) != SQLITE_OK)
    return set_sqlite_error (db, "prepare", error);

  sqlite3_bind_int64 (clone, 1, id);
  sqlite3_bind_int64 (clone, 2, n_assessments);
  sqlite3_bind_int64 (answers, 1, id);
  if (sqlite3_step (clone) != SQLITE_DONE || sqlite3_step (answers) != SQLITE_DONE)
    return set_sqlite_error (db, "clone the assessment", error);

  return exec_sql (db, "COMMIT", error);
}

/* (2) The list of every assessment, as the start page shows it. */
static gboolean
bench_list (const char   *dir,
            PcChecklist  *checklist,
            guint         n_assessments,
            guint         n,
            GError      **error)
{
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *what = NULL;
  gint64 fill_start = g_get_monotonic_time ();

  if (!fill_list_database (dir, checklist, n_assessments, error))
    return FALSE;
  g_debug ("Filled the list database in %.1f ms",
           (g_get_monotonic_time () - fill_start) / 1000.0);

  store = open_store (dir, "list.db", error);
  if (store == NULL)
    return FALSE;

  for (guint i = 0; i < n + 1; i++)
    {
      g_autoptr(GPtrArray) items = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      items = pc_store_list (store, error);
      if (items == NULL)
        return FALSE;
      elapsed = g_get_monotonic_time () - start;

      if (items->len != n_assessments)
        {
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                       "The list has %u assessments, expected %u", items->len, n_assessments);
          return FALSE;
        }

      /* The first call warms the page cache up. */
      if (i > 0)
        g_array_append_val (samples, elapsed);
    }

  what = g_strdup_printf ("list of %u assessments", n_assessments);
  bench_print_median (what, samples, "budget: filtering the list of 10,000 under 16 ms a keystroke");

  return TRUE;
}

static gboolean
run (const char    *dir,
     const Counts  *counts,
     GError       **error)
{
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) header = header_new ("Autosave benchmark");
  gint64 id;

  checklist = pc_checklist_new_default (error);
  if (checklist == NULL)
    return FALSE;

  store = open_store (dir, "bench.db", error);
  if (store == NULL)
    return FALSE;

  id = pc_store_create_assessment (store, header, checklist, error);
  if (id == 0)
    return FALSE;

  return bench_bare_commit (dir, counts->n_autosaves, error)
      && bench_autosave (store, checklist, id, counts->n_autosaves, error)
      && bench_load (store, checklist, counts->n_loads, error)
      && bench_list (dir, checklist, counts->n_assessments, counts->n_lists, error);
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
  return bench_main (argc, argv, "bench-store", "— time the store against DESIGN.md's budgets",
                     run_quick_or_full);
}
