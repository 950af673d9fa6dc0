/* pc-sign.c: signers' keys, sealed in key files with their passphrases
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-sign"

#include "config.h"

#include "pc-sign.h"
#include "pc-sign-private.h"
#include "pc-text.h"

#include "pc-file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sodium.h>

/* The key file. */
#define KEY_GROUP                "Principle Check Signing Key"
#define KEY_FORMAT               "principle-check-signing-key-1"
#define KDF_ALGORITHM            "argon2id13"
#define CIPHER                   "xchacha20poly1305-ietf"
#define KEY_CHECK_CONTEXT        "Principle Check passphrase check"
#define KEY_CHECK_BYTES          16
#define SECRET_BOX_BYTES         (crypto_sign_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define FILE_STEM_MAX            64

/* The public half of a key file, which the encryption binds to the
 * secret half as additional data. */
typedef struct
{
  const char   *name;
  const char   *role;
  const guint8 *key_id;
  const guint8 *public_key;
  guint64       ops_limit;
  guint64       mem_limit;
  const guint8 *salt;
} KeyMetadata;

/* Secret buffers (secret keys, keys derived from passphrases) come from
 * sodium_malloc: guard pages, locked in memory where allowed, and
 * sodium_free fills them with zeros before freeing them. */
static guint8 *
secure_alloc (gsize    size,
              GError **error)
{
  guint8 *buffer = sodium_malloc (size);

  if (buffer == NULL)
    g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED,
                         _("There is not enough memory to hold a signing key"));

  return buffer;
}

static void
secure_free (guint8 *buffer)
{
  if (buffer != NULL)
    sodium_free (buffer);
}

/* Frees a copy of a passphrase after wiping it. */
static void
wipe_string (char *str)
{
  if (str == NULL)
    return;

  sodium_memzero (str, strlen (str));
  g_free (str);
}

typedef guint8 PcSecureBuffer;
typedef char PcWipedString;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcSecureBuffer, secure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcWipedString, wipe_string)

/* Names and roles */

/* @text tidied on one line and composed (NFC), as a key stores its
 * name and role. Returns: (transfer full) (nullable) */
static char *
tidy_nfc (const char *text)
{
  g_autofree char *tidy = pc_text_tidy_line (text);

  return pc_text_normalize (tidy);
}

/* The file name stem of a name in pc_text_name_fold()'s form (which
 * keys made by earlier releases are named after too; whether two names
 * are the same person is pc_text_names_equal()'s to say): [a-z0-9]
 * kept, anything else one '-'. When that loses information (characters other than [a-z0-9]
 * and spaces, or a very long name), a digest of the normalised name is
 * appended so that two different names never share a file. */
static char *
file_stem (const char *normalised)
{
  g_autoptr(GString) stem = g_string_new (NULL);
  g_autofree char *digest = NULL;
  gboolean lossy = FALSE;

  for (const char *p = normalised; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        g_string_append_c (stem, (char) c);
      else
        {
          lossy = lossy || c != ' ';
          if (stem->len > 0 && stem->str[stem->len - 1] != '-')
            g_string_append_c (stem, '-');
        }
    }

  if (stem->len > FILE_STEM_MAX)
    {
      g_string_truncate (stem, FILE_STEM_MAX);
      lossy = TRUE;
    }
  while (stem->len > 0 && stem->str[stem->len - 1] == '-')
    g_string_truncate (stem, stem->len - 1);

  if (!lossy)
    return g_string_free (g_steal_pointer (&stem), FALSE);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, normalised, -1);
  if (stem->len > 0)
    g_string_append_c (stem, '-');
  g_string_append_len (stem, digest, 12);
  return g_string_free (g_steal_pointer (&stem), FALSE);
}

/* Returns: (transfer full): the path of the key file of the signer
 * whose normalised name is @normalised, ending in @suffix (".key" for
 * the key file, ".pub" for the public key). */
static char *
key_path (const char *keys_dir,
          const char *normalised,
          const char *suffix)
{
  g_autofree char *stem = file_stem (normalised);
  g_autofree char *basename = g_strconcat (stem, suffix, NULL);

  return g_build_filename (keys_dir, basename, NULL);
}

/* The key file of the signer called @name (whose normalised name is
 * @normalised) in @keys_dir: the one named after the name, or else one
 * whose name inside is the same person's, so that "KEMAL AYDIN" finds
 * the key of "Kemal Aydın", and a look-alike of a name finds that name's
 * key. Returns: (transfer full): the path, which may not exist. */
