/* pc-sign.c: signers' keys and minisign-format Ed25519 signatures
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-sign"

#include "config.h"

#include "pc-sign.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

/* The minisign formats, as minisign 0.11 writes and reads them. */
#define KEY_ID_BYTES             8
#define ALG_BYTES                2
#define PUBLIC_KEY_BLOB_BYTES    (ALG_BYTES + KEY_ID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIGNATURE_BLOB_BYTES     (ALG_BYTES + KEY_ID_BYTES + crypto_sign_BYTES)
#define ALG_PUBLIC_KEY           "Ed"   /* the only public key algorithm */
#define ALG_LEGACY               "Ed"   /* Ed25519 over the message itself */
#define ALG_HASHED               "ED"   /* Ed25519 over its BLAKE2b-512 */
#define UNTRUSTED_PREFIX         "untrusted comment: "
#define TRUSTED_PREFIX           "trusted comment: "
#define SIGNATURE_COMMENT        UNTRUSTED_PREFIX "signature from Principle Check secret key"
#define PREHASH_BYTES            crypto_generichash_BYTES_MAX

/* minisign reads a trusted comment line into an 8192-byte buffer that
 * also holds the prefix, the newline and the terminating NUL. */
#define TRUSTED_COMMENT_MAX      (8192 - (sizeof TRUSTED_PREFIX - 1) - 2)

/* Nothing we parse is anywhere near this long; it only stops a huge
 * paste from being split into lines. */
#define TEXT_MAX                 (64 * 1024)

/* The key file. */
#define KEY_GROUP                "Principle Check Signing Key"
#define KEY_FORMAT               "principle-check-signing-key-1"
#define KDF_ALGORITHM            "argon2id13"
#define CIPHER                   "xchacha20poly1305-ietf"
#define KEY_CHECK_CONTEXT        "Principle Check passphrase check"
#define KEY_CHECK_BYTES          16
#define SECRET_BOX_BYTES         (crypto_sign_SECRETKEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES)
#define FILE_STEM_MAX            64

struct _PcSigningKey
{
  /* Owned */
  char   *name;
  char   *role;
  char   *key_id_hex;
  char   *public_key_text;
  guint8  key_id[KEY_ID_BYTES];
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 *secret_key;   /* sodium_malloc'ed, read-only once set */
};

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

/* A signature split into its parts; the pointers point into the text. */
typedef struct
{
  gboolean     prehashed;
  guint8       key_id[KEY_ID_BYTES];
  guint8       signature[crypto_sign_BYTES];
  const char  *trusted_comment;
  gsize        trusted_comment_len;
  guint8       global_signature[crypto_sign_BYTES];
} ParsedSignature;

/* Defined for the tests only, so not in the header. */
const guint8 *_pc_signing_key_peek_secret_key (const PcSigningKey *key);

G_DEFINE_QUARK (pc-sign-error-quark, pc_sign_error)

static gboolean
ensure_sodium (GError **error)
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

/* TRUE when @str holds a control character other than a tab, such as a
 * newline. */
static gboolean
has_control_characters (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\t')
        return TRUE;
    }

  return FALSE;
}

/* Trims @str and turns every run of white space into one space.
 * Returns: (transfer full) (nullable): NULL when nothing is left, or
 * when @str is not valid UTF-8. */
static char *
tidy_text (const char *str)
{
  g_autoptr(GString) tidy = NULL;
  gboolean in_space = FALSE;

  if (str == NULL || !g_utf8_validate (str, -1, NULL))
    return NULL;

  tidy = g_string_new (NULL);
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_space = TRUE;
          continue;
        }
      if (in_space && tidy->len > 0)
        g_string_append_c (tidy, ' ');
      in_space = FALSE;
      g_string_append_unichar (tidy, c);
    }

  if (tidy->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&tidy), FALSE);
}

/* The form of a name used to compare names: tidied, case-folded and
 * composed, so that "Ann  Lee" and "ann lee" are the same person.
 * Returns: (transfer full) (nullable) */
