/* pc-cli-common.c: what every command shares with the dispatcher:
 * printing safely, failing with a message, parsing options, opening the
 * database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pc-lifecycle.h"
#include "pc-store.h"
#include "pc-text.h"

/* Framework */

/* @raw made safe to print on one line: every control character, line
 * breaks too, and every bidirectional or invisible format character is
 * shown as an escape ("\u001b", "\n"); bytes that are not UTF-8 (a file
 * name in another encoding) are shown as U+FFFD. */
static char *
one_line (const char *raw)
{
  return pc_text_escape_terminal (raw, FALSE);
}

/* The strings _pc_cli_line() made, freed when the command returns. */
static GPtrArray *printed_lines = NULL;

void
_pc_cli_lines_clear (void)
{
  g_clear_pointer (&printed_lines, g_ptr_array_unref);
}

const char *
_pc_cli_line (const char *text)
{
  char *line;

  if (text == NULL)
    return NULL;

  if (printed_lines == NULL)
    printed_lines = g_ptr_array_new_with_free_func (g_free);
  line = one_line (text);
  g_ptr_array_add (printed_lines, line);

  return line;
}

/* Everything a command prints, on stdout and stderr, goes through here:
 * text from the database, a file or another person's summary may hold
 * terminal escapes or bidirectional overrides, which are shown as
 * escapes and never reach the terminal. Newlines and tabs pass, so that
 * several lines print as several lines; _pc_cli_line() keeps a value on
 * one line. */
static void
print_safely (FILE       *stream,
              const char *text)
{
  g_autofree char *safe = pc_text_escape_terminal (text, TRUE);
  g_autofree char *converted = NULL;
  const char *charset;

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (safe, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

  fputs (converted != NULL ? converted : safe, stream);
  fflush (stream);
}

void
_pc_cli_print_stdout (const char *text)
{
  print_safely (stdout, text);
}

void
_pc_cli_print_stderr (const char *text)
{
  print_safely (stderr, text);
}

int
_pc_cli_fail (PcCliContext *ctx,
              int           status,
              const char   *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  line = one_line (message);
  g_printerr ("principle-check %s: %s\n", ctx->name, line);

  return status;
}

int
_pc_cli_fail_error (PcCliContext *ctx,
                    const GError *error)
{
  int status = PC_EXIT_USAGE;

  if (g_error_matches (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_BLOCKED)
      || g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN))
    status = PC_EXIT_FAILED;
  if (g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED)
      || g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_CHANGED)
      || g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_UNKNOWN_KEY))
    status = PC_EXIT_FAILED;

  return _pc_cli_fail (ctx, status, "%s", error->message);
}

gboolean
_pc_cli_parse (PcCliContext        *ctx,
               int                 *argc,
               char              ***argv,
               const GOptionEntry  *entries,
               const char          *args_usage,
               int                  n_required,
               const char          *summary)
{
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &ctx->db_path,
      N_("The database (default: ~/.local/share/principle-check/assessments.db)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *usage = args_usage != NULL ? g_strdup_printf ("%s %s", ctx->name, args_usage)
                                              : g_strdup (ctx->name);
  g_autofree char *prgname = g_strdup_printf ("principle-check %s", ctx->name);

  /* --help then reads "principle-check review [OPTION…] REF". (A test
   * running commands in its own process keeps its own name.) */
  if (g_get_prgname () == NULL)
    g_set_prgname (prgname);
  context = g_option_context_new (args_usage);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE, _("%s: run “principle-check %s --help” for the options"),
                    error->message, ctx->name);
      return FALSE;
    }

  /* (*argv)[0] is the command itself. */
  ctx->args = *argc > 1 ? &(*argv)[1] : NULL;
  ctx->n_args = *argc - 1;

  for (int i = 0; i < ctx->n_args; i++)
    if (ctx->args[i][0] == '-' && ctx->args[i][1] != '\0')
      {
        _pc_cli_fail (ctx, PC_EXIT_USAGE,
                      _("Unknown option %s: run “principle-check %s --help” for the options"),
                      ctx->args[i], ctx->name);
        return FALSE;
      }

  if (ctx->n_args != n_required)
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE,
                    ctx->n_args < n_required
                    ? _("Missing arguments: usage is “principle-check %s”")
                    : _("Too many arguments: usage is “principle-check %s”"),
                    usage);
      return FALSE;
    }

  return TRUE;
}

void
_pc_cli_context_clear (PcCliContext *ctx)
{
  g_clear_pointer (&ctx->db_path, g_free);
}

void
_pc_cli_append_cell (GString    *out,
                     const char *text,
                     guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  g_string_append_c (out, ' ');
}

void
_pc_cli_print_cell (const char *text,
                    guint       width)
{
  g_autoptr(GString) out = g_string_new (NULL);

  _pc_cli_append_cell (out, text, width);
  g_print ("%s", out->str);
}

PcStore *
_pc_cli_open_store (PcCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  PcStore *store;

  /* A mistyped --db must not quietly become a new, empty database: only
   * the commands that add assessments may create one. */
  if (ctx->db_path != NULL && !ctx->may_create
      && !g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE,
                    _("There is no database at “%s”: check the path, or start one with “principle-check new” or “principle-check demo”"),
                    ctx->db_path);
      return NULL;
    }

  store = pc_store_open (ctx->db_path, &error);

  if (store == NULL)
    _pc_cli_fail_error (ctx, error);
  else if (pc_store_get_altered_schema (store) != NULL)
    _pc_cli_fail (ctx, PC_EXIT_FAILED, "%s", pc_store_get_altered_schema (store));

  return store;
}

void
_pc_cli_print_json (const cJSON *json)
{
  char *text = cJSON_Print (json);

  g_print ("%s\n", text);
  cJSON_free (text);
}
