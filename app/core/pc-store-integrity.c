/* pc-store-integrity.c: re-verifying a signed assessment on every use
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include "pc-store-private.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-sign.h"
#include "pc-summary.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* Triggers are a guard rail that whoever can write the file can take
 * down. What the program promises of a signed assessment rests on its
 * signatures instead, checked here every time the record is used: the
 * content rebuilt from the database against every sign-off of the
 * current round, each signature and the details it carries, the state
 * against the sign-offs, every attachment's bytes against their hash,
 * and the audit chain against the heads the signatures anchored. */

typedef struct
{
  const PcAssessment *a;
  GPtrArray          *problems;  /* char * */
} Check;

G_GNUC_PRINTF (2, 3)
static void
add_problem (Check      *check,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (check->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The rows a signature writes after the head it anchored: its own
 * "signed" row and the change of state, then (for a final assessment)
 * only the note that a new revision was started. Anything else there was
 * written, changed or removed behind the program's back. */
static void
check_tail (Check      *check,
            GPtrArray  *rows,
            guint       first,
            GError    **error)
{
  const PcAssessment *a = check->a;
  const PcSignoff *s = g_ptr_array_index (a->signoffs, a->signoffs->len - 1);
  g_autofree char *described = _pc_store_describe_signoff (s, NULL);
  const char *before = pc_state_to_string (s->meaning == PC_MEANING_PREPARED ? PC_STATE_DRAFT
                                                                               : PC_STATE_IN_REVIEW);
  const PcAuditEntry *signed_row = first < rows->len ? g_ptr_array_index (rows, first) : NULL;
  const PcAuditEntry *state_row = first + 1 < rows->len ? g_ptr_array_index (rows, first + 1) : NULL;
  gboolean ok;

  ok = signed_row != NULL && state_row != NULL
    && g_strcmp0 (signed_row->entity, "signoff") == 0
    && g_strcmp0 (signed_row->field, "signed") == 0
    && g_strcmp0 (signed_row->actor, s->name) == 0
    && signed_row->entity_id == NULL && signed_row->old_value == NULL
    && g_strcmp0 (signed_row->new_value, described) == 0
    && g_strcmp0 (signed_row->reason, s->reason) == 0
    && g_strcmp0 (state_row->entity, "assessment") == 0
    && g_strcmp0 (state_row->field, "state") == 0
    && g_strcmp0 (state_row->actor, s->name) == 0
    && state_row->entity_id == NULL
    && g_strcmp0 (state_row->old_value, before) == 0
    && g_strcmp0 (state_row->new_value, pc_state_to_string (a->state)) == 0
    && g_strcmp0 (state_row->reason, s->reason) == 0;

  for (guint i = first + 2; ok && i < rows->len; i++)
    {
      const PcAuditEntry *row = g_ptr_array_index (rows, i);

      ok = pc_state_is_final (a->state)
        && g_strcmp0 (row->entity, "assessment") == 0
        && g_strcmp0 (row->field, "revised") == 0;
    }

  if (!ok)
    add_problem (check, _("the history after %s’s signature of %s has been altered"),
                 s->name, s->signed_at);
}

/* The audit chain holds, and every sign-off's anchor is in it; after
 * the last, only what signing writes. */
static gboolean
check_history (PcStore  *self,
               Check    *check,
               GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) chain_error = NULL;
  const PcAssessment *a = check->a;
  const PcSignoff *last = NULL;

  rows = _pc_store_load_audit (self, a->id, error);
  if (rows == NULL)
    return FALSE;

  if (!_pc_store_check_chain (rows, NULL, NULL, &chain_error))
    add_problem (check, "%s", chain_error->message);

  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);
      const char *head;

      if (s->audit_head == NULL)
        continue;  /* Signed before the history was anchored. */

      /* The database says how many rows; whoever wrote it may have
       * switched its checks off. */
      if (s->audit_rows < 0 || s->audit_rows > (gint64) rows->len)
        {
          add_problem (check, _("the history has been cut short: %s signed it with %" PRId64 " entries, and %u are left"),
                       s->name, s->audit_rows, rows->len);
          continue;
        }

      head = s->audit_rows == 0 ? PC_STORE_GENESIS_HASH
                                : ((const PcAuditEntry *) g_ptr_array_index (rows, s->audit_rows - 1))->hash;
      if (g_strcmp0 (head, s->audit_head) != 0)
        add_problem (check, _("the history before %s’s signature of %s has been rewritten"),
                     s->name, s->signed_at);
      last = s;
    }

  if (a->state != PC_STATE_DRAFT && a->signoffs->len > 0
      && last == g_ptr_array_index (a->signoffs, a->signoffs->len - 1)
      && last->audit_rows >= 0 && last->audit_rows <= (gint64) rows->len)
    check_tail (check, rows, (guint) last->audit_rows, error);

  return TRUE;
}

