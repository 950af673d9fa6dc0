/* pc-cli-import.c: importing a verified summary, and reading it back
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pc-file.h"
#include "pc-json.h"
#include "pc-store.h"
#include "pc-verify.h"
#include "pc-vocab.h"

static const char *
or_dash (const char *text)
{
  return text != NULL ? text : "—";
}

/* The string @key of @object, made safe to print on one line: a summary
 * is someone else's file, whatever it holds. */
static const char *
json_line (const cJSON *object,
           const char  *key)
{
  return _pc_cli_line (pc_json_get_string (object, key));
}

static const char *
state_label (const char *state)
{
  PcState value;

  return state != NULL && pc_state_from_string (state, &value) ? pc_state_to_label (value)
                                                               : or_dash (_pc_cli_line (state));
}

/* Prints why @result does not verify, one line each. */
static void
print_problems (PcCliContext         *ctx,
                const PcVerifyResult *result)
{
  guint printed = 0;

  for (guint i = 0; result->problems != NULL && i < result->problems->len; i++, printed++)
    _pc_cli_fail (ctx, PC_EXIT_FAILED, "%s", (const char *) g_ptr_array_index (result->problems, i));

  /* Should the problems be told only with the sign-offs, tell them. */
  for (guint i = 0; printed == 0 && result->signoffs != NULL && i < result->signoffs->len; i++)
    {
      const PcVerifiedSignoff *s = g_ptr_array_index (result->signoffs, i);

      if (!s->good)
        _pc_cli_fail (ctx, PC_EXIT_FAILED, _("The sign-off of %s: %s"), or_dash (s->name),
                      s->problem != NULL ? s->problem : _("it does not verify"));
    }
}

/* import */

int
_pc_cli_import (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(PcTrustedKeys) trusted = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  const char *data;
  gsize len = 0;
  gboolean already = FALSE;
  guint n_signoffs;

  if (!_pc_cli_parse_summary_file (ctx, &argc, &argv,
                                   _("Verifies a summary file and, when it verifies, keeps it in the database as a read-only record. A signer this database knows by another key is refused."),
                                   &trusted, &bytes))
    return PC_EXIT_USAGE;

  path = ctx->args[0];
  data = g_bytes_get_data (bytes, &len);

  /* Verify before the database is even opened: a file refused leaves
   * no trace. */
  result = pc_verify_summary (data != NULL ? data : "", len, trusted, &error);
  if (result == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("“%s”: %s"), path, error->message);

  if (!result->ok)
    {
      print_problems (ctx, result);
      return _pc_cli_fail (ctx, PC_EXIT_FAILED,
                           _("Nothing was imported from “%s”: only a summary that verifies can be imported; ask whoever sent it for the file as exported"),
                           path);
    }

  /* Importing is how a reviewer starts: it may make the database. */
  ctx->may_create = TRUE;
  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;

  if (pc_store_import_summary (store, result, data != NULL ? data : "", len, &already,
                               &error) == 0)
    return _pc_cli_fail_error (ctx, error);

  n_signoffs = result->signoffs != NULL ? result->signoffs->len : 0;
  g_print (already ? g_dngettext (GETTEXT_PACKAGE,
                                  "Already imported: %s revision %d (%s, %u sign-off); nothing changed\n",
                                  "Already imported: %s revision %d (%s, %u sign-offs); nothing changed\n",
                                  n_signoffs)
                   : g_dngettext (GETTEXT_PACKAGE,
                                  "Imported %s revision %d (%s, %u sign-off) as a read-only record\n",
                                  "Imported %s revision %d (%s, %u sign-offs) as a read-only record\n",
                                  n_signoffs),
           or_dash (_pc_cli_line (result->reference)), result->revision,
           state_label (result->state), n_signoffs);

  /* The signatures hold, but a key says nothing about who made it. */
  for (guint i = 0; i < n_signoffs; i++)
    {
      const PcVerifiedSignoff *s = g_ptr_array_index (result->signoffs, i);

      g_print ("  %s, %s — %s %s\n", or_dash (s->name), or_dash (s->role), _("key"),
               or_dash (s->fingerprint));
    }
  if (n_signoffs > 0 && trusted == NULL)
    g_print ("%s\n", _("The signatures are intact, but nothing confirms who made them: check each key’s fingerprint with its signer, or run “principle-check verify FILE --trusted KEYS”."));

  return PC_EXIT_OK;
}

