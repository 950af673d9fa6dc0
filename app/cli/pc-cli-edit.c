/* pc-cli-edit.c: the command line's commands that change assessments
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-file.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* Vocabulary typed on the command line: an id, or its label in any
 * case ("Enfield Mental Health" for enfield_mental_health). */
static gboolean
match_vocab (PcVocab     vocab,
             const char *text,
             guint      *out)
{
  for (guint i = 0; i < pc_vocab_n_choices (vocab); i++)
    {
      guint value = pc_vocab_choice (vocab, i);

      if (g_ascii_strcasecmp (text, pc_vocab_id (vocab, value)) == 0
          || pc_text_names_equal (text, pc_vocab_label (vocab, value)))
        {
          *out = value;
          return TRUE;
        }
    }

  return FALSE;
}

/* Says that @value is not a @what, and lists what it may be. */
static int
fail_choices (PcCliContext *ctx,
              const char   *what,
              const char   *value,
              const char   *list)
{
  return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("“%s” is not a %s: use one of %s"), value, what, list);
}

static int
fail_vocab (PcCliContext *ctx,
            const char   *what,
            const char   *value,
            PcVocab       vocab)
{
  g_autofree char *list = pc_vocab_describe (vocab);

  return fail_choices (ctx, what, value, list);
}

/* new */

int
_pc_cli_new (PcCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *division = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *start_date = NULL;
  g_autofree char *review_date = NULL;
  g_autofree char *outcomes = NULL;
  g_autofree char *affected = NULL;
  g_autofree char *checklist_path = NULL;
  g_auto(GStrv) team = NULL;
  g_autofree char *kinds = pc_vocab_alternatives (PC_VOCAB_KIND);
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The service or pathway assessed"), N_("T") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, kinds, N_("K") },
    { "division", 0, 0, G_OPTION_ARG_STRING, &division, N_("The division, by id or name"), N_("D") },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &lead, N_("The service lead"), N_("NAME") },
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority, N_("The clinical priority it serves"), N_("P") },
    { "team", 0, 0, G_OPTION_ARG_STRING_ARRAY, &team, N_("A team member (repeat for each)"), N_("NAME") },
    { "outcomes", 0, 0, G_OPTION_ARG_STRING, &outcomes, N_("Intended outcomes"), N_("TEXT") },
    { "affected", 0, 0, G_OPTION_ARG_STRING, &affected, N_("Who is affected"), N_("TEXT") },
    { "start-date", 0, 0, G_OPTION_ARG_STRING, &start_date, N_("Start date"), N_("YYYY-MM-DD") },
    { "review-date", 0, 0, G_OPTION_ARG_STRING, &review_date, N_("Planned review date"), N_("YYYY-MM-DD") },
    { "checklist", 0, 0, G_OPTION_ARG_FILENAME, &checklist_path, N_("Assess against this checklist file instead of the Trust’s principles"), N_("FILE") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(PcAssessment) header = NULL;
  g_autoptr(PcAssessment) created = NULL;
  g_autoptr(GError) error = NULL;
  guint division_value;
  guint kind_value;
  gint64 id;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, NULL, 0,
                      _("Starts a new assessment and prints its reference.")))
    return PC_EXIT_USAGE;

  if (title == NULL || kind == NULL || division == NULL || lead == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--title, --kind, --division and --lead are required: run “principle-check new --help”"));

  header = pc_assessment_new ();
  if (!match_vocab (PC_VOCAB_KIND, kind, &kind_value))
    return fail_vocab (ctx, _("kind of change"), kind, PC_VOCAB_KIND);
  header->kind = (PcChangeKind) kind_value;
  if (!match_vocab (PC_VOCAB_DIVISION, division, &division_value))
    return fail_vocab (ctx, _("division"), division, PC_VOCAB_DIVISION);
  if (priority != NULL && !pc_vocab_lookup (PC_VOCAB_PRIORITY, priority, NULL))
    return fail_vocab (ctx, _("clinical priority"), priority, PC_VOCAB_PRIORITY);

  header->title = g_strdup (title);
  header->division = g_strdup (pc_vocab_id (PC_VOCAB_DIVISION, division_value));
  header->lead = g_strdup (lead);
  header->priority = g_strdup (priority);
  header->outcomes = g_strdup (outcomes);
  header->affected = g_strdup (affected);
  header->start_date = g_strdup (start_date);
  header->review_date = g_strdup (review_date);
  if (team != NULL)
    {
      g_strfreev (header->team);
      header->team = g_strdupv (team);
    }

  checklist = checklist_path != NULL ? pc_checklist_new_from_file (checklist_path, &error)
                                     : pc_checklist_new_default (&error);
  if (checklist == NULL)
    return _pc_cli_fail_error (ctx, error);

  ctx->may_create = TRUE;
  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;

  id = pc_store_create_assessment (store, header, checklist, &error);
  if (id == 0 || (created = pc_store_load_assessment_by_id (store, id, &error)) == NULL)
    return _pc_cli_fail_error (ctx, error);

  g_print ("%s\n", created->reference);
  return PC_EXIT_OK;
}