/* Every attachment's stored bytes against the hash and size recorded
 * for it, which the signatures cover. */
static gboolean
check_attachments (PcStore  *self,
                   Check    *check,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pc_db_prepare (self->db,
                         "SELECT name, size, sha256, data FROM attachments"
                         " WHERE assessment_id = ?1 ORDER BY id",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, check->a->id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 2);
      const void *data = sqlite3_column_blob (stmt, 3);
      gsize size = sqlite3_column_bytes (stmt, 3);
      char computed[PC_STORE_HASH_HEX_SIZE];

      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        {
          add_problem (check, _("the file “%s” has been removed from the database"), name);
          continue;
        }

      _pc_store_sha256_hex (data, size, computed);
      if (g_strcmp0 (computed, sha256) != 0 || (gint64) size != sqlite3_column_int64 (stmt, 1))
        add_problem (check, _("the file “%s” is not the one whose SHA-256 was recorded: its bytes have been replaced"),
                     name);
    }

  if (rc != SQLITE_DONE)
    {
      _pc_db_set_error (self->db, error, _("read the attachments"));
      return FALSE;
    }

  return TRUE;
}

/* The sign-offs of the current round of review: those after the last
 * "returned". */
static guint
round_start (const PcAssessment *a)
{
  guint first = 0;

  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);

      if (s->meaning == PC_MEANING_RETURNED)
        first = i + 1;
    }

  return first;
}

/* Does the state match the current round's sign-offs? A state that
 * claims a decision nobody signed is an altered record. */
