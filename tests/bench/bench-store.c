/* bench-store.c: how fast the store is, against DESIGN.md's budgets
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `meson test --benchmark`. This is not a pass/fail test: it
 * prints one median a line with its budget beside it and exits 0. It
 * exits non-zero only when something does not work (a store call or an
 * SQL statement fails, or a signed assessment does not verify). Every
 * database lives in a temporary folder on the same disk, which is
 * removed at the end.
 *
 *   bench-store [--quick]
 *
 * --quick runs smaller counts, for a smoke test.
 *
 * The autosave is timed alternating with a bare durable commit (one tiny
 * INSERT in its own transaction) on the same database, and the ratio of
 * the two medians is printed beside its budget (within 4x).
 *
 * The list is timed twice: over 10,000 drafts, as before issue 10, and
 * over 10,000 assessments of which 2,000 are signed, which the list
 * re-verifies one by one (pc_store_list(), then the real command
 * `principle-check list --json`, end to end, as a process). The signed
 * ones are made through the store's API, signed with two real keys, so
 * that every one of them verifies; the run fails if one does not.
 */

#define G_LOG_DOMAIN "bench-store"

#include "config.h"

#include "bench-utils.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-sign.h"
#include "pc-store.h"
/* For the fill only: its durability is turned off (see add_signed()). */
#include "pc-store-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)

#define N_ATTACHMENTS 20
#define N_WARM_UP 5

typedef struct
{
  guint n_autosaves;
  guint n_assessments;
  guint n_lists;
  guint n_loads;
  guint n_signed;         /* of n_assessments, in the second list */
  guint n_signed_lists;
} Counts;

static const Counts full_counts = {
  .n_autosaves = 500,
  .n_assessments = 10000,
  .n_lists = 20,
  .n_loads = 100,
  .n_signed = 2000,
  .n_signed_lists = 5,
};

static const Counts quick_counts = {
  .n_autosaves = 50,
  .n_assessments = 1000,
  .n_lists = 5,
  .n_loads = 20,
  .n_signed = 200,
  .n_signed_lists = 2,
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

/* A bare durable commit: one tiny INSERT in its own transaction, on
 * @store's database through a connection of its own, in the store's
 * journal mode (WAL) and synchronous=FULL. What the autosave budget is
 * set against. */
static gboolean
bare_commit (sqlite3       *db,
             sqlite3_stmt  *insert,
             guint          i,
             GError       **error)
{
  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  sqlite3_bind_text (insert, 1, i % 2 ? "Evidence A." : "Evidence B.", -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return set_sqlite_error (db, "insert", error);
  sqlite3_reset (insert);

  return exec_sql (db, "COMMIT", error);
}

/* (1) One autosave: an answer and its audit row, committed durably,
 * measured alternating with a bare durable commit on the same database,
 * so that both see the same disk and the same load. The evidence
 * alternates so that every call writes. */
static gboolean
bench_autosave (PcStore      *store,
                PcChecklist  *checklist,
                gint64        assessment_id,
                guint         n,
                GError      **error)
{
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) bare = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  const PcPrompt *prompt = bench_nth_prompt (checklist, 0);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  double ratio;

  db = open_raw (pc_store_get_path (store), error);
  if (db == NULL)
    return FALSE;
  if (!exec_sql (db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, v TEXT);",
                 error))
    return FALSE;
  if (sqlite3_prepare_v2 (db, "INSERT INTO bench_bare (v) VALUES (?1)", -1, &insert, NULL) != SQLITE_OK)
    return set_sqlite_error (db, "prepare", error);

  for (guint i = 0; i < n + N_WARM_UP; i++)
    {
      const char *evidence = i % 2 ? "Discussed with the carers' forum." : "Discussed with the service user panel.";
      gint64 start = g_get_monotonic_time ();
      gint64 middle;

      if (!bare_commit (db, insert, i, error))
        return FALSE;
      middle = g_get_monotonic_time ();

      if (!pc_store_set_answer (store, assessment_id, prompt->id, PC_RATING_MET, evidence, NULL,
                                error))
        return FALSE;

      if (i >= N_WARM_UP)
        {
          gint64 bare_elapsed = middle - start;
          gint64 elapsed = g_get_monotonic_time () - middle;

          g_array_append_val (bare, bare_elapsed);
          g_array_append_val (samples, elapsed);
        }
    }

  bench_print_median ("bare durable commit (one tiny INSERT, same database, WAL, synchronous=FULL)",
                      bare, "reference: DESIGN.md expects about 0.25 ms");
  bench_print_median ("autosave (answer + audit row, durable), alternating with it", samples,
                      "budget: median under 1 ms");
  ratio = bench_median_ms (samples) / MAX (bench_median_ms (bare), 0.001);
  g_print ("autosave / bare commit: %.2fx (budget: within 4x)\n", ratio);

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
                    const char   *name,
                    PcChecklist  *checklist,
                    guint         n_assessments,
                    GError      **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) header = header_new ("Redesign of the memory service pathway");
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) clone = NULL;
  g_autoptr(sqlite3_stmt) answers = NULL;
  gint64 id;

  store = open_store (dir, name, error);
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

/* Adds @n_signed assessments to the database @name, each made, filled
 * (BENCH_CONTENT_MINIMAL: every prompt answered, two attachments),
 * submitted and approved through the store, with two real keys made
 * once. Nothing is cloned: a signature covers the reference and the
 * revision, so a copy under another reference would not verify. */
