/* bench-ui.c: how the window feels over 10,000 assessments, beside a
 * minimal GTK window and a minimal libadwaita window (issue 11, item 3)
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by `meson test --benchmark` under Xvfb (GDK_BACKEND=x11,
 * GSK_RENDERER=cairo, as the UI tests). Not a pass/fail test: it prints
 * medians (and the 90th percentile) beside the budgets and
 * exits 0; it exits 77 (skip) without a display, and non-zero only when
 * something does not work.
 *
 *   bench-ui [--quick]
 *   bench-ui --child gtk|adw|app [--db PATH]
 *
 * Start-up is timed in fresh processes, this program itself in a
 * --child mode: from just before the spawn to the first frame drawn
 * after the first window is mapped. The child prints that moment (the
 * monotonic clock is system-wide) and its resident set size, and for
 * "app" also when the list has filled in. Filtering, opening an
 * assessment and switching principle are timed in this process, on a
 * PcWindow, through its widgets and actions as a user would.
 */

#define G_LOG_DOMAIN "bench-ui"

#include "config.h"

#include "bench-utils.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pc-application.h"
#include "pc-assessment.h"
#include "pc-list-page.h"
#include "pc-settings.h"
#include "pc-store-private.h"
#include "pc-vocab.h"
#include "pc-window.h"
#include "tests/pc-test-ui.h"

#define EXIT_SKIP 77

static const char * const titles[] = {
  "Memory service pathway", "Crisis café", "Community mental health team hub",
  "Perinatal outreach", "Eating disorders day unit", "Learning disability respite",
  "Home treatment team", "Psychiatric liaison at the emergency department",
  "Talking therapies online", "Older adults' inpatient ward", "Early intervention in psychosis",
  "Carers' assessment clinic",
};

static const char * const leads[] = {
  "Dr Ann Lee", "Sam Okafor", "Priya Shah", "Tom Brennan", "Zoë Martin", "Mehmet Yılmaz",
  "Grace Ansah", "Owen Hughes",
};

/* Clocks */

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return 0;

  return g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10);
}

static double
percentile_ms (GArray *samples,
               double  p)
{
  guint i;

  bench_median_ms (samples);   /* sorts */
  i = MIN (samples->len - 1, (guint) (p * samples->len));
  return g_array_index (samples, gint64, i) / 1000.0;
}

static void
print_p90 (const char *what,
           GArray     *samples,
           const char *budget)
{
  double p90 = percentile_ms (samples, 0.9);
  double median = bench_median_ms (samples);

  g_print ("%s: median %.1f ms, p90 %.1f ms over %u (%s)\n", what, median, p90, samples->len,
           budget);
}

/* The database: @n assessments through the store, a mix of drafts (with
 * none to a dozen prompts rated) and, one in fifty, assessments
 * submitted and approved with real keys. */

static gboolean
fill_database (const char   *dir,
               const char   *path,
               guint         n,
               GError      **error)
{
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) reviewer = NULL;
  const char * const *divisions = pc_vocab_ids (PC_VOCAB_DIVISION);
  guint n_divisions = g_strv_length ((char **) divisions);

  store = pc_store_open (path, error);
  checklist = pc_checklist_new_default (error);
  if (store == NULL || checklist == NULL)
    return FALSE;
  pc_store_set_actor (store, "Benchmark");
  /* The fill is not timed and need not survive a power cut. */
  if (!_pc_db_exec (store->db, "PRAGMA synchronous = OFF", error)
      || !bench_signers_new (keys_dir, &author, &reviewer, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcAssessment) header = pc_assessment_new ();
      gint64 id;

      if (i % 50 == 49)
        {
          g_autofree char *title = g_strdup_printf ("%s %u", titles[i % G_N_ELEMENTS (titles)], i);

          if (bench_make_signed_assessment (store, checklist, title, BENCH_CONTENT_MINIMAL, author,
                                            reviewer, NULL, error) == 0)
            return FALSE;
          continue;
        }

      header->title = g_strdup_printf ("%s %u", titles[i % G_N_ELEMENTS (titles)], i);
      header->lead = g_strdup (leads[(i / 3) % G_N_ELEMENTS (leads)]);
      header->kind = PC_KIND_SERVICE_CHANGE;
      header->division = g_strdup (divisions[(i / 7) % n_divisions]);
      header->outcomes = g_strdup ("Shorter waits for a first appointment.");
      header->affected = g_strdup ("Adults referred to the community team.");
      id = pc_store_create_assessment (store, header, checklist, error);
      if (id == 0)
        return FALSE;
      for (guint k = 0; k < i % 13; k++)
        if (!pc_store_set_answer (store, id, bench_nth_prompt (checklist, k)->id,
                                  k % 3 ? PC_RATING_MET : PC_RATING_PARTLY_MET,
                                  "Discussed with the service user panel.", NULL, error))
          return FALSE;
    }

  return TRUE;
}

