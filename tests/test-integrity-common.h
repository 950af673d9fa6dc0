/* test-integrity-common.h: what the tests of integrity share: the demo
 * database they alter, and ways to alter it and see what the program says
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-store.h"
#include "pc-verify.h"

G_BEGIN_DECLS

/* The demo database every test copies. */
extern char *template_db;

void
make_template (void);

/* Removes the demo database, if it was made. */
void
remove_template (void);

/* A fresh copy of the demo database for one test. */
char *
demo_copy (void);

/* Runs @sql through a plain connection, as the sqlite3 shell would
 * (no foreign keys, triggers as the file has them); returns whether
 * SQLite accepted it. */
gboolean
raw_exec (const char *path,
          const char *sql);

/* The id and reference of the demo's first assessment in @state. */
gint64
find_id (const char  *path,
         const char  *state,
         char       **out_reference);

/* What @store says of assessment @id. */
PcIntegrity
integrity_of_store (PcStore *store,
                    gint64   id);

/* What the store says of assessment @id of @path. */
PcIntegrity
integrity_of (const char  *path,
              gint64       id,
              GPtrArray  **out_problems);

gboolean
problems_mention (GPtrArray  *problems,
                  const char *words);

/* The integrity `list --json` gives @reference. */
char *
listed_integrity (const char *path,
                  const char *reference);

/* Everything a user can do with an altered record shows it altered or
 * refuses: show (exit 1, saying what), list --json, the three exports
 * (exit 1, one line, no file), and revise. */
void
assert_altered_everywhere (const char *path,
                           const char *reference,
                           const char *what);

/* The audit hash as the store computes it (pc-store-audit.c), written
 * again as an attacker would to re-chain a rewritten history. */
void
append_field (GChecksum  *checksum,
              const char *value);

/* Rewrites the actor of @assessment_id's audit row number @which (from
 * 0; -1 for the last) and re-chains every row, so the chain holds
 * again. */
void
rewrite_history (const char *path,
                 gint64      assessment_id,
                 gint64      which);

G_END_DECLS
