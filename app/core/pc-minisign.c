/* pc-minisign.c: the minisign text format: Ed25519 signatures and public keys
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-sign"

#include "config.h"

#include "pc-sign-private.h"

#include <string.h>

#include <glib/gi18n.h>
#include <sodium.h>

/* The minisign formats, as minisign 0.11 writes and reads them. */
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

/* Encoding */

char *
_pc_minisign_key_id_to_hex (const guint8 *key_id)
{
  guint64 value = 0;

  /* minisign prints the key id as a little-endian 64-bit number, in
   * upper-case hex without leading zeros. */
  for (int i = KEY_ID_BYTES - 1; i >= 0; i--)
    value = (value << 8) | key_id[i];

  return g_strdup_printf ("%" G_GINT64_MODIFIER "X", value);
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* Decodes @text, which must be exactly the canonical padded base64 of
 * @out_len bytes: no white space, no other characters, no slack. */
gboolean
_pc_minisign_decode_base64_exact (const char *text,
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
char *
_pc_minisign_public_key_blob (const guint8 *key_id,
                              const guint8 *public_key)
{
  guint8 blob[PUBLIC_KEY_BLOB_BYTES];

  memcpy (blob, ALG_PUBLIC_KEY, ALG_BYTES);
  memcpy (blob + ALG_BYTES, key_id, KEY_ID_BYTES);
  memcpy (blob + ALG_BYTES + KEY_ID_BYTES, public_key, crypto_sign_PUBLICKEYBYTES);

  return g_base64_encode (blob, sizeof blob);
}

/* Returns: (transfer full): the text of a minisign .pub file. */
char *
_pc_minisign_public_key_text (const guint8 *key_id,
                              const guint8 *public_key)
{
  g_autofree char *hex = _pc_minisign_key_id_to_hex (key_id);
  g_autofree char *encoded = _pc_minisign_public_key_blob (key_id, public_key);

  return g_strdup_printf (UNTRUSTED_PREFIX "minisign public key %s\n%s\n", hex, encoded);
}

/* Returns: (transfer full): "1A2B 3C4D 5E6F 7A8B", from the key itself. */
char *
_pc_minisign_fingerprint (const guint8 *public_key)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  GString *out = g_string_new (NULL);

  crypto_hash_sha256 (digest, public_key, crypto_sign_PUBLICKEYBYTES);
  for (guint i = 0; i < 8; i++)
    {
      if (i > 0 && i % 2 == 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%02X", digest[i]);
    }

  return g_string_free (out, FALSE);
}

/* Parses the base64 line of a public key (the second line of a .pub
 * file, or the key file's PublicKey entry). */
gboolean
_pc_minisign_parse_public_key_blob (const char *line,
                                    guint8     *key_id,
                                    guint8     *public_key)
{
  guint8 blob[PUBLIC_KEY_BLOB_BYTES];

  if (!_pc_minisign_decode_base64_exact (line, blob, sizeof blob))
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
      !_pc_minisign_parse_public_key_blob (lines[1], key_id, public_key))
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

  if (!_pc_minisign_decode_base64_exact (line, blob, sizeof blob))
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

  if (!_pc_minisign_decode_base64_exact (lines[3], parsed->global_signature, crypto_sign_BYTES))
    return set_bad_signature (error, _("The signature is damaged: its fourth line is not a minisign signature"));

  return TRUE;
}

/* Public API: signatures */

/* A trusted comment must stay one line of text that minisign can read. */
static gboolean
check_trusted_comment (const char  *comment,
                       GError     **error)
{
  if (g_utf8_validate (comment, -1, NULL) && !_pc_sign_has_control_characters (comment) &&
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

  if (!_pc_sign_ensure_sodium (error) || !check_trusted_comment (trusted_comment, error))
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

  signature_hex = _pc_minisign_key_id_to_hex (signature_key_id);
  public_hex = _pc_minisign_key_id_to_hex (public_key_id);
  g_set_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_MISMATCH,
               _("The signature was made with key %s, not with the public key given (%s): check which signer’s key to use"),
               signature_hex, public_hex);
  return FALSE;
}

/* pc_sign_verify(), and with @check_message FALSE only the global
 * signature over the signature and its trusted comment. */
static gboolean
verify_signature (const char    *public_key_text,
                  gboolean       check_message,
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

  lines = split_lines (signature_text, 4);
  if (!_pc_sign_ensure_sodium (error) ||
      !parse_public_key (public_key_text, key_id, public_key, error) ||
      !parse_signature (lines, &parsed, error) ||
      !check_key_ids (parsed.key_id, key_id, error))
    return FALSE;

  if (check_message && !verify_message (&parsed, public_key, message, message_len))
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
    *out_key_id = _pc_minisign_key_id_to_hex (key_id);
  return TRUE;
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
  g_return_val_if_fail (public_key_text != NULL, FALSE);
  g_return_val_if_fail (message != NULL || message_len == 0, FALSE);
  g_return_val_if_fail (signature_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return verify_signature (public_key_text, TRUE, message, message_len, signature_text,
                           out_trusted_comment, out_key_id, error);
}

gboolean
pc_sign_verify_comment (const char  *public_key_text,
                        const char  *signature_text,
                        char       **out_trusted_comment,
                        char       **out_key_id,
                        GError     **error)
{
  g_return_val_if_fail (public_key_text != NULL, FALSE);
  g_return_val_if_fail (signature_text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return verify_signature (public_key_text, FALSE, NULL, 0, signature_text,
                           out_trusted_comment, out_key_id, error);
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

  return _pc_minisign_key_id_to_hex (key_id);
}

char *
pc_sign_fingerprint (const char  *public_key_text,
                     GError     **error)
{
  guint8 key_id[KEY_ID_BYTES];
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];

  g_return_val_if_fail (public_key_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_pc_sign_ensure_sodium (error) ||
      !parse_public_key (public_key_text, key_id, public_key, error))
    return NULL;

  return _pc_minisign_fingerprint (public_key);
}