/* set */

int
_pc_cli_set (PcCliContext  *ctx,
             int            argc,
             char         **argv)
{
  static const char * const fields[] = {
    "title", "kind", "division", "priority", "lead", "outcomes", "affected",
    "start_date", "review_date", "team", NULL
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  const char *field;
  const char *value;
  gboolean ok;

  if (!_pc_cli_parse (ctx, &argc, &argv, NULL, "REF FIELD VALUE", 3,
                      _("Changes one header field of a draft (title, kind, division, priority, lead, outcomes, affected, start_date, review_date, team as comma-separated names); an empty VALUE clears an optional field.")))
    return PC_EXIT_USAGE;

  field = ctx->args[1];
  value = ctx->args[2];
  if (!g_strv_contains (fields, field))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) fields);

      return fail_choices (ctx, _("header field"), field, list);
    }

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  if (g_str_equal (field, "team"))
    {
      g_auto(GStrv) team = g_strsplit (value, ",", -1);

      for (guint i = 0; team[i] != NULL; i++)
        g_strstrip (team[i]);
      ok = pc_store_set_team (store, a->id, (const char * const *) team, &error);
    }
  else
    {
      PcVocab vocab = g_str_equal (field, "kind") ? PC_VOCAB_KIND : PC_VOCAB_DIVISION;
      guint matched;

      /* A kind or division may be typed by its label too. */
      if ((g_str_equal (field, "kind") || g_str_equal (field, "division"))
          && match_vocab (vocab, value, &matched))
        value = pc_vocab_id (vocab, matched);
      ok = pc_store_set_header_field (store, a->id, field, value, &error);
    }

  return _pc_cli_finish (ctx, ok, &error);
}

/* answer */

int
_pc_cli_answer (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *rating_text = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *justification = NULL;
  g_autofree char *ratings = pc_vocab_alternatives (PC_VOCAB_RATING);
  const GOptionEntry entries[] = {
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating_text, ratings, N_("R") },
    { "evidence", 0, 0, G_OPTION_ARG_STRING, &evidence, N_("The evidence (replaces what is there; \"\" clears it)"), N_("TEXT") },
    { "justification", 0, 0, G_OPTION_ARG_STRING, &justification, N_("Why the prompt does not apply"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  PcRating rating;
  gboolean ok;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF PROMPT_ID", 2,
                      _("Records the team’s answer to one prompt.")))
    return PC_EXIT_USAGE;

  if (rating_text == NULL && evidence == NULL && justification == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Nothing to record: give --rating, --evidence or --justification"));

  if (rating_text != NULL && !pc_rating_from_string (rating_text, &rating))
    {
      g_autofree char *list = pc_vocab_describe (PC_VOCAB_RATING);

      return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("“%s” is not a rating: use one of %s"),
                           rating_text, list);
    }

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  if (rating_text != NULL)
    ok = pc_store_set_answer (store, a->id, ctx->args[1], rating, evidence, justification, &error);
  else
    ok = pc_store_set_answer_text (store, a->id, ctx->args[1], evidence, justification, &error);

  return _pc_cli_finish (ctx, ok, &error);
}