static char *
normalise_name (const char *name)
{
  g_autofree char *tidy = tidy_text (name);
  g_autofree char *folded = NULL;

  if (tidy == NULL)
    return NULL;

  folded = g_utf8_casefold (tidy, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/* The file name stem of a normalised name: [a-z0-9] kept, anything else
 * one '-'. When that loses information (characters other than [a-z0-9]
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

/* Encoding */

static char *
key_id_to_hex (const guint8 *key_id)
{
  guint64 value = 0;

  /* minisign prints the key id as a little-endian 64-bit number. */
  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    value = (value << 8) | key_id[i];

  return g_strdup_printf ("%016" G_GINT64_MODIFIER "X", value);
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* Decodes @text, which must be exactly the canonical padded base64 of
 * @out_len bytes: no white space, no other characters, no slack. */
static gboolean
decode_base64_exact (const char *text,
                     guint8     *out,
                     gsize       out_len)
{
  gsize text_len = strlen (text);
  gsize expected_len = 4 * ((out_len + 2) / 3);
  gsize n_data = text_len;
  gsize decoded_len = 0;
  g_autofree guint8 *decoded = NULL;
  g_autofree char *canonical = NULL;

  if (text_len != expected_len)
    return FALSE;
  while (n_data > 0 && text[n_data - 1] == '=' && text_len - n_data < 2)
    n_data--;
  for (gsize i = 0; i < n_data; i++)
    if (!is_base64_char (text[i]))
      return FALSE;

  decoded = g_base64_decode (text, &decoded_len);
  if (decoded_len != out_len)
    return FALSE;

  /* Reject stray bits in the last character. */
  canonical = g_base64_encode (decoded, decoded_len);
  if (strcmp (canonical, text) != 0)
    return FALSE;

  memcpy (out, decoded, out_len);
  return TRUE;
}

/* Splits @text into exactly @n_lines lines. A "\r" before a "\n" is
 * dropped, and so are empty lines at the end.
 * Returns: (transfer full) (nullable) */
static char **
split_lines (const char *text,
             guint       n_lines)
{
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (text == NULL || strlen (text) > TEXT_MAX)
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (n = 0; lines[n] != NULL; n++)
    if (g_str_has_suffix (lines[n], "\r"))
      lines[n][strlen (lines[n]) - 1] = '\0';

  while (n > n_lines && lines[n - 1][0] == '\0')
    {
      g_free (lines[n - 1]);
      lines[--n] = NULL;
    }

  if (n != n_lines)
    return NULL;

  return g_steal_pointer (&lines);
}

/* Returns: (transfer full): the base64 line of a minisign public key. */
static char *
public_key_blob (const guint8 *key_id,
                 const guint8 *public_key)
{
  guint8 blob[PUBLIC_KEY_BLOB_BYTES];

  memcpy (blob, ALG_PUBLIC_KEY, ALG_BYTES);
  memcpy (blob + ALG_BYTES, key_id, KEY_ID_BYTES);
  memcpy (blob + ALG_BYTES + KEY_ID_BYTES, public_key, crypto_sign_PUBLICKEYBYTES);

  return g_base64_encode (blob, sizeof blob);
}

/* Returns: (transfer full): the text of a minisign .pub file. */
static char *
public_key_text (const guint8 *key_id,
                 const guint8 *public_key)
{
  g_autofree char *hex = key_id_to_hex (key_id);
  g_autofree char *encoded = public_key_blob (key_id, public_key);

  return g_strdup_printf (UNTRUSTED_PREFIX "minisign public key %s\n%s\n", hex, encoded);
}

/* Parses the base64 line of a public key (the second line of a .pub
 * file, or the key file's PublicKey entry). */
static gboolean
parse_public_key_blob (const char *line,
                       guint8     *key_id,
                       guint8     *public_key)
{
  guint8 blob[PUBLIC_KEY_BLOB_BYTES];

  if (!decode_base64_exact (line, blob, sizeof blob))
    return FALSE;
  if (memcmp (blob, ALG_PUBLIC_KEY, ALG_BYTES) != 0)
    return FALSE;

  memcpy (key_id, blob + ALG_BYTES, KEY_ID_BYTES);
  memcpy (public_key, blob + ALG_BYTES + KEY_ID_BYTES, crypto_sign_PUBLICKEYBYTES);
  return TRUE;
}

static gboolean
parse_public_key (const char  *text,
                  guint8      *key_id,
                  guint8      *public_key,
                  GError     **error)
{
  g_auto(GStrv) lines = split_lines (text, 2);

  if (lines == NULL || !g_str_has_prefix (lines[0], UNTRUSTED_PREFIX) ||
      !parse_public_key_blob (lines[1], key_id, public_key))
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PUBLIC_KEY,
                           _("The public key is not a minisign public key: copy the whole two-line key again"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
set_bad_signature (GError     **error,
                   const char  *message)
{
  g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_SIGNATURE, message);
  return FALSE;
}

static gboolean
parse_signature_line (const char       *line,
                      ParsedSignature  *parsed,
                      GError          **error)
{
  guint8 blob[SIGNATURE_BLOB_BYTES];

  if (!decode_base64_exact (line, blob, sizeof blob))
    return set_bad_signature (error, _("The signature is damaged: its second line is not a minisign signature"));

  if (memcmp (blob, ALG_HASHED, ALG_BYTES) == 0)
    parsed->prehashed = TRUE;
  else if (memcmp (blob, ALG_LEGACY, ALG_BYTES) == 0)
    parsed->prehashed = FALSE;
  else
    return set_bad_signature (error, _("The signature uses an algorithm Principle Check does not know"));

  memcpy (parsed->key_id, blob + ALG_BYTES, KEY_ID_BYTES);
  memcpy (parsed->signature, blob + ALG_BYTES + KEY_ID_BYTES, crypto_sign_BYTES);
  return TRUE;
}

/* Fills @parsed from @lines, the four lines of a .minisig file; the
 * trusted comment points into @lines. */
static gboolean
parse_signature (char             **lines,
                 ParsedSignature   *parsed,
                 GError           **error)
{
  if (lines == NULL)
    return set_bad_signature (error, _("The signature is not a minisign signature: it must have exactly four lines"));
  if (!g_str_has_prefix (lines[0], UNTRUSTED_PREFIX))
    return set_bad_signature (error, _("The signature is damaged: its first line must be an untrusted comment"));
  if (!parse_signature_line (lines[1], parsed, error))
    return FALSE;
  if (!g_str_has_prefix (lines[2], TRUSTED_PREFIX))
    return set_bad_signature (error, _("The signature is damaged: its third line must start with “trusted comment: ”"));

  parsed->trusted_comment = lines[2] + strlen (TRUSTED_PREFIX);
  parsed->trusted_comment_len = strlen (parsed->trusted_comment);
  if (!g_utf8_validate (parsed->trusted_comment, -1, NULL))
    return set_bad_signature (error, _("The signature is damaged: its trusted comment is not valid text"));

  if (!decode_base64_exact (lines[3], parsed->global_signature, crypto_sign_BYTES))
    return set_bad_signature (error, _("The signature is damaged: its fourth line is not a minisign signature"));

  return TRUE;
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
  g_free (key->public_key_text);
  secure_free (key->secret_key);
  g_free (key);
}

/* Completes @key once its key id, public key and secret key are set. */
static void
signing_key_finish (PcSigningKey *key)
{
  key->key_id_hex = key_id_to_hex (key->key_id);
  key->public_key_text = public_key_text (key->key_id, key->public_key);
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

  if (g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                mode, &local_error))
    return TRUE;

  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
               _("Could not save the signing key: %s"), local_error->message);
  return FALSE;
}

static gboolean
ensure_keys_dir (const char  *keys_dir,
                 GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (keys_dir, 0700) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
               _("Could not create the folder for signing keys “%s”: %s"),
               keys_dir, g_strerror (saved_errno));
  return FALSE;
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

  return text != NULL && decode_base64_exact (text, out, out_len);
}

/* Returns: (transfer full): the text of @key's key file. */
static char *
key_file_to_data (const PcSigningKey *key,
                  const SealedKey    *sealed)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *public_key = public_key_blob (key->key_id, key->public_key);

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

  if (blob == NULL || !parse_public_key_blob (blob, key->key_id, key->public_key))
    return FALSE;

  expected_hex = key_id_to_hex (key->key_id);
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

/* Reads @path, the key file of the signer whose normalised name is
 * @normalised, which was asked for as @name.
 * Returns: (transfer full) (nullable): the key, still locked. */
static PcSigningKey *
read_key_file (const char  *path,
               const char  *name,
               const char  *normalised,
               SealedKey   *sealed,
               GError     **error)
{
  g_autoptr(PcSigningKey) key = g_new0 (PcSigningKey, 1);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *stored_role = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY,
                     _("There is no signing key for “%s”: create one before signing"), name);
      else if (local_error->domain == G_FILE_ERROR)
        g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_IO,
                     _("Could not read the signing key: %s"), local_error->message);
      else
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
  stored_name = normalise_name (key->name);
  stored_role = tidy_text (key->role);
  if (g_strcmp0 (stored_name, normalised) != 0 || stored_role == NULL)
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
  g_autofree char *normalised = normalise_name (name);
  g_autofree char *path = NULL;

  g_return_val_if_fail (keys_dir != NULL, FALSE);

  if (normalised == NULL)
    return FALSE;

  path = key_path (keys_dir, normalised, ".key");
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Checks the tidied name and role a signer typed. */
static gboolean
check_signer (const char  *name,
              const char  *role,
              GError     **error)
{
  const char *message = NULL;

  if (name == NULL)
    message = _("Enter the signer’s name: it is empty or not valid text");
  else if (role == NULL)
    message = _("Enter the signer’s role: it is empty or not valid text");
  else if (has_control_characters (name) || has_control_characters (role))
    message = _("The signer’s name and role must be plain text on one line");

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

/* Writes @key's public key file, then its key file, so that a key file
 * never exists without its public key. */
static gboolean
write_key_files (const char          *keys_dir,
                 const char          *normalised,
                 const PcSigningKey  *key,
                 const SealedKey     *sealed,
                 GError             **error)
{
  g_autofree char *path = key_path (keys_dir, normalised, ".key");
  g_autofree char *pub_path = key_path (keys_dir, normalised, ".pub");
  g_autofree char *contents = key_file_to_data (key, sealed);

  return ensure_keys_dir (keys_dir, error) &&
         write_file (pub_path, key->public_key_text, 0644, error) &&
         write_file (path, contents, 0600, error);
}

PcSigningKey *
pc_signing_key_generate (const char  *keys_dir,
                         const char  *name,
                         const char  *role,
                         const char  *passphrase,
                         GError     **error)
{
  g_autofree char *tidy_name = tidy_text (name);
  g_autofree char *tidy_role = tidy_text (role);
  g_autofree char *normalised = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error) ||
      !check_signer (tidy_name, tidy_role, error) ||
      !check_passphrase (passphrase, error))
    return NULL;

  normalised = normalise_name (tidy_name);
  if (pc_sign_key_exists (keys_dir, tidy_name))
    {
      g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS,
                   _("“%s” already has a signing key: sign with it instead of creating another"),
                   tidy_name);
      return NULL;
    }

  if ((key = create_key_pair (tidy_name, tidy_role, error)) == NULL ||
      !seal_key (key, passphrase, &sealed, error) ||
      !write_key_files (keys_dir, normalised, key, &sealed, error))
    return NULL;

  return g_steal_pointer (&key);
}

