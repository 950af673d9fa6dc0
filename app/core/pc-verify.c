/* pc-verify.c: checking a summary file without the database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-verify"

#include "config.h"

#include <inttypes.h>

#include "pc-verify.h"
#include "pc-verify-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-canon.h"
#include "pc-file.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-sign.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* A summary carries two sign-offs (prepared and a decision). Each
 * signature check hashes the whole content, so a file with thousands of
 * sign-offs is not checked past this many: the time stays linear. */
#define MAX_CHECKED_SIGNOFFS    16

G_DEFINE_QUARK (pc-verify-error-quark, pc_verify_error)

/* The verifier */

/* Keeps @text until @v is done with. */
static const char *
pool_take (Verifier *v,
           char     *text)
{
  g_ptr_array_add (v->pool, text);
  return text;
}

/* A vocabulary id as it reads in a sentence: "approved with conditions". */
static const char *
words (Verifier   *v,
       const char *id)
{
  return pool_take (v, g_strdelimit (g_strdup (id), "_", ' '));
}

/* A problem with the order of the sign-offs, listed while there is room. */
G_GNUC_PRINTF (2, 3)
static void
order_problem (Verifier   *v,
               const char *format,
               ...)
{
  va_list args;

  if (v->n_order++ >= MAX_ORDER_PROBLEMS)
    return;

  va_start (args, format);
  g_ptr_array_add (v->result->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Sign-offs */

static void
verified_signoff_free (gpointer data)
{
  PcVerifiedSignoff *s = data;

  g_free (s->name);
  g_free (s->role);
  g_free (s->reason);
  g_free (s->signed_at);
  g_free (s->key_id);
  g_free (s->fingerprint);
  g_free (s->problem);
  g_free (s);
}

G_GNUC_PRINTF (3, 4)
static void
signoff_problem (Verifier          *v,
                 PcVerifiedSignoff *so,
                 const char        *format,
                 ...)
{
  char *message;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  so->good = FALSE;
  if (so->problem == NULL)
    so->problem = g_strdup (message);
  g_ptr_array_add (v->result->problems, message);
}

/* The rest of the line that starts at @start, without its line break
 * ("\n" or "\r\n"). Returns: (transfer full) */
static char *
dup_line (const char *start)
{
  const char *end = strchr (start, '\n');

  if (end == NULL)
    end = start + strlen (start);
  if (end > start && end[-1] == '\r')
    end--;

  return g_strndup (start, end - start);
}

/* The unverified trusted comment line of a minisign signature.
 * Returns: (transfer full) (nullable) */
static char *
extract_trusted_comment (const char *signature)
{
  const char *start = strstr (signature, "\n" TRUSTED_PREFIX);

  return start != NULL ? dup_line (start + strlen ("\n" TRUSTED_PREFIX)) : NULL;
}

/* The base64 line of a minisign public key text. Returns: (transfer full) (nullable) */
static char *
public_key_line (const char *public_key)
{
  const char *start = strchr (public_key, '\n');

  return start != NULL ? dup_line (start + 1) : NULL;
}

static const char * const comment_keys[] = {
  "reference", "revision", "name", "role", "meaning", "signed_at", "content_sha256",
  "reason_sha256", "audit_rows", "audit_head", NULL
};

/* Parses a trusted comment as Principle Check writes it. Returns:
 * (transfer full) (nullable): NULL when it is not one. */
static cJSON *
parse_comment (const char *comment)
{
  g_autoptr(cJSON) object = pc_json_parse_strict (comment, strlen (comment), NULL);

  if (!cJSON_IsObject (object))
    return NULL;

  for (const cJSON *child = object->child; child != NULL; child = child->next)
    {
      if (!g_strv_contains (comment_keys, child->string))
        return NULL;
      if (g_str_equal (child->string, "revision") || g_str_equal (child->string, "audit_rows")
          ? !cJSON_IsNumber (child) : !cJSON_IsString (child))
        return NULL;
    }

  for (guint i = 0; i < 7; i++)
    if (cJSON_GetObjectItemCaseSensitive (object, comment_keys[i]) == NULL)
      return NULL;

  return g_steal_pointer (&object);
}

/* Compares one field of a sign-off with what its signature says. */
static void
compare_field (Verifier          *v,
               PcVerifiedSignoff *so,
               guint              index,
               const cJSON       *comment,
               const cJSON       *signoff,
               const char        *key)
{
  const char *signed_value = pc_json_get_string (comment, key);
  const char *file_value = pc_json_get_string (signoff, key);

  if (g_strcmp0 (signed_value, file_value) == 0)
    return;

  if (file_value == NULL)
    signoff_problem (v, so, _("signoffs[%u].%s is missing or damaged: the signature says “%s”"),
                     index, key, _pc_verify_shown (v, signed_value));
  else
    signoff_problem (v, so, _("signoffs[%u].%s has been altered: the signature says “%s”, the file says “%s”"),
                     index, key, _pc_verify_shown (v, signed_value),
                     _pc_verify_shown (v, file_value));
}

/* Compares the sign-off's anchor in the audit trail (format version 2)
 * with the one its signature carries, and with the trail the file
 * describes: a trail shorter than a signature saw has been cut. */
static void
compare_anchor (Verifier          *v,
                PcVerifiedSignoff *so,
                guint              index,
                const cJSON       *comment,
                const cJSON       *signoff,
                const char        *who)
{
  const char *signed_head = pc_json_get_string (comment, "audit_head");
  const char *file_head = pc_json_get_string (signoff, "audit_head");
  const cJSON *audit = cJSON_GetObjectItemCaseSensitive (v->document, "audit");
  gint64 signed_rows = -1;
  gint64 file_rows = -1;
  gint64 audit_rows = -1;

  pc_json_get_int (comment, "audit_rows", &signed_rows);
  pc_json_get_int (signoff, "audit_rows", &file_rows);

  if (g_strcmp0 (signed_head, file_head) != 0 || signed_rows != file_rows)
    {
      signoff_problem (v, so, _("signoffs[%u].audit_head or audit_rows has been altered: they are not the history %s signed"),
                       index, who);
      return;
    }

  if (signed_head != NULL && pc_json_get_int (audit, "rows", &audit_rows) && audit_rows < signed_rows)
    signoff_problem (v, so, _("the history has been cut short: %s signed it with %" PRId64 " entries, and the file says %" PRId64 " are left"),
                     who, signed_rows, audit_rows);
}

/* Compares the sign-off's fields, and the header's reference and
 * revision, with the trusted comment of its signature. */
static void
compare_comment (Verifier          *v,
                 PcVerifiedSignoff *so,
                 guint              index,
                 const cJSON       *signoff,
                 const char        *comment_text,
                 const char        *who,
                 gboolean           content_changed)
{
  g_autoptr(cJSON) comment = parse_comment (comment_text);
  const char *reason = pc_json_get_string (signoff, "reason");
  const char *signed_reason = NULL;
  const char *signed_sha256;
  g_autofree char *reason_sha256 = NULL;
  gint64 revision = -1;

  if (comment == NULL)
    {
      signoff_problem (v, so, _("%s’s signature carries sign-off details that Principle Check did not write, so it does not show what was signed"),
                       who);
      return;
    }

  if (g_strcmp0 (pc_json_get_string (comment, "reference"), v->reference) != 0)
    signoff_problem (v, so, _("%s signed %s, but the file is %s: the reference has been altered"),
                     who, _pc_verify_shown (v, pc_json_get_string (comment, "reference")),
                     _pc_verify_shown (v, v->reference));
  if (!pc_json_get_int (comment, "revision", &revision) || revision != v->revision)
    signoff_problem (v, so, _("%s signed revision %" PRId64 ", but the file is revision %" PRId64 ": the revision has been altered"),
                     who, revision, v->revision);

  compare_field (v, so, index, comment, signoff, "name");
  compare_field (v, so, index, comment, signoff, "role");
  compare_field (v, so, index, comment, signoff, "meaning");
  compare_field (v, so, index, comment, signoff, "signed_at");

  signed_sha256 = pc_json_get_string (comment, "content_sha256");
  if (g_strcmp0 (signed_sha256, pc_json_get_string (signoff, "content_sha256")) != 0)
    signoff_problem (v, so, _("signoffs[%u].content_sha256 has been altered: it is not the hash of the content %s signed"),
                     index, who);
  if (!content_changed && g_strcmp0 (signed_sha256, v->result->content_sha256) != 0)
    signoff_problem (v, so, _("the content has been changed since %s signed it"), who);

  signed_reason = pc_json_get_string (comment, "reason_sha256");
  if (reason != NULL)
    reason_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, reason, -1);
  if (reason_sha256 != NULL && signed_reason == NULL)
    signoff_problem (v, so, _("signoffs[%u].reason has been added after %s signed: the signature covers no reason or conditions"),
                     index, who);
  else if (reason_sha256 == NULL && signed_reason != NULL)
    signoff_problem (v, so, _("signoffs[%u].reason has been removed: %s signed with a reason or conditions that the file no longer gives"),
                     index, who);
  else if (g_strcmp0 (reason_sha256, signed_reason) != 0)
    signoff_problem (v, so, _("signoffs[%u].reason has been altered: it is not the reason or conditions %s signed"),
                     index, who);

  compare_anchor (v, so, index, comment, signoff, who);
}

/* With trusted keys: is the key that made @so one listed for its name? */
static void check_trust (Verifier          *v,
                         PcVerifiedSignoff *so,
                         const char        *public_key,
                         const char        *who);

static void
check_signoff (Verifier          *v,
               PcVerifiedSignoff *so,
               guint              index,
               const cJSON       *signoff)
{
  const char *public_key = pc_json_get_string (signoff, "public_key");
  const char *signature = pc_json_get_string (signoff, "signature");
  const char *content_sha256 = pc_json_get_string (signoff, "content_sha256");
  const char *key_id = pc_json_get_string (signoff, "key_id");
  const char *meaning = pc_json_get_string (signoff, "meaning");
  const char *who;
  g_autofree char *computed_id = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(GError) error = NULL;
  gboolean content_changed = FALSE;

  if (so->name != NULL)
    who = _pc_verify_shown (v, so->name);
  else
    who = pool_take (v, g_strdup_printf (_("the signer of signoffs[%u]"), index));

  if (meaning == NULL || !pc_meaning_from_string (meaning, &so->meaning))
    signoff_problem (v, so, _("%s’s sign-off does not say what it means: signoffs[%u].meaning is not one of %s"),
                     who, index, pool_take (v, pc_vocab_describe (PC_VOCAB_MEANING)));

  if (public_key == NULL || signature == NULL)
    {
      signoff_problem (v, so, _("%s’s sign-off has no public key or no signature, so nothing shows who signed it"),
                       who);
      return;
    }

  if (v->canonical == NULL)
    {
      signoff_problem (v, so, _("%s’s signature cannot be checked, because the content of the file is missing or damaged"),
                       who);
      return;
    }

  computed_id = pc_sign_public_key_id (public_key, NULL);
  if (computed_id == NULL)
    {
      signoff_problem (v, so, _("signoffs[%u].public_key is damaged: it is not a minisign public key, so %s’s signature cannot be checked"),
                       index, who);
      return;
    }
  g_free (so->key_id);
  so->key_id = g_strdup (computed_id);
  so->fingerprint = pc_sign_fingerprint (public_key, NULL);

  /* The signature says whether the content is what was signed; when it
   * does not hold, the hashes say whether the content is what changed. */
  if (pc_sign_verify (public_key, (const guint8 *) v->canonical, v->canonical_len, signature,
                      &comment, NULL, &error))
    ;  /* Then the trusted comment is what the signer wrote. */
  else if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_MISMATCH)
           || g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID))
    {
      g_autoptr(cJSON) unverified = NULL;
      const char *signed_sha256;

      comment = extract_trusted_comment (signature);
      unverified = comment != NULL ? parse_comment (comment) : NULL;
      signed_sha256 = unverified != NULL ? pc_json_get_string (unverified, "content_sha256")
                                         : content_sha256;
      content_changed = (signed_sha256 != NULL
                         && g_strcmp0 (signed_sha256, v->result->content_sha256) != 0)
                        || (content_sha256 != NULL
                            && g_strcmp0 (content_sha256, v->result->content_sha256) != 0);

      if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_MISMATCH))
        signoff_problem (v, so, _("%s’s signature was not made with the public key beside it: signoffs[%u].public_key has been replaced"),
                         who, index);
      if (content_changed)
        signoff_problem (v, so, _("the content has been changed since %s signed it"), who);
      else if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_INVALID))
        signoff_problem (v, so, _("%s’s signature does not verify: the signature, or the sign-off details it carries, have been altered"),
                         who);
    }
  else if (g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_SIGNATURE)
           || g_error_matches (error, PC_SIGN_ERROR, PC_SIGN_ERROR_BAD_PUBLIC_KEY))
    {
      signoff_problem (v, so, _("signoffs[%u].signature is damaged, so it does not show that %s signed"),
                       index, who);
    }
  else
    {
      g_autofree char *message = _pc_verify_shown_text (error->message, SHOWN_MESSAGE_CHARS);

      signoff_problem (v, so, _("%s’s signature could not be checked: %s"), who, message);
    }

  if (comment != NULL)
    compare_comment (v, so, index, signoff, comment, who, content_changed);

  if (key_id != NULL && !g_str_equal (key_id, computed_id))
    signoff_problem (v, so, _("signoffs[%u].key_id has been altered: it says %s, but the public key’s id is %s"),
                     index, _pc_verify_shown (v, key_id), computed_id);

  if (v->trusted != NULL)
    check_trust (v, so, public_key, who);
}

