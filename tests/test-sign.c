/* test-sign.c: signers' keys and minisign-format signatures
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-sign-private.h"
#include "test-sign-common.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

/* Creates @name's key files, when only the files matter. */
static void
create_key_files (const char *name)
{
  pc_signing_key_free (generate_key (name));
}

static char *
key_file_path (const char *basename)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();

  return g_build_filename (keys_dir, basename, NULL);
}

/* Keys */

static void
test_default_keys_dir (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "principle-check", "keys", NULL);

  g_assert_cmpstr (keys_dir, ==, expected);
}

static void
test_round_trip (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann  Lee ");
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pc_signing_key_get_name (key), ==, "Ann Lee");
  g_assert_cmpstr (pc_signing_key_get_role (key), ==, ROLE);
  g_assert_cmpuint (strlen (pc_signing_key_get_key_id (key)), >=, 1);
  g_assert_cmpuint (strlen (pc_signing_key_get_key_id (key)), <=, 16);

  loaded = pc_signing_key_load (keys_dir, " ann  LEE ", PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (pc_signing_key_get_name (loaded), ==, "Ann Lee");
  g_assert_cmpstr (pc_signing_key_get_role (loaded), ==, ROLE);
  g_assert_cmpstr (pc_signing_key_get_key_id (loaded), ==, pc_signing_key_get_key_id (key));
  g_assert_cmpstr (pc_signing_key_get_public_key (loaded), ==, pc_signing_key_get_public_key (key));
  g_assert_cmpmem (_pc_signing_key_peek_secret_key (loaded), 64,
                   _pc_signing_key_peek_secret_key (key), 64);

  g_assert_true (pc_sign_key_exists (keys_dir, "ANN LEE"));
  g_assert_false (pc_sign_key_exists (keys_dir, "Ann Leigh"));
  g_assert_false (pc_sign_key_exists (keys_dir, "   "));
}

static void
test_file_modes (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autofree char *pub_path = key_file_path ("ann-lee.pub");
  g_autofree char *pub = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (keys_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (pub_path, &st), ==, 0);

  pub = read_text (pub_path);
  g_assert_cmpstr (pub, ==, pc_signing_key_get_public_key (key));
}

static gboolean
contains_bytes (const char   *haystack,
                gsize         haystack_len,
                const guint8 *needle,
                gsize         needle_len)
{
  for (gsize i = 0; i + needle_len <= haystack_len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return TRUE;

  return FALSE;
}

static void
assert_not_in (const char   *contents,
               gsize         len,
               const guint8 *secret,
               gsize         secret_len)
{
  g_autofree char *base64 = g_base64_encode (secret, secret_len);
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autofree char *upper = NULL;

  g_assert_false (contains_bytes (contents, len, secret, secret_len));
  g_assert_null (strstr (contents, base64));

  for (gsize i = 0; i < secret_len; i++)
    g_string_append_printf (hex, "%02x", secret[i]);
  upper = g_ascii_strup (hex->str, -1);
  g_assert_null (strstr (contents, hex->str));
  g_assert_null (strstr (contents, upper));
}

static void
test_secret_not_in_clear (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autofree char *contents = NULL;
  const guint8 *secret = _pc_signing_key_peek_secret_key (key);
  gsize len = 0;

  g_file_get_contents (key_path, &contents, &len, NULL);
  g_assert_nonnull (contents);

  /* The whole secret key, and its seed alone. */
  assert_not_in (contents, len, secret, 64);
  assert_not_in (contents, len, secret, 32);
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;

  create_key_files ("Ann Lee");
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", "correct horse batterY", &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE);
  g_assert_null (loaded);
  g_assert_nonnull (strstr (error->message, "“Ann Lee”"));
}

static void
test_key_exists (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) again = NULL;
  g_autoptr(GError) error = NULL;

  create_key_files ("Ann Lee");
  again = pc_signing_key_generate (keys_dir, "Ann Lee", ROLE, PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS);
  g_assert_null (again);
  g_clear_error (&error);

  again = pc_signing_key_generate (keys_dir, " ann  LEE ", "Reviewer", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS);
  g_assert_null (again);
}

static void
test_short_passphrase (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  /* Seven characters, though more than seven bytes. */
  key = pc_signing_key_generate (keys_dir, "Ann Lee", ROLE, "ééééééé", &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE);
  g_assert_null (key);
  g_assert_false (pc_sign_key_exists (keys_dir, "Ann Lee"));
}

