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
#include <string.h>

#include "pc-file.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-store.h"
#include "pc-text.h"

/* Framework */

/* The bytes that pc_text_escape_terminal() passes as they are wherever
 * they stand: printable ASCII, and newline and tab in multiline text. */
#define PLAIN_ASCII " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"

/* @text (nullable) as pc_text_escape_terminal() shows it, byte for
 * byte, at a fraction of its cost: runs of plain ASCII, nearly all of a
 * list of 10,000 rows, are taken as they are, and only the runs between
 * them go through pc_text_escape_terminal(). Escaping a run apart from
 * its plain neighbours changes nothing: a character's neighbours matter
 * only to a joiner or a variation selector, and an ASCII one allows
 * neither, just as the start or the end of the text does not; a UTF-8
 * sequence never spans an ASCII byte (test-cli-text holds this to
 * pc_text_escape_terminal()). Appends the result to @out (nullable);
 * returns whether it differs from @text, at once when @out is NULL. */
static gboolean
escape_runs (GString    *out,
             const char *text,
             gboolean    multiline)
{
  const char *plain = multiline ? PLAIN_ASCII "\n\t" : PLAIN_ASCII;
  const char *p = text;
  gboolean changed = FALSE;

  if (text == NULL)
    return FALSE;

  while (*p != '\0')
    {
      gsize n_plain = strspn (p, plain);
      gsize n_other;

      if (out != NULL)
        g_string_append_len (out, p, n_plain);
      p += n_plain;

      n_other = strcspn (p, plain);
      if (n_other > 0)
        {
          g_autofree char *run = g_strndup (p, n_other);
          g_autofree char *safe = pc_text_escape_terminal (run, multiline);

          changed = changed || strcmp (safe, run) != 0;
          if (out == NULL && changed)
            return TRUE;
          if (out != NULL)
            g_string_append (out, safe);
          p += n_other;
        }
    }

  return changed;
}

/* @raw made safe to print on one line: every control character, line
 * breaks too, and every bidirectional or invisible format character is
 * shown as an escape ("\u001b", "\n"); bytes that are not UTF-8 (a file
 * name in another encoding) are shown as U+FFFD. */
static char *
one_line (const char *raw)
{
  GString *out = g_string_sized_new (strlen (raw));

  escape_runs (out, raw, FALSE);
  return g_string_free (out, FALSE);
}