/* show --imported */

static void
print_line (const char *label,
            const char *text)
{
  g_print ("%s: %s\n", label, or_dash (text));
}

static void
print_header (const cJSON *document)
{
  const cJSON *content = cJSON_GetObjectItemCaseSensitive (document, "content");
  const cJSON *header = cJSON_GetObjectItemCaseSensitive (content, "header");
  const cJSON *checklist = cJSON_GetObjectItemCaseSensitive (content, "checklist");
  const cJSON *team = cJSON_GetObjectItemCaseSensitive (header, "team");
  const cJSON *generator = cJSON_GetObjectItemCaseSensitive (document, "generator");
  const char *kind = pc_json_get_string (header, "kind");
  const char *division = pc_json_get_string (header, "division");
  const char *priority = pc_json_get_string (header, "clinical_priority");
  g_autoptr(GString) names = g_string_new (NULL);
  const cJSON *member;
  PcChangeKind kind_value;
  gint64 revision = 0;
  gint64 version = 0;

  pc_json_get_int (header, "revision", &revision);
  pc_json_get_int (checklist, "version", &version);
  cJSON_ArrayForEach (member, team)
    if (cJSON_IsString (member))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              _pc_cli_line (member->valuestring));

  g_print ("%s %s %" G_GINT64_FORMAT " — %s\n", or_dash (json_line (header, "reference")),
           _("revision"), revision, or_dash (json_line (header, "title")));
  g_print ("%s: %s%s\n", _("State"), state_label (json_line (document, "state")),
           _(" (imported summary, read-only)"));
  if (pc_json_get_string (header, "revision_reason") != NULL)
    print_line (_("Why this revision"), pc_json_get_string (header, "revision_reason"));
  print_line (_("Kind of change"),
              kind != NULL && pc_kind_from_string (kind, &kind_value) ? pc_kind_to_label (kind_value)
                                                                      : _pc_cli_line (kind));
  print_line (_("Division"), division != NULL && pc_vocab_id_to_label (PC_VOCAB_DIVISION, division) != NULL
                             ? pc_vocab_id_to_label (PC_VOCAB_DIVISION, division) : _pc_cli_line (division));
  if (priority != NULL)
    print_line (_("Clinical priority"), pc_vocab_id_to_label (PC_VOCAB_PRIORITY, priority) != NULL
                                        ? pc_vocab_id_to_label (PC_VOCAB_PRIORITY, priority) : _pc_cli_line (priority));
  print_line (_("Service lead"), json_line (header, "lead"));
  print_line (_("Team"), names->len > 0 ? names->str : NULL);
  print_line (_("Intended outcomes"), pc_json_get_string (header, "intended_outcomes"));
  print_line (_("Who is affected"), pc_json_get_string (header, "who_is_affected"));
  g_print ("%s: %s   %s: %s\n", _("Start date"), or_dash (json_line (header, "start_date")),
           _("Planned review"), or_dash (json_line (header, "review_date")));
  g_print ("%s: %s, %s %" G_GINT64_FORMAT " (SHA-256 %.16s…)\n", _("Checklist"),
           or_dash (json_line (checklist, "title")), _("version"), version,
           or_dash (json_line (checklist, "sha256")));
  /* The signatures cover the content only: say which of what is shown
   * here nobody signed. */
  g_print (_("Not covered by any signature: generator “%s %s”, exported at %s\n"),
           or_dash (json_line (generator, "name")), or_dash (json_line (generator, "version")),
           or_dash (json_line (document, "exported_at")));
}

