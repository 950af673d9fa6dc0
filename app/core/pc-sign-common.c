/* pc-sign-common.c: what the key files and the minisign format share:
 * the error domain, starting libsodium, and the test for control characters
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-sign"

#include "config.h"

#include "pc-sign.h"
#include "pc-sign-private.h"

#include <glib/gi18n.h>
#include <sodium.h>

G_DEFINE_QUARK (pc-sign-error-quark, pc_sign_error)

gboolean
_pc_sign_ensure_sodium (GError **error)
{
  static gsize initialised = 0;
  static gboolean ready = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ready = sodium_init () >= 0;
      g_once_init_leave (&initialised, 1);
    }

  if (!ready)
    g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED,
                         _("The cryptography library could not start: signing is unavailable"));

  return ready;
}

/* TRUE when @str holds a control character other than a tab, such as a
 * newline. */
gboolean
_pc_sign_has_control_characters (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\t')
        return TRUE;
    }

  return FALSE;
}
