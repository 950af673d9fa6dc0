/* main.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>

#include "pc-cli.h"
#include "pc-gui.h"

/* The window layer's module: the build tree's for a program run from the
 * build tree, else the one installed beside the program (found from where
 * the program is, so that a relocated install, a DESTDIR or a Flatpak
 * finds its own). */
static char *
gui_module_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bindir = NULL;

  if (self != NULL && g_str_has_prefix (self, PC_BUILD_ROOT "/"))
    return g_build_filename (PC_BUILD_ROOT, PC_BUILD_GUI_MODULE, NULL);
  if (self == NULL || g_path_is_absolute (PC_GUI_MODULE_FROM_BINDIR))
    return g_strdup (PC_GUI_MODULE);

  bindir = g_path_get_dirname (self);
  return g_build_filename (bindir, PC_GUI_MODULE_FROM_BINDIR, NULL);
}

static int
run_gui (int    argc,
         char **argv)
{
  g_autofree char *path = gui_module_path ();
  PcGuiMainFunc gui_main = NULL;
  GModule *module;

  /* Kept loaded for the life of the process: it registers types. */
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL || !g_module_symbol (module, PC_GUI_MAIN_SYMBOL, (gpointer *) &gui_main))
    {
      g_printerr (_("principle-check: cannot open a window: the window module could not be loaded (%s): give a command instead, see “principle-check --help”\n"),
                  g_module_error ());
      return PC_EXIT_USAGE;
    }

  return gui_main (argc, argv);
}

int
main (int   argc,
      char *argv[])
{
  const char *charset;

  setlocale (LC_ALL, "");
  /* In the C locale GLib takes arguments to be ASCII, and a name like
   * “Zoë” would be refused: read them as UTF-8 instead. */
  if (!g_get_charset (&charset) && g_str_equal (charset, "ANSI_X3.4-1968"))
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A command (or a word that is not one) runs without a display, even
   * after --db FILE; no arguments, or only options such as --db, open
   * the window. */
  if (pc_cli_handles (argc, argv))
    return pc_cli_run (argc, argv);

  return run_gui (argc, argv);
}