static void
test_empty_name_or_role (void)
{
  static const char *const signers[][2] = {
    { "", ROLE },
    { " \t ", ROLE },
    { "Ann Lee", "" },
    { "Ann Lee", "  " },
    { "Ann\001Lee", ROLE },
  };
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (signers); i++)
    {
      g_autoptr(PcSigningKey) key = NULL;
      g_autoptr(GError) error = NULL;

      key = pc_signing_key_generate (keys_dir, signers[i][0], signers[i][1], PASSPHRASE, &error);
      g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED);
      g_assert_null (key);
    }
}

static void
test_no_key (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  key = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY);
  g_assert_null (key);
  g_clear_error (&error);

  key = pc_signing_key_load (keys_dir, "  ", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY);
  g_assert_null (key);
}

/* Names that differ in more than case and spacing get different files. */
static void
test_name_files (void)
{
  g_autoptr(PcSigningKey) key = generate_key ("Zoë O'Brien");
  g_autoptr(PcSigningKey) other = generate_key ("Zoe O Brien");
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *plain_path = key_file_path ("zoe-o-brien.key");

  g_assert_true (pc_sign_key_exists (keys_dir, "ZOË  o'brien"));
  g_assert_true (pc_sign_key_exists (keys_dir, "zoe o brien"));
  g_assert_false (pc_sign_key_exists (keys_dir, "Zoé O'Brien"));
  g_assert_true (g_file_test (plain_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (pc_signing_key_get_key_id (key), !=, pc_signing_key_get_key_id (other));
}

/* However a signer's name is typed, and in letters of another script
 * that look the same, it finds the signer's key; a name mixing
 * look-alike scripts, or holding control characters, gets no key. */
static void
test_look_alike_names (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) key = generate_key ("Kemal Aydın");
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(PcSigningKey) refused = NULL;
  g_autoptr(PcSigningKey) composed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pc_sign_key_exists (keys_dir, "KEMAL AYDIN"));
  loaded = pc_signing_key_load (keys_dir, "KEMAL AYDIN", PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_signing_key_get_name (loaded), ==, "Kemal Aydın");
  g_assert_cmpstr (pc_signing_key_get_key_id (loaded), ==, pc_signing_key_get_key_id (key));

  /* An all-Cyrillic look-alike of a signer is that signer. */
  create_key_files ("Ace Cox");
  g_assert_true (pc_sign_key_exists (keys_dir, "Асе Сох"));
  refused = pc_signing_key_generate (keys_dir, "Асе Сох", ROLE, PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS);
  g_assert_null (refused);
  g_clear_error (&error);

  refused = pc_signing_key_generate (keys_dir, "Кemal Aydın", ROLE, PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "U+041A"));
  g_assert_null (refused);
  g_clear_error (&error);

  refused = pc_signing_key_generate (keys_dir, "Raj \xe2\x80\xaePatel", ROLE, PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "U+202E"));
  g_assert_null (refused);
  g_assert_false (pc_sign_key_exists (keys_dir, "Raj Patel"));
  g_clear_error (&error);

  refused = pc_signing_key_generate (keys_dir, "Raj Patel", "Lead\x1b[8m", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "U+001B"));
  g_assert_null (refused);
  g_clear_error (&error);

  /* Stored composed (NFC). */
  composed = pc_signing_key_generate (keys_dir, "Jose\xcc\x81 Lee", ROLE, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_signing_key_get_name (composed), ==, "Jos\xc3\xa9 Lee");
}

/* Loads the key file after setting @field to @value in it, and expects
 * @code. */
