/* pc-sign-private.h: what the signing files share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sodium.h>

#include "pc-sign.h"
#include "pc-types.h"

G_BEGIN_DECLS

/* The minisign key id, as minisign 0.11 writes and reads it. */
#define KEY_ID_BYTES             8

struct _PcSigningKey
{
  /* Owned */
  char   *name;
  char   *role;
  char   *key_id_hex;
  char   *fingerprint;
  char   *public_key_text;
  guint8  key_id[KEY_ID_BYTES];
  guint8  public_key[crypto_sign_PUBLICKEYBYTES];
  guint8 *secret_key;   /* sodium_malloc'ed, read-only once set */
};

/* pc-sign.c */

/* Starts libsodium once; on failure sets @error (PC_SIGN_ERROR_FAILED). */
gboolean      _pc_sign_ensure_sodium              (GError            **error);

/* TRUE when @str holds a control character other than a tab. */
gboolean      _pc_sign_has_control_characters     (const char         *str);

/* Defined for the tests only, so not in the public header. */
const guint8 *_pc_signing_key_peek_secret_key     (const PcSigningKey *key);

/* pc-minisign.c */

/* The key id as minisign prints it. Returns: (transfer full) */
char         *_pc_minisign_key_id_to_hex          (const guint8       *key_id);

/* Decodes @text, which must be exactly the canonical padded base64 of
 * @out_len bytes. */
gboolean      _pc_minisign_decode_base64_exact    (const char         *text,
                                                   guint8             *out,
                                                   gsize               out_len);

/* Returns: (transfer full): the base64 line of a minisign public key. */
char         *_pc_minisign_public_key_blob        (const guint8       *key_id,
                                                   const guint8       *public_key);

/* Returns: (transfer full): the text of a minisign .pub file. */
char         *_pc_minisign_public_key_text        (const guint8       *key_id,
                                                   const guint8       *public_key);

/* The fingerprint of @public_key, as pc_sign_fingerprint() gives it.
 * Returns: (transfer full) */
char         *_pc_minisign_fingerprint            (const guint8       *public_key);

/* Parses the base64 line of a public key (the second line of a .pub
 * file, or the key file's PublicKey entry). */
gboolean      _pc_minisign_parse_public_key_blob  (const char         *line,
                                                   guint8             *key_id,
                                                   guint8             *public_key);

G_END_DECLS