static void
check_state (Check *check)
{
  const PcAssessment *a = check->a;
  guint first = round_start (a);
  guint n = a->signoffs->len - first;
  const PcSignoff *prepared = n >= 1 ? g_ptr_array_index (a->signoffs, first) : NULL;
  const PcSignoff *decision = n >= 2 ? g_ptr_array_index (a->signoffs, first + 1) : NULL;
  const char *state = pc_state_to_label (a->state);

  if (prepared != NULL && prepared->meaning != PC_MEANING_PREPARED)
    {
      add_problem (check, _("the author’s “prepared” sign-off is missing"));
      return;
    }

  switch (a->state)
    {
    case PC_STATE_DRAFT:
      if (n > 0)
        add_problem (check, _("it says Draft, but it carries %s’s sign-off of %s"),
                     prepared->name, prepared->signed_at);
      break;

    case PC_STATE_IN_REVIEW:
      if (prepared == NULL)
        add_problem (check, _("it says In review, but nobody signed it as prepared"));
      else if (n > 1)
        add_problem (check, _("it says In review, but it carries a decision"));
      break;

    case PC_STATE_APPROVED:
    case PC_STATE_APPROVED_WITH_CONDITIONS:
    case PC_STATE_NOT_APPROVED:
      if (prepared == NULL || decision == NULL)
        add_problem (check, _("it says “%s”, but no reviewer signed that decision"), state);
      else if (n > 2 || pc_lifecycle_state_after (decision->meaning) != a->state)
        add_problem (check, _("it says “%s”, but %s signed “%s”"), state, decision->name,
                     pc_meaning_to_label (decision->meaning));
      else if (pc_text_names_equal (prepared->name, decision->name))
        add_problem (check, _("%s both prepared and reviewed it"), decision->name);
      else if (pc_text_names_equal (a->lead, decision->name))
        add_problem (check, _("%s is the service lead and so cannot also be its reviewer"),
                     decision->name);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* What @s says it signed against its signature's trusted comment, for
 * a sign-off whose content is no longer at hand. */
static void
check_details (Check           *check,
               const PcSignoff *s)
{
  const PcAssessment *a = check->a;
  g_autofree char *expected_comment = pc_summary_trusted_comment (a->reference, a->revision, s);
  g_autofree char *comment = NULL;
  g_autofree char *key_id = NULL;

  if (!pc_sign_verify_comment (s->public_key, s->signature, &comment, &key_id, NULL))
    add_problem (check, _("%s’s signature of %s does not verify"), s->name, s->signed_at);
  else if (g_strcmp0 (comment, expected_comment) != 0 || g_strcmp0 (key_id, s->key_id) != 0)
    add_problem (check, _("the details of %s’s sign-off of %s are not what the signature carries"),
                 s->name, s->signed_at);
}

/* One sign-off against the content rebuilt from the database. */
static void
check_signoff (Check           *check,
               const PcSignoff *s,
               GBytes          *content,
               const char      *content_sha256)
{
  const PcAssessment *a = check->a;
  g_autofree char *expected_comment = pc_summary_trusted_comment (a->reference, a->revision, s);
  g_autofree char *comment = NULL;
  g_autofree char *key_id = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (s->content_sha256, content_sha256) != 0)
    {
      add_problem (check, _("the content is not what %s signed on %s"), s->name, s->signed_at);
      return;
    }

  if (!pc_sign_verify (s->public_key, g_bytes_get_data (content, NULL), g_bytes_get_size (content),
                       s->signature, &comment, &key_id, &error))
    {
      add_problem (check, _("%s’s signature of %s does not verify"), s->name, s->signed_at);
      return;
    }

  if (g_strcmp0 (comment, expected_comment) != 0 || g_strcmp0 (key_id, s->key_id) != 0)
    add_problem (check, _("the details of %s’s sign-off of %s are not what the signature carries"),
                 s->name, s->signed_at);
}

/* The key of @s is one the register of signers holds for its signer:
 * every signature made here registers its key first, so a sign-off whose
 * key the register does not hold was put in behind the program's back. */
static gboolean
check_registered (PcStore          *self,
                  Check            *check,
                  const PcSignoff  *s,
                  GError          **error)
{
  g_autofree char *fingerprint = pc_sign_fingerprint (s->public_key, NULL);

  if (fingerprint == NULL)
    {
      add_problem (check, _("%s’s public key is damaged"), s->name);
      return TRUE;
    }

  switch (_pc_store_signer_standing (self, s->name, fingerprint, NULL, error))
    {
    case PC_SIGNER_KNOWN:
      return TRUE;
    case PC_SIGNER_NEW:
    case PC_SIGNER_OTHER_KEY:
      add_problem (check, _("%s signed with a key (%s) that this database’s register of signers does not hold for them"),
                   s->name, fingerprint);
      return TRUE;
    case PC_SIGNER_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
check_signatures (PcStore  *self,
                  Check    *check,
                  GError  **error)
{
  const PcAssessment *a = check->a;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(cJSON) content_json = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *sha256 = NULL;
  guint first = round_start (a);

  check_state (check);

  /* Every sign-off, of every round: its key registered for its signer,
   * and what it says it signed (its trusted comment) what the database
   * says. The content of an earlier round is gone; the current round's
   * is checked below. */
  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *s = g_ptr_array_index (a->signoffs, i);

      if (!check_registered (self, check, s, error))
        return FALSE;
      if (i < first || a->state == PC_STATE_DRAFT)
        check_details (check, s);
    }

  if (a->state == PC_STATE_DRAFT)
    return TRUE;  /* Nothing signed covers a draft's content. */

  checklist = pc_store_load_checklist_for (self, a, error);
  if (checklist == NULL)
    return FALSE;
  content_json = pc_summary_build_content (a, checklist);
  content = pc_summary_canonical_bytes (content_json, &sha256, error);
  if (content == NULL)
    return FALSE;

  for (guint i = first; i < a->signoffs->len; i++)
    check_signoff (check, g_ptr_array_index (a->signoffs, i), content, sha256);

  return TRUE;
}

PcIntegrity
pc_store_verify_assessment (PcStore             *self,
                            const PcAssessment  *a,
                            GPtrArray          **out_problems,
                            GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  Check check = { a, problems };

  g_return_val_if_fail (PC_IS_STORE (self), PC_INTEGRITY_ALTERED);
  g_return_val_if_fail (a != NULL, PC_INTEGRITY_ALTERED);

  if (!check_history (self, &check, error)
      || !check_attachments (self, &check, error)
      || !check_signatures (self, &check, error))
    return PC_INTEGRITY_ERROR;

  if (out_problems != NULL)
    *out_problems = g_ptr_array_ref (problems);

  if (problems->len > 0)
    return PC_INTEGRITY_ALTERED;

  return a->state == PC_STATE_DRAFT ? PC_INTEGRITY_UNSIGNED : PC_INTEGRITY_VERIFIED;
}

char *
pc_integrity_describe (const PcAssessment *a,
                       GPtrArray          *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (problems != NULL && problems->len > 0, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_ptr_array_index (problems, i));
    }

  if (a->state == PC_STATE_DRAFT)
    /* Translators: %s is a reference, %d its revision, the last %s what
     * does not match. */
    return g_strdup_printf (_("%s revision %d has been altered outside Principle Check (%s): do not rely on it; restore the database from a backup"),
                            a->reference, a->revision, text->str);
  /* Translators: as above. */
  return g_strdup_printf (_("%s revision %d has been altered since it was signed (%s): do not rely on it; restore the database from a backup"),
                          a->reference, a->revision, text->str);
}

gboolean
pc_store_require_intact (PcStore             *self,
                         const PcAssessment  *a,
                         GError             **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *message = NULL;

  switch (pc_store_verify_assessment (self, a, &problems, error))
    {
    case PC_INTEGRITY_ERROR:
      return FALSE;
    case PC_INTEGRITY_ALTERED:
      message = pc_integrity_describe (a, problems);
      g_set_error_literal (error, PC_STORE_ERROR, PC_STORE_ERROR_ALTERED, message);
      return FALSE;
    case PC_INTEGRITY_UNSIGNED:
    case PC_INTEGRITY_VERIFIED:
    default:
      return TRUE;
    }
}

gboolean
pc_store_check_for_export (PcStore             *self,
                           const PcAssessment  *a,
                           guint               *out_audit_count,
                           char               **out_audit_head,
                           GError             **error)
{
  /* A committee paper or a summary from an altered record would carry
   * its signatures' authority: refused. */
  return pc_store_check_audit_chain (self, a->id, out_audit_count, out_audit_head, error)
      && pc_store_require_intact (self, a, error);
}

const char *
pc_integrity_to_string (PcIntegrity integrity)
{
  switch (integrity)
    {
    case PC_INTEGRITY_UNSIGNED:
      return "unsigned";
    case PC_INTEGRITY_VERIFIED:
      return "verified";
    case PC_INTEGRITY_ALTERED:
    case PC_INTEGRITY_ERROR:
    default:
      return "altered";
    }
}