PcSigningKey *
pc_signing_key_load (const char  *keys_dir,
                     const char  *name,
                     const char  *passphrase,
                     GError     **error)
{
  g_autofree char *tidy_name = tidy_text (name);
  g_autofree char *normalised = normalise_name (name);
  g_autofree char *path = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  SealedKey sealed;

  g_return_val_if_fail (keys_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (normalised == NULL)
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY,
                           _("Enter the signer’s name: it is empty or not valid text"));
      return NULL;
    }

  path = key_path (keys_dir, normalised, ".key");
  if (!ensure_sodium (error) ||
      (key = read_key_file (path, tidy_name, normalised, &sealed, error)) == NULL ||
      !open_sealed_key (key, &sealed, passphrase, path, error))
    return NULL;

  signing_key_finish (key);
  return g_steal_pointer (&key);
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
pc_signing_key_get_public_key (const PcSigningKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->public_key_text;
}

/* Public API: signatures */

/* A trusted comment must stay one line of text that minisign can read. */
static gboolean
check_trusted_comment (const char  *comment,
                       GError     **error)
{
  if (g_utf8_validate (comment, -1, NULL) && !has_control_characters (comment) &&
      strlen (comment) <= TRUSTED_COMMENT_MAX)
    return TRUE;

  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_SIGNATURE,
               _("The trusted comment must be one line of text of at most %d bytes"),
               (int) TRUSTED_COMMENT_MAX);
  return FALSE;
}