/* attach */

int
_pc_cli_attach (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *media_type = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name to show (default: the file’s name)"), N_("NAME") },
    { "media-type", 0, 0, G_OPTION_ARG_STRING, &media_type, N_("The media type (default: guessed)"), N_("TYPE") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *basename = NULL;
  gint64 id;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF PROMPT_ID FILE", 3,
                      _("Copies a file into the database as evidence for one prompt (25 MiB at most).")))
    return PC_EXIT_USAGE;

  file = g_file_new_for_commandline_arg (ctx->args[2]);
  path = g_file_get_path (file);
  if (path == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("“%s” is not a file on this computer: save it here first, then attach it"),
                         ctx->args[2]);

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  /* Only a regular file, never waited on, never more than the store
   * keeps, and never a file of the database itself. */
  data = pc_file_read_bounded (path, PC_STORE_MAX_ATTACHMENT, _("attachment"), &error);
  if (data == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);

  basename = g_file_get_basename (file);
  if (media_type == NULL)
    {
      g_autofree char *guess = g_content_type_guess (basename, g_bytes_get_data (data, NULL),
                                                     MIN (g_bytes_get_size (data), 4096), NULL);

      content_type = g_content_type_get_mime_type (guess);
    }

  id = pc_store_add_attachment (store, a->id, ctx->args[1], name ? name : basename,
                                media_type ? media_type : content_type, data, &error);
  return _pc_cli_finish_id (ctx, id, &error);
}

/* Sub-commands: "link add", "action add", … */

/* For "link", "action" or "coproduction" without a known sub-command:
 * with --help, the sub-commands (success); otherwise one line saying
 * what to type. */
static int
no_subcommand (PcCliContext  *ctx,
               int            argc,
               char         **argv,
               const char    *usage)
{
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print (_("Usage: %s\nRun it with --help after the sub-command for its options.\n"), usage);
      return PC_EXIT_OK;
    }

  return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("Unknown sub-command: usage is %s"), usage);
}

static gint64
parse_id (const char *text)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return 0;

  return (gint64) value;
}

/* link */

int
_pc_cli_link (PcCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autofree char *url = NULL;
  g_autofree char *title = NULL;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Where the evidence is"), N_("URL") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What it is"), N_("T") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pc_cli_take_subcommand (ctx, &argc, &argv, "add", "link add"))
    return no_subcommand (ctx, argc, argv,
                          "“principle-check link add REF PROMPT_ID --url URL [--title T]”");

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF PROMPT_ID", 2,
                      _("Adds a link to evidence kept elsewhere.")))
    return PC_EXIT_USAGE;
  if (url == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--url is required"));

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  id = pc_store_add_link (store, a->id, ctx->args[1], url, title, &error);
  return _pc_cli_finish_id (ctx, id, &error);
}

/* action */

static gboolean
action_belongs (const PcAssessment *a,
                gint64              action_id)
{
  for (guint i = 0; i < a->actions->len; i++)
    if (((PcAction *) g_ptr_array_index (a->actions, i))->id == action_id)
      return TRUE;

  return FALSE;
}