static void
assert_load_after_edit (const char *field,
                        const char *value,
                        int         code)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *original = read_text (key_path);
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_data (file, original, -1, G_KEY_FILE_KEEP_COMMENTS, &error);
  g_assert_no_error (error);
  g_key_file_set_string (file, "Principle Check Signing Key", field, value);
  g_key_file_save_to_file (file, key_path, &error);
  g_assert_no_error (error);
  /* Written anew, so closed to others again: only the edit is tested. */
  g_assert_cmpint (g_chmod (key_path, 0600), ==, 0);

  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, code);
  g_assert_null (loaded);

  g_file_set_contents_full (key_path, original, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static void
test_damaged_key_file (void)
{
  g_autoptr(PcSigningKey) other = generate_key ("Bob Roe");
  g_autofree char *other_public = get_line (pc_signing_key_get_public_key (other), 1);

  create_key_files ("Ann Lee");

  /* The role is bound to the secret key: changing it is detected, and
   * is not mistaken for a wrong passphrase. */
  assert_load_after_edit ("Role", "Medical director", PC_SIGN_ERROR_BAD_KEY_FILE);
  assert_load_after_edit ("Name", "Bob Roe", PC_SIGN_ERROR_BAD_KEY_FILE);
  assert_load_after_edit ("PublicKey", other_public, PC_SIGN_ERROR_BAD_KEY_FILE);
  assert_load_after_edit ("SecretKey", "AAAA", PC_SIGN_ERROR_BAD_KEY_FILE);
  assert_load_after_edit ("KdfMemLimit", "99999999999999", PC_SIGN_ERROR_BAD_KEY_FILE);
  /* Other KDF parameters derive another key, which reads as a wrong
   * passphrase: the file cannot tell the two apart. */
  assert_load_after_edit ("KdfOpsLimit", "3", PC_SIGN_ERROR_BAD_PASSPHRASE);
  assert_load_after_edit ("Cipher", "none", PC_SIGN_ERROR_BAD_KEY_FILE);
  assert_load_after_edit ("Format", "minisign", PC_SIGN_ERROR_BAD_KEY_FILE);
}

static void
test_garbage_key_file (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;

  create_key_files ("Ann Lee");
  g_file_set_contents_full (key_path, "\x01\x02 not a key file\n[", -1,
                            G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);

  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_KEY_FILE);
  g_assert_null (loaded);
}

/* Fingerprints */

/* A public key of the bytes 0, 1, … 31 with the key id 01 02 … 08, the
 * same bytes with another key id, and another key with the same id. */
#define KNOWN_PUBLIC_KEY  "untrusted comment: minisign public key 807060504030201\nRWQBAgMEBQYHCAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n"
#define SAME_KEY_OTHER_ID "untrusted comment: minisign public key 909090909090909\nRWQJCQkJCQkJCQABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n"
#define OTHER_KEY_SAME_ID "untrusted comment: minisign public key 807060504030201\nRWQBAgMEBQYHCAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g\n"
/* The first 16 hex digits of SHA-256 (00 01 … 1f). */
#define KNOWN_FINGERPRINT "630D CD29 66C4 3366"

static char *
fingerprint_of (const char *public_key_text)
{
  g_autoptr(GError) error = NULL;
  char *fingerprint = pc_sign_fingerprint (public_key_text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fingerprint);

  return fingerprint;
}

static void
assert_fingerprint_form (const char *fingerprint)
{
  g_assert_cmpuint (strlen (fingerprint), ==, 19);
  for (guint i = 0; i < 19; i++)
    {
      if (i % 5 == 4)
        g_assert_cmpint (fingerprint[i], ==, ' ');
      else
        g_assert_true (g_ascii_isdigit (fingerprint[i])
                       || (fingerprint[i] >= 'A' && fingerprint[i] <= 'F'));
    }
}