static char *
find_key_path (const char *keys_dir,
               const char *normalised,
               const char *name)
{
  g_autofree char *path = key_path (keys_dir, normalised, ".key");
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (g_file_test (path, G_FILE_TEST_EXISTS)
      || (dir = g_dir_open (keys_dir, 0, NULL)) == NULL)
    return g_steal_pointer (&path);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *candidate = NULL;
      g_autofree char *stored = NULL;
      g_autoptr(GKeyFile) file = NULL;

      if (!g_str_has_suffix (entry, ".key"))
        continue;
      candidate = g_build_filename (keys_dir, entry, NULL);
      file = g_key_file_new ();
      if (g_key_file_load_from_file (file, candidate, G_KEY_FILE_NONE, NULL)
          && (stored = g_key_file_get_string (file, KEY_GROUP, "Name", NULL)) != NULL
          && pc_text_names_equal (stored, name))
        return g_steal_pointer (&candidate);
    }

  return g_steal_pointer (&path);
}

/* Keys */

static void
key_metadata_init (KeyMetadata        *metadata,
                   const PcSigningKey *key,
                   guint64             ops_limit,
                   guint64             mem_limit,
                   const guint8       *salt)
{
  metadata->name = key->name;
  metadata->role = key->role;
  metadata->key_id = key->key_id;
  metadata->public_key = key->public_key;
  metadata->ops_limit = ops_limit;
  metadata->mem_limit = mem_limit;
  metadata->salt = salt;
}

/* The additional data of the key file's encryption: every public field,
 * so that none can be changed or swapped with another file's. Names and
 * roles cannot hold a NUL, so the NULs make the encoding unambiguous. */
static GBytes *
key_metadata_to_bytes (const KeyMetadata *metadata)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *limits = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                             metadata->ops_limit, metadata->mem_limit);

  g_byte_array_append (data, (const guint8 *) KEY_FORMAT, sizeof KEY_FORMAT);
  g_byte_array_append (data, (const guint8 *) metadata->name, strlen (metadata->name) + 1);
  g_byte_array_append (data, (const guint8 *) metadata->role, strlen (metadata->role) + 1);
  g_byte_array_append (data, metadata->key_id, KEY_ID_BYTES);
  g_byte_array_append (data, metadata->public_key, crypto_sign_PUBLICKEYBYTES);
  g_byte_array_append (data, (const guint8 *) KDF_ALGORITHM, sizeof KDF_ALGORITHM);
  g_byte_array_append (data, (const guint8 *) limits, strlen (limits) + 1);
  g_byte_array_append (data, metadata->salt, crypto_pwhash_argon2id_SALTBYTES);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Derives from @passphrase the key that encrypts the secret key (the
 * first 32 bytes of @derived) and the key of the passphrase check (the
 * rest). */
static gboolean
derive_keys (const char   *passphrase,
             const guint8 *salt,
             guint64       ops_limit,
             guint64       mem_limit,
             guint8       *derived,
             gsize         derived_len,
             GError      **error)
{
  g_autoptr(PcWipedString) composed = g_utf8_normalize (passphrase, -1, G_NORMALIZE_NFC);
  const char *input = composed != NULL ? composed : passphrase;

  if (crypto_pwhash (derived, derived_len, input, strlen (input), salt,
                     ops_limit, (size_t) mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED,
                           _("There is not enough memory to open a signing key: close other programs and try again"));
      return FALSE;
    }

  return TRUE;
}

/* A short value that tells a wrong passphrase from a damaged file. */
static void
compute_key_check (const guint8 *check_key,
                   guint8       *check)
{
  crypto_generichash (check, KEY_CHECK_BYTES,
                      (const guint8 *) KEY_CHECK_CONTEXT, strlen (KEY_CHECK_CONTEXT),
                      check_key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
}

static PcSigningKey *
signing_key_new (const char *name,
                 const char *role)
{
  PcSigningKey *key = g_new0 (PcSigningKey, 1);

  key->name = g_strdup (name);
  key->role = g_strdup (role);
  return key;
}

void
pc_signing_key_free (PcSigningKey *key)
{
  if (key == NULL)
    return;

  g_free (key->name);
  g_free (key->role);
  g_free (key->key_id_hex);
  g_free (key->fingerprint);
  g_free (key->public_key_text);
  secure_free (key->secret_key);
  g_free (key);
}

/* Completes @key once its key id, public key and secret key are set. */
static void
signing_key_finish (PcSigningKey *key)
{
  key->key_id_hex = _pc_minisign_key_id_to_hex (key->key_id);
  key->fingerprint = _pc_minisign_fingerprint (key->public_key);
  key->public_key_text = _pc_minisign_public_key_text (key->key_id, key->public_key);
  sodium_mprotect_readonly (key->secret_key);
}

const guint8 *
_pc_signing_key_peek_secret_key (const PcSigningKey *key)
{
  return key->secret_key;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            int          mode,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (pc_file_set_contents (path, contents, -1, mode, &local_error))
    return TRUE;

  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
               _("Could not save the signing key: %s"), local_error->message);
  return FALSE;
}

