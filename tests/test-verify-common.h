/* test-verify-common.h: what the tests of a summary's verification
 * share: the exports they read, and ways to change and verify them
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-json.h"
#include "pc-store.h"
#include "pc-verify.h"

G_BEGIN_DECLS

/* Who made the shared exports, and what they said. */
#define TITLE       "Crisis line redesign"
#define AUTHOR      "Ann Lee"
#define AUTHOR_ROLE "Service lead"
#define REVIEWER    "Raj Patel"
#define REVIEWER_ROLE "Clinical director"
#define CONDITIONS  "Report the first three months' call data to the committee."

/* Exports made once and shared by the test cases (each case only reads
 * them): an approved assessment with an attachment, one approved with
 * conditions after a returned round, and a draft. */
extern GBytes *approved_export;

extern GBytes *returned_round_export;

extern GBytes *returned_draft_export;

/* Exports @id as the command line does, at @exported_at. Returns:
 * (transfer full): the file's bytes. */
GBytes *
export_bytes (PcStore   *store,
              gint64     id,
              GDateTime *exported_at);

const char *
first_prompt_id (void);

/* Makes the shared exports, once. */
void
ensure_exports (void);

/* Frees the shared exports, when the tests have run. */
void
free_exports (void);

/* Verifies @len bytes, which must give a result. */
PcVerifyResult *
verify_data (const char    *data,
             gsize          len,
             PcTrustedKeys *trusted);

PcVerifyResult *
verify_bytes (GBytes        *bytes,
              PcTrustedKeys *trusted);

/* Serialises @document as a file would hold it and verifies that. */
PcVerifyResult *
verify_document (const cJSON   *document,
                 PcTrustedKeys *trusted);

/* Asserts that @result does not verify and that one of its problems
 * contains @expected. */
void
assert_problem (const PcVerifyResult *result,
                const char           *expected);

const PcVerifiedSignoff *
signoff_at (const PcVerifyResult *result,
            guint                 index);

cJSON *
item_at (cJSON      *parent,
         const char *path);

/* Replaces the member @key of the object at @path with @value. */
void
replace (cJSON      *document,
         const char *path,
         const char *key,
         cJSON      *value);

void
set_string (cJSON      *document,
            const char *path,
            const char *key,
            const char *value);

const char *
get_string (cJSON      *document,
            const char *path,
            const char *key);

void
mutate_name (cJSON *d);

G_END_DECLS
