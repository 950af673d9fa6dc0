/* bench-utils.c: timing and clean-up shared by the benchmarks
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-utils.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "pc-assessment.h"

#define N_EXTRA_ACTIONS 3
#define N_LINKS 5
#define PASSPHRASE "benchmark passphrase"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

double
bench_median_ms (GArray *samples)
{
  gint64 *values = (gint64 *) (gpointer) samples->data;
  guint n = samples->len;

  g_assert (n > 0);

  g_array_sort (samples, compare_gint64);
  if (n % 2 == 1)
    return values[n / 2] / 1000.0;

  return (values[n / 2 - 1] + values[n / 2]) / 2000.0;
}

void
bench_print_median (const char *what,
                    GArray     *samples,
                    const char *budget)
{
  guint n = samples->len;
  double median = bench_median_ms (samples);

  /* Three significant figures, give or take: 0.524 ms, 25.3 ms, 312.4 ms. */
  g_print ("%s: median %.*f ms over %u (%s)\n",
           what, median < 10.0 ? 3 : 1, median, n, budget);
}

const PcPrompt *
bench_nth_prompt (PcChecklist *checklist,
                  guint        n)
{
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      if (n < principle->prompts->len)
        return g_ptr_array_index (principle->prompts, n);
      n -= principle->prompts->len;
    }

  g_assert_not_reached ();
  return NULL;
}

/* Signed assessments */

gboolean
bench_signers_new (const char    *keys_dir,
                   PcSigningKey **out_author,
                   PcSigningKey **out_reviewer,
                   GError       **error)
{
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;

  author = pc_signing_key_generate (keys_dir, BENCH_AUTHOR_NAME, BENCH_AUTHOR_ROLE, PASSPHRASE,
                                    error);
  if (author == NULL)
    return FALSE;
  reviewer = pc_signing_key_generate (keys_dir, BENCH_REVIEWER_NAME, BENCH_REVIEWER_ROLE,
                                      PASSPHRASE, error);
  if (reviewer == NULL)
    return FALSE;

  *out_author = g_steal_pointer (&author);
  *out_reviewer = g_steal_pointer (&reviewer);

  return TRUE;
}

static PcAssessment *
signed_header_new (const char *title)
{
  PcAssessment *header = pc_assessment_new ();

  header->title = g_strdup (title);
  header->lead = g_strdup (BENCH_AUTHOR_NAME);
  header->kind = PC_KIND_PATHWAY_REDESIGN;
  header->division = g_strdup (BENCH_DIVISION);
  header->outcomes = g_strdup ("Diagnosis within six weeks of referral, with assessment at "
                               "home or in the GP surgery for people who prefer it.");
  header->affected = g_strdup ("Older adults referred with memory problems, their carers, "
                               "GPs and the memory service team.");
  header->start_date = g_strdup ("2027-01-04");
  header->review_date = g_strdup ("2028-01-04");

  return header;
}

static gint64
add_action (PcStore     *store,
            gint64       id,
            const char  *prompt_id,
            guint        n,
            GError     **error)
{
  g_autofree char *description = NULL;
  g_autofree char *due = NULL;

  description = g_strdup_printf ("Action %u: agree the change with the service user panel "
                                 "and report back to the divisional quality meeting.", n);
  due = g_strdup_printf ("2030-%02u-15", n % 12 + 1);

  return pc_store_add_action (store, id, prompt_id, description, "Team Manager, Memory Service",
                              due, error);
}

/* Attachment @n of @size bytes: minutes, as text. */
static gint64
add_attachment (PcStore      *store,
                PcChecklist  *checklist,
                gint64        id,
                guint         n,
                gsize         size,
                GError      **error)
{
  const PcPrompt *prompt = bench_nth_prompt (checklist, n % pc_checklist_get_n_prompts (checklist));
  g_autofree char *name = g_strdup_printf ("minutes-%02u.txt", n + 1);
  g_autoptr(GBytes) data = NULL;
  GString *text = g_string_sized_new (size + 128);

  g_string_append_printf (text, "Minutes of meeting %u.\n", n + 1);
  while (text->len < size)
    g_string_append_printf (text, "Item %u: the service user panel reviewed the pathway and "
                            "agreed the next steps with the team.\n", (guint) (text->len / 96));
  g_string_truncate (text, size);
  data = g_string_free_to_bytes (text);

  return pc_store_add_attachment (store, id, prompt->id, name, "text/plain", data, error);
}

/* BENCH_CONTENT_COMPLETE: met, partly met, met, not met, … with
 * evidence, an action for each prompt partly met or not met and for the
 * first N_EXTRA_ACTIONS prompts met; BENCH_N_ATTACHMENTS attachments of
 * 2 to 97 KiB, N_LINKS links and two co-production entries.
 * BENCH_CONTENT_MINIMAL: every prompt met with evidence, and two
 * attachments. Sets @out_n_actions. */