/* @path as it may be typed after a command in a shell. Returns: (transfer full) */
static char *
shell_arg (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("/._-+,:@", *p) == NULL)
      return g_shell_quote (path);

  return g_strdup (path);
}

/* Is @keys_dir, which exists, safe to keep keys in: the user's own, and
 * writable by nobody else (who could swap a key file)? */
static gboolean
check_keys_dir_safe (const char  *keys_dir,
                     GError     **error)
{
  g_autofree char *display = g_filename_display_name (keys_dir);
  g_autofree char *arg = shell_arg (display);
  GStatBuf st;

  if (g_stat (keys_dir, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
                   _("Cannot open the folder of signing keys “%s”: %s"),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE,
                   _("The folder of signing keys “%s” is not a folder: move it away and try again"),
                   display);
      return FALSE;
    }
  if (st.st_uid != geteuid ())
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE,
                   _("The folder of signing keys “%s” belongs to another user: keep your keys in a folder of your own"),
                   display);
      return FALSE;
    }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE,
                   _("The folder of signing keys “%s” can be changed by other users (mode %04o): run “chmod 700 %s” and try again"),
                   display, (guint) (st.st_mode & 07777), arg);
      return FALSE;
    }

  return TRUE;
}

/* Is the key file @path, described by @st, the user's own and closed
 * to everybody else? */
static gboolean
check_key_file_safe (const char      *path,
                     const GStatBuf  *st,
                     GError         **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *arg = shell_arg (display);

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_KEY_FILE,
                   _("The signing key “%s” is not a file: move it away and restore the key from a backup"),
                   display);
      return FALSE;
    }
  if (st->st_uid != geteuid ())
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE,
                   _("The signing key “%s” belongs to another user: sign only with a key of your own"),
                   display);
      return FALSE;
    }
  if ((st->st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_UNSAFE,
                   _("The signing key “%s” can be read or changed by other users (mode %04o): run “chmod 600 %s” and try again"),
                   display, (guint) (st->st_mode & 07777), arg);
      return FALSE;
    }

  return TRUE;
}

/* Creates @keys_dir (mode 0700) when it is missing, and checks it. */
static gboolean
ensure_keys_dir (const char  *keys_dir,
                 GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (keys_dir, 0700) == 0)
    return check_keys_dir_safe (keys_dir, error);

  saved_errno = errno;
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
               _("Could not create the folder for signing keys “%s”: %s"),
               keys_dir, g_strerror (saved_errno));
  return FALSE;
}

/* Makes the names just linked or renamed in @keys_dir durable. */
static void
sync_dir (const char *keys_dir)
{
  int fd = g_open (keys_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  (void) fsync (fd);
  close (fd);
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
               _("Could not save the signing key “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int         fd,
           const char *contents,
           gsize       len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, contents, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      contents += n;
      len -= (gsize) n;
    }

  return TRUE;
}

/* Writes @contents to a new file of mode 0600 beside @path, durably.
 * Returns: (transfer full) (nullable): its name. */
static char *
write_temporary (const char  *path,
                 const char  *contents,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.new-XXXXXX", dir, base);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  int saved_errno;

  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }

  if (!write_all (fd, contents, strlen (contents)) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (template);
      set_write_error (error, path, saved_errno);
      return NULL;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (template);
      set_write_error (error, path, saved_errno);
      return NULL;
    }

  return g_steal_pointer (&template);
}

static void
set_key_exists (GError     **error,
                const char  *name)
{
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS,
               _("“%s” already has a signing key: sign with it instead of creating another"),
               name);
}

/* Creates the key file @path holding @contents, only if there is none:
 * it appears whole or not at all. Another keygen for the same name at
 * the same moment makes exactly one of the two fail with
 * PC_SIGN_ERROR_KEY_EXISTS. */