static void
test_fingerprint (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) genuine = generate_key ("Raj Patel");
  g_autoptr(PcSigningKey) forger = generate_key ("Someone Else");
  g_autofree char *known = fingerprint_of (KNOWN_PUBLIC_KEY);
  g_autofree char *same_key = fingerprint_of (SAME_KEY_OTHER_ID);
  g_autofree char *other_key = fingerprint_of (OTHER_KEY_SAME_ID);
  g_autofree char *known_id = pc_sign_public_key_id (KNOWN_PUBLIC_KEY, NULL);
  g_autofree char *other_id = pc_sign_public_key_id (OTHER_KEY_SAME_ID, NULL);
  g_autofree char *forged_text = NULL;
  g_autofree char *forged_id = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *genuine_again = NULL;
  g_autofree char *from_file = NULL;
  g_autoptr(GError) error = NULL;

  /* Derived from the key, not from the id its maker wrote into it. */
  g_assert_cmpstr (known, ==, KNOWN_FINGERPRINT);
  g_assert_cmpstr (same_key, ==, KNOWN_FINGERPRINT);
  g_assert_cmpstr (known_id, ==, other_id);
  g_assert_cmpstr (other_key, !=, KNOWN_FINGERPRINT);

  /* A fresh key carrying the genuine key's id: the same id, another
   * fingerprint. */
  assert_fingerprint_form (pc_signing_key_get_fingerprint (genuine));
  genuine_again = fingerprint_of (pc_signing_key_get_public_key (genuine));
  g_assert_cmpstr (pc_signing_key_get_fingerprint (genuine), ==, genuine_again);
  forged_text = _pc_minisign_public_key_text (genuine->key_id, forger->public_key);
  forged_id = pc_sign_public_key_id (forged_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (forged_id, ==, pc_signing_key_get_key_id (genuine));
  forged = fingerprint_of (forged_text);
  g_assert_cmpstr (forged, ==, pc_signing_key_get_fingerprint (forger));
  g_assert_cmpstr (forged, !=, pc_signing_key_get_fingerprint (genuine));

  /* The key file tells its fingerprint without the passphrase. */
  from_file = pc_sign_key_dup_fingerprint (keys_dir, "raj  PATEL", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_file, ==, pc_signing_key_get_fingerprint (genuine));

  g_assert_null (pc_sign_fingerprint ("untrusted comment: x\nRWQnot-a-key\n", &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PUBLIC_KEY);
  g_clear_error (&error);
  g_assert_null (pc_sign_key_dup_fingerprint (keys_dir, "Nobody", &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY);
}

/* Key files as safe as ssh's */

static void
assert_unsafe (GError     *error,
               const char *path,
               const char *fix)
{
  g_autofree char *command = g_strdup_printf ("run “%s %s” and try again", fix, path);

  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE);
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, command) == NULL)
    g_error ("“%s” does not say “%s”", error->message, command);
}