static gboolean
fill_assessment (PcStore       *store,
                 PcChecklist   *checklist,
                 gint64         id,
                 BenchContent   content,
                 guint         *out_n_actions,
                 GError       **error)
{
  static const PcRating ratings[] = {
    PC_RATING_MET, PC_RATING_PARTLY_MET, PC_RATING_MET, PC_RATING_NOT_MET,
  };
  gboolean complete = content == BENCH_CONTENT_COMPLETE;
  guint n_prompts = pc_checklist_get_n_prompts (checklist);
  guint n_actions = 0;

  for (guint i = 0; i < n_prompts; i++)
    {
      const PcPrompt *prompt = bench_nth_prompt (checklist, i);
      PcRating rating = complete ? ratings[i % G_N_ELEMENTS (ratings)] : PC_RATING_MET;
      g_autofree char *evidence = NULL;

      evidence = g_strdup_printf ("Evidence for %s: the service user panel reviewed the "
                                  "pathway on 3 March and the notes are on the shared drive; "
                                  "the carers' forum saw the draft on 17 March.",
                                  prompt->id);
      if (!pc_store_set_answer (store, id, prompt->id, rating, evidence, NULL, error))
        return FALSE;

      if ((rating == PC_RATING_PARTLY_MET || rating == PC_RATING_NOT_MET
           || (complete && rating == PC_RATING_MET && i < 2 * N_EXTRA_ACTIONS))
          && add_action (store, id, prompt->id, ++n_actions, error) == 0)
        return FALSE;
    }

  *out_n_actions = n_actions;

  if (!complete)
    return add_attachment (store, checklist, id, 0, 4 * 1024, error) != 0
        && add_attachment (store, checklist, id, 1, 16 * 1024, error) != 0;

  for (guint i = 0; i < BENCH_N_ATTACHMENTS; i++)
    {
      /* 2, 37, 72, 7, 42, … 97 KiB. */
      gsize size = (2 + (i * 7) % 20 * 5) * 1024;

      if (add_attachment (store, checklist, id, i, size, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < N_LINKS; i++)
    {
      const PcPrompt *prompt = bench_nth_prompt (checklist, (i * 7) % n_prompts);
      g_autofree char *url = g_strdup_printf ("https://intranet.example.nhs.uk/memory/%u", i + 1);

      if (pc_store_add_link (store, id, prompt->id, url, "Memory service intranet page",
                             error) == 0)
        return FALSE;
    }

  return pc_store_add_coproduction (store, id, "Service users and carers", "Workshop",
                                    "2026-03-03", "Home assessment offered to everyone.",
                                    error) != 0
      && pc_store_add_coproduction (store, id, "GPs", "Survey", "2026-03-17",
                                    "Assessments in the GP surgery on Tuesdays.", error) != 0;
}

gint64
bench_make_signed_assessment (PcStore       *store,
                              PcChecklist   *checklist,
                              const char    *title,
                              BenchContent   content,
                              PcSigningKey  *author,
                              PcSigningKey  *reviewer,
                              guint         *out_n_actions,
                              GError       **error)
{
  g_autoptr(PcAssessment) header = signed_header_new (title);
  g_autofree char *actor = g_strdup (pc_store_get_actor (store));
  guint n_actions = 0;
  gint64 id;
  gboolean ok;

  pc_store_set_actor (store, pc_signing_key_get_name (author));
  id = pc_store_create_assessment (store, header, checklist, error);
  ok = id != 0
    && fill_assessment (store, checklist, id, content, &n_actions, error)
    && pc_store_submit (store, id, author, NULL, NULL, NULL, error);

  pc_store_set_actor (store, pc_signing_key_get_name (reviewer));
  ok = ok && pc_store_review (store, id, PC_MEANING_APPROVED, NULL, reviewer, NULL, NULL, NULL,
                              error);
  pc_store_set_actor (store, actor);

  if (!ok)
    return 0;

  if (out_n_actions != NULL)
    *out_n_actions = n_actions;

  return id;
}

/* Clean-up */

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle != NULL)
    {
      while ((name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            bench_remove_dir (path);
          else if (g_unlink (path) != 0)
            g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
        }
    }

  if (g_rmdir (dir) != 0)
    g_warning ("Cannot remove %s: %s", dir, g_strerror (errno));
}

gboolean
bench_run_cli (const char * const  *args,
               char               **out,
               GError             **error)
{
  const char *cli = g_getenv ("PC_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status = 0;

  if (cli == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "PC_CLI is not set: run this through `meson test --benchmark`");
      return FALSE;
    }

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                     out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT,
                     NULL, NULL, out, &err, &status, error)
      || !g_spawn_check_wait_status (status, error))
    {
      if (error != NULL && *error != NULL)
        g_prefix_error (error, "%s %s: %s: ", cli, args[0], err != NULL ? err : "");
      return FALSE;
    }

  return TRUE;
}

int
bench_main (int           argc,
            char        **argv,
            const char   *name,
            const char   *summary,
            BenchRunFunc  run)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *dir = NULL;
  gboolean quick = FALSE;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Smaller counts, for a smoke test", NULL },
    { NULL }
  };

  context = g_option_context_new (summary);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return EXIT_FAILURE;
    }

  dir = g_dir_make_tmp (template, &error);
  if (dir == NULL)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return EXIT_FAILURE;
    }

  ok = run (dir, quick, &error);
  bench_remove_dir (dir);

  if (!ok)
    {
      g_printerr ("%s: %s\n", name, error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