void
_pc_cli_append_line (GString    *out,
                     const char *text)
{
  escape_runs (out, text, FALSE);
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
  g_autoptr(GString) safe = NULL;
  g_autofree char *converted = NULL;
  const char *charset;

  /* Most text needs no escape at all, and is printed as it is, not
   * copied. */
  if (escape_runs (NULL, text, TRUE))
    {
      safe = g_string_sized_new (strlen (text) + 64);
      escape_runs (safe, text, TRUE);
      text = safe->str;
    }

  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

  fputs (converted != NULL ? converted : text, stream);
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
    { "read-only", 0, 0, G_OPTION_ARG_NONE, &ctx->read_only,
      N_("Open the database without writing anything to it (an archived copy, a network drive): changes are refused"),
      NULL },
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

gboolean
_pc_cli_take_subcommand (PcCliContext  *ctx,
                         int           *argc,
                         char        ***argv,
                         const char    *name,
                         const char    *usage)
{
  int j = 1;
  char *word;

  /* The first word that is not an option, past a "--db FILE" the user
   * may have put first ("principle-check --db F link add …"). */
  while (j < *argc && g_str_equal ((*argv)[j], "--db"))
    j += 2;
  if (j >= *argc || !g_str_equal ((*argv)[j], name))
    return FALSE;

  /* It becomes the command's first word, the options after it. */
  word = (*argv)[j];
  for (int k = j; k > 1; k--)
    (*argv)[k] = (*argv)[k - 1];
  (*argv)[1] = word;

  ctx->name = g_intern_static_string (usage);
  (*argc)--;
  (*argv)++;
  return TRUE;
}

void
_pc_cli_context_clear (PcCliContext *ctx)
{
  g_clear_pointer (&ctx->db_path, g_free);
}

void
_pc_cli_print_indented (const char *label,
                        const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_print ("      %s: %s\n", label, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("        %s\n", lines[i]);
}

void
_pc_cli_append_cell (GString    *out,
                     const char *text,
                     guint       width)
{
  gsize start = out->len;

  g_string_append (out, text);
  _pc_cli_pad_cell (out, start, width);
}

void
_pc_cli_pad_cell (GString *out,
                  gsize    start,
                  guint    width)
{
  static const char spaces[] = "                                ";
  glong pad = (glong) width - g_utf8_strlen (out->str + start, (gssize) (out->len - start));

  for (; pad > 0; pad -= sizeof spaces - 1)
    g_string_append_len (out, spaces, MIN (pad, (glong) sizeof spaces - 1));
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

  store = ctx->read_only ? pc_store_open_read_only (ctx->db_path, &error)
                         : pc_store_open (ctx->db_path, &error);

  if (store == NULL)
    _pc_cli_fail_error (ctx, error);
  else if (pc_store_get_altered_schema (store) != NULL)
    _pc_cli_fail (ctx, PC_EXIT_FAILED, "%s", pc_store_get_altered_schema (store));

  return store;
}

gboolean
_pc_cli_parse_summary_file (PcCliContext    *ctx,
                            int             *argc,
                            char          ***argv,
                            const char      *summary,
                            PcTrustedKeys  **out_trusted,
                            GBytes         **out_bytes)
{
  g_autofree char *trusted_path = NULL;
  const GOptionEntry entries[] = {
    { "trusted", 0, 0, G_OPTION_ARG_FILENAME, &trusted_path,
      N_("Accept only the signers’ keys listed in KEYS, one “name<TAB>public key” line each; without it, nothing confirms who signed"),
      N_("KEYS") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;

  *out_trusted = NULL;
  *out_bytes = NULL;
  if (!_pc_cli_parse (ctx, argc, argv, entries, "FILE [--trusted KEYS]", 1, summary))
    return FALSE;

  if (trusted_path != NULL
      && (*out_trusted = pc_trusted_keys_load (trusted_path, &error)) == NULL)
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);
      return FALSE;
    }

  /* Anything but a regular file (a named pipe is never waited on), or
   * one over PC_FILE_MAX_SUMMARY (a summary holds digests, not the
   * attachments themselves, so a real one is far smaller), is refused. */
  *out_bytes = pc_file_read_bounded (ctx->args[0], PC_FILE_MAX_SUMMARY, _("summary file"), &error);
  if (*out_bytes == NULL)
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Finding an assessment, local or imported, by reference */

/* --revision N: 0 is the latest, and a revision is 1 or more. */
static gboolean
revision_valid (PcCliContext *ctx,
                int           revision)
{
  if (revision >= 0)
    return TRUE;

  _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--revision must be 1 or more"));
  return FALSE;
}

GBytes *
_pc_cli_load_imported (PcCliContext *ctx,
                       PcStore      *store,
                       const char   *reference,
                       int           revision)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  gint64 id;

  if (!revision_valid (ctx, revision))
    return NULL;

  id = pc_store_find_import (store, reference, revision, &error);
  if (id == 0)
    {
      _pc_cli_fail_error (ctx, error);
      return NULL;
    }

  bytes = pc_store_get_imported_document (store, id, &error);
  if (bytes == NULL)
    _pc_cli_fail_error (ctx, error);

  return bytes;
}

/* When @reference is not local but was imported, prints a line saying
 * so and returns TRUE. */
static gboolean
fail_if_imported (PcCliContext *ctx,
                  PcStore      *store,
                  const char   *reference,
                  int           revision)
{
  g_autoptr(GError) error = NULL;

  if (pc_store_find_import (store, reference, revision, &error) == 0)
    return FALSE;

  if (g_str_equal (ctx->name, "show") || g_str_equal (ctx->name, "export"))
    _pc_cli_fail (ctx, PC_EXIT_USAGE,
                  _("There is no assessment %s made in this database, but it is an imported summary: add --imported"),
                  reference);
  else
    _pc_cli_fail (ctx, PC_EXIT_USAGE,
                  _("%s is an imported summary, kept read-only as it came, not an assessment made in this database: read it with “principle-check show %s --imported”"),
                  reference, reference);

  return TRUE;
}

/* A local assessment, or a message that says where an imported one is. */
PcAssessment *
_pc_cli_load (PcCliContext *ctx,
              PcStore      *store,
              const char   *reference,
              int           revision)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a;

  if (!revision_valid (ctx, revision))
    return NULL;

  a = pc_store_load_assessment (store, reference, revision, &error);
  if (a == NULL
      && !(g_error_matches (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND)
           && fail_if_imported (ctx, store, reference, revision)))
    _pc_cli_fail_error (ctx, error);

  return a;
}

int
_pc_cli_load_with_checklist (PcCliContext  *ctx,
                             PcStore       *store,
                             const char    *reference,
                             int            revision,
                             PcAssessment **out_a,
                             PcChecklist  **out_checklist)
{
  g_autoptr(GError) error = NULL;

  if ((*out_a = _pc_cli_load (ctx, store, reference, revision)) == NULL)
    return PC_EXIT_USAGE;
  if ((*out_checklist = pc_store_load_checklist_for (store, *out_a, &error)) == NULL)
    return _pc_cli_fail_error (ctx, error);

  return PC_EXIT_OK;
}

PcAssessment *
_pc_cli_open_and_load (PcCliContext  *ctx,
                       PcStore      **out_store,
                       int            revision)
{
  *out_store = _pc_cli_open_store (ctx);
  if (*out_store == NULL)
    return NULL;

  return _pc_cli_load (ctx, *out_store, ctx->args[0], revision);
}

int
_pc_cli_finish (PcCliContext  *ctx,
                gboolean       ok,
                GError       **error)
{
  return ok ? PC_EXIT_OK : _pc_cli_fail_error (ctx, *error);
}

int
_pc_cli_finish_id (PcCliContext  *ctx,
                   gint64         id,
                   GError       **error)
{
  if (id == 0)
    return _pc_cli_fail_error (ctx, *error);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return PC_EXIT_OK;
}

int
_pc_cli_list_command (PcCliContext  *ctx,
                      int            argc,
                      char         **argv,
                      const char    *summary,
                      GPtrArray    *(*list_func) (PcStore *store, GError **error),
                      cJSON        *(*to_json) (gconstpointer row),
                      void          (*print_func) (GPtrArray *rows))
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, NULL, 0, summary))
    return PC_EXIT_USAGE;
  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;
  if ((rows = list_func (store, &error)) == NULL)
    return _pc_cli_fail_error (ctx, error);

  if (json)
    {
      g_autoptr(cJSON) array = cJSON_CreateArray ();

      for (guint i = 0; i < rows->len; i++)
        cJSON_AddItemToArray (array, to_json (g_ptr_array_index (rows, i)));
      _pc_cli_print_json (array);
    }
  else
    print_func (rows);

  return PC_EXIT_OK;
}

void
_pc_cli_print_json (const cJSON *json)
{
  char *text = cJSON_Print (json);

  g_print ("%s\n", text);
  cJSON_free (text);
}