static gboolean
create_key_file (const char  *path,
                 const char  *name,
                 const char  *contents,
                 GError     **error)
{
  g_autofree char *temporary = write_temporary (path, contents, error);
  int saved_errno;
  int fd;

  if (temporary == NULL)
    return FALSE;

  if (link (temporary, path) == 0)
    {
      g_unlink (temporary);
      return TRUE;
    }

  saved_errno = errno;
  g_unlink (temporary);
  if (saved_errno == EEXIST)
    {
      set_key_exists (error, name);
      return FALSE;
    }
  if (saved_errno != EPERM && saved_errno != ENOTSUP && saved_errno != EOPNOTSUPP
      && saved_errno != ENOSYS)
    return set_write_error (error, path, saved_errno);

  /* A file system without hard links: O_EXCL still lets only one win,
   * though a crash part way may leave a damaged key file. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST)
    {
      set_key_exists (error, name);
      return FALSE;
    }
  if (fd < 0)
    return set_write_error (error, path, errno);
  if (!write_all (fd, contents, strlen (contents)) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (path);
      return set_write_error (error, path, saved_errno);
    }
  close (fd);

  return TRUE;
}

/* The key file */

/* The parts of a key file that only the passphrase opens. */
typedef struct
{
  guint64 ops_limit;
  guint64 mem_limit;
  guint8  salt[crypto_pwhash_argon2id_SALTBYTES];
  guint8  nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  guint8  box[SECRET_BOX_BYTES];
  guint8  check[KEY_CHECK_BYTES];
} SealedKey;

static void
set_base64 (GKeyFile     *file,
            const char   *field,
            const guint8 *data,
            gsize         len)
{
  g_autofree char *encoded = g_base64_encode (data, len);

  g_key_file_set_string (file, KEY_GROUP, field, encoded);
}

static gboolean
get_base64 (GKeyFile   *file,
            const char *field,
            guint8     *out,
            gsize       out_len)
{
  g_autofree char *text = g_key_file_get_string (file, KEY_GROUP, field, NULL);

  return text != NULL && _pc_minisign_decode_base64_exact (text, out, out_len);
}

/* Returns: (transfer full): the text of @key's key file. */
static char *
key_file_to_data (const PcSigningKey *key,
                  const SealedKey    *sealed)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *public_key = _pc_minisign_public_key_blob (key->key_id, key->public_key);

  g_key_file_set_string (file, KEY_GROUP, "Format", KEY_FORMAT);
  g_key_file_set_string (file, KEY_GROUP, "Name", key->name);
  g_key_file_set_string (file, KEY_GROUP, "Role", key->role);
  g_key_file_set_string (file, KEY_GROUP, "KeyId", key->key_id_hex);
  g_key_file_set_string (file, KEY_GROUP, "PublicKey", public_key);
  g_key_file_set_string (file, KEY_GROUP, "KdfAlgorithm", KDF_ALGORITHM);
  g_key_file_set_uint64 (file, KEY_GROUP, "KdfOpsLimit", sealed->ops_limit);
  g_key_file_set_uint64 (file, KEY_GROUP, "KdfMemLimit", sealed->mem_limit);
  set_base64 (file, "KdfSalt", sealed->salt, sizeof sealed->salt);
  g_key_file_set_string (file, KEY_GROUP, "Cipher", CIPHER);
  set_base64 (file, "Nonce", sealed->nonce, sizeof sealed->nonce);
  set_base64 (file, "SecretKey", sealed->box, sizeof sealed->box);
  set_base64 (file, "PassphraseCheck", sealed->check, sizeof sealed->check);
  g_key_file_set_comment (file, NULL, NULL,
                          " A Principle Check signing key. The secret key is encrypted with\n"
                          " the signer's passphrase; do not edit this file.", NULL);

  return g_key_file_to_data (file, NULL, NULL);
}