/* Frames */

typedef struct
{
  gboolean painted;
  gint64   at;
} Frame;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted = TRUE;
  frame->at = g_get_monotonic_time ();
}

/* Runs the main loop until @widget's window has drawn a frame after
 * @start() (which may be NULL) was called. Returns the moment it did. */
static gint64
run_until_frame (GtkWidget *widget,
                 void     (*start) (gpointer),
                 gpointer   data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_root (widget)));
  Frame frame = { FALSE, 0 };
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);

  if (start != NULL)
    start (data);
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  while (!frame.painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  return frame.at;
}

/* Lets whatever is pending (idles, a frame) run. */
static void
settle (GtkWidget *widget)
{
  run_until_frame (widget, NULL, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Children: start-up and memory */

typedef struct
{
  const char *mode;
  GtkWidget  *window;
  guint       expected;
  gboolean    printed_frame;
} Child;

static gboolean
list_filled_tick (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  Child *child = data;
  GtkWidget *page = pc_test_ui_find_descendant (widget, PC_TYPE_LIST_PAGE);

  if (page == NULL || pc_list_page_get_n_shown (PC_LIST_PAGE (page)) < child->expected)
    return G_SOURCE_CONTINUE;

  g_print ("filled %" G_GINT64_FORMAT "\nrss %" G_GINT64_FORMAT "\n", g_get_monotonic_time (),
           rss_kib ());
  exit (EXIT_SUCCESS);
}

static void
child_painted_cb (GdkFrameClock *clock,
                  Child         *child)
{
  if (child->printed_frame)
    return;
  child->printed_frame = TRUE;
  g_print ("frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());

  if (g_str_equal (child->mode, "app"))
    gtk_widget_add_tick_callback (child->window, list_filled_tick, child, NULL);
  else
    {
      g_print ("rss %" G_GINT64_FORMAT "\n", rss_kib ());
      exit (EXIT_SUCCESS);
    }
}

static void
child_mapped_cb (GtkWidget *window,
                 Child     *child)
{
  child->window = window;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (child_painted_cb), child);
}

static void
child_window_added_cb (GtkApplication *app,
                       GtkWindow      *window,
                       Child          *child)
{
  if (child->window == NULL)
    g_signal_connect (window, "map", G_CALLBACK (child_mapped_cb), child);
}

static void
bare_activate_cb (GtkApplication *app,
                  Child          *child)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
  gtk_window_set_title (GTK_WINDOW (window), "Principle Check");
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      adw_header_bar_new ());
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode,
           const char *db,
           guint       expected)
{
  Child child = { mode, NULL, expected, FALSE };

  if (g_str_equal (mode, "gtk"))
    {
      GtkWidget *window;

      if (!gtk_init_check ())
        return EXIT_SKIP;
      window = gtk_window_new ();
      gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
      g_signal_connect (window, "map", G_CALLBACK (child_mapped_cb), &child);
      gtk_window_present (GTK_WINDOW (window));
      while (TRUE)
        g_main_context_iteration (NULL, TRUE);
    }
  else if (g_str_equal (mode, "adw"))
    {
      g_autoptr(AdwApplication) app = adw_application_new ("uk.nhs.beh.PrincipleCheck.BenchBare",
                                                          G_APPLICATION_NON_UNIQUE);

      g_signal_connect (app, "window-added", G_CALLBACK (child_window_added_cb), &child);
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), &child);
      return g_application_run (G_APPLICATION (app), 0, NULL);
    }
  else
    {
      /* As main.c does, with the database named as `--db` names it. */
      g_autoptr(GSettings) settings = NULL;
      g_autoptr(PcApplication) app = NULL;
      g_autoptr(GError) error = NULL;
      char *argv[] = { (char *) "principle-check", (char *) "--db", (char *) db, NULL };

      if (!gtk_init_check ())
        return EXIT_SKIP;
      settings = pc_settings_new (&error);
      if (settings == NULL)
        g_error ("%s", error->message);
      /* Not the first-run identity dialog. */
      g_settings_set_string (settings, "user-name", "Dr A. Benchmark");
      g_settings_set_boolean (settings, "identity-asked", TRUE);
      app = pc_application_new (settings);
      g_signal_connect (app, "window-added", G_CALLBACK (child_window_added_cb), &child);
      return g_application_run (G_APPLICATION (app), 3, argv);
    }
}

