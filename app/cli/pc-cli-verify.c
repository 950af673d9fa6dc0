/* pc-cli-verify.c: the command line's check of a summary file
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <glib/gi18n.h>

#include "pc-file.h"
#include "pc-json.h"
#include "pc-verify.h"
#include "pc-vocab.h"

/* Characters of a value from the file printed on one line; a title may
 * be longer. */
#define PRINTED_CHARS 80
#define PRINTED_TITLE_CHARS 200

/* One line for @so; @meaning is what the file says it means. */
static void
print_signoff (const PcVerifiedSignoff *so,
               const char              *file_meaning)
{
  g_autofree char *meaning = pc_verify_printable (file_meaning, PRINTED_CHARS);
  g_autofree char *name = pc_verify_printable (so->name, PRINTED_CHARS);
  g_autofree char *role = pc_verify_printable (so->role, PRINTED_CHARS);
  g_autofree char *signed_at = pc_verify_printable (so->signed_at, PRINTED_CHARS);
  /* The fingerprint, never the key id alone: anyone can write any key
   * id into a key they make. */
  g_autofree char *fingerprint = pc_verify_printable (so->fingerprint, PRINTED_CHARS);

  /* Translators: the first column of a sign-off line, which says
     whether the signature holds */
  guint width = (guint) MAX (g_utf8_strlen (_("good"), -1), g_utf8_strlen (_("BAD"), -1));

  _pc_cli_print_cell (so->good ? _("good") : _("BAD"), width + 1);
  g_print ("%s  %s, %s — %s — %s %s", meaning, name, role, signed_at, _("key"), fingerprint);
  if (!so->good && so->problem != NULL)
    g_print (": %s", so->problem);
  g_print ("\n");
}

static void
print_verdict (const PcVerifyResult *result,
               gboolean              trusted)
{
  g_autofree char *reference = pc_verify_printable (result->reference, PRINTED_CHARS);
  g_autofree char *title = pc_verify_printable (result->title, PRINTED_TITLE_CHARS);
  g_autofree char *state = NULL;
  PcState known_state;

  /* "approved with conditions", as the id reads in a sentence. */
  state = pc_verify_printable (result->state, PRINTED_CHARS);
  if (result->state != NULL && pc_state_from_string (result->state, &known_state))
    g_strdelimit (state, "_", ' ');

  if (!result->ok)
    {
      guint n = result->problems->len;

      if (n == 0)
        n = 1;
      if (result->reference == NULL)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "NOT VERIFIED: %u problem above; do not rely on this file, and ask whoever sent it for the summary as it was exported.\n",
                              "NOT VERIFIED: %u problems above; do not rely on this file, and ask whoever sent it for the summary as it was exported.\n",
                              n),
                 n);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "NOT VERIFIED: %s revision %d, “%s”: %u problem above; do not rely on this file, and ask whoever sent it for the summary as it was exported.\n",
                              "NOT VERIFIED: %s revision %d, “%s”: %u problems above; do not rely on this file, and ask whoever sent it for the summary as it was exported.\n",
                              n),
                 reference, result->revision, title, n);
    }
  else if (result->signoffs->len == 0)
    g_print (_("Verified, but NOT SIGNED: %s revision %d, “%s”, %s; nobody has signed this content (SHA-256 %s), so it does not show that anyone agreed to it.\n"),
             reference, result->revision, title, state, result->content_sha256);
  else
    {
      g_print (_("Verified: %s revision %d, “%s”, %s; the content has not changed since it was signed (SHA-256 %s).\n"),
               reference, result->revision, title, state, result->content_sha256);
      /* A key says nothing about who made it: only a list of keys known
       * beforehand does. */
      if (!trusted)
        g_print ("%s\n", _("The signatures are intact, but nothing confirms who made them: check each key’s fingerprint with its signer, or run “principle-check verify FILE --trusted KEYS”."));
    }
}

int
_pc_cli_verify (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(PcTrustedKeys) trusted = NULL;
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *display_path = NULL;
  const cJSON *item;
  const char *data;
  gsize len = 0;

  if (!_pc_cli_parse_summary_file (ctx, &argc, &argv,
                                   _("Checks a summary file without any database: its layout, that its content is what was signed, every signature, and that the sign-offs follow review. Exit status 0 when all holds, 1 when anything was altered or does not verify, 2 when the file is not a summary."),
                                   &trusted, &contents))
    return PC_EXIT_USAGE;

  display_path = g_filename_display_name (ctx->args[0]);
  data = g_bytes_get_data (contents, &len);
  result = pc_verify_summary (data != NULL ? data : "", len, trusted, &error);
  if (result == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE, "“%s”: %s", display_path, error->message);

  /* The result has one sign-off for each item of the file's array. */
  item = cJSON_GetObjectItemCaseSensitive (result->document, "signoffs");
  item = cJSON_IsArray (item) ? item->child : NULL;
  for (guint i = 0; i < result->signoffs->len; i++, item = item != NULL ? item->next : NULL)
    print_signoff (g_ptr_array_index (result->signoffs, i), pc_json_get_string (item, "meaning"));
  for (guint i = 0; i < result->problems->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (result->problems, i));
  print_verdict (result, trusted != NULL);

  return result->ok ? PC_EXIT_OK : PC_EXIT_FAILED;
}
