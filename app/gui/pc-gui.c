/* pc-gui.c: the window layer's entry point
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-gui"

#include "config.h"

#include "pc-gui.h"

#include <glib/gi18n.h>

#include "pc-application.h"
#include "pc-settings.h"
#include "pc-types.h"

int
pc_gui_main (int    argc,
             char **argv)
{
  g_autoptr(PcApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

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