/* Encrypts @key's secret key with a key derived from @passphrase. */
static gboolean
seal_key (const PcSigningKey  *key,
          const char          *passphrase,
          SealedKey           *sealed,
          GError             **error)
{
  const gsize cipher_key_len = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
  g_autoptr(PcSecureBuffer) derived = NULL;
  g_autoptr(GBytes) ad = NULL;
  KeyMetadata metadata;
  gsize ad_len = 0;
  gconstpointer ad_data;

  sealed->ops_limit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
  sealed->mem_limit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
  randombytes_buf (sealed->salt, sizeof sealed->salt);
  randombytes_buf (sealed->nonce, sizeof sealed->nonce);

  if ((derived = secure_alloc (2 * cipher_key_len, error)) == NULL ||
      !derive_keys (passphrase, sealed->salt, sealed->ops_limit, sealed->mem_limit,
                    derived, 2 * cipher_key_len, error))
    return FALSE;

  key_metadata_init (&metadata, key, sealed->ops_limit, sealed->mem_limit, sealed->salt);
  ad = key_metadata_to_bytes (&metadata);
  ad_data = g_bytes_get_data (ad, &ad_len);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed->box, NULL,
                                              key->secret_key, crypto_sign_SECRETKEYBYTES,
                                              ad_data, ad_len, NULL, sealed->nonce, derived);
  compute_key_check (derived + cipher_key_len, sealed->check);

  return TRUE;
}

static void
set_bad_key_file (GError     **error,
                  const char  *path)
{
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_KEY_FILE,
               _("The signing key file “%s” is damaged or not a Principle Check key: restore it from a backup"),
               path);
}

static gboolean
limits_in_range (guint64 ops_limit,
                 guint64 mem_limit)
{
  return ops_limit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
         ops_limit <= crypto_pwhash_argon2id_OPSLIMIT_SENSITIVE &&
         mem_limit >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
         mem_limit <= crypto_pwhash_argon2id_MEMLIMIT_SENSITIVE;
}

static gboolean
has_string (GKeyFile   *file,
            const char *field,
            const char *expected)
{
  g_autofree char *value = g_key_file_get_string (file, KEY_GROUP, field, NULL);

  return g_strcmp0 (value, expected) == 0;
}

/* Reads the public key, and checks that the key id written beside it
 * for people to read agrees. */
static gboolean
get_base64_public_key (GKeyFile     *file,
                       PcSigningKey *key)
{
  g_autofree char *blob = g_key_file_get_string (file, KEY_GROUP, "PublicKey", NULL);
  g_autofree char *key_id_hex = g_key_file_get_string (file, KEY_GROUP, "KeyId", NULL);
  g_autofree char *expected_hex = NULL;

  if (blob == NULL || !_pc_minisign_parse_public_key_blob (blob, key->key_id, key->public_key))
    return FALSE;

  expected_hex = _pc_minisign_key_id_to_hex (key->key_id);
  return g_strcmp0 (key_id_hex, expected_hex) == 0;
}

/* Reads the public fields of @file into @key, and the sealed ones into
 * @sealed. */
static gboolean
parse_key_file (GKeyFile     *file,
                PcSigningKey *key,
                SealedKey    *sealed)
{
  g_autoptr(GError) local_error = NULL;

  if (!has_string (file, "Format", KEY_FORMAT) ||
      !has_string (file, "KdfAlgorithm", KDF_ALGORITHM) ||
      !has_string (file, "Cipher", CIPHER))
    return FALSE;

  key->name = g_key_file_get_string (file, KEY_GROUP, "Name", NULL);
  key->role = g_key_file_get_string (file, KEY_GROUP, "Role", NULL);
  sealed->ops_limit = g_key_file_get_uint64 (file, KEY_GROUP, "KdfOpsLimit", &local_error);
  if (local_error == NULL)
    sealed->mem_limit = g_key_file_get_uint64 (file, KEY_GROUP, "KdfMemLimit", &local_error);

  return key->name != NULL && key->role != NULL && local_error == NULL &&
         limits_in_range (sealed->ops_limit, sealed->mem_limit) &&
         get_base64 (file, "KdfSalt", sealed->salt, sizeof sealed->salt) &&
         get_base64 (file, "Nonce", sealed->nonce, sizeof sealed->nonce) &&
         get_base64 (file, "SecretKey", sealed->box, sizeof sealed->box) &&
         get_base64 (file, "PassphraseCheck", sealed->check, sizeof sealed->check) &&
         get_base64_public_key (file, key);
}

/* Reads @path, the key file of the signer asked for as @name.
 * Returns: (transfer full) (nullable): the key, still locked. */