static void
print_prompt (const cJSON *prompt)
{
  const char *rating = pc_json_get_string (prompt, "rating");
  const char *evidence = pc_json_get_string (prompt, "evidence");
  const char *justification = pc_json_get_string (prompt, "justification");
  const cJSON *item;
  PcRating value;

  g_print ("    %s  [%s]\n", or_dash (json_line (prompt, "id")),
           rating != NULL && pc_rating_from_string (rating, &value) ? pc_rating_to_label (value)
                                                                    : or_dash (_pc_cli_line (rating)));
  g_print ("      %s\n", or_dash (json_line (prompt, "question")));
  if (evidence != NULL)
    _pc_cli_print_indented (_("Evidence"), evidence);
  if (justification != NULL)
    _pc_cli_print_indented (_("Not applicable because"), justification);

  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (prompt, "attachments"))
    {
      gint64 size = 0;
      g_autofree char *size_text = NULL;

      pc_json_get_int (item, "size", &size);
      size_text = g_format_size ((guint64) MAX (size, 0));
      g_print ("      %s: %s (%s, %s, SHA-256 %.16s…)\n", _("Attachment"),
               or_dash (json_line (item, "name")),
               or_dash (json_line (item, "media_type")), size_text,
               or_dash (json_line (item, "sha256")));
    }

  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (prompt, "links"))
    {
      const char *title = json_line (item, "title");

      g_print ("      %s: %s%s%s\n", _("Link"), or_dash (json_line (item, "url")),
               title ? " — " : "", title ? title : "");
    }

  cJSON_ArrayForEach (item, cJSON_GetObjectItemCaseSensitive (prompt, "actions"))
    {
      const char *status = pc_json_get_string (item, "status");
      PcActionStatus status_value;

      g_print ("      %s: %s — %s: %s, %s: %s, %s\n", _("Action"),
               or_dash (json_line (item, "description")),
               _("owner"), or_dash (json_line (item, "owner")),
               _("due"), or_dash (json_line (item, "due_date")),
               status != NULL && pc_action_status_from_string (status, &status_value)
               ? pc_action_status_to_label (status_value) : or_dash (_pc_cli_line (status)));
    }
}

static const char *
status_label (const char *status)
{
  for (PcStatus s = PC_STATUS_GREY; s <= PC_STATUS_RED; s++)
    if (g_strcmp0 (status, pc_status_to_string (s)) == 0)
      return pc_status_to_label (s);

  return or_dash (_pc_cli_line (status));
}

static void
print_principles (const cJSON *content)
{
  const cJSON *principle;
  guint n = 0;
  guint answered_all = 0;
  guint total_all = 0;

  cJSON_ArrayForEach (principle, cJSON_GetObjectItemCaseSensitive (content, "principles"))
    {
      const cJSON *prompts = cJSON_GetObjectItemCaseSensitive (principle, "prompts");
      const cJSON *prompt;
      guint answered = 0;
      guint total = 0;

      cJSON_ArrayForEach (prompt, prompts)
        {
          total++;
          if (g_strcmp0 (pc_json_get_string (prompt, "rating"),
                         pc_rating_to_string (PC_RATING_NOT_ASSESSED)) != 0)
            answered++;
        }
      answered_all += answered;
      total_all += total;

      g_print ("\n%u. %s — %s (%u/%u)\n", ++n, or_dash (json_line (principle, "title")),
               status_label (pc_json_get_string (principle, "status")), answered, total);
      cJSON_ArrayForEach (prompt, prompts)
        print_prompt (prompt);
    }

  g_print ("\n%s: %u/%u\n", _("Answered"), answered_all, total_all);
}

static void
print_coproduction (const cJSON *content)
{
  const cJSON *entries = cJSON_GetObjectItemCaseSensitive (content, "coproduction");
  const cJSON *entry;

  g_print ("\n%s:\n", _("Co-production"));
  if (cJSON_GetArraySize (entries) == 0)
    g_print ("  %s\n", _("None recorded."));
  cJSON_ArrayForEach (entry, entries)
    g_print ("  %s — %s (%s): %s\n", or_dash (json_line (entry, "date")),
             or_dash (json_line (entry, "who")), or_dash (json_line (entry, "how")),
             or_dash (json_line (entry, "changed")));
}

/* Prints the sign-offs, with what checking them again (@result,
 * nullable) found. */