int
_pc_cli_action (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *description = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *due = NULL;
  g_autofree char *status = NULL;
  g_autofree char *statuses = pc_vocab_alternatives (PC_VOCAB_ACTION_STATUS);
  /* Translators: %s is "open, in_progress or done". */
  g_autofree char *status_help = g_strdup_printf (_("%s (set only)"), statuses);
  const GOptionEntry entries[] = {
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What will be done"), N_("D") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, N_("Who will do it"), N_("O") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("By when"), N_("YYYY-MM-DD") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, status_help, N_("S") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  gboolean adding = FALSE;
  gboolean removing = FALSE;
  gboolean ok;
  gint64 action_id = 0;

  if (_pc_cli_take_subcommand (ctx, &argc, &argv, "add", "action add"))
    adding = TRUE;
  else if (_pc_cli_take_subcommand (ctx, &argc, &argv, "remove", "action remove"))
    removing = TRUE;
  else if (!_pc_cli_take_subcommand (ctx, &argc, &argv, "set", "action set"))
    return no_subcommand (ctx, argc, argv,
                          "“principle-check action add REF PROMPT_ID”, “principle-check action set REF ACTION_ID”, “principle-check action remove REF ACTION_ID”");

  if (!_pc_cli_parse (ctx, &argc, &argv, removing ? NULL : entries,
                      adding ? "REF PROMPT_ID" : "REF ACTION_ID", 2,
                      adding ? _("Adds an action to close a gap found at one prompt.")
                             : removing ? _("Removes an action from a draft.")
                                        : _("Changes an action: its status, owner, due date or description.")))
    return PC_EXIT_USAGE;

  if (adding && (description == NULL || owner == NULL || due == NULL))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--description, --owner and --due are required: an action needs all three"));
  if (!adding && !removing && description == NULL && owner == NULL && due == NULL && status == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Nothing to change: give --status, --owner, --due or --description"));
  if (!adding && (action_id = parse_id (ctx->args[1])) == 0)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("“%s” is not an action id: “principle-check show %s” lists them as #N"),
                         ctx->args[1], ctx->args[0]);

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  if (adding)
    return _pc_cli_finish_id (ctx, pc_store_add_action (store, a->id, ctx->args[1], description,
                                                        owner, due, &error),
                              &error);

  if (!action_belongs (a, action_id))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("%s has no action #%s: “principle-check show %s” lists them"),
                         a->reference, ctx->args[1], a->reference);

  if (removing)
    return _pc_cli_finish (ctx, pc_store_remove_action (store, action_id, &error), &error);

  ok = (description == NULL
        || pc_store_set_action_field (store, action_id, "description", description, &error))
    && (owner == NULL || pc_store_set_action_field (store, action_id, "owner", owner, &error))
    && (due == NULL || pc_store_set_action_field (store, action_id, "due_date", due, &error))
    && (status == NULL || pc_store_set_action_field (store, action_id, "status", status, &error));
  return _pc_cli_finish (ctx, ok, &error);
}

/* coproduction */