/* Trusted keys */

typedef struct
{
  char *name;
  char *key;     /* the base64 line */
} TrustedKey;

struct _PcTrustedKeys
{
  char       *display_path;
  GPtrArray  *keys;     /* TrustedKey */
};

static void
trusted_key_free (gpointer data)
{
  TrustedKey *key = data;

  g_free (key->name);
  g_free (key->key);
  g_free (key);
}

static void
check_trust (Verifier          *v,
             PcVerifiedSignoff *so,
             const char        *public_key,
             const char        *who)
{
  PcTrust trust = pc_trusted_keys_check (v->trusted, so->name, public_key);

  if (trust == PC_TRUST_LISTED)
    return;

  if (trust == PC_TRUST_OTHER_KEY)
    signoff_problem (v, so, _("the key that signed as %s is not the one trusted for %s in %s (it has fingerprint %s)"),
                     who, who, v->trusted->display_path,
                     so->fingerprint != NULL ? so->fingerprint : "—");
  else
    signoff_problem (v, so, _("no key is trusted for %s in %s, so nothing shows that %s made this signature"),
                     who, v->trusted->display_path, who);
}

/* Lifecycle */

static gboolean
is_decision (PcMeaning meaning)
{
  switch (meaning)
    {
    case PC_MEANING_APPROVED:
    case PC_MEANING_APPROVED_WITH_CONDITIONS:
    case PC_MEANING_NOT_APPROVED:
      return TRUE;
    case PC_MEANING_PREPARED:
    case PC_MEANING_RETURNED:
    default:
      return FALSE;
    }
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || _pc_verify_rule_text (text) != NULL;
}

