/* pc-test-utils.h: helpers shared by the tests
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdarg.h>
#include <sqlite3.h>

#include "pc-json.h"
#include "pc-types.h"

G_BEGIN_DECLS

/* The passphrase of every key the tests make. */
#define PC_TEST_PASSPHRASE "correct horse battery"

/* The division every test assessment is in. */
#define PC_TEST_DIVISION "barnet_mental_health"

/* Every helper asserts on failure, so a test reads as its steps. */

/* A new empty folder under g_get_tmp_dir(), removed with everything in
 * it when the current test case ends. Returns: (transfer full) */
char         *pc_test_make_tmp_dir      (void);

/* A path for a database that does not exist yet, in a new folder from
 * pc_test_make_tmp_dir(). Returns: (transfer full) */
char         *pc_test_db_path           (void);

/* Removes @path and, when it is a folder, everything in it. A path that
 * does not exist is not an error. */
void          pc_test_remove_tree       (const char   *path);

/* Opens the store at @path, which must succeed; @path NULL opens a new
 * database from pc_test_db_path(), never the user's own.
 * Returns: (transfer full) */
PcStore      *pc_test_open_store        (const char   *path);

/* The built-in checklist. Returns: (transfer full) */
PcChecklist  *pc_test_default_checklist (void);

/* 22 November 2026 at @hour:15 UTC, the day the tests' assessments are
 * signed and exported. Returns: (transfer full) */
GDateTime    *pc_test_time_at           (int           hour);

/* A header with @title and @lead, in PC_TEST_DIVISION, a new service;
 * change its fields before passing it on. Returns: (transfer full) */
PcAssessment *pc_test_header_new        (const char   *title,
                                         const char   *lead);

/* Creates a draft with @header against the built-in checklist and
 * returns its id. */
gint64        pc_test_create_assessment_with (PcStore            *store,
                                              const PcAssessment *header);

/* Creates a draft titled @title led by @lead against the built-in
 * checklist and returns its id. */
gint64        pc_test_create_assessment (PcStore      *store,
                                         const char   *title,
                                         const char   *lead);

/* Rates every prompt of @assessment_id met, with evidence naming the
 * prompt, so the linter finds nothing that blocks sign-off. */
void          pc_test_answer_all        (PcStore      *store,
                                         gint64        assessment_id);

/* The latest revision of @assessment_id, which must load.
 * Returns: (transfer full) */
PcAssessment *pc_test_load_assessment   (PcStore      *store,
                                         gint64        assessment_id);

/* The state of the latest revision of @assessment_id. */
PcState       pc_test_state_of          (PcStore      *store,
                                         gint64        assessment_id);

/* The audit trail of @assessment_id, oldest first.
 * Returns: (transfer container) (element-type PcAuditEntry) */
GPtrArray    *pc_test_history           (PcStore      *store,
                                         gint64        assessment_id);

/* How many rows the audit trail of @assessment_id has. */
guint         pc_test_n_audit_rows      (PcStore      *store,
                                         gint64        assessment_id);

/* Asserts that the audit chain of @assessment_id holds over all its
 * rows, and that its head is the newest row's hash. */
void          pc_test_assert_chain_holds (PcStore     *store,
                                          gint64       assessment_id);

/* The id of the @n-th prompt of the built-in checklist, counting every
 * principle's prompts in order. Returns: (transfer full) */
char         *pc_test_nth_prompt_id     (guint         n);

/* Submits @assessment_id signed by @author, which must succeed. */
void          pc_test_submit            (PcStore      *store,
                                         gint64        assessment_id,
                                         PcSigningKey *author);

/* Reviews @assessment_id with @decision (and @reason, nullable) signed
 * by @reviewer, which must succeed. */
void          pc_test_review            (PcStore      *store,
                                         gint64        assessment_id,
                                         PcMeaning     decision,
                                         const char   *reason,
                                         PcSigningKey *reviewer);

/* Submits @assessment_id signed by @author and approves it signed by
 * @reviewer. */
void          pc_test_approve           (PcStore      *store,
                                         gint64        assessment_id,
                                         PcSigningKey *author,
                                         PcSigningKey *reviewer);