static PcSigningKey *
read_key_file (const char  *path,
               const char  *name,
               SealedKey   *sealed,
               GError     **error)
{
  g_autoptr(PcSigningKey) key = g_new0 (PcSigningKey, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *stored_role = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY,
                     _("There is no signing key for “%s”: create one before signing"), name);
      else
        g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
                     _("Could not read the signing key: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if (!check_key_file_safe (path, &st, error))
    return NULL;

  contents = pc_file_read_bounded (path, PC_FILE_MAX_KEY, _("signing key"), &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, PC_FILE_ERROR, PC_FILE_ERROR_TOO_LARGE))
        set_bad_key_file (error, path);
      else
        g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
                     _("Could not read the signing key: %s"), local_error->message);
      return NULL;
    }

  if (!g_key_file_load_from_data (file, g_bytes_get_data (contents, NULL),
                                  g_bytes_get_size (contents), G_KEY_FILE_NONE, NULL))
    {
      set_bad_key_file (error, path);
      return NULL;
    }

  if (!parse_key_file (file, key, sealed))
    {
      set_bad_key_file (error, path);
      return NULL;
    }

  /* The file name is derived from the name, but the name inside is what
   * counts. */
  stored_role = pc_text_tidy_line (key->role);
  if (!pc_text_names_equal (key->name, name) || stored_role == NULL)
    {
      set_bad_key_file (error, path);
      return NULL;
    }

  return g_steal_pointer (&key);
}

/* Decrypts @sealed into @key->secret_key with @passphrase. */
static gboolean
open_sealed_key (PcSigningKey     *key,
                 const SealedKey  *sealed,
                 const char       *passphrase,
                 const char       *path,
                 GError          **error)
{
  const gsize cipher_key_len = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
  g_autoptr(PcSecureBuffer) derived = NULL;
  g_autoptr(GBytes) ad = NULL;
  guint8 check[KEY_CHECK_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  KeyMetadata metadata;
  gsize ad_len = 0;
  gconstpointer ad_data;

  if ((derived = secure_alloc (2 * cipher_key_len, error)) == NULL ||
      (key->secret_key = secure_alloc (crypto_sign_SECRETKEYBYTES, error)) == NULL ||
      !derive_keys (passphrase, sealed->salt, sealed->ops_limit, sealed->mem_limit,
                    derived, 2 * cipher_key_len, error))
    return FALSE;

  compute_key_check (derived + cipher_key_len, check);
  if (sodium_memcmp (check, sealed->check, sizeof check) != 0)
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE,
                   _("The passphrase does not open the signing key of “%s”: check it and try again"),
                   key->name);
      return FALSE;
    }

  /* The passphrase is right, so a failure now means the file was altered. */
  key_metadata_init (&metadata, key, sealed->ops_limit, sealed->mem_limit, sealed->salt);
  ad = key_metadata_to_bytes (&metadata);
  ad_data = g_bytes_get_data (ad, &ad_len);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt (key->secret_key, NULL, NULL,
                                                  sealed->box, sizeof sealed->box,
                                                  ad_data, ad_len, sealed->nonce, derived) != 0 ||
      crypto_sign_ed25519_sk_to_pk (public_key, key->secret_key) != 0 ||
      sodium_memcmp (public_key, key->public_key, sizeof public_key) != 0)
    {
      set_bad_key_file (error, path);
      return FALSE;
    }

  return TRUE;
}

/* Public API: keys */

char *
pc_sign_default_keys_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "principle-check", "keys", NULL);
}

gboolean
pc_sign_key_exists (const char *keys_dir,
                    const char *name)
{
  g_autofree char *normalised = pc_text_name_fold (name);
  g_autofree char *path = NULL;

  g_return_val_if_fail (keys_dir != NULL, FALSE);

  if (normalised == NULL)
    return FALSE;

  path = find_key_path (keys_dir, normalised, name);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Checks the tidied name and role a signer typed: plain text on one
 * line, and a name that does not mix look-alike scripts. */
static gboolean
check_signer (const char  *name,
              const char  *role,
              GError     **error)
{
  g_autoptr(GError) text_error = NULL;
  const char *message = NULL;

  if (name == NULL)
    message = _("Enter the signer’s name: it is empty or not valid text");
  else if (role == NULL)
    message = _("Enter the signer’s role: it is empty or not valid text");
  else if (!pc_text_check (_("signer’s name"), name, PC_TEXT_NAME, &text_error)
           || !pc_text_check (_("signer’s role"), role, PC_TEXT_LINE, &text_error))
    message = text_error->message;

  if (message != NULL)
    g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_FAILED, message);

  return message == NULL;
}

