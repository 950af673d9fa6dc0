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

/* Runs @argv, keeping its output out of the TAP stream, and returns
 * TRUE when it exits with 0. */
gboolean
run (const char * const  *argv,
     char               **out_stdout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("minisign %s: %s%s", argv[1], out, err);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);

  return g_spawn_check_wait_status (status, NULL);
}

char *
get_line (const char *text,
          guint       n)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (n, <, g_strv_length (lines));
  return g_strdup (lines[n]);
}
