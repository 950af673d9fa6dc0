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
  gboolean     read_only;  /* --read-only: open the database without writing to it */
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
/* For a command with sub-commands ("link add", "checklist validate"):
 * when the first word of @argv after the command (past any "--db
 * FILE") is @name, makes it the command's first word, names the
 * command @usage in messages and returns TRUE. */
gboolean  _pc_cli_take_subcommand (PcCliContext  *ctx,
                                   int           *argc,
                                   char        ***argv,
                                   const char    *name,
                                   const char    *usage);

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
/* Appends @text (nullable) to @out as _pc_cli_line() shows it. */
void      _pc_cli_append_line   (GString        *out,
                                 const char     *text);
/* Frees what _pc_cli_line() made; the dispatcher calls it when a command returns. */
void      _pc_cli_lines_clear   (void);
/* The print handlers a command runs under (g_set_print_handler()). */
void      _pc_cli_print_stdout  (const char     *text);
void      _pc_cli_print_stderr  (const char     *text);

/* Prints "      LABEL: " and the first line of @text, then each further
 * line of it indented below, as show prints evidence and reasons. */
void      _pc_cli_print_indented (const char    *label,
                                  const char    *text);

/* Appends @text to @out and then spaces up to @width characters (not
 * bytes: "İ" is one), and one more, for a column of a table. */
void      _pc_cli_append_cell   (GString        *out,
                                 const char     *text,
                                 guint           width);
/* Pads the cell that begins at byte @start of @out (its text already
 * appended) as _pc_cli_append_cell() does. */
void      _pc_cli_pad_cell      (GString        *out,
                                 gsize           start,
                                 guint           width);
/* The same, printed at once. */
void      _pc_cli_print_cell    (const char     *text,
                                 guint           width);

/* Opens the database of --db (or the default). On failure prints the
 * error and returns NULL. */
PcStore  *_pc_cli_open_store    (PcCliContext   *ctx);

/* Loads the latest revision (or @revision) of @reference; prints the
 * error (saying so when @reference is an imported summary, not a local
 * assessment) and returns NULL on failure. */
PcAssessment *_pc_cli_load      (PcCliContext   *ctx,
                                 PcStore        *store,
                                 const char     *reference,
                                 int             revision);
/* _pc_cli_load() of @reference into *@out_a, and the checklist it was
 * made against into *@out_checklist, as show, check and export need
 * them. Returns PC_EXIT_OK, or the exit status after printing why not. */
int       _pc_cli_load_with_checklist (PcCliContext  *ctx,
                                       PcStore       *store,
                                       const char    *reference,
                                       int            revision,
                                       PcAssessment **out_a,
                                       PcChecklist  **out_checklist);
/* The stored file of the imported summary @reference (@revision, 0:
 * the latest), or NULL after printing the error. */
GBytes   *_pc_cli_load_imported (PcCliContext   *ctx,
                                 PcStore        *store,
                                 const char     *reference,
                                 int             revision);

/* Opens the database and loads @revision (0: the latest) of the
 * assessment the command's first argument names, into *@out_store and
 * the result; prints the error and returns NULL on failure. */
PcAssessment *_pc_cli_open_and_load (PcCliContext *ctx,
                                     PcStore     **out_store,
                                     int           revision);

/* How a command that changed something ends: PC_EXIT_OK when @ok,
 * otherwise *@error printed with the exit status it deserves. (@error
 * is a pointer so that the change may be the argument @ok itself.) */
int       _pc_cli_finish        (PcCliContext   *ctx,
                                 gboolean        ok,
                                 GError        **error);
/* The same for a command that added a row: prints its @id on a line of
 * its own, or *@error when @id is 0. */
int       _pc_cli_finish_id     (PcCliContext   *ctx,
                                 gint64          id,
                                 GError        **error);

/* For verify and import, which take "FILE [--trusted KEYS]": parses
 * @argv (with @summary for --help), loads the keys of --trusted into
 * *@out_trusted (NULL without it) and reads FILE, a summary file, into
 * *@out_bytes, refusing with one line anything but a regular file of at
 * most PC_FILE_MAX_SUMMARY bytes. FALSE after printing why not. */
gboolean  _pc_cli_parse_summary_file (PcCliContext   *ctx,
                                      int            *argc,
                                      char         ***argv,
                                      const char     *summary,
                                      PcTrustedKeys **out_trusted,
                                      GBytes        **out_bytes);

/* Prints @json pretty-printed, one value, and a newline. */
void      _pc_cli_print_json    (const cJSON    *json);
/* A command that lists what the database holds, as list and signers
 * do: parses @argv (its only option --json; @summary for --help), opens
 * the database and lists with @list_func; with --json, prints a JSON
 * array of @to_json of each row (as _pc_cli_print_json()), otherwise
 * hands the rows to @print_func. Returns the exit status. */
int       _pc_cli_list_command  (PcCliContext   *ctx,
                                 int             argc,
                                 char          **argv,
                                 const char     *summary,
                                 GPtrArray     *(*list_func) (PcStore *store, GError **error),
                                 cJSON         *(*to_json) (gconstpointer row),
                                 void           (*print_func) (GPtrArray *rows));

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

/* show --imported (pc-cli-import.c). */
int       _pc_cli_show_imported    (PcCliContext *ctx, PcStore *store, const char *reference, int revision,
                                    gboolean json);

G_END_DECLS
