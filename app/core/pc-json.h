/* pc-json.h: strict JSON parsing over cJSON
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cjson/cJSON.h>
#include <glib.h>

G_BEGIN_DECLS

#define PC_JSON_ERROR (pc_json_error_quark ())

typedef enum
{
  PC_JSON_ERROR_PARSE,          /* not JSON; the message gives the byte offset */
  PC_JSON_ERROR_TRAILING_DATA,  /* non-space bytes after the value */
  PC_JSON_ERROR_INVALID_UTF8,   /* the bytes are not UTF-8, or a \u escape makes a lone surrogate */
  PC_JSON_ERROR_DUPLICATE_KEY,  /* the same key twice in one object; the message gives the path */
  PC_JSON_ERROR_TOO_DEEP,       /* nested deeper than PC_JSON_MAX_DEPTH */
} PcJsonError;

#define PC_JSON_MAX_DEPTH 64

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cJSON, cJSON_Delete)

GQuark  pc_json_error_quark  (void);

/* Parses @len bytes (which need not be NUL-terminated) and refuses, with
 * one-line messages, anything cJSON would accept loosely: invalid UTF-8,
 * trailing data, duplicate keys, nesting deeper than PC_JSON_MAX_DEPTH.
 * Returns: (transfer full) (nullable): the tree. */
cJSON  *pc_json_parse_strict (const char  *data,
                              gsize        len,
                              GError     **error);

/* Typed getters. Each returns NULL (or FALSE) when @key is absent or of
 * another type; use them after the shape has been checked. */
const char *pc_json_get_string  (const cJSON *object,
                                 const char  *key);
gboolean    pc_json_get_int     (const cJSON *object,
                                 const char  *key,
                                 gint64      *out);

/* Adds @value as a string member, or JSON null when @value is NULL. */
void        pc_json_add_string_or_null (cJSON      *object,
                                        const char *key,
                                        const char *value);

/* Quotes @text for a one-line error message: in double quotes, with
 * quotes, backslashes, control characters and line separators escaped,
 * and cut to @max_chars characters with "…" (0 means no limit).
 * Returns: (transfer full): the quoted text. */
char       *pc_json_quote              (const char *text,
                                        gsize       max_chars);

G_END_DECLS