int
_pc_cli_coproduction (PcCliContext  *ctx,
                      int            argc,
                      char         **argv)
{
  g_autofree char *who = NULL;
  g_autofree char *how = NULL;
  g_autofree char *date = NULL;
  g_autofree char *changed = NULL;
  const GOptionEntry entries[] = {
    { "who", 0, 0, G_OPTION_ARG_STRING, &who, N_("Who took part (service users, carers, staff, partners, community groups)"), N_("W") },
    { "how", 0, 0, G_OPTION_ARG_STRING, &how, N_("How (workshop, survey, interview, walkabout, …)"), N_("H") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When"), N_("YYYY-MM-DD") },
    { "changed", 0, 0, G_OPTION_ARG_STRING, &changed, N_("What changed as a result"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pc_cli_take_subcommand (ctx, &argc, &argv, "add", "coproduction add"))
    return no_subcommand (ctx, argc, argv,
                          "“principle-check coproduction add REF --who W --how H --date YYYY-MM-DD --changed TEXT”");

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Records who took part in the assessment, how, when, and what changed as a result.")))
    return PC_EXIT_USAGE;
  if (who == NULL || how == NULL || date == NULL || changed == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--who, --how, --date and --changed are all required"));

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  id = pc_store_add_coproduction (store, a->id, who, how, date, changed, &error);
  return _pc_cli_finish_id (ctx, id, &error);
}

/* Passphrases */

/* The first line of @path, a regular file of at most
 * PC_FILE_MAX_PASSPHRASE bytes; what was read is wiped. */
static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  char *passphrase;
  gsize len = 0;
  gsize end = 0;

  bytes = pc_file_read_bounded (path, PC_FILE_MAX_PASSPHRASE, _("passphrase file"), error);
  if (bytes == NULL)
    return NULL;

  contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), &len);
  if (contents == NULL)
    return g_strdup ("");

  while (end < len && contents[end] != '\n' && contents[end] != '\r' && contents[end] != '\0')
    end++;
  passphrase = g_strndup (contents, end);
  memset (contents, 0, len);
  g_free (contents);

  return passphrase;
}

static char *
ask_passphrase (int          tty,
                const char  *prompt,
                GError     **error)
{
  struct termios saved;
  struct termios quiet;
  GString *line = g_string_new (NULL);
  char c;
  ssize_t n;

  if (write (tty, prompt, strlen (prompt)) < 0 || tcgetattr (tty, &saved) != 0)
    {
      g_string_free (line, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot ask for the passphrase on this terminal: use --passphrase-file FILE"));
      return NULL;
    }

  quiet = saved;
  quiet.c_lflag &= ~(ECHO);
  tcsetattr (tty, TCSAFLUSH, &quiet);
  while ((n = read (tty, &c, 1)) == 1 && c != '\n' && c != '\r')
    g_string_append_c (line, c);
  tcsetattr (tty, TCSAFLUSH, &saved);
  if (write (tty, "\n", 1) < 0)
    n = -1;

  if (n < 0)
    {
      g_string_free (line, TRUE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not read the passphrase from the terminal: use --passphrase-file FILE"));
      return NULL;
    }

  return g_string_free (line, FALSE);
}

/* Reads the passphrase from @path, or from the terminal without echo,
 * after writing @intro (nullable) there; with @confirm, asks twice and
 * insists both agree. */
static char *
get_passphrase (const char  *path,
                const char  *name,
                const char  *intro,
                gboolean     confirm,
                GError     **error)
{
  g_autofree char *prompt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  int tty;

  if (path != NULL)
    return read_passphrase_file (path, error);

  tty = open ("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("There is no terminal to ask for the passphrase: use --passphrase-file FILE"));
      return NULL;
    }

  /* The prompt that follows fails the same way, and says so. */
  if (intro != NULL && write (tty, intro, strlen (intro)) < 0)
    g_debug ("Could not write to the terminal: %s", g_strerror (errno));
  prompt = g_strdup_printf (_("Passphrase for %s’s signing key: "), name);
  first = ask_passphrase (tty, prompt, error);
  if (first != NULL && confirm)
    {
      second = ask_passphrase (tty, _("The same passphrase again: "), error);
      if (second != NULL && !g_str_equal (first, second))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The two passphrases differ: run the command again"));
          g_clear_pointer (&first, g_free);
        }
      if (second != NULL)
        memset (second, 0, strlen (second));
    }
  close (tty);

  return g_steal_pointer (&first);
}

static void
forget (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* keygen */

/* The signer's options, the same for keygen, submit and review. */
#define SIGNER_OPTIONS(name, role) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(name), N_("Your printed name"), N_("N") }, \
  { "role", 0, 0, G_OPTION_ARG_STRING, &(role), N_("Your role"), N_("R") }
#define PASSPHRASE_FILE_OPTION(file) \
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &(file), \
    N_("Read the passphrase from the first line of this file"), N_("F") }

/* Records a key replaced on purpose in the register of signers of the
 * database (--db, or the default one), so that it may sign there. */
static int
record_replaced_key (PcCliContext *ctx,
                     PcSigningKey *key,
                     const char   *old_fingerprint)
{
  g_autofree char *default_path = pc_store_default_path ();
  const char *path = ctx->db_path != NULL ? ctx->db_path : default_path;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_print (_("There is no database at %s to record the new key in: in each database where %s signs, record it with “principle-check signers record --name \"%s\" --db FILE”.\n"),
               path, pc_signing_key_get_name (key), pc_signing_key_get_name (key));
      return PC_EXIT_OK;
    }

  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;
  if (!pc_store_register_replaced_key (store, pc_signing_key_get_name (key),
                                       pc_signing_key_get_public_key (key), old_fingerprint,
                                       &error))
    return _pc_cli_fail_error (ctx, error);

  g_print (_("Recorded in the register of signers of %s: %s now signs with the new key.\n"),
           pc_store_get_path (store), pc_signing_key_get_name (key));
  return PC_EXIT_OK;
}

/* Asks for a new passphrase (twice on a terminal) and makes @name's key
 * with @make: a first key, or a replacement. Prints why not and returns
 * NULL on failure. Returns: (transfer full) (nullable) */
static PcSigningKey *
make_key (PcCliContext *ctx,
          PcSigningKey *(*make) (const char *keys_dir, const char *name, const char *role,
                                 const char *passphrase, GError **error),
          const char   *keys_dir,
          const char   *name,
          const char   *role,
          const char   *passphrase_file)
{
  g_autoptr(GError) error = NULL;
  PcSigningKey *key;
  char *passphrase;

  passphrase = get_passphrase (passphrase_file, name, NULL, TRUE, &error);
  if (passphrase == NULL)
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);
      return NULL;
    }

  key = make (keys_dir, name, role, passphrase, &error);
  forget (passphrase);
  if (key == NULL)
    _pc_cli_fail_error (ctx, error);

  return key;
}

