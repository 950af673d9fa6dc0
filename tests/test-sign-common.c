/* test-sign-common.c: what the tests of signing keys and signatures share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-sign-common.h"

#include <sys/wait.h>

PcSigningKey *
generate_key (const char *name)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(GError) error = NULL;
  PcSigningKey *key;

  key = pc_signing_key_generate (keys_dir, name, ROLE, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);

  return key;
}

char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

char *
get_line (const char *text,
          guint       n)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (n, <, g_strv_length (lines));
  return g_strdup (lines[n]);
}