typedef struct
{
  gint64 frame;
  gint64 filled;
  gint64 rss;
} ChildResult;

static gboolean
spawn_child (const char   *self_path,
             const char   *mode,
             const char   *db,
             guint         expected,
             ChildResult  *result,
             GError      **error)
{
  g_autofree char *expected_text = g_strdup_printf ("%u", expected);
  const char *argv[] = { self_path, "--child", mode, "--db", db, "--expected", expected_text, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  gint64 start;

  memset (result, 0, sizeof *result);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     error)
      || !g_spawn_check_wait_status (status, error))
    return FALSE;

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "frame "))
        result->frame = g_ascii_strtoll (lines[i] + 6, NULL, 10) - start;
      else if (g_str_has_prefix (lines[i], "filled "))
        result->filled = g_ascii_strtoll (lines[i] + 7, NULL, 10) - start;
      else if (g_str_has_prefix (lines[i], "rss "))
        result->rss = g_ascii_strtoll (lines[i] + 4, NULL, 10);
    }
  if (result->frame <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The %s child drew no frame: %s", mode,
                   out);
      return FALSE;
    }

  return TRUE;
}

static gboolean
bench_startup (const char  *self_path,
               const char  *db,
               guint        n_assessments,
               guint        n,
               GError     **error)
{
  static const char * const modes[] = { "gtk", "adw", "app" };
  GArray *frames[3];
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *rss[3];
  gboolean ok = TRUE;
  double medians[3];
  double rss_mib[3];
  g_autofree char *what = NULL;

  for (guint m = 0; m < 3; m++)
    {
      frames[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
      rss[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  /* Side by side: one of each in turn, after one of each to warm the
   * disk cache. */
  for (guint i = 0; i < n + 1; i++)
    for (guint m = 0; m < 3; m++)
      {
        ChildResult result;

        if (ok && !spawn_child (self_path, modes[m], db, n_assessments, &result, error))
          ok = FALSE;
        if (!ok || i == 0)
          continue;
        g_array_append_val (frames[m], result.frame);
        g_array_append_val (rss[m], result.rss);
        if (m == 2)
          g_array_append_val (filled, result.filled);
      }

  for (guint m = 0; m < 3 && !ok; m++)
    {
      g_array_unref (frames[m]);
      g_array_unref (rss[m]);
    }
  if (!ok)
    return FALSE;

  for (guint m = 0; m < 3; m++)
    {
      medians[m] = bench_median_ms (frames[m]);
      /* KiB: bench_median_ms() divides by 1000. */
      rss_mib[m] = bench_median_ms (rss[m]) * 1000.0 / 1024.0;
    }

  bench_print_median ("start-up to the first frame: minimal GtkWindow", frames[0], "reference");
  bench_print_median ("start-up to the first frame: minimal AdwApplicationWindow", frames[1],
                      "reference");
  what = g_strdup_printf ("start-up to the first frame: the app over %u assessments",
                          n_assessments);
  bench_print_median (what, frames[2], "budget: 1.5× the minimal libadwaita window");
  g_print ("start-up ratio, app / minimal AdwApplicationWindow: %.2f× (budget 1.5×); "
           "app / minimal GtkWindow: %.2f×\n", medians[2] / medians[1], medians[2] / medians[0]);
  bench_print_median ("start-up to the list filled in (every row loaded)", filled,
                      "no budget of its own");
  g_print ("resident memory: minimal GtkWindow %.1f MiB, minimal AdwApplicationWindow %.1f MiB, "
           "the app with %u assessments listed %.1f MiB (budget under 100 MB); the app's excess "
           "over the bare libadwaita window %.1f MiB (budget at most 35 MB)\n",
           rss_mib[0], rss_mib[1], n_assessments, rss_mib[2], rss_mib[2] - rss_mib[1]);
  for (guint m = 0; m < 3; m++)
    {
      g_array_unref (frames[m]);
      g_array_unref (rss[m]);
    }

  return TRUE;
}

/* In this process: filtering, opening, switching principle */

typedef struct
{
  gint64 wall;
  gint64 cpu;
  gboolean armed;
} Mark;

static Mark mark;

static gboolean
search_changed_hook (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               data)
{
  if (mark.armed)
    {
      mark.wall = g_get_monotonic_time ();
      mark.cpu = thread_cpu_us ();
      mark.armed = FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkEditable *entry;
  const char  *text;
} Keystroke;

static void
type_text (gpointer data)
{
  Keystroke *key = data;

  mark.armed = TRUE;
  mark.wall = 0;
  gtk_editable_set_text (key->entry, key->text);
}

static PcWindow *
open_window (PcStore *store,
             guint    expected)
{
  PcWindow *window = pc_window_new (NULL, store);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  page = pc_test_ui_find_descendant (GTK_WIDGET (window), PC_TYPE_LIST_PAGE);
  while (pc_list_page_get_n_shown (PC_LIST_PAGE (page)) < expected)
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));

  return window;
}

/* Keystrokes that each change what the list shows. */
static gboolean
bench_filter (PcWindow  *window,
              guint      rounds,
              GError   **error)
{
  static const char * const words[] = { "crisis", "memory", "zoë", "perinatal", "PC-2026-01" };
  GtkWidget *entry = pc_test_ui_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *page = pc_test_ui_find_descendant (GTK_WIDGET (window), PC_TYPE_LIST_PAGE);
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint signal_id = g_signal_lookup ("search-changed", GTK_TYPE_SEARCH_ENTRY);
  gulong hook = g_signal_add_emission_hook (signal_id, 0, search_changed_hook, NULL, NULL);

  for (guint r = 0; r < rounds; r++)
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      {
        size_t len = strlen (words[w]);

        /* Type the word, then take it back, a character at a time. */
        for (size_t k = 1; k <= 2 * len; k++)
          {
            g_autofree char *text = g_strndup (words[w], k <= len ? k : 2 * len - k);
            Keystroke key = { GTK_EDITABLE (entry), text };
            guint before = pc_list_page_get_n_shown (PC_LIST_PAGE (page));
            gint64 painted;
            gint64 cpu_end;

            /* search-changed comes after the entry's delay: wait for it. */
            run_until_frame (entry, type_text, &key);
            while (mark.wall == 0)
              g_main_context_iteration (NULL, TRUE);
            painted = run_until_frame (entry, NULL, NULL);
            cpu_end = thread_cpu_us ();
            if (pc_list_page_get_n_shown (PC_LIST_PAGE (page)) == before)
              continue;   /* not a keystroke that changed what is shown */
            painted -= mark.wall;
            cpu_end -= mark.cpu;
            g_array_append_val (wall, painted);
            g_array_append_val (cpu, cpu_end);
          }
      }
  g_signal_remove_emission_hook (signal_id, hook);

  if (wall->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "No keystroke changed the list");
      return FALSE;
    }
  print_p90 ("filtering the list: a keystroke, search-changed to the next frame drawn (wall)",
             wall, "budget: under 16 ms");
  print_p90 ("filtering the list: a keystroke, main-thread CPU time", cpu,
             "budget: under 16 ms");

  return TRUE;
}

static void
activate_first_row (gpointer data)
{
  GtkWidget *list_view = pc_test_ui_find_descendant (data, GTK_TYPE_LIST_VIEW);

  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
}

static void
next_principle (gpointer data)
{
  gtk_widget_activate_action (data, "view.next-principle", NULL);
}

static void
back_to_list (gpointer data)
{
  gtk_widget_activate_action (data, "win.focus-search", NULL);
}

static gboolean
bench_open_and_switch (PcWindow  *window,
                       guint      n,
                       GError   **error)
{
  GtkWidget *entry = pc_test_ui_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  settle (GTK_WIDGET (window));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *stack = pc_test_ui_find_content_stack (GTK_WIDGET (window));
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed = run_until_frame (GTK_WIDGET (window), activate_first_row, window) - start;

      g_array_append_val (opens, elapsed);
      settle (GTK_WIDGET (window));
      if (stack == NULL)
        stack = pc_test_ui_find_content_stack (GTK_WIDGET (window));
      for (guint k = 0; k < 3 && stack != NULL; k++)
        {
          GtkWidget *visible = gtk_stack_get_visible_child (GTK_STACK (stack));

          start = g_get_monotonic_time ();
          elapsed = run_until_frame (GTK_WIDGET (window), next_principle, visible) - start;
          g_array_append_val (switches, elapsed);
          settle (GTK_WIDGET (window));
        }
      run_until_frame (GTK_WIDGET (window), back_to_list, window);
      settle (GTK_WIDGET (window));
    }

  bench_print_median ("opening an assessment from the list to its first frame", opens,
                      "budget: under 150 ms");
  if (switches->len > 0)
    bench_print_median ("switching principle (next principle) to its first frame", switches,
                        "budget: under 50 ms");
  return TRUE;
}

