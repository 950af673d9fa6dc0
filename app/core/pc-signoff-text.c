/* pc-signoff-text.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-signoff-text"

#include "config.h"

#include "pc-signoff-text.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"

char *
pc_signoff_describe_time (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (iso8601 != NULL, NULL);

  when = g_date_time_new_from_iso8601 (iso8601, utc);
  if (when == NULL)
    return g_strdup (iso8601);

  /* Translators: a date and time in UTC, see g_date_time_format(). */
  text = g_date_time_format (when, _("%-d %B %Y at %H:%M UTC"));
  local = g_date_time_to_local (when);
  if (g_date_time_get_utc_offset (local) != 0)
    {
      /* Translators: a time of day in the computer's time zone. */
      g_autofree char *local_text = g_date_time_format (local, _("%H:%M local time"));

      return g_strdup_printf ("%s (%s)", text, local_text);
    }

  return g_steal_pointer (&text);
}

char *
pc_signoff_describe_parts (PcMeaning   meaning,
                           const char *name,
                           const char *role,
                           const char *signed_at)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (signed_at != NULL, NULL);

  when = pc_signoff_describe_time (signed_at);

  switch (meaning)
    {
    case PC_MEANING_PREPARED:
      /* Translators: name, role, date and time. */
      return g_strdup_printf (_("Submitted for review by %s, %s, on %s"), name, role, when);
    case PC_MEANING_APPROVED:
      return g_strdup_printf (_("Approved by %s, %s, on %s"), name, role, when);
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
      return g_strdup_printf (_("Approved with conditions by %s, %s, on %s"), name, role, when);
    case PC_MEANING_RETURNED:
      return g_strdup_printf (_("Returned to its author by %s, %s, on %s"), name, role, when);
    case PC_MEANING_NOT_APPROVED:
      return g_strdup_printf (_("Not approved by %s, %s, on %s"), name, role, when);
    default:
      g_assert_not_reached ();
    }
}

char *
pc_signoff_describe (const PcSignoff *signoff)
{
  g_return_val_if_fail (signoff != NULL, NULL);

  return pc_signoff_describe_parts (signoff->meaning, signoff->name, signoff->role,
                                    signoff->signed_at);
}

char *
pc_signoff_describe_reason (const PcSignoff *signoff)
{
  g_return_val_if_fail (signoff != NULL, NULL);

  if (signoff->reason == NULL)
    return NULL;
  if (signoff->meaning == PC_MEANING_APPROVED_WITH_CONDITIONS)
    return g_strdup_printf (_("Conditions: %s"), signoff->reason);

  return g_strdup_printf (_("Reason: %s"), signoff->reason);
}