/* keygen --replace: the key-file part of replacing a key on purpose. */
static int
replace_key (PcCliContext *ctx,
             const char   *keys_dir,
             const char   *name,
             const char   *role,
             const char   *passphrase_file)
{
  g_autoptr(PcSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_fingerprint = NULL;

  old_fingerprint = pc_sign_key_dup_fingerprint (keys_dir, name, &error);
  if (old_fingerprint == NULL && g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_NO_KEY))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("%s has no signing key to replace: create one with keygen, without --replace"),
                         name);
  if (old_fingerprint == NULL)
    return _pc_cli_fail_error (ctx, error);

  key = make_key (ctx, pc_signing_key_replace, keys_dir, name, role, passphrase_file);
  if (key == NULL)
    return PC_EXIT_USAGE;

  g_print (_("Replaced the signing key of %s (%s) in %s; the old key files are kept beside the new ones, marked “replaced”.\n"),
           pc_signing_key_get_name (key), pc_signing_key_get_role (key), keys_dir);
  g_print (_("Old key fingerprint: %s\n"), old_fingerprint);
  g_print (_("New key fingerprint: %s\n"), pc_signing_key_get_fingerprint (key));

  return record_replaced_key (ctx, key, old_fingerprint);
}

int
_pc_cli_keygen (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *passphrase_file = NULL;
  gboolean replace = FALSE;
  const GOptionEntry entries[] = {
    SIGNER_OPTIONS (name, role),
    PASSPHRASE_FILE_OPTION (passphrase_file),
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace your existing key with a new one; the old key files are kept under dated names"),
      NULL },
    { NULL }
  };
  g_autoptr(PcSigningKey) key = NULL;
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, NULL, 0,
                      _("Creates your signing key, protected by a passphrase you will type at each sign-off.")))
    return PC_EXIT_USAGE;
  if (name == NULL || role == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--name and --role are required"));

  if (replace)
    return replace_key (ctx, keys_dir, name, role, passphrase_file);

  if (pc_sign_key_exists (keys_dir, name))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("%s already has a signing key in %s: use it, or make a new one with keygen --replace"),
                         name, keys_dir);

  key = make_key (ctx, pc_signing_key_generate, keys_dir, name, role, passphrase_file);
  if (key == NULL)
    return PC_EXIT_USAGE;

  g_print (_("Created the signing key of %s (%s), fingerprint %s, in %s\n"),
           pc_signing_key_get_name (key), pc_signing_key_get_role (key),
           pc_signing_key_get_fingerprint (key), keys_dir);
  return PC_EXIT_OK;
}

/* submit, review */

/* The content SHA-256 of @a, which the signer is shown and signs. */
static gboolean
content_sha256 (PcCliContext        *ctx,
                PcStore             *store,
                const PcAssessment  *a,
                char               **out_sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pc_store_content_bytes (store, a, out_sha256, &error);

  if (bytes == NULL)
    _pc_cli_fail_error (ctx, error);

  return bytes != NULL;
}