static void
test_unsafe_modes (void)
{
  static const int loose_key_modes[] = { 0644, 0640, 0604, 0660, 0606, 0610 };
  static const int loose_dir_modes[] = { 0777, 0770, 0707, 0720 };
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autofree char *bob_path = key_file_path ("bob-roe.key");
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(GError) error = NULL;

  create_key_files ("Ann Lee");

  for (guint i = 0; i < G_N_ELEMENTS (loose_key_modes); i++)
    {
      g_autofree char *mode = g_strdup_printf ("(mode %04o)", loose_key_modes[i]);

      g_assert_cmpint (g_chmod (key_path, loose_key_modes[i]), ==, 0);
      loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
      g_assert_null (loaded);
      assert_unsafe (error, key_path, "chmod 600");
      g_assert_nonnull (strstr (error->message, mode));
      g_assert_nonnull (strstr (error->message, "can be read or changed by other users"));
      g_clear_error (&error);
    }
  g_assert_cmpint (g_chmod (key_path, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (loose_dir_modes); i++)
    {
      g_assert_cmpint (g_chmod (keys_dir, loose_dir_modes[i]), ==, 0);
      loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
      g_assert_null (loaded);
      assert_unsafe (error, keys_dir, "chmod 700");
      g_clear_error (&error);

      /* Nor is a key made there. */
      loaded = pc_signing_key_generate (keys_dir, "Bob Roe", ROLE, PASSPHRASE, &error);
      g_assert_null (loaded);
      assert_unsafe (error, keys_dir, "chmod 700");
      g_assert_false (g_file_test (bob_path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);
    }

  /* Others may look into the folder, not change it. */
  g_assert_cmpint (g_chmod (keys_dir, 0755), ==, 0);
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpint (g_chmod (keys_dir, 0700), ==, 0);
}

/* Two keygens for one name at once. */

typedef struct
{
  const char    *keys_dir;
  PcSigningKey  *key;
  GError        *error;
} RaceRun;

static gpointer
race_thread (gpointer data)
{
  RaceRun *run = data;

  run->key = pc_signing_key_generate (run->keys_dir, "Ann Lee", ROLE, PASSPHRASE, &run->error);
  return NULL;
}

#define RACE_ROUNDS  10
#define RACE_THREADS 3

static void
test_keygen_race (void)
{
  for (guint round = 0; round < RACE_ROUNDS; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%u", round);
      g_autofree char *keys_dir = g_build_filename (g_get_user_cache_dir (), name, NULL);
      g_autofree char *key_path = g_build_filename (keys_dir, "ann-lee.key", NULL);
      g_autofree char *pub_path = g_build_filename (keys_dir, "ann-lee.pub", NULL);
      g_autoptr(GKeyFile) file = g_key_file_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autofree char *pub = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *expected = NULL;
      RaceRun runs[RACE_THREADS] = { { 0 } };
      GThread *threads[RACE_THREADS];
      const PcSigningKey *winner = NULL;
      guint n_files = 0;

      for (guint i = 0; i < RACE_THREADS; i++)
        {
          runs[i].keys_dir = keys_dir;
          threads[i] = g_thread_new ("keygen", race_thread, &runs[i]);
        }
      for (guint i = 0; i < RACE_THREADS; i++)
        g_thread_join (threads[i]);

      /* Exactly one wins; the others are told there is a key. */
      for (guint i = 0; i < RACE_THREADS; i++)
        {
          if (runs[i].key != NULL)
            {
              g_assert_null (winner);
              g_assert_no_error (runs[i].error);
              winner = runs[i].key;
            }
          else
            g_assert_error (runs[i].error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS);
        }
      g_assert_nonnull (winner);

      /* The .key and the .pub are the winner's, and nothing else is left. */
      pub = read_text (pub_path);
      g_assert_cmpstr (pub, ==, pc_signing_key_get_public_key (winner));
      g_key_file_load_from_file (file, key_path, G_KEY_FILE_NONE, &error);
      g_assert_no_error (error);
      stored = g_key_file_get_string (file, "Principle Check Signing Key", "PublicKey", &error);
      g_assert_no_error (error);
      expected = get_line (pc_signing_key_get_public_key (winner), 1);
      g_assert_cmpstr (stored, ==, expected);

      dir = g_dir_open (keys_dir, 0, &error);
      g_assert_no_error (error);
      while (g_dir_read_name (dir) != NULL)
        n_files++;
      g_assert_cmpuint (n_files, ==, 2);

      for (guint i = 0; i < RACE_THREADS; i++)
        {
          pc_signing_key_free (runs[i].key);
          g_clear_error (&runs[i].error);
        }
    }
}

/* Replacing a key on purpose */

/* The names in @keys_dir starting @prefix. Returns: (transfer full) */
static GPtrArray *
names_starting (const char *keys_dir,
                const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (keys_dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  return names;
}

static void
test_replace (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) old_key = generate_key ("Ann Lee");
  g_autoptr(PcSigningKey) new_key = NULL;
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autoptr(PcSigningKey) again = NULL;
  g_autofree char *key_path = key_file_path ("ann-lee.key");
  g_autofree char *pub_path = key_file_path ("ann-lee.pub");
  g_autofree char *old_contents = read_text (key_path);
  g_autofree char *old_pub = read_text (pub_path);
  g_autofree char *kept_pub_path = NULL;
  g_autofree char *kept_key_path = NULL;
  g_autofree char *kept_key = NULL;
  g_autofree char *kept_pub = NULL;
  g_autofree char *new_pub = NULL;
  g_autoptr(GPtrArray) kept_keys = NULL;
  g_autoptr(GPtrArray) kept_pubs = NULL;
  g_autoptr(GRegex) dated = g_regex_new ("^ann-lee\\.(key|pub)\\.replaced-[0-9]{8}T[0-9]{6}Z$", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  new_key = pc_signing_key_replace (keys_dir, " ann  LEE", "Medical director", "a new passphrase", &error);
  g_assert_no_error (error);
  g_assert_nonnull (new_key);
  g_assert_cmpstr (pc_signing_key_get_name (new_key), ==, "ann LEE");
  g_assert_cmpstr (pc_signing_key_get_role (new_key), ==, "Medical director");
  g_assert_cmpstr (pc_signing_key_get_fingerprint (new_key), !=, pc_signing_key_get_fingerprint (old_key));

  /* The old files are kept, unchanged, under dated names. */
  kept_keys = names_starting (keys_dir, "ann-lee.key.");
  kept_pubs = names_starting (keys_dir, "ann-lee.pub.");
  g_assert_cmpuint (kept_keys->len, ==, 1);
  g_assert_cmpuint (kept_pubs->len, ==, 1);
  g_assert_true (g_regex_match (dated, g_ptr_array_index (kept_keys, 0), 0, NULL));
  g_assert_true (g_regex_match (dated, g_ptr_array_index (kept_pubs, 0), 0, NULL));
  kept_key_path = g_build_filename (keys_dir, g_ptr_array_index (kept_keys, 0), NULL);
  kept_pub_path = g_build_filename (keys_dir, g_ptr_array_index (kept_pubs, 0), NULL);
  kept_key = read_text (kept_key_path);
  kept_pub = read_text (kept_pub_path);
  g_assert_cmpstr (kept_key, ==, old_contents);
  g_assert_cmpstr (kept_pub, ==, old_pub);
  g_assert_cmpint (g_stat (kept_key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The new pair is in place, and opens with the new passphrase only. */
  new_pub = read_text (pub_path);
  g_assert_cmpstr (new_pub, ==, pc_signing_key_get_public_key (new_key));
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", "a new passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_signing_key_get_fingerprint (loaded), ==, pc_signing_key_get_fingerprint (new_key));
  g_clear_pointer (&loaded, pc_signing_key_free);
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE);
  g_clear_error (&error);

  /* Replaced twice within a second, each old key is still kept. */
  again = pc_signing_key_replace (keys_dir, "Ann Lee", ROLE, PASSPHRASE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&kept_keys, g_ptr_array_unref);
  kept_keys = names_starting (keys_dir, "ann-lee.key.");
  g_assert_cmpuint (kept_keys->len, ==, 2);

  /* Without a key there is nothing to replace. */
  g_assert_null (pc_signing_key_replace (keys_dir, "Bob Roe", ROLE, PASSPHRASE, &error));
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY);
}

/* A .pub that is not the key file's is rewritten from the key file. */
static void
test_public_key_repaired (void)
{
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autoptr(PcSigningKey) key = generate_key ("Ann Lee");
  g_autoptr(PcSigningKey) other = generate_key ("Bob Roe");
  g_autoptr(PcSigningKey) loaded = NULL;
  g_autofree char *pub_path = key_file_path ("ann-lee.pub");
  g_autofree char *pub = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (pub_path, pc_signing_key_get_public_key (other), -1, &error);
  g_assert_no_error (error);
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pc_signing_key_get_fingerprint (loaded), ==, pc_signing_key_get_fingerprint (key));
  pub = read_text (pub_path);
  g_assert_cmpstr (pub, ==, pc_signing_key_get_public_key (key));
  g_clear_pointer (&loaded, pc_signing_key_free);
  g_clear_pointer (&pub, g_free);

  g_assert_cmpint (g_unlink (pub_path), ==, 0);
  loaded = pc_signing_key_load (keys_dir, "Ann Lee", PASSPHRASE, &error);
  g_assert_no_error (error);
  pub = read_text (pub_path);
  g_assert_cmpstr (pub, ==, pc_signing_key_get_public_key (key));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/sign/default-keys-dir", test_default_keys_dir);
  g_test_add_func ("/pc/sign/round-trip", test_round_trip);
  g_test_add_func ("/pc/sign/file-modes", test_file_modes);
  g_test_add_func ("/pc/sign/secret-not-in-clear", test_secret_not_in_clear);
  g_test_add_func ("/pc/sign/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/pc/sign/key-exists", test_key_exists);
  g_test_add_func ("/pc/sign/short-passphrase", test_short_passphrase);
  g_test_add_func ("/pc/sign/empty-name-or-role", test_empty_name_or_role);
  g_test_add_func ("/pc/sign/no-key", test_no_key);
  g_test_add_func ("/pc/sign/name-files", test_name_files);
  g_test_add_func ("/pc/sign/look-alike-names", test_look_alike_names);
  g_test_add_func ("/pc/sign/damaged-key-file", test_damaged_key_file);
  g_test_add_func ("/pc/sign/garbage-key-file", test_garbage_key_file);
  g_test_add_func ("/pc/sign/fingerprint", test_fingerprint);
  g_test_add_func ("/pc/sign/unsafe-modes", test_unsafe_modes);
  g_test_add_func ("/pc/sign/keygen-race", test_keygen_race);
  g_test_add_func ("/pc/sign/replace", test_replace);
  g_test_add_func ("/pc/sign/public-key-repaired", test_public_key_repaired);

  return g_test_run ();
}