/* Does the state match the sign-offs? */
static void
check_state (Verifier                *v,
             PcState                  state,
             const PcVerifiedSignoff *prepared,
             const PcVerifiedSignoff *decision)
{
  GPtrArray *signoffs = v->result->signoffs;

  switch (state)
    {
    case PC_STATE_DRAFT:
      if (signoffs->len > 0)
        order_problem (v, _("the state is draft, but the file carries sign-offs; a draft’s summary has none, so the state has been altered"));
      break;

    case PC_STATE_IN_REVIEW:
      if (decision != NULL)
        order_problem (v, _("the state is in review, but %s has signed the decision “%s”: the state has been altered"),
                       decision->name != NULL ? _pc_verify_shown (v, decision->name) : _("someone"),
                       words (v, pc_meaning_to_string (decision->meaning)));
      else if (prepared == NULL)
        order_problem (v, _("the state is in review, but no author’s “prepared” sign-off is in the file: it has been removed"));
      break;

    case PC_STATE_APPROVED:
    case PC_STATE_APPROVED_WITH_CONDITIONS:
    case PC_STATE_NOT_APPROVED:
      if (decision == NULL)
        order_problem (v, _("the state is “%s”, but no reviewer’s decision is signed in the file: it has been removed, or the state altered"),
                       words (v, pc_state_to_string (state)));
      else if (pc_lifecycle_state_after (decision->meaning) != state)
        order_problem (v, _("the state is “%s”, but %s signed “%s”: the state has been altered"),
                       words (v, pc_state_to_string (state)),
                       decision->name != NULL ? _pc_verify_shown (v, decision->name)
                                              : _("the reviewer"),
                       words (v, pc_meaning_to_string (decision->meaning)));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Do the sign-offs follow the lifecycle, and match the state? @known
 * says which sign-offs have a meaning Principle Check knows. */
static void
check_lifecycle (Verifier       *v,
                 const gboolean *known)
{
  GPtrArray *signoffs = v->result->signoffs;
  const char *state_text = v->result->state;
  const char *lead = pc_json_get_string (v->header, "lead");
  const PcVerifiedSignoff *prepared = NULL;
  const PcVerifiedSignoff *decision = NULL;
  const char *previous_time = NULL;
  PcState state;
  gboolean have_state = state_text != NULL && pc_state_from_string (state_text, &state);

  for (guint i = 0; i < signoffs->len; i++)
    {
      const PcVerifiedSignoff *so = g_ptr_array_index (signoffs, i);
      const char *who;

      if (v->n_order >= MAX_ORDER_PROBLEMS && i >= MAX_CHECKED_SIGNOFFS)
        who = _("someone");  /* Not shown: nothing more is listed. */
      else
        who = so->name != NULL ? _pc_verify_shown (v, so->name) : _("someone");

      if (so->signed_at != NULL && _pc_verify_is_time (so->signed_at))
        {
          if (previous_time != NULL && strcmp (so->signed_at, previous_time) < 0)
            order_problem (v, _("signoffs[%u] (%s) is dated %s, before the sign-off above it (%s): sign-offs must be in the order they were made"),
                           i, who, so->signed_at, previous_time);
          previous_time = so->signed_at;
        }

      if (!known[i])
        continue;

      if (i == 0 && so->meaning != PC_MEANING_PREPARED)
        {
          order_problem (v, _("the first sign-off must be the author’s “prepared”, but signoffs[0] is %s’s “%s”: the author’s sign-off is missing"),
                         who, words (v, pc_meaning_to_string (so->meaning)));
          if (is_decision (so->meaning))
            decision = so;
          continue;
        }

      if (decision != NULL)
        {
          order_problem (v, _("signoffs[%u] (%s, “%s”) comes after the decision; nothing is signed after a decision, so it has been added"),
                         i, who, words (v, pc_meaning_to_string (so->meaning)));
          continue;
        }

      switch (so->meaning)
        {
        case PC_MEANING_PREPARED:
          if (prepared != NULL)
            order_problem (v, _("signoffs[%u] (%s) is a second “prepared” sign-off; a round of review has one, so it has been added"),
                           i, who);
          else
            prepared = so;
          break;

        case PC_MEANING_RETURNED:
          order_problem (v, _("signoffs[%u] (%s) is “returned”: a returned assessment goes back to draft, and its summary carries no sign-offs"),
                         i, who);
          break;

        case PC_MEANING_APPROVED:
        case PC_MEANING_APPROVED_WITH_CONDITIONS:
        case PC_MEANING_NOT_APPROVED:
          decision = so;
          if (prepared != NULL && pc_text_names_equal (prepared->name, so->name))
            order_problem (v, _("%s both prepared and reviewed this assessment; the reviewer must be someone else"),
                           who);
          else if (lead != NULL && pc_text_names_equal (lead, so->name))
            order_problem (v, _("%s is the service lead and so cannot also be its reviewer"), who);
          if (so->meaning == PC_MEANING_APPROVED_WITH_CONDITIONS && is_blank (so->reason))
            order_problem (v, _("%s approved with conditions, but signoffs[%u].reason gives no conditions"),
                           who, i);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (have_state)
    check_state (v, state, prepared, decision);

  if (v->n_order > MAX_ORDER_PROBLEMS)
    {
      guint more = v->n_order - MAX_ORDER_PROBLEMS;

      _pc_verify_add_problem (v, g_dngettext (GETTEXT_PACKAGE,
                                              "… and %u more problem with the order of the sign-offs",
                                              "… and %u more problems with the order of the sign-offs", more),
                              more);
    }
}

/* Public API */

static const char *
describe_json_kind (const cJSON *item)
{
  if (cJSON_IsArray (item))
    return _("a list");
  if (cJSON_IsString (item))
    return _("a piece of text");
  if (cJSON_IsNumber (item))
    return _("a number");
  if (cJSON_IsBool (item))
    return _("true or false");
  if (cJSON_IsNull (item))
    return _("null");
  return _("something else");
}

/* Is @document a summary of a format version this program reads? */
static gboolean
check_format (const cJSON  *document,
              GError      **error)
{
  const cJSON *format = cJSON_GetObjectItemCaseSensitive (document, "format");
  const cJSON *version = cJSON_GetObjectItemCaseSensitive (document, "format_version");

  if (!cJSON_IsObject (document))
    {
      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_NOT_SUMMARY,
                   _("The file is not a Principle Check summary: it holds %s, not an object with “format”: “%s”; check that you chose the file “principle-check export” wrote"),
                   describe_json_kind (document), SUMMARY_FORMAT);
      return FALSE;
    }

  if (!cJSON_IsString (format))
    {
      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_NOT_SUMMARY,
                   _("The file is not a Principle Check summary: it has no “format”: “%s”; check that you chose the file “principle-check export” wrote"),
                   SUMMARY_FORMAT);
      return FALSE;
    }

  if (!g_str_equal (format->valuestring, SUMMARY_FORMAT))
    {
      g_autofree char *quoted = _pc_verify_shown_text (format->valuestring, SHOWN_CHARS);

      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_NOT_SUMMARY,
                   _("The file is not a Principle Check summary: its “format” is “%s”, not “%s”; check that you chose the file “principle-check export” wrote"),
                   quoted, SUMMARY_FORMAT);
      return FALSE;
    }

  if (!cJSON_IsNumber (version))
    {
      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_UNSUPPORTED_VERSION,
                   _("The summary does not say which version of its format it is in (“format_version”), so it cannot be checked: ask for the file as it was exported"));
      return FALSE;
    }

  if (version->valuedouble != 1 && version->valuedouble != SUMMARY_FORMAT_VERSION)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_UNSUPPORTED_VERSION,
                   _("The summary is in format version %s, which this Principle Check cannot read (it reads versions %d to %d): verify it with a newer Principle Check"),
                   g_ascii_dtostr (buf, sizeof buf, version->valuedouble),
                   SUMMARY_FORMAT_VERSION_MIN, SUMMARY_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Reads and checks each sign-off, then their order. */
static void
check_signoffs (Verifier    *v,
                const cJSON *signoffs)
{
  g_autofree gboolean *known = NULL;
  guint index = 0;

  if (!cJSON_IsArray (signoffs))
    return;

  known = g_new0 (gboolean, (gsize) cJSON_GetArraySize (signoffs) + 1);

  for (const cJSON *item = signoffs->child; item != NULL; item = item->next, index++)
    {
      PcVerifiedSignoff *so = g_new0 (PcVerifiedSignoff, 1);
      const char *meaning;

      g_ptr_array_add (v->result->signoffs, so);
      so->good = TRUE;

      if (!cJSON_IsObject (item) && index >= MAX_CHECKED_SIGNOFFS)
        {
          so->good = FALSE;
          so->problem = g_strdup (_("not a sign-off"));
          continue;
        }
      if (!cJSON_IsObject (item))
        {
          signoff_problem (v, so, _("signoffs[%u] is not a sign-off: it is %s"),
                           index, describe_json_kind (item));
          continue;
        }

      so->name = g_strdup (pc_json_get_string (item, "name"));
      so->role = g_strdup (pc_json_get_string (item, "role"));
      so->reason = g_strdup (pc_json_get_string (item, "reason"));
      so->signed_at = g_strdup (pc_json_get_string (item, "signed_at"));
      so->key_id = g_strdup (pc_json_get_string (item, "key_id"));
      meaning = pc_json_get_string (item, "meaning");
      known[index] = meaning != NULL && pc_meaning_from_string (meaning, &so->meaning);

      if (index < MAX_CHECKED_SIGNOFFS)
        check_signoff (v, so, index, item);
      else
        {
          so->good = FALSE;
          so->problem = g_strdup (_("not checked: the file carries more sign-offs than a summary has"));
        }
    }

  if (index > MAX_CHECKED_SIGNOFFS)
    _pc_verify_add_problem (v, _("The file carries %u sign-offs, where a summary has two (the author’s and the reviewer’s decision): only the first %d were checked"),
                            index, MAX_CHECKED_SIGNOFFS);

  check_lifecycle (v, known);
}

PcVerifyResult *
pc_verify_summary (const char     *data,
                   gsize           len,
                   PcTrustedKeys  *trusted,
                   GError        **error)
{
  g_autoptr(PcVerifyResult) result = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pool = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *canonical = NULL;
  const cJSON *content;
  Verifier v = { 0 };
  gsize canonical_len = 0;
  gint64 revision = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = pc_json_parse_strict (data, len, &local_error);
  if (document == NULL)
    {
      g_autofree char *message = _pc_verify_shown_text (local_error->message, SHOWN_MESSAGE_CHARS);

      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_NOT_SUMMARY,
                   _("The file is not a Principle Check summary: %s"), message);
      return NULL;
    }

  if (!check_format (document, error))
    return NULL;

  result = g_new0 (PcVerifyResult, 1);
  result->signoffs = g_ptr_array_new_with_free_func (verified_signoff_free);
  result->problems = g_ptr_array_new_with_free_func (g_free);

  pool = g_ptr_array_new_with_free_func (g_free);
  path = g_string_new (NULL);
  v.trusted = trusted;
  v.document = document;
  v.result = result;
  v.pool = pool;
  v.path = path;
  v.revision = -1;
  v.format_version = (int) cJSON_GetObjectItemCaseSensitive (document, "format_version")->valuedouble;

  content = cJSON_GetObjectItemCaseSensitive (document, "content");
  v.header = cJSON_GetObjectItemCaseSensitive (content, "header");
  if (!cJSON_IsObject (content) || !cJSON_IsObject (v.header))
    v.header = NULL;
  v.reference = pc_json_get_string (v.header, "reference");
  if (pc_json_get_int (v.header, "revision", &revision))
    v.revision = revision;

  result->reference = g_strdup (v.reference);
  result->revision = revision >= 1 && revision <= G_MAXINT ? (int) revision : 0;
  result->title = g_strdup (pc_json_get_string (v.header, "title"));
  result->state = g_strdup (pc_json_get_string (document, "state"));

  _pc_verify_check_layout (&v);

  if (cJSON_IsObject (content))
    {
      canonical = pc_canon_serialize (content, &canonical_len, &local_error);
      if (canonical == NULL)
        {
          g_autofree char *message = _pc_verify_shown_text (local_error->message, SHOWN_MESSAGE_CHARS);

          _pc_verify_add_problem (&v, _("The content cannot be put in the form that signatures cover, so no signature can be checked: %s"),
                                  message);
        }
      else
        result->content_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                              (const guint8 *) canonical,
                                                              canonical_len);
    }
  v.canonical = canonical;
  v.canonical_len = canonical_len;

  check_signoffs (&v, cJSON_GetObjectItemCaseSensitive (document, "signoffs"));

  result->ok = result->problems->len == 0;
  for (guint i = 0; i < result->signoffs->len; i++)
    {
      const PcVerifiedSignoff *so = g_ptr_array_index (result->signoffs, i);

      if (!so->good)
        result->ok = FALSE;
    }

  result->document = g_steal_pointer (&document);
  return g_steal_pointer (&result);
}

