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

/* One sign-off as the summary file writes it: name, role, meaning,
 * reason, signed_at, content_sha256, key_id, public_key and signature.
 * Returns: (transfer full) */
cJSON  *pc_summary_signoff_to_json   (const PcSignoff    *signoff);

/* The linter's findings as the summary and `check --json` write them:
 * an array of { rule, level, principle, prompt, message }.
 * Returns: (transfer full) */
cJSON  *pc_summary_findings_to_json  (GPtrArray          *findings);

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

/* The whole summary file as a tree: format, format_version, generator
 * ({name, version}), exported_at (UTC), state and signed (outside
 * content, because they change in review), content (as
 * pc_summary_build_content()), findings (@findings, the linter's result,
 * element-type PcFinding), signoffs and audit ({rows, head}: @audit_count
 * and @audit_head). A draft carries no sign-offs and says "signed":
 * false; otherwise the sign-offs are those of the current round of
 * review (the ones after the last "returned"), each with its minisign
 * public key and signature. Nothing but @exported_at varies between two
 * exports of the same assessment. Returns: (transfer full) */
cJSON    *pc_summary_build_document  (const PcAssessment *a,
                                      const PcChecklist  *checklist,
                                      GPtrArray          *findings,
                                      guint               audit_count,
                                      const char         *audit_head,
                                      GDateTime          *exported_at);

/* Writes @document to @path, pretty-printed (signatures cover only the
 * canonical content, never this layout), atomically and durably
 * (G_FILE_SET_CONTENTS_CONSISTENT), mode 0644. Refuses, with a one-line
 * message, a folder that does not exist, a path that is a folder, and a
 * document that is not in the value set of pc_canon_serialize() (for
 * example a number that is not an integer). */
gboolean  pc_summary_write           (const cJSON        *document,
                                      const char         *path,
                                      GError            **error);

/* Exports @a (made against @checklist) of @store to @path as the
 * command line's `export --json` and the window's "Export Summary"
 * both do (through pc_export_to_file()): gathers the export's facts
 * with pc_export_facts_gather() (a broken audit chain or an altered
 * record is an error, as the file would claim an integrity the
 * database no longer has; the linter runs as of @now's date, UTC),
 * builds the document exported at @now and writes it with
 * pc_summary_write(). @out_document (nullable) receives the document
 * written. Defined in pc-export.c. */
gboolean  pc_summary_export          (PcStore            *store,
                                      const PcAssessment *a,
                                      PcChecklist        *checklist,
                                      GDateTime          *now,
                                      const char         *path,
                                      cJSON             **out_document,
                                      GError            **error);

G_END_DECLS