static gboolean
add_signed (const char   *dir,
            const char   *name,
            PcChecklist  *checklist,
            guint         n_signed,
            GError      **error)
{
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;

  store = open_store (dir, name, error);
  if (store == NULL)
    return FALSE;

  /* Each store call is a durable transaction, some sixty an assessment:
   * at a few milliseconds a sync that is over ten minutes of setup. The
   * fill is not timed and nothing depends on it surviving a power cut,
   * so its connection does not wait for the disk; what it writes is the
   * same. The database is timed through new connections, as usual. */
  if (!_pc_db_exec (store->db, "PRAGMA synchronous = OFF", error))
    return FALSE;

  if (!bench_signers_new (keys_dir, &author, &reviewer, error))
    return FALSE;

  for (guint i = 0; i < n_signed; i++)
    {
      g_autofree char *title = g_strdup_printf ("Signed assessment %u", i + 1);

      if (bench_make_signed_assessment (store, checklist, title, BENCH_CONTENT_MINIMAL, author,
                                        reviewer, NULL, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Fails unless @items is @n_assessments long and exactly @n_signed of
 * them are signed and verify, the others unsigned drafts. */
static gboolean
check_list (GPtrArray  *items,
            guint       n_assessments,
            guint       n_signed,
            GError    **error)
{
  guint n_verified = 0;
  guint n_unsigned = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (item->integrity == PC_INTEGRITY_VERIFIED)
        n_verified++;
      else if (item->integrity == PC_INTEGRITY_UNSIGNED)
        n_unsigned++;
    }

  if (items->len != n_assessments || n_verified != n_signed
      || n_unsigned != n_assessments - n_signed)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   "The list has %u assessments, %u verified and %u unsigned; expected %u, "
                   "%u and %u", items->len, n_verified, n_unsigned, n_assessments, n_signed,
                   n_assessments - n_signed);
      return FALSE;
    }

  return TRUE;
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

  if (!fill_list_database (dir, "list.db", checklist, n_assessments, error))
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

      if (!check_list (items, n_assessments, 0, error))
        return FALSE;

      /* The first call warms the page cache up. */
      if (i > 0)
        g_array_append_val (samples, elapsed);
    }

  what = g_strdup_printf ("list of %u assessments", n_assessments);
  bench_print_median (what, samples, "budget: filtering the list of 10,000 under 16 ms a keystroke");

  return TRUE;
}

/* `principle-check list --json --db @path`, as a process: what a script
 * waits for. Checks the rows as check_list() does. */
static gboolean
run_list_command (const char  *path,
                  guint        n_assessments,
                  guint        n_signed,
                  GError     **error)
{
  const char *args[] = { "list", "--json", "--db", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(cJSON) rows = NULL;
  const cJSON *row;
  guint n_rows = 0;
  guint n_verified = 0;
  guint n_unsigned = 0;

  if (!bench_run_cli (args, &out, error))
    return FALSE;

  rows = cJSON_Parse (out);
  if (!cJSON_IsArray (rows))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "principle-check list --json did not print a JSON array");
      return FALSE;
    }

  cJSON_ArrayForEach (row, rows)
    {
      const char *integrity = cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (row, "integrity"));

      n_rows++;
      if (g_strcmp0 (integrity, "verified") == 0)
        n_verified++;
      else if (g_strcmp0 (integrity, "unsigned") == 0)
        n_unsigned++;
    }

  if (n_rows != n_assessments || n_verified != n_signed || n_unsigned != n_assessments - n_signed)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   "list --json printed %u rows, %u \"verified\" and %u \"unsigned\"; "
                   "expected %u, %u and %u", n_rows, n_verified, n_unsigned, n_assessments,
                   n_signed, n_assessments - n_signed);
      return FALSE;
    }

  return TRUE;
}

/* (4) The list over @n_assessments of which @n_signed are signed:
 * pc_store_list() re-verifies each signed one. */
static gboolean
bench_list_signed (const char   *dir,
                   PcChecklist  *checklist,
                   guint         n_assessments,
                   guint         n_signed,
                   guint         n,
                   GError      **error)
{
  g_autofree char *path = g_build_filename (dir, "signed.db", NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) command = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autofree char *what = NULL;
  gint64 fill_start = g_get_monotonic_time ();

  if (!fill_list_database (dir, "signed.db", checklist, n_assessments - n_signed, error)
      || !add_signed (dir, "signed.db", checklist, n_signed, error))
    return FALSE;
  g_debug ("Filled the database of %u assessments, %u of them signed, in %.1f s",
           n_assessments, n_signed, (g_get_monotonic_time () - fill_start) / 1e6);

  store = open_store (dir, "signed.db", error);
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

      if (!check_list (items, n_assessments, n_signed, error))
        return FALSE;

      /* The first call warms the page cache up. */
      if (i > 0)
        g_array_append_val (samples, elapsed);
    }
  g_clear_object (&store);

  for (guint i = 0; i < n + 1; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!run_list_command (path, n_assessments, n_signed, error))
        return FALSE;
      elapsed = g_get_monotonic_time () - start;

      if (i > 0)
        g_array_append_val (command, elapsed);
    }

  what = g_strdup_printf ("list of %u assessments, %u of them signed and re-verified",
                          n_assessments, n_signed);
  bench_print_median (what, samples, "budget: under 1 s");
  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("principle-check list --json over the same %u, end to end",
                          n_assessments);
  bench_print_median (what, command, "budget: under 1 s");

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

  return bench_autosave (store, checklist, id, counts->n_autosaves, error)
      && bench_load (store, checklist, counts->n_loads, error)
      && bench_list (dir, checklist, counts->n_assessments, counts->n_lists, error)
      && bench_list_signed (dir, checklist, counts->n_assessments, counts->n_signed,
                            counts->n_signed_lists, error);
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