void
pc_verify_result_free (PcVerifyResult *result)
{
  if (result == NULL)
    return;

  g_free (result->reference);
  g_free (result->title);
  g_free (result->state);
  g_free (result->content_sha256);
  g_clear_pointer (&result->signoffs, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->document, cJSON_Delete);
  g_free (result);
}

/* Trusted keys */

G_GNUC_PRINTF (4, 5)
static void
set_trusted_error (GError     **error,
                   const char  *display_path,
                   guint        line,
                   const char  *format,
                   ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS,
               _("Line %u of the trusted keys file “%s” %s"), line, display_path, what);
}

static gboolean
is_blank_line (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t')
      return FALSE;

  return TRUE;
}

PcTrustedKeys *
pc_trusted_keys_load (const char  *path,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_path = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_auto(GStrv) lines = NULL;
  PcTrustedKeys *trusted;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_path = g_filename_display_name (path);
  bytes = pc_file_read_bounded (path, PC_FILE_MAX_TRUSTED_KEYS, _("trusted keys file"),
                                &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS,
                           local_error->message);
      return NULL;
    }
  len = g_bytes_get_size (bytes);
  contents = g_malloc (len + 1);
  if (len > 0)
    memcpy (contents, g_bytes_get_data (bytes, NULL), len);
  contents[len] = '\0';

  if (memchr (contents, '\0', len) != NULL || !g_utf8_validate_len (contents, len, NULL))
    {
      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS,
                   _("The trusted keys file “%s” is not UTF-8 text: save it as plain text, one line per signer: their name, a tab, then their public key"),
                   display_path);
      return NULL;
    }

  keys = g_ptr_array_new_with_free_func (trusted_key_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize line_len = strlen (line);
      g_autofree char *key_text = NULL;
      g_autofree char *key_id = NULL;
      TrustedKey *key;
      char *tab;
      char *name;
      char *base64;

      if (line_len > 0 && line[line_len - 1] == '\r')
        line[line_len - 1] = '\0';
      if (is_blank_line (line) || line[strspn (line, " \t")] == '#')
        continue;

      tab = strchr (line, '\t');
      if (tab == NULL)
        {
          set_trusted_error (error, display_path, i + 1,
                             _("has no tab: write the signer’s name, a tab, then the public key line that starts “RW”"));
          return NULL;
        }

      *tab = '\0';
      name = g_strstrip (line);
      base64 = g_strstrip (tab + 1);
      if (*name == '\0')
        {
          set_trusted_error (error, display_path, i + 1,
                             _("has no name before the tab: write the signer’s name, a tab, then their public key"));
          return NULL;
        }

      key_text = g_strdup_printf (UNTRUSTED_PREFIX "trusted key\n%s\n", base64);
      key_id = pc_sign_public_key_id (key_text, NULL);
      if (key_id == NULL)
        {
          g_autofree char *quoted = _pc_verify_shown_text (name, SHOWN_CHARS);

          set_trusted_error (error, display_path, i + 1,
                             _("does not give a minisign public key for %s: after the tab, copy the line that starts “RW” from the signer’s .pub file"),
                             quoted);
          return NULL;
        }

      key = g_new0 (TrustedKey, 1);
      key->name = g_strdup (name);
      key->key = g_strdup (base64);
      g_ptr_array_add (keys, key);
    }

  if (keys->len == 0)
    {
      g_set_error (error, PC_VERIFY_ERROR, PC_VERIFY_ERROR_TRUSTED_KEYS,
                   _("The trusted keys file “%s” lists no keys: add one line per signer, their name, a tab, then their public key"),
                   display_path);
      return NULL;
    }

  trusted = g_new0 (PcTrustedKeys, 1);
  trusted->display_path = g_path_get_basename (display_path);
  trusted->keys = g_steal_pointer (&keys);

  return trusted;
}