/* The signed form of a message: its BLAKE2b-512 for "ED", itself for
 * the legacy "Ed". */
static void
prehash (const guint8 *message,
         gsize         message_len,
         guint8       *hash)
{
  static const guint8 empty[1] = { 0 };

  crypto_generichash (hash, PREHASH_BYTES, message != NULL ? message : empty,
                      message_len, NULL, 0);
}

/* Returns: (transfer full): @signature followed by @comment, the input
 * of the global signature. */
static GBytes *
global_signature_input (const guint8 *signature,
                        const char   *comment,
                        gsize         comment_len)
{
  guint8 *data = g_malloc (crypto_sign_BYTES + comment_len);

  memcpy (data, signature, crypto_sign_BYTES);
  memcpy (data + crypto_sign_BYTES, comment, comment_len);
  return g_bytes_new_take (data, crypto_sign_BYTES + comment_len);
}

static char *
format_signature (const PcSigningKey *key,
                  const guint8       *signature,
                  const char         *comment,
                  const guint8       *global_signature)
{
  guint8 blob[SIGNATURE_BLOB_BYTES];
  g_autofree char *encoded = NULL;
  g_autofree char *encoded_global = NULL;

  memcpy (blob, ALG_HASHED, ALG_BYTES);
  memcpy (blob + ALG_BYTES, key->key_id, KEY_ID_BYTES);
  memcpy (blob + ALG_BYTES + KEY_ID_BYTES, signature, crypto_sign_BYTES);
  encoded = g_base64_encode (blob, sizeof blob);
  encoded_global = g_base64_encode (global_signature, crypto_sign_BYTES);

  return g_strdup_printf (SIGNATURE_COMMENT "\n%s\n" TRUSTED_PREFIX "%s\n%s\n",
                          encoded, comment, encoded_global);
}

