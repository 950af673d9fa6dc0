/* test-cli-common.h: what the tests of the command line share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-json.h"

G_BEGIN_DECLS

/* The people of the tests. */
#define AUTHOR      "Ann Lee"
#define AUTHOR_ROLE "Service lead"
#define REVIEWER    "Raj Patel"
#define REVIEWER_ROLE "Clinical director"

/* The current test's database and scratch folder. */
extern char *db_path;

extern char *scratch_dir;

/* Prepares a test case: a scratch folder and a database path inside the
 * folders G_TEST_OPTION_ISOLATE_DIRS made for it. Returns FALSE (and
 * skips) when $PC_CLI is not set. */
gboolean
cli_setup (void);

char *
scratch_path (const char *name);

char *
write_scratch (const char *name,
               const char *contents);

const char *
json_string (const cJSON *object,
             const char  *key);

int
json_int (const cJSON *object,
          const char  *key);

const cJSON *
json_child (const cJSON *object,
            const char  *key);

/* @err is exactly one line, beginning "principle-check " (or
 * "principle-check: " when there is no command), containing @needle. */
void
assert_one_line_error (const char *err,
                       const char *needle);

/* What a user can see of the database: the list, and the assessment
 * @reference with its audit trail. */
char *
snapshot (const char *reference);

/* Runs @args, which must fail with @status, print nothing on stdout and
 * one line (with @needle) on stderr, and leave the database as it was. */
void
expect_refusal_argv (const char         *reference,
                     int                 status,
                     const char         *needle,
                     const char * const *args);

G_GNUC_NULL_TERMINATED
void
expect_refusal (const char *reference,
                int         status,
                const char *needle,
                const char *arg0,
                ...);

/* Starts a draft and returns its reference. */
char *
new_draft (const char *title);

/* The prompt ids of @reference, in checklist order. */
GPtrArray *
prompt_ids (const char *reference);

char *
passphrase_file (void);

G_END_DECLS
