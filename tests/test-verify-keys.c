/* test-verify-keys.c: verifying a summary: minisign agrees, trusted
 * keys, forged sign-offs, and the verify command
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-canon.h"
#include "pc-sign-private.h"
#include "pc-test-utils.h"
#include "test-verify-common.h"

#define MINISIGN    "/usr/bin/minisign"
#define UNCONFIRMED "The signatures are intact, but nothing confirms who made them: check each key’s fingerprint with its signer, or run “principle-check verify FILE --trusted KEYS”."

/* The base64 line of a sign-off's public key. Returns: (transfer full) */
static char *
public_key_line (cJSON      *document,
                 guint       index)
{
  g_autofree char *path = g_strdup_printf ("signoffs/%u", index);
  g_auto(GStrv) lines = g_strsplit (get_string (document, path, "public_key"), "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  return g_strdup (lines[1]);
}

static char *
write_tmp (const char *dir,
           const char *name,
           const char *contents,
           gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);

  return path;
}

/* minisign checks every signature */

static void
test_minisign (void)
{
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *message = NULL;
  g_autofree char *changed = NULL;
  gsize len = 0;
  guint index = 0;

  if (!g_file_test (MINISIGN, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("minisign is not installed at " MINISIGN);
      return;
    }

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);

  dir = pc_test_make_tmp_dir ();
  message = write_tmp (dir, "content.json", canonical, (gssize) len);
  canonical[len / 2] = canonical[len / 2] == 'a' ? 'b' : 'a';
  changed = write_tmp (dir, "changed.json", canonical, (gssize) len);

  for (const cJSON *s = item_at (document, "signoffs")->child; s != NULL; s = s->next, index++)
    {
      g_autofree char *pub_name = g_strdup_printf ("signer-%u.pub", index);
      g_autofree char *sig_name = g_strdup_printf ("content-%u.minisig", index);
      g_autofree char *pub = write_tmp (dir, pub_name, pc_json_get_string (s, "public_key"), -1);
      g_autofree char *sig = write_tmp (dir, sig_name, pc_json_get_string (s, "signature"), -1);
      g_autofree char *out = NULL;
      g_autofree char *expected = g_strdup_printf ("\"name\":\"%s\"", pc_json_get_string (s, "name"));
      const char *good_argv[] = { MINISIGN, "-V", "-p", pub, "-m", message, "-x", sig, NULL };
      const char *bad_argv[] = { MINISIGN, "-V", "-p", pub, "-m", changed, "-x", sig, NULL };

      out = pc_test_run_program_ok (good_argv);
      g_assert_nonnull (strstr (out, "Trusted comment: "));
      g_assert_nonnull (strstr (out, expected));

      g_assert_cmpint (pc_test_run_program (bad_argv, NULL, NULL), !=, 0);
    }
  g_assert_cmpuint (index, ==, 2);
}

/* Trusted keys */