PcTrust
pc_trusted_keys_check (const PcTrustedKeys *keys,
                       const char          *name,
                       const char          *public_key)
{
  g_autofree char *line = NULL;
  gboolean name_listed = FALSE;

  g_return_val_if_fail (keys != NULL, PC_TRUST_NOT_LISTED);

  if (name == NULL || public_key == NULL)
    return PC_TRUST_NOT_LISTED;

  line = public_key_line (public_key);
  for (guint i = 0; i < keys->keys->len; i++)
    {
      const TrustedKey *key = g_ptr_array_index (keys->keys, i);

      if (!pc_text_names_equal (key->name, name))
        continue;

      name_listed = TRUE;
      if (line != NULL && g_str_equal (line, key->key))
        return PC_TRUST_LISTED;
    }

  return name_listed ? PC_TRUST_OTHER_KEY : PC_TRUST_NOT_LISTED;
}

const char *
pc_trusted_keys_get_display_path (const PcTrustedKeys *keys)
{
  g_return_val_if_fail (keys != NULL, NULL);

  return keys->display_path;
}

void
pc_trusted_keys_free (PcTrustedKeys *keys)
{
  if (keys == NULL)
    return;

  g_free (keys->display_path);
  g_clear_pointer (&keys->keys, g_ptr_array_unref);
  g_free (keys);
}
