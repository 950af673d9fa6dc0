/* test-sign-signatures.c: signatures: made and checked, refused when
 * anything is changed or malformed, and understood by minisign both ways
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-test-utils.h"
#include "test-sign-common.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

static char *
sign_text (const PcSigningKey *key,
           const char         *message,
           const char         *comment)
{
  g_autoptr(GError) error = NULL;
  char *signature;

  signature = pc_signing_key_sign (key, (const guint8 *) message, strlen (message), comment, &error);
  g_assert_no_error (error);
  g_assert_nonnull (signature);

  return signature;
}

static gboolean
verify_text (const char  *public_key,
             const char  *message,
             const char  *signature,
             GError     **error)
{
  return pc_sign_verify (public_key, (const guint8 *) message, strlen (message),
                         signature, NULL, NULL, error);
}

/* Writes @contents to a file in the test's own cache folder, which
 * G_TEST_OPTION_ISOLATE_DIRS removes afterwards. */
static char *
write_temp (const char *basename,
            const char *contents)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "pc-sign", NULL);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, basename, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* Returns: (nullable): the path of minisign, or NULL after failing the
 * test. */
static char *
find_minisign (void)
{
  char *path = g_find_program_in_path ("minisign");

  if (path == NULL)
    g_test_fail_printf ("minisign is not on PATH: install the Debian package “minisign” "
                        "(README.md lists it) to run the interoperability tests");

  return path;
}

/* Replaces line @n (from 0) of @text with @line. */
static char *
replace_line (const char *text,
              guint       n,
              const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpuint (n, <, g_strv_length (lines));
  g_free (lines[n]);
  lines[n] = g_strdup (line);

  return g_strjoinv ("\n", lines);
}

/* Returns @line, a base64 line, decoded, with its first two bytes set
 * to @alg and encoded again. */
static char *
with_algorithm (const char *line,
                const char *alg)
{
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  data = g_base64_decode (line, &len);
  g_assert_cmpuint (len, >, 2);
  memcpy (data, alg, 2);

  return g_base64_encode (data, len);
}

/* Fingerprints */

/* Signatures */

