/* main.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pc-application.h"
#include "pc-cli.h"
#include "pc-settings.h"

int
main (int   argc,
      char *argv[])
{
  const char *charset;
  int command;

  setlocale (LC_ALL, "");
  /* In the C locale GLib takes arguments to be ASCII, and a name like
   * “Zoë” would be refused: read them as UTF-8 instead. */
  if (!g_get_charset (&charset) && g_str_equal (charset, "ANSI_X3.4-1968"))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_autoptr(PcApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  /* A command (or a word that is not one) runs without a display, even
   * after --db FILE; no arguments, or only options such as --db, open
   * the window. */
  command = pc_cli_find_command (argc, argv);
  if (command > 1)
    {
      char *word = argv[command];

      memmove (&argv[2], &argv[1], (gsize) (command - 1) * sizeof (char *));
      argv[1] = word;
    }
  if (command > 0 || (argc > 1 && pc_cli_is_command (argv[1])))
    return pc_cli_run (argc, argv);

  if (!gtk_init_check ())
    {
      g_printerr (_("principle-check: cannot open a window here (no display): give a command instead, see “principle-check --help”\n"));
      return PC_EXIT_USAGE;
    }

  settings = pc_settings_new (&error);
  if (settings == NULL)
    {
      g_printerr ("principle-check: %s\n", error->message);
      return PC_EXIT_FAILED;
    }

  app = pc_application_new (settings);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
