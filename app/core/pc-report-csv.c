/* pc-report-csv.c: the action plan as CSV
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-report"

#include "config.h"

#include "pc-report-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-file.h"
#include "pc-store.h"
#include "pc-vocab.h"

gboolean
_pc_report_action_overdue (const PcAction *action,
                           GDate          *today)
{
  char now[16];

  if (action->status == PC_ACTION_DONE || action->due_date == NULL
      || !pc_date_is_valid (action->due_date))
    return FALSE;

  g_snprintf (now, sizeof now, "%04u-%02u-%02u", g_date_get_year (today),
              g_date_get_month (today), g_date_get_day (today));

  /* YYYY-MM-DD sorts as it reads. */
  return strcmp (action->due_date, now) < 0;
}

/* Whether a spreadsheet would take @value for a formula and run it
 * ("=HYPERLINK(…)", "+1…", "-2…", "@SUM(…)", or one of those after a tab
 * or carriage return). */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted,
 * with its quotes doubled; the others are written as they are. A field
 * a spreadsheet would run as a formula starts with an apostrophe, which
 * Excel and LibreOffice read as "text" (OWASP's advice on CSV
 * injection): the words stay, nothing runs. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  g_autofree char *guarded = NULL;

  if (value == NULL)
    value = "";
  if (looks_like_formula (value))
    value = guarded = g_strconcat ("'", value, NULL);

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *fields,
            guint               n)
{
  for (guint i = 0; i < n; i++)
    append_field (out, fields[i], i + 1 == n);
}

gboolean
pc_report_write_csv (PcStore            *store,
                     const PcAssessment *assessment,
                     const PcChecklist  *checklist,
                     GDate              *today,
                     const char         *path,
                     GError            **error)
{
  const char *header[] = {
    "reference", "revision", "principle", "prompt id", "prompt", "description", "owner",
    "due date", "status", "overdue",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *revision = NULL;

  g_return_val_if_fail (assessment != NULL, FALSE);
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!pc_store_require_intact (store, assessment, error))
    return FALSE;

  /* A UTF-8 byte order mark: Excel reads a CSV file as the computer's
   * legacy code page unless the file starts with one, which would garble
   * every name with an accent. LibreOffice and Python's csv module (with
   * encoding "utf-8-sig") accept it. */
  g_string_append (out, "\xEF\xBB\xBF");
  append_row (out, header, G_N_ELEMENTS (header));

  revision = g_strdup_printf ("%d", assessment->revision);

  /* One row per action, in checklist order, then in the order added. */
  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);

          for (guint k = 0; k < assessment->actions->len; k++)
            {
              const PcAction *action = g_ptr_array_index (assessment->actions, k);
              const char *row[10];

              if (g_strcmp0 (action->prompt_id, prompt->id) != 0)
                continue;

              row[0] = assessment->reference;
              row[1] = revision;
              row[2] = principle->title;
              row[3] = prompt->id;
              row[4] = prompt->question;
              row[5] = action->description;
              row[6] = action->owner;
              row[7] = action->due_date;
              row[8] = pc_action_status_to_label (action->status);
              row[9] = _pc_report_action_overdue (action, today) ? "yes" : "no";
              append_row (out, row, G_N_ELEMENTS (row));
            }
        }
    }

  if (!pc_file_set_contents (path, out->str, (gssize) out->len, 0644, error))
    {
      g_prefix_error (error, _("Cannot write the action plan: "));
      return FALSE;
    }

  return TRUE;
}