/* Opens @name's key to sign @a (nullable), whose content SHA-256
 * @shown_sha256 the terminal shows before asking for the passphrase. */
static PcSigningKey *
unlock_key (PcCliContext        *ctx,
            const char          *name,
            const char          *passphrase_file,
            const PcAssessment  *a,
            const char          *shown_sha256)
{
  g_autofree char *intro = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  PcSigningKey *key;
  char *passphrase;

  if (!pc_sign_key_exists (keys_dir, name))
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE,
                    _("%s has no signing key yet: create one with “principle-check keygen --name \"%s\" --role ROLE”"),
                    name, name);
      return NULL;
    }

  if (a != NULL)
    /* Translators: shown on the terminal before the passphrase prompt. */
    intro = g_strdup_printf (_("Signing %s revision %d, content SHA-256 %s\n"),
                             a->reference, a->revision, shown_sha256);
  passphrase = get_passphrase (passphrase_file, name, intro, FALSE, &error);
  if (passphrase == NULL)
    {
      _pc_cli_fail (ctx, PC_EXIT_USAGE, "%s", error->message);
      return NULL;
    }

  key = pc_signing_key_load (keys_dir, name, passphrase, &error);
  forget (passphrase);
  if (key == NULL)
    _pc_cli_fail_error (ctx, error);

  return key;
}

int
_pc_cli_submit (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *passphrase_file = NULL;
  const GOptionEntry entries[] = {
    SIGNER_OPTIONS (name, role),
    PASSPHRASE_FILE_OPTION (passphrase_file),
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Signs a complete draft as prepared and sends it for review.")))
    return PC_EXIT_USAGE;
  if (name == NULL || role == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--name and --role are required"));

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL
      || !content_sha256 (ctx, store, a, &shown)
      || (key = unlock_key (ctx, name, passphrase_file, a, shown)) == NULL)
    return PC_EXIT_USAGE;

  if (!pc_store_submit (store, a->id, key, role, shown, NULL, &error))
    return _pc_cli_fail_error (ctx, error);

  g_print (_("%s revision %d is in review: signed as prepared by %s (%s)\n"),
           a->reference, a->revision, pc_signing_key_get_name (key), role);
  return PC_EXIT_OK;
}

int
_pc_cli_review (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *decision_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *conditions = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *decisions = pc_vocab_alternatives (PC_VOCAB_DECISION);
  const GOptionEntry entries[] = {
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision_text, decisions, N_("D") },
    SIGNER_OPTIONS (name, role),
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required to return it)"), N_("T") },
    { "conditions", 0, 0, G_OPTION_ARG_STRING, &conditions, N_("The conditions (required to approve with conditions)"), N_("T") },
    PASSPHRASE_FILE_OPTION (passphrase_file),
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessment) after = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  guint decision;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Records and signs the reviewer’s decision on an assessment in review.")))
    return PC_EXIT_USAGE;
  if (decision_text == NULL || name == NULL || role == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--decision, --name and --role are required"));
  if (!pc_vocab_lookup (PC_VOCAB_DECISION, decision_text, &decision))
    return fail_vocab (ctx, _("decision"), decision_text, PC_VOCAB_DECISION);
  if (reason != NULL && conditions != NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("Give --reason or --conditions, not both"));
  if (conditions != NULL && decision != PC_MEANING_APPROVED_WITH_CONDITIONS)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--conditions goes with --decision approved_with_conditions"));
  if (decision == PC_MEANING_APPROVED_WITH_CONDITIONS && conditions == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Approving with conditions needs --conditions saying what they are"));
  if (decision == PC_MEANING_RETURNED && reason == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Returning an assessment needs --reason, so the author knows what to change"));

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL
      || !content_sha256 (ctx, store, a, &shown)
      || (key = unlock_key (ctx, name, passphrase_file, a, shown)) == NULL)
    return PC_EXIT_USAGE;

  if (!pc_store_review (store, a->id, decision, conditions ? conditions : reason, key, role,
                        shown, NULL, &error)
      || (after = pc_store_load_assessment_by_id (store, a->id, &error)) == NULL)
    return _pc_cli_fail_error (ctx, error);

  g_print (_("%s revision %d: %s by %s (%s); it is now %s\n"),
           a->reference, a->revision, pc_meaning_to_label (decision),
           pc_signing_key_get_name (key), role, pc_state_to_label (after->state));
  return PC_EXIT_OK;
}

/* revise */

int
_pc_cli_revise (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *reason = NULL;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why it is being reopened"), N_("T") },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessment) revised = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF", 1,
                      _("Starts a new draft revision of a signed-off assessment.")))
    return PC_EXIT_USAGE;
  if (reason == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--reason is required: say why it is being reopened"));

  if ((a = _pc_cli_open_and_load (ctx, &store, 0)) == NULL)
    return PC_EXIT_USAGE;

  id = pc_store_revise (store, a->id, reason, &error);
  if (id == 0 || (revised = pc_store_load_assessment_by_id (store, id, &error)) == NULL)
    return _pc_cli_fail_error (ctx, error);

  g_print (_("%s revision %d is a new draft\n"), revised->reference, revised->revision);
  return PC_EXIT_OK;
}

