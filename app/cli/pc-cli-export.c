/* pc-cli-export.c: the command line's export of a summary file
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-cli"

#include "config.h"

#include "pc-cli-private.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-export.h"
#include "pc-file.h"
#include "pc-json.h"
#include "pc-store.h"
#include "pc-vocab.h"

/* export --imported: the stored file, byte for byte, so it verifies
 * exactly as it did when it was imported. */
static int
export_imported (PcCliContext *ctx,
                 PcStore      *store,
                 int           revision,
                 const char   *json_path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len = 0;

  if (g_file_test (json_path, G_FILE_TEST_IS_DIR))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Cannot write the summary to “%s”: it is a folder; give a file name such as “%s/summary.json”"),
                         json_path, json_path);

  if ((bytes = _pc_cli_load_imported (ctx, store, ctx->args[0], revision)) == NULL)
    return PC_EXIT_USAGE;

  data = g_bytes_get_data (bytes, &len);
  if (!pc_file_set_contents (json_path, data, (gssize) len, 0644, &error))
    return _pc_cli_fail_error (ctx, error);

  g_print (_("Exported the imported summary of %s, as it was imported, to %s\n"),
           ctx->args[0], json_path);
  return PC_EXIT_OK;
}

/* The line that says what was written where. */
static void
print_exported (const PcAssessment *a,
                PcExportFormat      format,
                const cJSON        *document,
                const char         *path)
{
  int n;

  switch (format)
    {
    case PC_EXPORT_SUMMARY:
      if (!cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (document, "signed")))
        {
          g_print (_("Exported %s revision %d (%s, not signed) to %s\n"), a->reference, a->revision,
                   pc_json_get_string (document, "state"), path);
          break;
        }
      n = cJSON_GetArraySize (cJSON_GetObjectItemCaseSensitive (document, "signoffs"));
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Exported %s revision %d (%s, %d sign-off) to %s\n",
                            "Exported %s revision %d (%s, %d sign-offs) to %s\n", (gulong) n),
               a->reference, a->revision, pc_json_get_string (document, "state"), n, path);
      break;

    case PC_EXPORT_REPORT:
      g_print (_("Exported the report of %s revision %d (%s) to %s\n"), a->reference,
               a->revision, pc_state_to_label (a->state), path);
      break;

    case PC_EXPORT_ACTION_PLAN:
    default:
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "Exported the action plan of %s revision %d (%u action) to %s\n",
                            "Exported the action plan of %s revision %d (%u actions) to %s\n",
                            a->actions->len),
               a->reference, a->revision, a->actions->len, path);
      break;
    }
}

/* export */

int
_pc_cli_export (PcCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autofree char *json_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *csv_path = NULL;
  const char *path;
  int revision = 0;
  gboolean imported = FALSE;
  PcExportFormat format;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      N_("Write the signed JSON summary to FILE"), N_("FILE") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path,
      N_("Write the committee report, as PDF, to FILE"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path,
      N_("Write the action plan, as CSV, to FILE"), N_("FILE") },
    { "revision", 0, 0, G_OPTION_ARG_INT, &revision,
      N_("Export this revision (default: the latest)"), N_("N") },
    { "imported", 0, 0, G_OPTION_ARG_NONE, &imported,
      N_("Export an imported summary, exactly as it was imported"), NULL },
    { NULL }
  };
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;

  if (!_pc_cli_parse (ctx, &argc, &argv, entries, "REF --json FILE | --pdf FILE | --csv FILE", 1,
                      _("Writes an assessment’s summary file (--json: its content, the linter’s findings, the sign-offs with their signatures and public keys, and the audit chain head), its committee report (--pdf) or its action plan (--csv).")))
    return PC_EXIT_USAGE;

  if ((json_path != NULL) + (pdf_path != NULL) + (csv_path != NULL) != 1)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Say where to write one file: usage is “principle-check export REF --json FILE”, “--pdf FILE” or “--csv FILE”"));
  path = json_path != NULL ? json_path : pdf_path != NULL ? pdf_path : csv_path;
  if (*path == '\0')
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Say where to write the file: the file name is empty"));
  if (imported && json_path == NULL)
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("--imported exports the summary file only: use it with --json FILE"));

  /* Before any work: a file that cannot be written is bad usage. */
  folder = g_path_get_dirname (path);
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Cannot write to “%s”: the folder “%s” does not exist; create it first or choose another file"),
                         path, folder);
  if (json_path == NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
    return _pc_cli_fail (ctx, PC_EXIT_USAGE,
                         _("Cannot write to “%s”: it is a folder; give a file name such as “%s/report.%s”"),
                         path, path, pdf_path != NULL ? "pdf" : "csv");

  if ((store = _pc_cli_open_store (ctx)) == NULL)
    return PC_EXIT_USAGE;
  if (imported)
    return export_imported (ctx, store, revision, json_path);
  if ((status = _pc_cli_load_with_checklist (ctx, store, ctx->args[0], revision, &a,
                                             &checklist)) != PC_EXIT_OK)
    return status;

  /* A broken chain or an altered record is a failed check (exit 1):
   * the file would claim an integrity the database no longer has. */
  format = json_path != NULL ? PC_EXPORT_SUMMARY
         : pdf_path != NULL ? PC_EXPORT_REPORT : PC_EXPORT_ACTION_PLAN;
  now = g_date_time_new_now_utc ();
  if (!pc_export_to_file (store, a, checklist, format, now, path, &document, &error))
    return _pc_cli_fail_error (ctx, error);

  print_exported (a, format, document, path);
  return PC_EXIT_OK;
}