static PcTrustedKeys *
load_trusted (const char *dir,
              const char *contents)
{
  g_autofree char *path = write_tmp (dir, "trusted.txt", contents, -1);
  g_autoptr(GError) error = NULL;
  PcTrustedKeys *keys = pc_trusted_keys_load (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (keys);

  return keys;
}

static void
assert_trusted_error (const char *dir,
                      const char *contents,
                      const char *expected)
{
  g_autofree char *path = write_tmp (dir, "bad-trusted.txt", contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcTrustedKeys) keys = pc_trusted_keys_load (path, &error);

  g_assert_null (keys);
  g_assert_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS);
  pc_test_assert_one_line (error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_trusted (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(cJSON) document = NULL;
  g_autofree char *author_key = NULL;
  g_autofree char *reviewer_key = NULL;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  author_key = public_key_line (document, 0);
  reviewer_key = public_key_line (document, 1);

  /* Both listed, names compared as people's names are. */
  {
    g_autofree char *text = g_strdup_printf ("# Signers of the committee\n\n"
                                             "ann  LEE\t%s\r\n"
                                             "  Raj Patel \t %s\n",
                                             author_key, reviewer_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    g_assert_true (result->ok);
  }

  /* Ann Lee listed with Raj Patel's key. */
  {
    g_autofree char *text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n",
                                             reviewer_key, reviewer_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    assert_problem (result, "the key that signed as Ann Lee is not the one trusted for Ann Lee");
    g_assert_false (signoff_at (result, 0)->good);
    g_assert_true (signoff_at (result, 1)->good);
  }

  /* Raj Patel not listed at all. */
  {
    g_autofree char *text = g_strdup_printf ("Ann Lee\t%s\n", author_key);
    g_autoptr(PcTrustedKeys) keys = load_trusted (dir, text);
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, keys);

    assert_problem (result, "no key is trusted for Raj Patel");
    g_assert_true (signoff_at (result, 0)->good);
    g_assert_false (signoff_at (result, 1)->good);
  }

  /* Malformed files say which line. */
  {
    g_autofree char *no_tab = g_strdup_printf ("Ann Lee\t%s\nRaj Patel %s\n", author_key, reviewer_key);
    g_autofree char *no_name = g_strdup_printf ("\t%s\n", author_key);
    g_autofree char *missing = g_build_filename (dir, "no-such-file.txt", NULL);
    g_autoptr(GError) error = NULL;

    assert_trusted_error (dir, no_tab, "Line 2 of the trusted keys file");
    assert_trusted_error (dir, no_tab, "has no tab");
    assert_trusted_error (dir, no_name, "has no name before the tab");
    assert_trusted_error (dir, "# nobody\n\nAnn Lee\tRWnot-a-key\n", "Line 3");
    assert_trusted_error (dir, "# nobody\n\nAnn Lee\tRWnot-a-key\n", "does not give a minisign public key for Ann Lee");
    assert_trusted_error (dir, "# nobody yet\n", "lists no keys");
    assert_trusted_error (dir, "Ann Lee\t\xff\n", "not UTF-8");

    g_assert_null (pc_trusted_keys_load (missing, &error));
    g_assert_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS);
    pc_test_assert_one_line (error->message);
  }
}

/* Someone re-signs the content with a key of their own made in Ann
 * Lee's name: the file holds together, and only the trusted keys tell. */
static void
test_forged (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autoptr(PcSigningKey) forger = pc_test_signing_key_new (AUTHOR, AUTHOR_ROLE);
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcVerifyResult) untrusted = NULL;
  g_autoptr(PcVerifyResult) trusted = NULL;
  g_autoptr(PcTrustedKeys) keys = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *genuine = NULL;
  g_autofree char *text = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *reviewer = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = 0;

  ensure_exports ();
  document = pc_test_parse_json_bytes (approved_export);
  genuine = public_key_line (document, 0);
  reviewer = public_key_line (document, 1);
  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);

  lines = g_strsplit (get_string (document, "signoffs/0", "signature"), "\n", -1);
  comment = g_strdup (lines[2] + strlen ("trusted comment: "));
  signature = pc_signing_key_sign (forger, (const guint8 *) canonical, len, comment, &error);
  g_assert_no_error (error);
  set_string (document, "signoffs/0", "signature", signature);
  set_string (document, "signoffs/0", "public_key", pc_signing_key_get_public_key (forger));
  set_string (document, "signoffs/0", "key_id", pc_signing_key_get_key_id (forger));

  untrusted = verify_document (document, NULL);
  g_assert_true (untrusted->ok);

  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", genuine, reviewer);
  keys = load_trusted (dir, text);
  trusted = verify_document (document, keys);
  assert_problem (trusted, "the key that signed as Ann Lee is not the one trusted for Ann Lee");
}

/* A key made to pass for the reviewer's: a fresh key pair carrying Raj
 * Patel's name, role and key id re-signs the decision. Everything holds
 * together, so only the fingerprint and the trusted keys tell. Returns:
 * (transfer full): the forged summary */
static cJSON *
forge_decision (char **out_forged_fingerprint)
{
  g_autoptr(PcSigningKey) forger = pc_test_signing_key_new (REVIEWER, REVIEWER_ROLE);
  g_autoptr(cJSON) document = pc_test_parse_json_bytes (approved_export);
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *genuine_line = public_key_line (document, 1);
  g_autofree guint8 *blob = NULL;
  g_auto(GStrv) lines = NULL;
  gsize blob_len = 0;
  gsize len = 0;

  /* The genuine key's id, written into the forger's key. */
  blob = g_base64_decode (genuine_line, &blob_len);
  g_assert_cmpuint (blob_len, ==, 2 + KEY_ID_BYTES + 32);
  memcpy (forger->key_id, blob + 2, KEY_ID_BYTES);
  g_free (forger->key_id_hex);
  forger->key_id_hex = _pc_minisign_key_id_to_hex (forger->key_id);
  g_free (forger->public_key_text);
  forger->public_key_text = _pc_minisign_public_key_text (forger->key_id, forger->public_key);
  g_assert_cmpstr (pc_signing_key_get_key_id (forger), ==, get_string (document, "signoffs/1", "key_id"));

  canonical = pc_canon_serialize (item_at (document, "content"), &len, &error);
  g_assert_no_error (error);
  lines = g_strsplit (get_string (document, "signoffs/1", "signature"), "\n", -1);
  comment = g_strdup (lines[2] + strlen ("trusted comment: "));
  signature = pc_signing_key_sign (forger, (const guint8 *) canonical, len, comment, &error);
  g_assert_no_error (error);
  set_string (document, "signoffs/1", "signature", signature);
  set_string (document, "signoffs/1", "public_key", pc_signing_key_get_public_key (forger));

  *out_forged_fingerprint = g_strdup (pc_signing_key_get_fingerprint (forger));
  return g_steal_pointer (&document);
}

