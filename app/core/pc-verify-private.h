/* pc-verify-private.h: what the verifying files share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-verify.h"

G_BEGIN_DECLS

#define SUMMARY_FORMAT          "principle-check-summary"
/* The newest format version this program writes and reads, and the
 * oldest it still reads. Version 2 added each sign-off's anchor in the
 * audit trail (audit_rows, audit_head). */
#define SUMMARY_FORMAT_VERSION      2
#define SUMMARY_FORMAT_VERSION_MIN  1

/* Layout and lifecycle problems listed one by one; the rest are only
 * counted, so a file of thousands of sign-offs makes a short list. */
#define MAX_LAYOUT_PROBLEMS     8
#define MAX_ORDER_PROBLEMS      8

/* Characters of a value from the file shown in a message, and of a
 * message from another module that may quote the file. */
#define SHOWN_CHARS             60
#define SHOWN_MESSAGE_CHARS     300

#define UNTRUSTED_PREFIX        "untrusted comment: "
#define TRUSTED_PREFIX          "trusted comment: "

/* The verifier */

typedef struct
{
  /* Borrowed */
  PcTrustedKeys   *trusted;
  const cJSON     *document;
  const cJSON     *header;
  const char      *reference;   /* content.header.reference, or NULL */
  gint64           revision;    /* content.header.revision, or -1 */
  int              format_version;
  const char      *canonical;   /* the canonical content, or NULL */
  gsize            canonical_len;

  /* Owned */
  PcVerifyResult  *result;
  GPtrArray       *pool;        /* strings made for messages, freed at the end */
  GString         *path;        /* where the layout check is, "content.header" */
  guint            n_layout;    /* layout problems found, listed or not */
  guint            n_order;     /* lifecycle problems found, listed or not */
} Verifier;

/* pc-verify-common.c */

/* @text as it may appear inside a one-line message, cut to @max_chars
 * characters. Returns: (transfer full) */
char       *_pc_verify_shown_text    (const char *text,
                                      guint       max_chars);

/* @text quoted for a message; freed with @v. */
const char *_pc_verify_shown         (Verifier   *v,
                                      const char *text);

G_GNUC_PRINTF (2, 3)
void        _pc_verify_add_problem   (Verifier   *v,
                                      const char *format,
                                      ...);

/* pc-verify-shape.c */

/* Checks the whole file against the schema's layout; problems go to
 * @v's result, the first few with their place ("content.header"). */
void        _pc_verify_check_layout  (Verifier   *v);

/* TRUE when @text is a UTC time like 2026-11-22T10:15:00Z. */
gboolean    _pc_verify_is_time       (const char *text);

/* Returns NULL when @text says something (is not blank), or what is wrong. */
const char *_pc_verify_rule_text     (const char *text);

G_END_DECLS
