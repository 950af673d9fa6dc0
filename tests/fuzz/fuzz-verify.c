/* fuzz-verify.c: libFuzzer target for pc_verify_summary()
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only with -Dfuzzing=true and clang (tests/fuzz/meson.build), with
 * AddressSanitizer and UndefinedBehaviorSanitizer from b_sanitize. Every
 * input is a candidate summary file, checked twice, without trusted keys
 * and with a small list of them: pc_verify_summary() must return a result
 * or an error, never both and never neither, a result that keeps its own
 * promises (check_result()), and must not crash, read out of bounds or
 * leak, whatever the bytes. tests/run-all.sh runs it for a bounded time
 * on a corpus of real exports (make-corpus.sh) and the small hand-written
 * seeds in corpus/, with the dictionary verify.dict.
 */

#define G_LOG_DOMAIN "fuzz-verify"

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "pc-verify.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Two of the demo's signers, each listed with a key that is not theirs
 * (the demo makes new keys every run), and a name no summary has: every
 * input is also checked against these, so that the trust check runs. */
static const char trusted_text[] =
  "# fuzz-verify: names with keys that are not theirs\n"
  "\n"
  "Agnieszka Wi\xc5\x9bniewska\tRWQBAgMEBQYHCCAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/\n"
  "Dr Amara Okafor\tRWQBAgMEBQYHCCAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/\n"
  "Nobody\tRWQBAgMEBQYHCCAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/\n";

static PcTrustedKeys *trusted;

/* A broken promise of the API: say which, then crash so that libFuzzer
 * keeps the input as an artifact. */
G_NORETURN static void
broken (const char *what)
{
  g_printerr ("fuzz-verify: %s\n", what);
  abort ();
}

/* What the result promises, whatever the input. */
static void
check_result (const PcVerifyResult *result)
{
  if (result->signoffs == NULL || result->problems == NULL)
    broken ("a result without its signoffs or problems array");

  for (guint i = 0; i < result->problems->len; i++)
    if (g_ptr_array_index (result->problems, i) == NULL)
      broken ("a NULL problem");

  for (guint i = 0; i < result->signoffs->len; i++)
    {
      const PcVerifiedSignoff *signoff = g_ptr_array_index (result->signoffs, i);

      if (signoff == NULL)
        broken ("a NULL sign-off");
      if (!signoff->good && signoff->problem == NULL)
        broken ("a sign-off that does not hold and does not say why");
      if (!signoff->good && result->ok)
        broken ("ok with a sign-off that does not hold");
    }

  if (result->ok && result->problems->len > 0)
    broken ("ok with problems");
}

/* Loads the trusted keys once, from a temporary file removed at once. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  GError *error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("fuzz-verify-trusted-XXXXXX", &path, &error);
  if (fd < 0 || !g_file_set_contents (path, trusted_text, -1, &error))
    {
      g_printerr ("fuzz-verify: cannot write the trusted keys: %s\n", error->message);
      abort ();
    }
  close (fd);

  trusted = pc_trusted_keys_load (path, &error);
  g_unlink (path);
  g_free (path);
  if (trusted == NULL)
    {
      g_printerr ("fuzz-verify: cannot load the trusted keys: %s\n", error->message);
      abort ();
    }

  return 0;
}

/* One check of @data, without trusted keys or with them. */
static void
verify_once (const uint8_t *data,
             size_t         size,
             PcTrustedKeys *keys)
{
  GError *error = NULL;
  PcVerifyResult *result;

  result = pc_verify_summary ((const char *) data, size, keys, &error);

  /* Exactly one of a result and an error. */
  if (result == NULL && error == NULL)
    broken ("neither a result nor an error");
  if (result != NULL && error != NULL)
    broken ("both a result and an error");

  if (result != NULL)
    {
      check_result (result);
      pc_verify_result_free (result);
    }
  else
    {
      if (error->domain != PC_VERIFY_ERROR)
        {
          g_printerr ("fuzz-verify: error outside PC_VERIFY_ERROR: %s\n", error->message);
          abort ();
        }
      g_error_free (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  verify_once (data, size, NULL);
  verify_once (data, size, trusted);

  return 0;
}
