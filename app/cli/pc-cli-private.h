/* pc-cli-private.h: what the command line's files share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cjson/cJSON.h>
#include <gio/gio.h>

#include "pc-cli.h"
#include "pc-types.h"
#include "pc-verify.h"

G_BEGIN_DECLS

/* One command's parsed invocation. */
typedef struct
{
  const char  *name;       /* "list", "action add", … */
  char        *db_path;    /* --db, or NULL for the default */
  char       **args;       /* positional arguments after the command */
  int          n_args;
  gboolean     may_create; /* may --db name a file that does not exist yet */
} PcCliContext;

typedef int (*PcCliFunc) (PcCliContext *ctx);

/* Parses @argv (the command's own words, argv[0] being the command) with
 * @entries plus --db; on failure prints the one-line error and returns
 * FALSE. @args_usage describes the positional arguments ("REF PROMPT_ID")
 * and @n_required says how many there must be. */
gboolean  _pc_cli_parse         (PcCliContext   *ctx,
                                 int            *argc,
                                 char         ***argv,
                                 const GOptionEntry *entries,
                                 const char     *args_usage,
                                 int             n_required,
                                 const char     *summary);
void      _pc_cli_context_clear (PcCliContext   *ctx);

/* Prints "principle-check COMMAND: MESSAGE" as one line on stderr and
 * returns @status. */
int       _pc_cli_fail          (PcCliContext   *ctx,
                                 int             status,
                                 const char     *format,
                                 ...) G_GNUC_PRINTF (3, 4);
/* Prints @error as one line and returns the exit status it deserves. */
int       _pc_cli_fail_error    (PcCliContext   *ctx,
                                 const GError   *error);

/* @text (nullable) made safe to print on one line, its control and
 * invisible characters shown as escapes; the string lives until the
 * command returns. Everything printed goes through an escaping print
 * handler too, which keeps newlines: a value printed where one line is
 * expected goes through this. */
const char *_pc_cli_line        (const char     *text);
/* Frees what _pc_cli_line() made; the dispatcher calls it when a command returns. */
void      _pc_cli_lines_clear   (void);
/* The print handlers a command runs under (g_set_print_handler()). */
void      _pc_cli_print_stdout  (const char     *text);
void      _pc_cli_print_stderr  (const char     *text);

/* Appends @text to @out and then spaces up to @width characters (not
 * bytes: "İ" is one), and one more, for a column of a table. */
void      _pc_cli_append_cell   (GString        *out,
                                 const char     *text,
                                 guint           width);
/* The same, printed at once. */
void      _pc_cli_print_cell    (const char     *text,
                                 guint           width);

/* Opens the database of --db (or the default). On failure prints the
 * error and returns NULL. */
PcStore  *_pc_cli_open_store    (PcCliContext   *ctx);

/* Loads the latest revision (or @revision) of @reference; prints the
 * error and returns NULL on failure. */
PcAssessment *_pc_cli_load      (PcCliContext   *ctx,
                                 PcStore        *store,
                                 const char     *reference,
                                 int             revision);

/* --trusted KEYS, as verify and import take it. */
#define PC_CLI_TRUSTED_OPTION(path_var) \
  { "trusted", 0, 0, G_OPTION_ARG_FILENAME, &(path_var), \
    N_("Accept only the signers’ keys listed in KEYS, one “name<TAB>public key” line each; without it, nothing confirms who signed"), \
    N_("KEYS") }

/* Loads the trusted keys of --trusted @path (nullable: none) into
 * *@out_trusted; FALSE after printing why they cannot be read. */
gboolean  _pc_cli_load_trusted  (PcCliContext   *ctx,
                                 const char     *path,
                                 PcTrustedKeys **out_trusted);

/* Prints @json pretty-printed, one value, and a newline. */
void      _pc_cli_print_json    (const cJSON    *json);

/* Commands */
int       _pc_cli_new           (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_set           (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_answer        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_attach        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_link          (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_action        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_coproduction  (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_keygen        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_submit        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_review        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_revise        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_export        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_import        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_verify        (PcCliContext   *ctx, int argc, char **argv);
int       _pc_cli_signers       (PcCliContext   *ctx, int argc, char **argv);

/* Imported summaries (pc-cli-import.c). _pc_cli_load_imported() returns
 * the stored file, or prints the error and returns NULL;
 * _pc_cli_fail_if_imported() prints, when @reference is not local but
 * was imported, a line saying so and returns TRUE. */
GBytes   *_pc_cli_load_imported    (PcCliContext *ctx, PcStore *store, const char *reference, int revision);
gboolean  _pc_cli_fail_if_imported (PcCliContext *ctx, PcStore *store, const char *reference, int revision);
int       _pc_cli_show_imported    (PcCliContext *ctx, PcStore *store, const char *reference, int revision,
                                    gboolean json);

G_END_DECLS
