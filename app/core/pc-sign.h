/* pc-sign.h: signers' keys and minisign-format Ed25519 signatures
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_SIGN_ERROR (pc_sign_error_quark ())

typedef enum
{
  PC_SIGN_ERROR_FAILED,          /* libsodium could not start, or out of memory */
  PC_SIGN_ERROR_NO_KEY,          /* no key file for that name */
  PC_SIGN_ERROR_KEY_EXISTS,      /* keygen for a name that already has a key */
  PC_SIGN_ERROR_BAD_PASSPHRASE,  /* the passphrase does not open the key */
  PC_SIGN_ERROR_BAD_KEY_FILE,    /* a key file that is damaged or not ours */
  PC_SIGN_ERROR_IO,              /* a key file that cannot be read or written */
  PC_SIGN_ERROR_BAD_PUBLIC_KEY,  /* text that is not a minisign public key */
  PC_SIGN_ERROR_BAD_SIGNATURE,   /* text that is not a minisign signature */
  PC_SIGN_ERROR_KEY_MISMATCH,    /* signature made by another key than the one given */
  PC_SIGN_ERROR_INVALID,         /* the signature does not match the message or comment */
  PC_SIGN_ERROR_UNSAFE,          /* a keys folder or key file other users can read or change */
} PcSignError;

/* The shortest passphrase keygen accepts. */
#define PC_SIGN_MIN_PASSPHRASE 8

GQuark         pc_sign_error_quark         (void);

/* $XDG_DATA_HOME/principle-check/keys. Returns: (transfer full) */
char          *pc_sign_default_keys_dir    (void);

/* TRUE when @keys_dir holds a key for @name (names compared as
 * pc_text_names_equal() does). */
gboolean       pc_sign_key_exists          (const char    *keys_dir,
                                            const char    *name);

/* Key files are kept as safely as ssh keeps its own: @keys_dir must
 * belong to the user and be writable by nobody else, and a key file must
 * belong to the user and be readable and writable by nobody else (mode
 * 0600); otherwise loading, creating and replacing keys are refused
 * (PC_SIGN_ERROR_UNSAFE) with a message saying which chmod fixes it.
 *
 * Creates a key pair for @name, encrypts the secret key with a key
 * derived from @passphrase (crypto_pwhash, Argon2id) and writes it to
 * @keys_dir (created mode 0700) as a file of mode 0600; also writes the
 * public key beside it in minisign's .pub format. Refuses a name that
 * already has a key, and a passphrase shorter than PC_SIGN_MIN_PASSPHRASE.
 * The key file is written under a temporary name and linked into place,
 * so of two runs for one name at once exactly one wins (the other gets
 * PC_SIGN_ERROR_KEY_EXISTS) and the .pub is always the winner's.
 * Returns: (transfer full) (nullable): the unlocked key. */
PcSigningKey  *pc_signing_key_generate     (const char    *keys_dir,
                                            const char    *name,
                                            const char    *role,
                                            const char    *passphrase,
                                            GError       **error);

/* Replaces @name's key on purpose (a forgotten passphrase, a key that
 * may have been copied): keeps the old key file and its .pub under
 * dated names ("ann-lee.key.replaced-20261203T101500Z",
 * "ann-lee.pub.replaced-20261203T101500Z"), then writes a new pair as
 * pc_signing_key_generate() does. Refuses a name with no key
 * (PC_SIGN_ERROR_NO_KEY).
 * Returns: (transfer full) (nullable): the new, unlocked key. */
PcSigningKey  *pc_signing_key_replace      (const char    *keys_dir,
                                            const char    *name,
                                            const char    *role,
                                            const char    *passphrase,
                                            GError       **error);

/* The fingerprint of @name's key as its key file says, without the
 * passphrase (to show which key a name has).
 * Returns: (transfer full) (nullable) */
char          *pc_sign_key_dup_fingerprint (const char    *keys_dir,
                                            const char    *name,
                                            GError       **error);

/* Opens @name's key with @passphrase. The public key is the one inside
 * the key file; should the .pub beside it be missing or not match, it
 * is rewritten from the key file (the .pub is only a copy to hand out).
 * Returns: (transfer full) (nullable) */
PcSigningKey  *pc_signing_key_load         (const char    *keys_dir,
                                            const char    *name,
                                            const char    *passphrase,
                                            GError       **error);

void           pc_signing_key_free         (PcSigningKey  *key);

const char    *pc_signing_key_get_name     (const PcSigningKey *key);
const char    *pc_signing_key_get_role     (const PcSigningKey *key);
/* The 8-byte key id as minisign prints it: upper-case hex, up to 16 digits. */
const char    *pc_signing_key_get_key_id   (const PcSigningKey *key);
/* The key's fingerprint, as pc_sign_fingerprint() gives it. */
const char    *pc_signing_key_get_fingerprint (const PcSigningKey *key);
/* minisign public key text: "untrusted comment: …\n<base64>\n". */
const char    *pc_signing_key_get_public_key (const PcSigningKey *key);

/* Signs @message as minisign does by default (algorithm "ED": Ed25519
 * over the BLAKE2b-512 of the message), with @trusted_comment (one line,
 * no newline) covered by the global signature.
 * Returns: (transfer full) (nullable): the .minisig text, four lines. */
char          *pc_signing_key_sign         (const PcSigningKey *key,
                                            const guint8  *message,
                                            gsize          message_len,
                                            const char    *trusted_comment,
                                            GError       **error);

/* Verifies minisign @signature_text of @message against
 * @public_key_text; accepts the legacy "Ed" algorithm too. On success
 * @out_trusted_comment and @out_key_id (both nullable) receive the
 * trusted comment and the key id (as pc_signing_key_get_key_id()). */
gboolean       pc_sign_verify              (const char    *public_key_text,
                                            const guint8  *message,
                                            gsize          message_len,
                                            const char    *signature_text,
                                            char         **out_trusted_comment,
                                            char         **out_key_id,
                                            GError       **error);

/* Verifies only the global signature of minisign @signature_text, over
 * the signature and its trusted comment, against @public_key_text: what
 * the signer said they signed, for a sign-off whose content is no longer
 * at hand (an earlier round of review). */
gboolean       pc_sign_verify_comment      (const char    *public_key_text,
                                            const char    *signature_text,
                                            char         **out_trusted_comment,
                                            char         **out_key_id,
                                            GError       **error);

/* The key id of a minisign public key text. Returns: (transfer full) (nullable) */
char          *pc_sign_public_key_id       (const char    *public_key_text,
                                            GError       **error);

/* How people tell keys apart. A key id is whatever the key's maker
 * wrote into it, so it identifies nothing; the fingerprint is derived
 * from the key itself: the first 16 hex digits (upper case) of the
 * SHA-256 of the 32 raw Ed25519 public key bytes, in groups of four,
 * "1A2B 3C4D 5E6F 7A8B".
 * Returns: (transfer full) (nullable) */
char          *pc_sign_fingerprint         (const char    *public_key_text,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcSigningKey, pc_signing_key_free)

G_END_DECLS
