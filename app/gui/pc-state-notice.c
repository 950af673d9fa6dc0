/* pc-state-notice.c
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-state-notice.h"

#include <glib/gi18n.h>

#include "pc-assessment.h"
#include "pc-signoff-text.h"
#include "pc-vocab.h"

/* The last sign-off of @a with @meaning before index @before, or NULL. */
static const PcSignoff *
find_signoff (const PcAssessment *a,
              PcMeaning           meaning,
              guint               before)
{
  if (a->signoffs == NULL)
    return NULL;

  for (guint i = MIN (before, a->signoffs->len); i > 0; i--)
    {
      const PcSignoff *signoff = g_ptr_array_index (a->signoffs, i - 1);

      if (signoff->meaning == meaning)
        return signoff;
    }

  return NULL;
}

static const PcSignoff *
last_signoff (const PcAssessment *a)
{
  if (a->signoffs == NULL || a->signoffs->len == 0)
    return NULL;

  return g_ptr_array_index (a->signoffs, a->signoffs->len - 1);
}

/* What a final assessment's banner says: the decision, its conditions
 * or reason, and who submitted it. Returns: (transfer full) */
static char *
describe_final (const PcAssessment *a)
{
  const PcSignoff *decision = last_signoff (a);
  const PcSignoff *prepared;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *read_only = g_markup_printf_escaped ("<b>%s</b>", _("Read-only."));

  g_string_append (text, read_only);
  if (decision == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);

  prepared = find_signoff (a, PC_MEANING_PREPARED, a->signoffs->len - 1);
  {
    g_autofree char *line = pc_signoff_describe (decision);
    /* Translators: a sentence of the read-only banner: "Approved by …, on …." */
    g_autofree char *sentence = g_markup_printf_escaped (_(" %s."), line);

    g_string_append (text, sentence);
  }
  if (decision->reason != NULL)
    {
      g_autofree char *reason = pc_signoff_describe_reason (decision);
      g_autofree char *sentence = g_markup_printf_escaped (" %s", reason);

      g_string_append (text, sentence);
    }
  if (prepared != NULL)
    {
      g_autofree char *line = pc_signoff_describe (prepared);
      g_autofree char *sentence = g_markup_printf_escaped (_(" %s."), line);

      g_string_append (text, sentence);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_in_review (const PcAssessment *a)
{
  const PcSignoff *prepared = find_signoff (a, PC_MEANING_PREPARED, G_MAXUINT);
  g_autofree char *when = NULL;

  if (prepared == NULL)
    return g_markup_printf_escaped ("<b>%s</b> %s", _("Read-only."),
                                    _("In review: it cannot be changed until the reviewer "
                                      "decides."));

  when = pc_signoff_describe_time (prepared->signed_at);
  /* Translators: "In review since <date and time>, prepared by <name>, <role>: …" */
  return g_markup_printf_escaped (_("<b>Read-only.</b> In review since %s, prepared by "
                                    "%s, %s: it cannot be changed until the reviewer "
                                    "decides."),
                                  when, prepared->name, prepared->role);
}

static char *
describe_altered (const PcAssessment *a)
{
  g_autoptr(GString) what = g_string_new (NULL);

  for (guint i = 0; i < a->altered->len; i++)
    g_string_append_printf (what, i > 0 ? "; %s" : "%s",
                            (const char *) g_ptr_array_index (a->altered, i));
  if (a->state == PC_STATE_DRAFT)
    /* Translators: the banner over an assessment altered behind the
     * program's back; %s says what does not match. */
    return g_markup_printf_escaped (_("<b>Altered outside Principle Check:</b> %s. Do not rely on it; restore the database from a backup."),
                                    what->str);

  /* Translators: the banner over an assessment whose signatures no
   * longer hold; %s says what does not match. */
  return g_markup_printf_escaped (_("<b>Altered since it was signed:</b> %s. Do not rely on it; restore the database from a backup."),
                                  what->str);
}

/* The card: what the state is, and what it means. */
static void
describe_state (PcStateNotice      *notice,
                const PcAssessment *a)
{
  const PcSignoff *last = last_signoff (a);

  switch (a->state)
    {
    case PC_STATE_DRAFT:
      notice->icon = "document-edit-symbolic";
      notice->title = _("Draft");
      if (last != NULL && last->meaning == PC_MEANING_RETURNED)
        notice->body = _("Returned for changes: make them, then submit it for review again.");
      else
        notice->body = _("Being written: when nothing blocks sign-off, submit it for review.");
      break;
    case PC_STATE_IN_REVIEW:
      notice->icon = "document-send-symbolic";
      notice->title = _("In Review");
      notice->body = _("Waiting for a reviewer’s decision. A change now would no longer match the "
                       "author’s signature: to change it, a reviewer returns it to its author.");
      break;
    case PC_STATE_APPROVED:
      notice->icon = "emblem-ok-symbolic";
      notice->icon_style = "success";
      notice->title = _("Approved");
      notice->body = _("Signed off and read-only. To change it, start a new revision.");
      break;
    case PC_STATE_APPROVED_WITH_CONDITIONS:
      notice->icon = "emblem-important-symbolic";
      notice->icon_style = "warning";
      notice->title = _("Approved With Conditions");
      notice->body = _("Signed off and read-only, on the conditions below. To change it, start a new "
                       "revision.");
      break;
    case PC_STATE_NOT_APPROVED:
      notice->icon = "dialog-error-symbolic";
      notice->icon_style = "error";
      notice->title = _("Not Approved");
      notice->body = _("Signed off as not approved and read-only. To change it, start a new revision.");
      break;
    default:
      g_assert_not_reached ();
    }
}

void
pc_state_notice_init (PcStateNotice      *notice,
                      const PcAssessment *a)
{
  const PcSignoff *last;

  g_return_if_fail (notice != NULL);
  g_return_if_fail (a != NULL);

  *notice = (PcStateNotice) { 0 };
  describe_state (notice, a);
  notice->banner_icon = "changes-prevent-symbolic";
  notice->banner_style = pc_state_to_string (a->state);

  if (a->altered != NULL)
    {
      notice->icon = notice->banner_icon = "dialog-warning-symbolic";
      notice->icon_style = "error";
      notice->title = _("Altered Since It Was Signed");
      notice->body = _("What the database holds no longer matches the signatures below: do not rely "
                       "on it, and restore the database from a backup.");
      notice->banner_style = "altered";
      notice->banner_markup = describe_altered (a);
      return;
    }

  if (a->imported)
    {
      notice->icon = "changes-prevent-symbolic";
      notice->icon_style = NULL;
      notice->body = _("An imported summary whose signatures were verified: it is read-only here. "
                       "To change it, revise it in the database it came from.");
      notice->banner_markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Read-only."),
                                                       _("An imported summary whose signatures were verified. "
                                                         "To change it, revise it in the database it came from."));
      return;
    }

  if (pc_state_is_final (a->state))
    {
      notice->banner_markup = describe_final (a);
      notice->can_revise = TRUE;
      return;
    }

  if (a->state == PC_STATE_IN_REVIEW)
    {
      notice->banner_markup = describe_in_review (a);
      return;
    }

  /* A draft: a banner only while it was just returned. */
  last = last_signoff (a);
  if (last != NULL && last->meaning == PC_MEANING_RETURNED)
    {
      g_autofree char *line = pc_signoff_describe (last);

      notice->banner_icon = "document-edit-symbolic";
      /* Translators: "Returned to its author by …, on …: <the reviewer's reason>" */
      notice->banner_markup = g_markup_printf_escaped (_("%s: %s"), line,
                                                       last->reason != NULL ? last->reason : "");
    }
}

void
pc_state_notice_clear (PcStateNotice *notice)
{
  g_clear_pointer (&notice->banner_markup, g_free);
}
