/* pc-verify.h: checking a summary file without the database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cjson/cJSON.h>
#include <glib.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_VERIFY_ERROR (pc_verify_error_quark ())

/* Only for a file that is not a summary at all (not JSON, invalid UTF-8,
 * duplicate keys, too deep, wrong format name or version, or a shape so
 * wrong nothing can be checked): the command line's exit status 2. A
 * summary that was altered is not an error: it is a result whose ok is
 * FALSE (exit status 1). */
typedef enum
{
  PC_VERIFY_ERROR_NOT_SUMMARY,
  PC_VERIFY_ERROR_UNSUPPORTED_VERSION,
  PC_VERIFY_ERROR_TRUSTED_KEYS,   /* a --trusted file that cannot be read or parsed */
} PcVerifyError;

/* What was found of one sign-off. */
typedef struct
{
  char      *name;
  char      *role;
  PcMeaning  meaning;
  char      *reason;      /* nullable */
  char      *signed_at;
  char      *key_id;      /* as the key's maker wrote it: identifies nothing */
  char      *fingerprint; /* nullable: pc_sign_fingerprint() of the public key */
  gboolean   good;        /* signature, trusted comment, hash and trust all hold */
  char      *problem;     /* nullable: when !good, one sentence saying what failed */
} PcVerifiedSignoff;

typedef struct
{
  gboolean    ok;              /* everything holds: exit status 0 */
  char       *reference;
  int         revision;
  char       *title;
  char       *state;
  char       *content_sha256;  /* recomputed from the file's content */
  GPtrArray  *signoffs;        /* PcVerifiedSignoff, in file order */
  GPtrArray  *problems;        /* char *: one sentence each, in words a
                                * committee secretary understands, naming
                                * the field or signature concerned */
  cJSON      *document;        /* the parsed file */
} PcVerifyResult;

/* Trusted keys: a text file of "name<TAB>public key" lines, the public
 * key being the base64 line of a minisign public key (what `minisign -G`
 * prints as the public key, starting "RW"); blank lines and lines
 * starting '#' are ignored. Opaque. */
typedef struct _PcTrustedKeys PcTrustedKeys;

GQuark          pc_verify_error_quark     (void);

/* Reads at most PC_FILE_MAX_TRUSTED_KEYS bytes of a regular file.
 * Returns: (transfer full) (nullable) */
PcTrustedKeys  *pc_trusted_keys_load      (const char      *path,
                                           GError         **error);
void            pc_trusted_keys_free      (PcTrustedKeys   *keys);

/* Whether @public_key (minisign public key text) is listed in @keys for
 * @name (names compared as pc_text_names_equal() does). */
typedef enum
{
  PC_TRUST_LISTED,      /* that key, for that name */
  PC_TRUST_OTHER_KEY,   /* the name is listed, with another key */
  PC_TRUST_NOT_LISTED,  /* the name is not listed */
} PcTrust;

PcTrust         pc_trusted_keys_check     (const PcTrustedKeys *keys,
                                           const char      *name,
                                           const char      *public_key);
/* The file @keys came from, for messages. */
const char     *pc_trusted_keys_get_display_path (const PcTrustedKeys *keys);

/* Checks @len bytes of a summary file: the shape the schema describes,
 * the canonical content against every sign-off's content_sha256, every
 * signature and trusted comment against the sign-off's fields, that the
 * sign-offs follow the lifecycle (a prepared sign-off before the
 * decision, the reviewer not the author, the state matching the last
 * decision, "signed" matching the sign-offs), and with @trusted
 * (nullable) that each key is listed for its signer's name.
 * Returns: (transfer full) (nullable): NULL with @error only when the
 * file is not a summary at all. */
PcVerifyResult *pc_verify_summary         (const char      *data,
                                           gsize            len,
                                           PcTrustedKeys   *trusted,
                                           GError         **error);

void            pc_verify_result_free     (PcVerifyResult  *result);

/* @text (nullable), a value from a summary file, as it may be printed on
 * one line: control characters and line separators become spaces,
 * invisible formatting characters (a right-to-left override) U+FFFD, it
 * is cut to @max_chars characters with "…", and nothing is "—". The
 * verifier quotes values in its messages the same way.
 * Returns: (transfer full) */
char           *pc_verify_printable       (const char      *text,
                                           guint            max_chars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcVerifyResult, pc_verify_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcTrustedKeys, pc_trusted_keys_free)

G_END_DECLS
