/* pc-canon.h: the canonical form of JSON (RFC 8785) that signatures cover
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cjson/cJSON.h>
#include <glib.h>

G_BEGIN_DECLS

#define PC_CANON_ERROR (pc_canon_error_quark ())

typedef enum
{
  PC_CANON_ERROR_NUMBER,        /* not an integer, or outside ±(2^53 − 1) */
  PC_CANON_ERROR_INVALID_UTF8,  /* a string or key that is not valid UTF-8 */
  PC_CANON_ERROR_DUPLICATE_KEY, /* two members of one object with the same key */
  PC_CANON_ERROR_INVALID,       /* a cJSON node of no JSON type */
} PcCanonError;

GQuark  pc_canon_error_quark (void);

/* Serialises @value in RFC 8785 (JCS) form over the value set Principle
 * Check uses: objects with members sorted by the UTF-16 code units of
 * their keys, no insignificant white space, integers only (decimals,
 * dates and hashes are strings), minimal string escaping (only '"', '\\'
 * and the C0 controls, as \b \t \n \f \r or \u00XX lower-case hex).
 * Returns: (transfer full) (nullable): NUL-terminated UTF-8; @out_len
 * (nullable) receives its length without the NUL. */
char   *pc_canon_serialize   (const cJSON  *value,
                              gsize        *out_len,
                              GError      **error);

/* Lower-case hex SHA-256 of pc_canon_serialize (@value).
 * Returns: (transfer full) (nullable) */
char   *pc_canon_sha256      (const cJSON  *value,
                              GError      **error);

G_END_DECLS