static gboolean
run (const char  *self_path,
     const char  *dir,
     gboolean     quick,
     GError     **error)
{
  g_autofree char *db = g_build_filename (dir, "list.db", NULL);
  g_autoptr(PcStore) store = NULL;
  guint n_assessments = quick ? 1000 : 10000;
  gint64 fill_start = g_get_monotonic_time ();
  PcWindow *window;

  if (!fill_database (dir, db, n_assessments, error))
    return FALSE;
  g_print ("(made %u assessments through the store in %.1f s)\n", n_assessments,
           (g_get_monotonic_time () - fill_start) / 1e6);

  if (!bench_startup (self_path, db, n_assessments, quick ? 3 : 10, error))
    return FALSE;

  store = pc_store_open (db, error);
  if (store == NULL)
    return FALSE;
  pc_store_set_actor (store, "Benchmark");
  window = open_window (store, n_assessments);
  if (!bench_filter (window, quick ? 1 : 3, error)
      || !bench_open_and_switch (window, quick ? 3 : 10, error))
    return FALSE;
  gtk_window_destroy (GTK_WINDOW (window));

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *child = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *self_path = NULL;
  gboolean quick = FALSE;
  int expected = 0;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Smaller counts, for a smoke test", NULL },
    { "child", 0, 0, G_OPTION_ARG_STRING, &child, "Start up as gtk, adw or app", "MODE" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The app's database (--child app)", "FILE" },
    { "expected", 0, 0, G_OPTION_ARG_INT, &expected, "Rows the app lists", "N" },
    { NULL }
  };

  context = g_option_context_new ("— the window's speed over 10,000 assessments");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (child != NULL)
    return run_child (child, db, (guint) expected);

  if (!gtk_init_check ())
    {
      g_print ("bench-ui: no display, skipped (run it under xvfb-run)\n");
      return EXIT_SKIP;
    }
  adw_init ();

  self_path = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("bench-ui-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* The children's state (the place to return to) lives here too. */
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);

  ok = run (self_path, dir, quick, &error);
  bench_remove_dir (dir);
  if (!ok)
    {
      g_printerr ("bench-ui: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