/* signers */

static cJSON *
signer_to_json (gconstpointer data)
{
  const PcSigner *s = data;
  cJSON *object = cJSON_CreateObject ();

  cJSON_AddStringToObject (object, "name", s->name);
  cJSON_AddStringToObject (object, "fingerprint", s->fingerprint);
  cJSON_AddStringToObject (object, "first_seen", s->first_seen);
  cJSON_AddStringToObject (object, "how", s->how);
  pc_json_add_string_or_null (object, "replaces", s->replaces);
  cJSON_AddStringToObject (object, "recorded_by", s->recorded_by);

  return object;
}

/* The register of signers as signers prints it, one line a key. */
static void
print_signers (GPtrArray *signers)
{
  if (signers->len == 0)
    g_print ("%s\n", _("Nobody has signed in this database yet."));
  for (guint i = 0; i < signers->len; i++)
    {
      const PcSigner *s = g_ptr_array_index (signers, i);

      /* Translators: one line of the register of signers: name, key
       * fingerprint, since when, and how the key came. */
      g_print (_("%s  key %s  since %s (%s)"), _pc_cli_line (s->name), s->fingerprint,
               s->first_seen, s->how);
      if (s->replaces != NULL)
        g_print (_(", replacing key %s"), s->replaces);
      g_print ("\n");
    }
}

/* signers record: a signer's own key, unlocked to show it is theirs,
 * entered in the register on purpose (after keygen --replace). */
static int
record_signer (PcCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *passphrase_file = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Whose key"), N_("NAME") },
    PASSPHRASE_FILE_OPTION (passphrase_file),
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *known = NULL;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, NULL, 0,
                      _("Records your current signing key in this database’s register of signers, as replacing the key you signed with before.")))
    return PC_EXIT_USAGE;
  if (name == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("--name is required"));

  if ((store = _pc_cli_open_store (ctx)) == NULL
      || (key = unlock_key (ctx, name, passphrase_file, NULL, NULL)) == NULL)
    return PC_EXIT_USAGE;

  if (!pc_store_register_replaced_key (store, pc_signing_key_get_name (key),
                                       pc_signing_key_get_public_key (key), NULL, &error))
    return _pc_cli_fail_error (ctx, error);

  g_print (_("Recorded in the register of signers of %s: %s now signs with the key %s.\n"),
           pc_store_get_path (store), pc_signing_key_get_name (key),
           pc_signing_key_get_fingerprint (key));
  return PC_EXIT_OK;
}

int
_pc_cli_signers (PcCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  if (_pc_cli_take_subcommand (ctx, &argc, &argv, "record", "signers record"))
    return record_signer (ctx, argc, argv);

  return _pc_cli_list_command (ctx, argc, argv,
                               _("Lists the register of signers: which keys have signed for whom in this database, since when."),
                               pc_store_list_signers, signer_to_json, print_signers);
}