static void
print_signoffs (const cJSON          *document,
                const PcVerifyResult *result)
{
  const cJSON *signoffs = cJSON_GetObjectItemCaseSensitive (document, "signoffs");
  const cJSON *s;
  guint i = 0;

  g_print ("\n%s:\n", _("Sign-offs"));
  if (cJSON_GetArraySize (signoffs) == 0)
    g_print ("  %s\n", _("Not signed."));

  cJSON_ArrayForEach (s, signoffs)
    {
      const char *meaning = pc_json_get_string (s, "meaning");
      const char *reason = pc_json_get_string (s, "reason");
      const PcVerifiedSignoff *checked = NULL;
      PcMeaning value = PC_MEANING_PREPARED;
      gboolean known = meaning != NULL && pc_meaning_from_string (meaning, &value);

      if (result != NULL && result->signoffs != NULL && i < result->signoffs->len)
        checked = g_ptr_array_index (result->signoffs, i);
      i++;

      g_print ("  %s  %s, %s — %s (%s %s, SHA-256 %.16s…)\n",
               or_dash (json_line (s, "signed_at")), or_dash (json_line (s, "name")),
               or_dash (json_line (s, "role")),
               known ? pc_meaning_to_label (value) : or_dash (_pc_cli_line (meaning)), _("key"),
               or_dash (checked != NULL ? checked->fingerprint : NULL),
               or_dash (json_line (s, "content_sha256")));
      if (reason != NULL)
        _pc_cli_print_indented (known && value == PC_MEANING_APPROVED_WITH_CONDITIONS
                                ? _("Conditions") : _("Reason"),
                                reason);
      if (checked != NULL && !checked->good)
        _pc_cli_print_indented (_("Does not verify"), or_dash (checked->problem));
    }
}

static void
print_verification (const PcVerifyResult *result,
                    const GError         *error)
{
  g_print ("\n");
  if (result == NULL)
    g_print ("%s: %s\n", _("Warning: the stored summary no longer reads as a summary"),
             error != NULL ? error->message : "");
  else if (result->ok)
    g_print ("%s %s\n", _("Checked again now: the content and every signature hold; content SHA-256"),
             or_dash (result->content_sha256));
  else
    {
      g_print ("%s\n", _("Warning: the stored summary no longer verifies:"));
      for (guint i = 0; result->problems != NULL && i < result->problems->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (result->problems, i));
    }
}

int
_pc_cli_show_imported (PcCliContext *ctx,
                       PcStore      *store,
                       const char   *reference,
                       int           revision,
                       gboolean      json)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len = 0;

  if ((bytes = _pc_cli_load_imported (ctx, store, reference, revision)) == NULL)
    return PC_EXIT_USAGE;
  data = g_bytes_get_data (bytes, &len);

  /* As it came: the same bytes its signers' program wrote; on a
   * terminal, with control characters escaped, as everything printed is
   * (the escapes read the same in a JSON string). */
  if (json && isatty (STDOUT_FILENO))
    {
      g_autofree char *text = g_strndup (data != NULL ? data : "", len);

      g_print ("%s", text);
      return PC_EXIT_OK;
    }
  if (json)
    {
      if (len > 0 && fwrite (data, 1, len, stdout) != len)
        return _pc_cli_fail (ctx, PC_EXIT_USAGE, _("Could not print the summary: %s"),
                             g_strerror (errno));
      return PC_EXIT_OK;
    }

  document = pc_json_parse_strict (data != NULL ? data : "", len, &error);
  if (document == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_FAILED,
                         _("The imported summary of %s no longer reads (%s): the database may have been altered; restore it from a backup"),
                         reference, error->message);

  /* The signatures are checked again, so what is shown is what holds
   * now, not only what held when it was imported. */
  result = pc_verify_summary (data, len, NULL, &error);

  print_header (document);
  print_principles (cJSON_GetObjectItemCaseSensitive (document, "content"));
  print_coproduction (cJSON_GetObjectItemCaseSensitive (document, "content"));
  print_signoffs (document, result);
  print_verification (result, error);

  return result != NULL && result->ok ? PC_EXIT_OK : PC_EXIT_FAILED;
}