static void
test_forged_decision (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *forged_fingerprint = NULL;
  g_autoptr(cJSON) genuine_document = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) genuine = NULL;
  g_autoptr(PcVerifyResult) untrusted = NULL;
  g_autoptr(PcVerifyResult) trusted = NULL;
  g_autoptr(PcTrustedKeys) keys = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *reviewer = NULL;

  ensure_exports ();
  genuine_document = pc_test_parse_json_bytes (approved_export);
  genuine = verify_document (genuine_document, NULL);
  author = public_key_line (genuine_document, 0);
  reviewer = public_key_line (genuine_document, 1);
  document = forge_decision (&forged_fingerprint);

  /* The same name, role and key id; not the same fingerprint. */
  untrusted = verify_document (document, NULL);
  g_assert_true (untrusted->ok);
  g_assert_cmpstr (signoff_at (untrusted, 1)->key_id, ==, signoff_at (genuine, 1)->key_id);
  g_assert_cmpstr (signoff_at (untrusted, 1)->fingerprint, ==, forged_fingerprint);
  g_assert_cmpstr (signoff_at (untrusted, 1)->fingerprint, !=, signoff_at (genuine, 1)->fingerprint);
  g_assert_cmpstr (signoff_at (untrusted, 0)->fingerprint, ==, signoff_at (genuine, 0)->fingerprint);

  /* The trusted keys refuse it, saying which key signed. */
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", author, reviewer);
  keys = load_trusted (dir, text);
  trusted = verify_document (document, keys);
  g_assert_false (trusted->ok);
  g_assert_true (signoff_at (trusted, 0)->good);
  g_assert_false (signoff_at (trusted, 1)->good);
  assert_problem (trusted, "the key that signed as Raj Patel is not the one trusted for Raj Patel");
  g_assert_nonnull (strstr (signoff_at (trusted, 1)->problem, forged_fingerprint));
}

/* The command line */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static void
run_cli (CliRun             *run,
         const char * const *args)
{
  cli_run_clear (run);
  run->status = pc_test_run_cli_argv (NULL, args, &run->out, &run->err);
}

