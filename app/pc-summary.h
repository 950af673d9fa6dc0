/* pc-summary.h: the content that sign-offs cover, and the summary file
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

/* The "content" object of a summary: everything that was assessed and
 * that signatures cover — the header, the checklist (id, version, title,
 * SHA-256), every principle in checklist order with its derived status
 * and counts and every prompt with its rating, evidence, justification,
 * attachments (digests, not bytes), links and actions, and the
 * co-production record. Nothing in it changes when the assessment moves
 * through review, so the author's and the reviewer's signatures cover
 * the same bytes. Returns: (transfer full) */
cJSON  *pc_summary_build_content     (const PcAssessment *assessment,
                                      const PcChecklist  *checklist);

/* The canonical bytes (RFC 8785) of @content, and their lower-case hex
 * SHA-256 in @out_sha256 (nullable). Returns: (transfer full) (nullable) */
GBytes *pc_summary_canonical_bytes   (const cJSON        *content,
                                      char              **out_sha256,
                                      GError            **error);

/* The one-line trusted comment a sign-off's signature carries: the
 * canonical JSON of the manifestation (reference, revision, name, role,
 * meaning, signed_at, content_sha256, and the SHA-256 of the reason or
 * conditions when there are any), so `minisign -V` shows who signed what
 * and the signature binds all of it. Returns: (transfer full) */
char   *pc_summary_trusted_comment   (const char         *reference,
                                      int                 revision,
                                      const PcSignoff    *signoff);

G_END_DECLS