/* Creates a draft titled @title led by @lead, rates every prompt as
 * pc_test_answer_all() does, and submits it signed by @author, leaving
 * it in review (which it asserts). Returns: its id */
gint64        pc_test_create_submitted  (PcStore      *store,
                                         const char   *title,
                                         const char   *lead,
                                         PcSigningKey *author);

/* Creates a complete assessment titled @title, led by @author, submitted
 * by @author in @author_role and approved by @reviewer in
 * @reviewer_role, each with a key of their own. Returns: its id */
gint64        pc_test_create_approved_assessment (PcStore    *store,
                                                  const char *title,
                                                  const char *author,
                                                  const char *author_role,
                                                  const char *reviewer,
                                                  const char *reviewer_role);

/* Exports @assessment_id to @path as the command line does, stamped
 * @exported_at and linted as of that day. */
void          pc_test_export_summary    (PcStore      *store,
                                         gint64        assessment_id,
                                         GDateTime    *exported_at,
                                         const char   *path);

/* Generates a key for @name in @role, with PC_TEST_PASSPHRASE, in a
 * keys folder of its own (so two keys may have names that compare
 * equal). Returns: (transfer full) */
PcSigningKey *pc_test_signing_key_new   (const char   *name,
                                         const char   *role);

/* The whole contents of @path, which must be readable.
 * Returns: (transfer full) */
GBytes       *pc_test_read_file         (const char   *path);

/* Asserts that @path holds exactly @expected, and that SQLite has left
 * no "-wal", "-shm" or "-journal" file beside it. */
void          pc_test_assert_file_unchanged (const char *path,
                                             GBytes     *expected);

/* Asserts that @error's message is one line and names @path. */
void          pc_test_assert_message_names (const GError *error,
                                            const char   *path);

/* A plain SQLite connection to @path, as another program would open
 * it, waiting for a lock as long as pc_test_hung_seconds(). Close it with
 * sqlite3_close(). */
sqlite3      *pc_test_raw_open          (const char   *path);

/* Runs @sql on @db, which must succeed. */
void          pc_test_raw_exec          (sqlite3      *db,
                                         const char   *sql);

/* The first column of the first row of @sql on @db, which must return
 * a row. */
gint64        pc_test_raw_int           (sqlite3      *db,
                                         const char   *sql);
/* Returns: (transfer full) (nullable): NULL for SQL NULL. */
char         *pc_test_raw_text          (sqlite3      *db,
                                         const char   *sql);

/* Runs tests/validate-json.py over @path with schema/summary.schema.json;
 * fails the test, with the validator's words, when it does not hold. */
void          pc_test_assert_valid_summary (const char *path);

/* Runs @sql on the database at @path through a plain connection with
 * every trigger dropped, then puts each trigger back exactly as it was,
 * as someone with the sqlite3 shell could: the schema is unchanged, so
 * only the signatures can tell. */
void          pc_test_raw_exec_behind_triggers (const char *path,
                                                const char *sql);

/* Waiting for something to happen
 *
 * A test never waits a fixed time: it runs the main loop until what it
 * waits for has happened. The one limit, pc_test_hung_seconds(), only
 * ends a test that would otherwise wait for ever. */

/* A condition waited for: whether it holds now. */
typedef gboolean (*PcTestCondition) (gpointer data);

/* How long a wait may last before the test counts as hung: 60 s, times
 * $PC_TEST_TIMEOUT_MULTIPLIER when that is set (a whole number). */
guint         pc_test_hung_seconds      (void);

/* The monotonic time (g_get_monotonic_time()) a wait that starts now is
 * hung at. */
gint64        pc_test_hung_deadline     (void);

/* Fails the test, saying it was still waiting for @what, when
 * g_get_monotonic_time() has reached @deadline. */
void          pc_test_assert_not_hung   (gint64        deadline,
                                         const char   *what);

/* Runs the default main context until @condition (@data) holds; fails
 * the test, naming @what, when it still does not after
 * pc_test_hung_seconds(). */
void          pc_test_wait_until        (PcTestCondition  condition,
                                         gpointer         data,
                                         const char      *what);