static void
test_sign_verify (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *signature = sign_text (key, MESSAGE, COMMENT);
  g_autofree char *comment = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *public_key_id = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_strsplit (signature, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "untrusted comment: signature from Principle Check secret key");
  g_assert_cmpstr (lines[2], ==, "trusted comment: " COMMENT);
  g_assert_cmpstr (lines[4], ==, "");

  g_assert_true (pc_sign_verify (pc_signing_key_get_public_key (key),
                                 (const guint8 *) MESSAGE, strlen (MESSAGE),
                                 signature, &comment, &key_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (comment, ==, COMMENT);
  g_assert_cmpstr (key_id, ==, pc_signing_key_get_key_id (key));

  public_key_id = pc_sign_public_key_id (pc_signing_key_get_public_key (key), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (public_key_id, ==, pc_signing_key_get_key_id (key));
}

static void
test_sign_empty_message (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *signature = NULL;
  g_autoptr(GError) error = NULL;

  signature = pc_signing_key_sign (key, NULL, 0, "", &error);
  g_assert_no_error (error);
  g_assert_true (pc_sign_verify (pc_signing_key_get_public_key (key), NULL, 0,
                                 signature, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_tampered_message (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *signature = sign_text (key, MESSAGE, COMMENT);
  g_autofree char *tampered = g_strdup (MESSAGE);
  g_autoptr(GError) error = NULL;

  tampered[10] ^= 0x01;
  g_assert_false (verify_text (pc_signing_key_get_public_key (key), tampered, signature, &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not match the signed content"));
}

static void
test_tampered_comment (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *signature = sign_text (key, MESSAGE, COMMENT);
  g_autofree char *tampered = NULL;
  g_autoptr(GError) error = NULL;

  tampered = replace_line (signature, 2, "trusted comment: name:Ann Lee\trole:Clinical lead meaning:not_approved");
  g_assert_false (verify_text (pc_signing_key_get_public_key (key), MESSAGE, tampered, &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "trusted comment was altered"));
}

static void
test_other_key (void)
{
  g_autoptr(PcSigningKey) ann = generate_key ("Ann Lee");
  g_autoptr(PcSigningKey) bob = generate_key ("Bob Roe");
  g_autofree char *signature = sign_text (ann, MESSAGE, COMMENT);
  g_autofree char *bob_line = get_line (pc_signing_key_get_public_key (bob), 1);
  g_autofree char *sig_line = get_line (signature, 1);
  g_autofree guint8 *bob_blob = NULL;
  g_autofree guint8 *sig_blob = NULL;
  g_autofree char *forged_line = NULL;
  g_autofree char *forged = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_false (verify_text (pc_signing_key_get_public_key (bob), MESSAGE, signature, &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_MISMATCH);
  g_clear_error (&error);

  /* Ann's signature relabelled with Bob's key id still fails. */
  bob_blob = g_base64_decode (bob_line, &len);
  sig_blob = g_base64_decode (sig_line, &len);
  memcpy (sig_blob + 2, bob_blob + 2, 8);
  forged_line = g_base64_encode (sig_blob, len);
  forged = replace_line (signature, 1, forged_line);
  g_assert_false (verify_text (pc_signing_key_get_public_key (bob), MESSAGE, forged, &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID);
}

static void
test_bad_trusted_comment (void)
{
  g_autofree char *too_long = g_strnfill (8200, 'x');
  const char *comments[] = { "two\nlines", "carriage\rreturn", "bell\a", too_long, "\xff\xfe" };
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");

  for (guint i = 0; i < G_N_ELEMENTS (comments); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *signature = NULL;

      signature = pc_signing_key_sign (key, (const guint8 *) MESSAGE, strlen (MESSAGE),
                                       comments[i], &error);
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_SIGNATURE);
      g_assert_null (signature);
    }
}

/* A base64 line whose last character carries stray low bits, which a
 * lenient decoder ignores. */
static char *
with_stray_bits (const char *line)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *copy = g_strdup (line);
  char *last = strchr (copy, '=') - 1;

  *last = alphabet[(strchr (alphabet, *last) - alphabet) ^ 1];
  return copy;
}

static void
test_malformed_signatures (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *good = sign_text (key, MESSAGE, COMMENT);
  g_autofree char *sig_line = get_line (good, 1);
  g_autofree char *global_line = get_line (good, 3);
  g_autofree char *wrong_alg = with_algorithm (sig_line, "EX");
  g_autofree char *stray = with_stray_bits (sig_line);
  g_autofree char *spaced = g_strdup_printf ("%.20s %s", sig_line, sig_line + 20);
  g_autofree char *short_line = g_strndup (sig_line, strlen (sig_line) - 4);
  g_autofree char *gap_first = g_strdup_printf ("untrusted comment: x\n\n%s", strchr (good, '\n') + 1);
  char *bad[] = {
    g_strdup (""),
    g_strdup ("untrusted comment: x\n"),
    replace_line (good, 0, "comment: signature"),
    replace_line (good, 1, "!!!! not base64 !!!!"),
    replace_line (good, 1, wrong_alg),
    replace_line (good, 1, stray),
    replace_line (good, 1, spaced),
    replace_line (good, 1, short_line),
    replace_line (good, 2, "trusted comments: name:Ann Lee"),
    replace_line (good, 2, "Trusted comment: name:Ann Lee"),
    replace_line (good, 3, "AAAA"),
    replace_line (good, 3, sig_line),
    g_strdup_printf ("%s%s\n", good, global_line),
    g_strdup (gap_first),
    g_strndup (good, strlen (good) - strlen (global_line) - 1),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad signature %u", i);
      g_assert_false (verify_text (pc_signing_key_get_public_key (key), MESSAGE, bad[i], &error));
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_SIGNATURE);
      g_free (bad[i]);
    }
}

static void
test_lenient_line_ends (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *good = sign_text (key, MESSAGE, COMMENT);
  g_auto(GStrv) lines = g_strsplit (good, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autofree char *no_final = g_strndup (good, strlen (good) - 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (verify_text (pc_signing_key_get_public_key (key), MESSAGE, crlf, &error));
  g_assert_no_error (error);
  g_assert_true (verify_text (pc_signing_key_get_public_key (key), MESSAGE, no_final, &error));
  g_assert_no_error (error);
}

static void
test_malformed_public_keys (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *signature = sign_text (key, MESSAGE, COMMENT);
  const char *good = pc_signing_key_get_public_key (key);
  g_autofree char *blob = get_line (good, 1);
  g_autofree char *wrong_alg = with_algorithm (blob, "ED");
  g_autofree char *blob_only = g_strdup_printf ("%s\n", blob);
  char *bad[] = {
    g_strdup (""),
    g_strdup (blob_only),
    replace_line (good, 0, "minisign public key"),
    replace_line (good, 1, "RWQ garbage"),
    replace_line (good, 1, wrong_alg),
    replace_line (good, 1, blob + 4),
    g_strdup_printf ("%s%s\n", good, blob),
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *key_id = NULL;

      g_test_message ("bad public key %u", i);
      g_assert_false (verify_text (bad[i], MESSAGE, signature, &error));
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PUBLIC_KEY);
      g_clear_error (&error);

      key_id = pc_sign_public_key_id (bad[i], &error);
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PUBLIC_KEY);
      g_assert_null (key_id);
      g_free (bad[i]);
    }
}

/* Interoperability with minisign */

static void
test_minisign_verifies_ours (void)
{
  g_autofree char *minisign = find_minisign ();
  g_autoptr(PcSigningKey) key = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *msg = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *sig = NULL;
  g_autofree char *out = NULL;
  g_autofree char *tampered = NULL;

  if (minisign == NULL)
    return;

  key = generate_key ("Ann Lee");
  signature = sign_text (key, MESSAGE, COMMENT);
  msg = write_temp ("msg", MESSAGE);
  pub = write_temp ("pub", pc_signing_key_get_public_key (key));
  sig = write_temp ("sig", signature);

  {
    /* -H: minisign must find the prehashed algorithm, its default. */
    const char *argv[] = { minisign, "-V", "-H", "-p", pub, "-m", msg, "-x", sig, NULL };

    g_assert_cmpint (pc_test_run_program (argv, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Trusted comment: " COMMENT "\n"));
  }

  tampered = write_temp ("tampered", MESSAGE " ");
  {
    const char *argv[] = { minisign, "-V", "-p", pub, "-m", tampered, "-x", sig, NULL };

    g_assert_cmpint (pc_test_run_program (argv, NULL, NULL), !=, 0);
  }
}

static void
test_we_verify_minisign (void)
{
  g_autofree char *minisign = find_minisign ();
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "pc-sign", NULL);
  g_autofree char *pub = g_build_filename (dir, "minisign.pub", NULL);
  g_autofree char *sec = g_build_filename (dir, "minisign.key", NULL);
  g_autofree char *sig = g_build_filename (dir, "msg.minisig", NULL);
  g_autofree char *legacy = g_build_filename (dir, "legacy.minisig", NULL);
  g_autofree char *msg = NULL;
  g_autofree char *pub_text = NULL;
  g_autofree char *pub_comment = NULL;
  g_autofree char *key_id = NULL;
  g_autoptr(GError) error = NULL;

  if (minisign == NULL)
    return;

  msg = write_temp ("msg", MESSAGE);
  {
    const char *generate[] = { minisign, "-G", "-W", "-p", pub, "-s", sec, NULL };
    const char *sign[] = { minisign, "-S", "-s", sec, "-m", msg, "-x", sig, "-t", COMMENT, NULL };
    const char *sign_legacy[] = { minisign, "-S", "-l", "-s", sec, "-m", msg, "-x", legacy, "-t", COMMENT, NULL };

    g_assert_cmpint (pc_test_run_program (generate, NULL, NULL), ==, 0);
    g_assert_cmpint (pc_test_run_program (sign, NULL, NULL), ==, 0);
    g_assert_cmpint (pc_test_run_program (sign_legacy, NULL, NULL), ==, 0);
  }

  /* Our key id agrees with the one minisign prints in the comment. */
  pub_text = read_text (pub);
  key_id = pc_sign_public_key_id (pub_text, &error);
  g_assert_no_error (error);
  pub_comment = g_strdup_printf ("untrusted comment: minisign public key %s\n", key_id);
  g_assert_true (g_str_has_prefix (pub_text, pub_comment));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *signature = read_text (i == 0 ? sig : legacy);
      g_autofree char *comment = NULL;
      g_autofree char *signature_key_id = NULL;

      g_assert_true (pc_sign_verify (pub_text, (const guint8 *) MESSAGE, strlen (MESSAGE),
                                     signature, &comment, &signature_key_id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (comment, ==, COMMENT);
      g_assert_cmpstr (signature_key_id, ==, key_id);

      g_assert_false (verify_text (pub_text, MESSAGE "!", signature, &error));
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/sign/sign-verify", test_sign_verify);
  g_test_add_func ("/pc/sign/sign-empty-message", test_sign_empty_message);
  g_test_add_func ("/pc/sign/tampered-message", test_tampered_message);
  g_test_add_func ("/pc/sign/tampered-comment", test_tampered_comment);
  g_test_add_func ("/pc/sign/other-key", test_other_key);
  g_test_add_func ("/pc/sign/bad-trusted-comment", test_bad_trusted_comment);
  g_test_add_func ("/pc/sign/malformed-signatures", test_malformed_signatures);
  g_test_add_func ("/pc/sign/lenient-line-ends", test_lenient_line_ends);
  g_test_add_func ("/pc/sign/malformed-public-keys", test_malformed_public_keys);
  g_test_add_func ("/pc/sign/minisign-verifies-ours", test_minisign_verifies_ours);
  g_test_add_func ("/pc/sign/we-verify-minisign", test_we_verify_minisign);

  return g_test_run ();
}