static gboolean
check_passphrase (const char  *passphrase,
                  GError     **error)
{
  if (g_utf8_validate (passphrase, -1, NULL) &&
      g_utf8_strlen (passphrase, -1) >= PC_SIGN_MIN_PASSPHRASE)
    return TRUE;

  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PASSPHRASE,
               g_dngettext (GETTEXT_PACKAGE,
                            "The passphrase is too short: use at least %d character",
                            "The passphrase is too short: use at least %d characters",
                            PC_SIGN_MIN_PASSPHRASE),
               PC_SIGN_MIN_PASSPHRASE);
  return FALSE;
}

/* Returns: (transfer full) (nullable): a new, unlocked key pair. */
static PcSigningKey *
create_key_pair (const char  *name,
                 const char  *role,
                 GError     **error)
{
  g_autoptr(PcSigningKey) key = signing_key_new (name, role);

  if ((key->secret_key = secure_alloc (crypto_sign_SECRETKEYBYTES, error)) == NULL)
    return NULL;

  randombytes_buf (key->key_id, sizeof key->key_id);
  crypto_sign_keypair (key->public_key, key->secret_key);
  signing_key_finish (key);

  return g_steal_pointer (&key);
}

/* Writes the .pub of @key, which is in place as the key file: it is
 * derived from the key that won, never from one that lost. */
static gboolean
write_public_key (const char          *keys_dir,
                  const char          *normalised,
                  const PcSigningKey  *key,
                  GError             **error)
{
  g_autofree char *pub_path = key_path (keys_dir, normalised, ".pub");

  if (!write_file (pub_path, key->public_key_text, 0644, error))
    return FALSE;

  sync_dir (keys_dir);
  return TRUE;
}

/* Checks the signer, the passphrase and the keys folder, and makes and
 * seals a new key pair. Returns: (transfer full) (nullable) */
static PcSigningKey *
new_sealed_key (const char  *keys_dir,
                const char  *tidy_name,
                const char  *tidy_role,
                const char  *passphrase,
                SealedKey   *sealed,
                GError     **error)
{
  g_autoptr(PcSigningKey) key = NULL;

  if (!_pc_sign_ensure_sodium (error) ||
      !check_signer (tidy_name, tidy_role, error) ||
      !check_passphrase (passphrase, error) ||
      !ensure_keys_dir (keys_dir, error))
    return NULL;

  if ((key = create_key_pair (tidy_name, tidy_role, error)) == NULL ||
      !seal_key (key, passphrase, sealed, error))
    return NULL;

  return g_steal_pointer (&key);
}

PcSigningKey *
pc_signing_key_generate (const char  *keys_dir,
                         const char  *name,
                         const char  *role,
                         const char  *passphrase,
                         GError     **error)
{
  /* Stored composed (NFC), as all text is. */
  g_autofree char *tidy_name = tidy_nfc (name);
  g_autofree char *tidy_role = tidy_nfc (role);
  g_autofree char *normalised = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Not worth deriving a key for: but the link below is what decides.
   * A name that may not sign at all is told so first. */
  if (!check_signer (tidy_name, tidy_role, error))
    return NULL;
  if (pc_sign_key_exists (keys_dir, tidy_name))
    {
      set_key_exists (error, tidy_name);
      return NULL;
    }

  key = new_sealed_key (keys_dir, tidy_name, tidy_role, passphrase, &sealed, error);
  if (key == NULL)
    return NULL;

  normalised = pc_text_name_fold (tidy_name);
  path = key_path (keys_dir, normalised, ".key");
  contents = key_file_to_data (key, &sealed);
  if (!create_key_file (path, tidy_name, contents, error) ||
      !write_public_key (keys_dir, normalised, key, error))
    return NULL;

  return g_steal_pointer (&key);
}

/* Links @path to "@path.replaced-@stamp" (or "…-2", "…-3", … should
 * that be taken). Returns FALSE with errno set. */
static gboolean
keep_replaced (const char *path,
               const char *stamp)
{
  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *kept = n == 1 ? g_strdup_printf ("%s.replaced-%s", path, stamp)
                                     : g_strdup_printf ("%s.replaced-%s-%u", path, stamp, n);

      if (link (path, kept) == 0)
        return TRUE;
      if (errno != EEXIST)
        return FALSE;
    }

  errno = EEXIST;
  return FALSE;
}