char *
pc_signing_key_sign (const PcSigningKey  *key,
                     const guint8        *message,
                     gsize                message_len,
                     const char          *trusted_comment,
                     GError             **error)
{
  guint8 hash[PREHASH_BYTES];
  guint8 signature[crypto_sign_BYTES];
  guint8 global_signature[crypto_sign_BYTES];
  g_autoptr(GBytes) global_input = NULL;

  g_return_val_if_fail (key != NULL && key->secret_key != NULL, NULL);
  g_return_val_if_fail (message != NULL || message_len == 0, NULL);
  g_return_val_if_fail (trusted_comment != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ensure_sodium (error) || !check_trusted_comment (trusted_comment, error))
    return NULL;

  prehash (message, message_len, hash);
  crypto_sign_detached (signature, NULL, hash, sizeof hash, key->secret_key);

  global_input = global_signature_input (signature, trusted_comment, strlen (trusted_comment));
  crypto_sign_detached (global_signature, NULL, g_bytes_get_data (global_input, NULL),
                        g_bytes_get_size (global_input), key->secret_key);

  return format_signature (key, signature, trusted_comment, global_signature);
}

/* Checks the signature of @message in @parsed with @public_key. */
static gboolean
verify_message (const ParsedSignature  *parsed,
                const guint8           *public_key,
                const guint8           *message,
                gsize                   message_len)
{
  static const guint8 empty[1] = { 0 };
  guint8 hash[PREHASH_BYTES];

  if (!parsed->prehashed)
    return crypto_sign_verify_detached (parsed->signature, message != NULL ? message : empty,
                                        message_len, public_key) == 0;

  prehash (message, message_len, hash);
  return crypto_sign_verify_detached (parsed->signature, hash, sizeof hash, public_key) == 0;
}

