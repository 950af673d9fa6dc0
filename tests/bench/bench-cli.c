/* bench-cli.c: what a command pays before it does anything
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `meson test --benchmark`. This is not a pass/fail test: it
 * prints one median a line with its budget beside it and exits 0, and
 * exits non-zero only when the program does not work. It runs the
 * program of $PC_CLI as a process, as a script would:
 *
 *   bench-cli [--quick]
 *
 * `principle-check --version`, then `list` on an empty database (in a
 * temporary folder, removed at the end). The command line must not pay
 * for the window: GTK and libadwaita, which once cost every command
 * about 26 ms, are loaded only with the window module.
 *
 * Then `list` of 10,000 unsigned assessments (1,000 with --quick), made
 * once beforehand by `principle-check demo --count 10000 --drafts`: the
 * whole process, printed also above process start (its median less
 * `--version`'s), against the budget of 100 ms above process start.
 */

#define G_LOG_DOMAIN "bench-cli"

#include "config.h"

#include "bench-utils.h"

#include "pc-store.h"

static gboolean
time_command (const char * const  *args,
              guint                n,
              GArray              *samples,
              GError             **error)
{
  /* The first run warms the page cache up. */
  for (guint i = 0; i < n + 1; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!bench_run_cli (args, NULL, error))
        return FALSE;
      elapsed = g_get_monotonic_time () - start;

      if (i > 0)
        g_array_append_val (samples, elapsed);
    }

  return TRUE;
}

/* Fills @path with @n generated drafts, through the command itself
 * (not timed, but its time is printed). */
static gboolean
make_demo (const char  *path,
           guint        n,
           GError     **error)
{
  g_autofree char *count = g_strdup_printf ("%u", n);
  const char *args[] = { "demo", "--count", count, "--drafts", "--db", path, NULL };
  gint64 start = g_get_monotonic_time ();

  if (!bench_run_cli (args, NULL, error))
    return FALSE;

  g_print ("(made %u drafts with principle-check demo --count %u --drafts in %.1f s)\n", n, n,
           (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

static gboolean
run (const char  *dir,
     gboolean     quick,
     GError     **error)
{
  guint n = quick ? 5 : 31;
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GArray) version = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *version_args[] = { "--version", NULL };
  const char *list_args[] = { "list", "--db", path, NULL };
  guint n_assessments = quick ? 1000 : 10000;
  g_autofree char *full_path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *full_args[] = { "list", "--db", full_path, NULL };
  g_autofree char *what = NULL;

  /* An empty database, made (and migrated) once, beforehand. */
  store = pc_store_open (path, error);
  if (store == NULL)
    return FALSE;
  g_clear_object (&store);

  if (!time_command (version_args, n, version, error)
      || !time_command (list_args, n, list, error)
      || !make_demo (full_path, n_assessments, error)
      || !time_command (full_args, quick ? 3 : 11, full, error))
    return FALSE;

  bench_print_median ("principle-check --version, process start to exit", version,
                      "budget: no window cost (GTK and libadwaita were ~26 ms of every command)");
  bench_print_median ("principle-check list on an empty database, process start to exit", list,
                      "budget: no window cost; list of 10,000 unsigned under 100 ms");
  what = g_strdup_printf ("principle-check list of %u unsigned (demo --count --drafts), "
                          "process start to exit", n_assessments);
  bench_print_median (what, full, "budget: see the next line");
  /* bench_median_ms() sorts, so the medians are read after printing. */
  g_print ("%s: %.1f ms above process start (the list's median less --version's) "
           "(budget: under 100 ms for 10,000)\n",
           what, bench_median_ms (full) - bench_median_ms (version));

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  return bench_main (argc, argv, "bench-cli",
                     "— time the command line's start-up", run);
}