PcSigningKey *
pc_signing_key_replace (const char  *keys_dir,
                        const char  *name,
                        const char  *role,
                        const char  *passphrase,
                        GError     **error)
{
  /* Stored composed (NFC), as all text is. */
  g_autofree char *tidy_name = tidy_nfc (name);
  g_autofree char *tidy_role = tidy_nfc (role);
  g_autofree char *normalised = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pub_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;
  GStatBuf st;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key = new_sealed_key (keys_dir, tidy_name, tidy_role, passphrase, &sealed, error);
  if (key == NULL)
    return NULL;

  normalised = pc_text_name_fold (tidy_name);
  path = key_path (keys_dir, normalised, ".key");
  pub_path = key_path (keys_dir, normalised, ".pub");
  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY,
                   _("“%s” has no signing key to replace: create one instead"), tidy_name);
      return NULL;
    }
  if (!check_key_file_safe (path, &st, error))
    return NULL;

  /* The old files stay, under dated names, for signatures they made. */
  now = g_date_time_new_now_utc ();
  stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  if (!keep_replaced (path, stamp) ||
      (!keep_replaced (pub_path, stamp) && errno != ENOENT))
    {
      set_write_error (error, path, errno);
      return NULL;
    }

  contents = key_file_to_data (key, &sealed);
  temporary = write_temporary (path, contents, error);
  if (temporary == NULL)
    return NULL;
  if (g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      set_write_error (error, path, saved_errno);
      return NULL;
    }

  if (!write_public_key (keys_dir, normalised, key, error))
    return NULL;

  return g_steal_pointer (&key);
}

/* Reads the key file of the signer asked for as @name, after checking
 * the keys folder. Returns: (transfer full) (nullable): the key, locked. */
static PcSigningKey *
open_key_file (const char  *keys_dir,
               const char  *name,
               char       **out_path,
               SealedKey   *sealed,
               GError     **error)
{
  g_autofree char *tidy_name = pc_text_tidy_line (name);
  g_autofree char *normalised = pc_text_name_fold (name);
  g_autofree char *path = NULL;
  PcSigningKey *key;

  if (normalised == NULL)
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY,
                           _("Enter the signer’s name: it is empty or not valid text"));
      return NULL;
    }

  if (g_file_test (keys_dir, G_FILE_TEST_EXISTS) && !check_keys_dir_safe (keys_dir, error))
    return NULL;

  path = find_key_path (keys_dir, normalised, tidy_name);
  key = read_key_file (path, tidy_name, sealed, error);
  if (key != NULL && out_path != NULL)
    *out_path = g_steal_pointer (&path);

  return key;
}

/* Rewrites @key's .pub from its key file when it is missing or says
 * another key: the key file is what signs. */
static gboolean
repair_public_key (const char          *keys_dir,
                   const PcSigningKey  *key,
                   GError             **error)
{
  g_autofree char *normalised = pc_text_name_fold (key->name);
  g_autofree char *pub_path = key_path (keys_dir, normalised, ".pub");
  g_autoptr(GBytes) pub = pc_file_read_bounded (pub_path, PC_FILE_MAX_KEY, "pub", NULL);
  gsize len = 0;
  const char *data = pub != NULL ? g_bytes_get_data (pub, &len) : NULL;

  if (data != NULL && len == strlen (key->public_key_text)
      && memcmp (data, key->public_key_text, len) == 0)
    return TRUE;

  g_debug ("Rewriting the public key file %s from its key file", pub_path);
  return write_public_key (keys_dir, normalised, key, error);
}

PcSigningKey *
pc_signing_key_load (const char  *keys_dir,
                     const char  *name,
                     const char  *passphrase,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pc_sign_ensure_sodium (error) ||
      (key = open_key_file (keys_dir, name, &path, &sealed, error)) == NULL ||
      !open_sealed_key (key, &sealed, passphrase, path, error))
    return NULL;

  signing_key_finish (key);
  if (!repair_public_key (keys_dir, key, error))
    return NULL;

  return g_steal_pointer (&key);
}

char *
pc_sign_key_dup_fingerprint (const char  *keys_dir,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pc_sign_ensure_sodium (error) ||
      (key = open_key_file (keys_dir, name, NULL, &sealed, error)) == NULL)
    return NULL;

  return _pc_minisign_fingerprint (key->public_key);
}

const char *
pc_signing_key_get_name (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->name;
}

const char *
pc_signing_key_get_role (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->role;
}

const char *
pc_signing_key_get_key_id (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->key_id_hex;
}

const char *
pc_signing_key_get_fingerprint (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->fingerprint;
}

const char *
pc_signing_key_get_public_key (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->public_key_text;
}