static void
assert_error_line (const CliRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "principle-check verify: "));
  pc_test_assert_printed_line (run->err, NULL);
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *not_json = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *wrong_keys = NULL;
  g_autofree char *bad_keys = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author_key = NULL;
  g_autofree char *reviewer_key = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *forged_fingerprint = NULL;
  g_autofree char *author_line = NULL;
  g_autofree char *reviewer_line = NULL;
  g_autoptr(cJSON) document = NULL;
  g_auto(CliRun) run = { 0 };
  gsize len = 0;
  const char *data;

  if (!pc_test_have_cli ())
    return;

  ensure_exports ();
  dir = pc_test_make_tmp_dir ();
  data = g_bytes_get_data (approved_export, &len);
  good = write_tmp (dir, "summary.json", data, (gssize) len);
  document = pc_test_parse_json_bytes (approved_export);
  author_key = public_key_line (document, 0);
  reviewer_key = public_key_line (document, 1);
  mutate_name (document);
  text = cJSON_Print (document);
  tampered = write_tmp (dir, "tampered.json", text, -1);
  cJSON_free (g_steal_pointer (&text));
  data = g_bytes_get_data (returned_draft_export, &len);
  draft = write_tmp (dir, "draft.json", data, (gssize) len);
  not_json = write_tmp (dir, "notes.txt", "Minutes of the meeting\n", -1);
  v2 = write_tmp (dir, "v3.json", "{\"format\": \"principle-check-summary\", \"format_version\": 3}", -1);
  missing = g_build_filename (dir, "no-such-file.json", NULL);
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", author_key, reviewer_key);
  keys = write_tmp (dir, "keys.txt", text, -1);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("Ann Lee\t%s\nRaj Patel\t%s\n", reviewer_key, reviewer_key);
  wrong_keys = write_tmp (dir, "wrong-keys.txt", text, -1);
  bad_keys = write_tmp (dir, "bad-keys.txt", "Ann Lee RWQ\n", -1);
  {
    g_autoptr(PcVerifyResult) result = verify_bytes (approved_export, NULL);
    g_autoptr(cJSON) forged_document = forge_decision (&forged_fingerprint);

    author_line = g_strdup_printf ("good  prepared  Ann Lee, Service lead — 2026-11-22T10:15:00Z — key %s\n",
                                   signoff_at (result, 0)->fingerprint);
    reviewer_line = g_strdup_printf ("\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key %s\n",
                                     signoff_at (result, 1)->fingerprint);
    g_clear_pointer (&text, g_free);
    text = cJSON_Print (forged_document);
    forged = write_tmp (dir, "forged.json", text, -1);
    cJSON_free (g_steal_pointer (&text));
  }

  {
    const char *args[] = { "verify", good, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, "good  prepared  Ann Lee, Service lead — 2026-11-22T10:15:00Z — key "));
    g_assert_nonnull (strstr (run.out, "\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key "));
    g_assert_nonnull (strstr (run.out, "\nVerified: PC-"));
    g_assert_nonnull (strstr (run.out, " revision 1, “" TITLE "”, approved; the content has not changed since it was signed (SHA-256 "));
    /* Keys are shown by fingerprint, and nothing has said whose they are. */
    g_assert_nonnull (strstr (run.out, author_line));
    g_assert_nonnull (strstr (run.out, reviewer_line));
    g_assert_true (g_str_has_suffix (run.out, "\n" UNCONFIRMED "\n"));
  }

  {
    const char *args[] = { "verify", tampered, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (g_str_has_prefix (run.out, "BAD   prepared  Ann Leigh, Service lead"));
    g_assert_nonnull (strstr (run.out, ": signoffs[0].name has been altered"));
    g_assert_nonnull (strstr (run.out, "\nNOT VERIFIED: "));
  }

  {
    const char *args[] = { "verify", draft, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "Verified, but NOT SIGNED: "));
  }

  {
    const char *args[] = { "verify", good, "--trusted", keys, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, reviewer_line));
    g_assert_null (strstr (run.out, UNCONFIRMED));
  }

  /* A decision re-signed by a fresh key carrying the reviewer's name,
   * role and key id: intact, so exit 0, but shown with its own
   * fingerprint and as unconfirmed; refused against the trusted keys. */
  {
    const char *args[] = { "verify", forged, NULL };
    const char *trusted_args[] = { "verify", forged, "--trusted", keys, NULL };
    g_autofree char *forged_line = g_strdup_printf ("\ngood  approved  Raj Patel, Clinical director — 2026-11-22T11:15:00Z — key %s\n",
                                                    forged_fingerprint);

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, forged_line));
    g_assert_null (strstr (run.out, reviewer_line));
    g_assert_nonnull (strstr (run.out, UNCONFIRMED));

    run_cli (&run, trusted_args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "the key that signed as Raj Patel is not the one trusted for Raj Patel"));
    g_assert_nonnull (strstr (run.out, forged_fingerprint));
    g_assert_null (strstr (run.out, UNCONFIRMED));
  }

  {
    const char *args[] = { "verify", good, "--trusted", wrong_keys, NULL };

    run_cli (&run, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "the key that signed as Ann Lee is not the one trusted for Ann Lee"));
  }

  {
    const char *args[] = { "verify", good, "--trusted", bad_keys, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "Line 1"));
  }

  {
    const char *args[] = { "verify", not_json, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "is not a Principle Check summary"));
  }

  {
    const char *args[] = { "verify", v2, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
    g_assert_nonnull (strstr (run.err, "format version 3"));
  }

  {
    const char *args[] = { "verify", missing, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }

  {
    const char *args[] = { "verify", NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }

  {
    const char *args[] = { "verify", good, tampered, NULL };

    run_cli (&run, args);
    assert_error_line (&run);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/verify/minisign", test_minisign);
  g_test_add_func ("/pc/verify/trusted", test_trusted);
  g_test_add_func ("/pc/verify/forged", test_forged);
  g_test_add_func ("/pc/verify/forged-decision", test_forged_decision);
  g_test_add_func ("/pc/verify/cli", test_cli);

  status = g_test_run ();
  free_exports ();

  return status;
}