static gboolean
verify_trusted_comment (const ParsedSignature *parsed,
                        const guint8          *public_key)
{
  g_autoptr(GBytes) input = global_signature_input (parsed->signature, parsed->trusted_comment,
                                                    parsed->trusted_comment_len);

  return crypto_sign_verify_detached (parsed->global_signature, g_bytes_get_data (input, NULL),
                                      g_bytes_get_size (input), public_key) == 0;
}

static gboolean
check_key_ids (const guint8  *signature_key_id,
               const guint8  *public_key_id,
               GError       **error)
{
  g_autofree char *signature_hex = NULL;
  g_autofree char *public_hex = NULL;

  if (memcmp (signature_key_id, public_key_id, KEY_ID_BYTES) == 0)
    return TRUE;

  signature_hex = key_id_to_hex (signature_key_id);
  public_hex = key_id_to_hex (public_key_id);
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_MISMATCH,
               _("The signature was made with key %s, not with the public key given (%s): check which signer’s key to use"),
               signature_hex, public_hex);
  return FALSE;
}

gboolean
pc_sign_verify (const char    *public_key_text,
                const guint8  *message,
                gsize          message_len,
                const char    *signature_text,
                char         **out_trusted_comment,
                char         **out_key_id,
                GError       **error)
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  g_auto(GStrv) lines = NULL;
  ParsedSignature parsed;

  g_return_val_if_fail (public_key_text != NULL, FALSE);
  g_return_val_if_fail (message != NULL || message_len == 0, FALSE);
  g_return_val_if_fail (signature_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lines = split_lines (signature_text, 4);
  if (!ensure_sodium (error) ||
      !parse_public_key (public_key_text, key_id, public_key, error) ||
      !parse_signature (lines, &parsed, error) ||
      !check_key_ids (parsed.key_id, key_id, error))
    return FALSE;

  if (!verify_message (&parsed, public_key, message, message_len))
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID,
                           _("The signature does not match the signed content: the content was changed after signing, or the signature is for other content"));
      return FALSE;
    }
  if (!verify_trusted_comment (&parsed, public_key))
    {
      g_set_error_literal (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID,
                           _("The trusted comment was altered after signing: the sign-off details cannot be trusted"));
      return FALSE;
    }

  if (out_trusted_comment != NULL)
    *out_trusted_comment = g_strdup (parsed.trusted_comment);
  if (out_key_id != NULL)
    *out_key_id = key_id_to_hex (key_id);
  return TRUE;
}

char *
pc_sign_public_key_id (const char  *public_key_text,
                       GError     **error)
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];

  g_return_val_if_fail (public_key_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!parse_public_key (public_key_text, key_id, public_key, error))
    return NULL;

  return key_id_to_hex (key_id);
}