/* Runs the default main context until *@counter is at least @wanted; as
 * pc_test_wait_until() otherwise. */
void          pc_test_wait_for_count    (const guint  *counter,
                                         guint         wanted,
                                         const char   *what);

/* Runs the default main context until *@pointer is NULL (a weak pointer
 * to an object that is to go); as pc_test_wait_until() otherwise. */
void          pc_test_wait_for_null     (gpointer     *pointer,
                                         const char   *what);

/* Runs the default main context until it has nothing ready to run; as
 * pc_test_wait_until() otherwise. */
void          pc_test_wait_idle         (void);

/* Running another program */

/* Runs @argv (NULL-terminated; @argv[0] looked for in PATH) and returns
 * its exit status, asserting that it exited rather than died. @out and
 * @err (both nullable) receive what it printed; its stderr also goes to
 * the test's log. */
int           pc_test_run_program       (const char * const  *argv,
                                         char               **out,
                                         char               **err);

/* Runs @argv, which must exit 0, failing the test with what it printed
 * otherwise. Returns: (transfer full): what it printed on stdout */
char         *pc_test_run_program_ok    (const char * const  *argv);

/* Running the command line
 *
 * Each runs $PC_CLI with the arguments given, then "--db @db" when @db is
 * not NULL, as a user would: in this process's environment and folders
 * (those G_TEST_OPTION_ISOLATE_DIRS made), untranslated, with nothing on
 * its standard input, no controlling terminal and no display. @out and
 * @err (both nullable) receive what it printed. Each returns its exit
 * status, asserting that it exited rather than died. */

/* Whether $PC_CLI is set; when it is not, skips the test and returns
 * FALSE. */
gboolean      pc_test_have_cli          (void);

/* @args is NULL-terminated. */
int           pc_test_run_cli_argv      (const char          *db,
                                         const char * const  *args,
                                         char               **out,
                                         char               **err);

/* As pc_test_run_cli_argv(), with XDG_DATA_HOME (where the signing keys
 * live) @data_home instead of this process's when it is not NULL. */
int           pc_test_run_cli_with_data_home (const char          *data_home,
                                              const char          *db,
                                              const char * const  *args,
                                              char               **out,
                                              char               **err);

/* As pc_test_run_cli_argv(), with the NULL-terminated arguments from
 * @first. */
int           pc_test_run_cli           (const char   *db,
                                         char        **out,
                                         char        **err,
                                         const char   *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* The arguments from @first to the NULL that ends @ap, and a NULL after
 * them, for a function taking them as pc_test_run_cli() does.
 * Returns: (transfer container) */
GPtrArray    *pc_test_collect_args      (const char   *first,
                                         va_list       ap);

/* Runs a command that must succeed (exit 0, nothing on stderr).
 * Returns: (transfer full): what it printed on stdout */
char         *pc_test_run_cli_ok        (const char   *db,
                                         const char   *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* Runs a command that must succeed, as pc_test_run_cli_ok(), and parses
 * what it printed as JSON. Returns: (transfer full) */
cJSON        *pc_test_run_cli_json      (const char   *db,
                                         const char   *first,
                                         ...) G_GNUC_NULL_TERMINATED;

/* Messages */

/* @text parsed as JSON; fails the test, quoting it, when it is not.
 * Returns: (transfer full) */
cJSON        *pc_test_parse_json        (const char   *text);

/* The JSON document @bytes (or the file at @path) holds, parsed as
 * strictly as the program parses a summary; fails the test when it is
 * not one. Returns: (transfer full) */
cJSON        *pc_test_parse_json_bytes  (GBytes       *bytes);
cJSON        *pc_test_parse_json_file   (const char   *path);

/* Asserts that @text, as printed, is exactly one non-empty line ending
 * in a newline, containing @needle when @needle is not NULL. */
void          pc_test_assert_printed_line (const char *text,
                                           const char *needle);

/* Asserts that @message (an error's message) is one non-empty line: no
 * newline and no carriage return. */
void          pc_test_assert_one_line   (const char   *message);

G_END_DECLS
