/* pc-store-import.c: summaries imported from other databases
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-store"

#include "config.h"

#include <inttypes.h>

#include "pc-store-private.h"

#include <glib/gi18n.h>

#include "pc-sign.h"

#include "pc-canon.h"
#include "pc-json.h"
#include "pc-verify.h"
#include "pc-vocab.h"

/* What the imports table holds of one summary besides its bytes. */
typedef struct
{
  const char *reference;
  gint64      revision;
  const char *title;
  const char *division;
  const char *lead;
  const char *state;
  gint64      answered;
  gint64      total;
  char       *content_sha256;
  char       *fingerprint;
} ImportFields;

static void
import_fields_clear (ImportFields *fields)
{
  g_clear_pointer (&fields->content_sha256, g_free);
  g_clear_pointer (&fields->fingerprint, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportFields, import_fields_clear)

static gboolean
not_a_summary (GError     **error,
               const char  *what)
{
  g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
               _("The file is not a summary that can be imported (%s): check it with “principle-check verify”"),
               what);
  return FALSE;
}

/* Counts the prompts of @content and those rated. */
static gboolean
count_prompts (const cJSON   *content,
               ImportFields  *fields,
               GError       **error)
{
  const cJSON *principles = cJSON_GetObjectItemCaseSensitive (content, "principles");
  const cJSON *principle;

  if (!cJSON_IsArray (principles))
    return not_a_summary (error, _("it has no principles"));

  fields->answered = 0;
  fields->total = 0;
  cJSON_ArrayForEach (principle, principles)
    {
      const cJSON *prompts = cJSON_GetObjectItemCaseSensitive (principle, "prompts");
      const cJSON *prompt;

      if (!cJSON_IsArray (prompts))
        return not_a_summary (error, _("a principle has no prompts"));

      cJSON_ArrayForEach (prompt, prompts)
        {
          const char *rating = pc_json_get_string (prompt, "rating");
          PcRating value;

          if (rating == NULL || !pc_rating_from_string (rating, &value))
            return not_a_summary (error, _("a prompt has no rating"));

          fields->total++;
          if (value != PC_RATING_NOT_ASSESSED)
            fields->answered++;
        }
    }

  return TRUE;
}

/* Reads the fields out of @document, and checks that its content is the
 * content @verified was computed over: the result vouches for these
 * bytes, not for some other file. */
static gboolean
read_fields (const cJSON           *document,
             const PcVerifyResult  *verified,
             ImportFields          *fields,
             GError               **error)
{
  const cJSON *content = cJSON_GetObjectItemCaseSensitive (document, "content");
  const cJSON *signoffs = cJSON_GetObjectItemCaseSensitive (document, "signoffs");
  const cJSON *header = cJSON_GetObjectItemCaseSensitive (content, "header");
  g_autoptr(cJSON) signed_part = NULL;
  g_autoptr(GError) local_error = NULL;
  PcState state;

  if (!cJSON_IsObject (content) || !cJSON_IsObject (header) || !cJSON_IsArray (signoffs))
    return not_a_summary (error, _("it has no content, header or sign-offs"));

  fields->reference = pc_json_get_string (header, "reference");
  fields->title = pc_json_get_string (header, "title");
  fields->division = pc_json_get_string (header, "division");
  fields->lead = pc_json_get_string (header, "lead");
  fields->state = pc_json_get_string (document, "state");
  if (fields->reference == NULL || fields->title == NULL || fields->division == NULL
      || fields->lead == NULL || fields->state == NULL
      || !pc_state_from_string (fields->state, &state)
      || !pc_json_get_int (header, "revision", &fields->revision)
      || fields->revision < 1 || fields->revision > G_MAXINT)
    return not_a_summary (error, _("its header is incomplete"));

  if (!count_prompts (content, fields, error))
    return FALSE;

  fields->content_sha256 = pc_canon_sha256 (content, &local_error);
  if (fields->content_sha256 == NULL)
    return not_a_summary (error, local_error->message);

  if (g_strcmp0 (fields->content_sha256, verified->content_sha256) != 0)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("The verification given is of another file than the one to import: verify the file again"));
      return FALSE;
    }

  /* The signed record is the content and the sign-offs: the rest of the
   * file (when it was exported, its layout) may differ between two
   * copies of the same record. */
  signed_part = cJSON_CreateObject ();
  cJSON_AddItemReferenceToObject (signed_part, "content", (cJSON *) content);
  cJSON_AddItemReferenceToObject (signed_part, "signoffs", (cJSON *) signoffs);
  fields->fingerprint = pc_canon_sha256 (signed_part, &local_error);
  if (fields->fingerprint == NULL)
    return not_a_summary (error, local_error->message);

  return TRUE;
}

/* The import with @fingerprint, or 0 (with @error set only on failure). */
static gint64
find_by_fingerprint (PcStore     *self,
                     const char  *fingerprint,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  stmt = _pc_db_prepare (self->db, "SELECT id FROM imports WHERE fingerprint = ?1", error);
  if (stmt == NULL)
    return 0;
  _pc_db_bind_text (stmt, 1, fingerprint);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return 0;

  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* Inserts the row unless its fingerprint is there already. Call inside
 * a transaction. */
static gint64
insert_import (PcStore             *self,
               const ImportFields  *fields,
               const char          *data,
               gsize                len,
               gboolean            *out_already,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = _pc_store_now ();
  gint64 id;

  /* The table refuses an insert over a row it has (it is append-only),
   * so look first. */
  id = find_by_fingerprint (self, fields->fingerprint, &local_error);
  *out_already = id != 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  if (id != 0)
    return id;

  stmt = _pc_db_prepare (self->db,
                         "INSERT INTO imports (reference, revision, title, division, lead, state,"
                         " answered, total, content_sha256, fingerprint, document, imported_at,"
                         " imported_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                         " ?13)",
                         error);
  if (stmt == NULL)
    return 0;

  _pc_db_bind_text (stmt, 1, fields->reference);
  sqlite3_bind_int64 (stmt, 2, fields->revision);
  _pc_db_bind_text (stmt, 3, fields->title);
  _pc_db_bind_text (stmt, 4, fields->division);
  _pc_db_bind_text (stmt, 5, fields->lead);
  _pc_db_bind_text (stmt, 6, fields->state);
  sqlite3_bind_int64 (stmt, 7, fields->answered);
  sqlite3_bind_int64 (stmt, 8, fields->total);
  _pc_db_bind_text (stmt, 9, fields->content_sha256);
  _pc_db_bind_text (stmt, 10, fields->fingerprint);
  /* A zero-length blob would bind as NULL with a NULL pointer. */
  sqlite3_bind_blob64 (stmt, 11, len > 0 ? data : "", len, SQLITE_STATIC);
  _pc_db_bind_text (stmt, 12, now);
  _pc_db_bind_text (stmt, 13, self->actor);

  if (!_pc_db_step_done (self->db, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

/* Each signer of @document against the register of signers: a name
 * known here with another key is refused (a fresh key can carry anyone's
 * name and key id); a new one is registered as imported. Call inside a
 * transaction. */
static gboolean
check_signers (PcStore      *self,
               const cJSON  *document,
               GError      **error)
{
  const cJSON *signoff;

  cJSON_ArrayForEach (signoff, cJSON_GetObjectItemCaseSensitive (document, "signoffs"))
    {
      const char *name = pc_json_get_string (signoff, "name");
      const char *public_key = pc_json_get_string (signoff, "public_key");
      g_autofree char *fingerprint = pc_sign_fingerprint (public_key, error);
      g_autofree char *known = NULL;

      if (fingerprint == NULL)
        return FALSE;

      switch (_pc_store_signer_standing (self, name, fingerprint, &known, error))
        {
        case PC_SIGNER_KNOWN:
          break;
        case PC_SIGNER_NEW:
          if (!_pc_store_register_signer (self, 0, name, public_key,
                                          pc_json_get_string (signoff, "signed_at"),
                                          PC_SIGNER_IMPORTED, NULL, error))
            return FALSE;
          break;
        case PC_SIGNER_OTHER_KEY:
          g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_UNKNOWN_KEY,
                       _("The summary’s sign-off by %s was made with the key %s, but %s signs in this database with the key %s: it may be forged, so it is not imported; check with %s, and if they replaced their key on purpose, ask them to record it with “principle-check signers record --name \"%s\"”"),
                       name, fingerprint, name, known, name, name);
          return FALSE;
        case PC_SIGNER_ERROR:
        default:
          return FALSE;
        }
    }

  return TRUE;
}

PcIntegrity
_pc_store_import_integrity (PcStore           *self,
                            const PcListItem  *item,
                            GError           **error)
{
  g_autoptr(GBytes) document = pc_store_get_imported_document (self, item->id, error);
  g_autoptr(PcVerifyResult) result = NULL;
  const cJSON *signoff;
  gsize len = 0;
  const char *data;

  if (document == NULL)
    return PC_INTEGRITY_ERROR;
  data = g_bytes_get_data (document, &len);
  result = pc_verify_summary (data, len, NULL, NULL);
  if (result == NULL || !result->ok)
    return PC_INTEGRITY_ALTERED;

  /* What the list shows is copied out of the file: it must still say
   * what the file says. */
  if (g_strcmp0 (result->reference, item->reference) != 0 || result->revision != item->revision
      || g_strcmp0 (result->title, item->title) != 0
      || g_strcmp0 (result->state, pc_state_to_string (item->state)) != 0)
    return PC_INTEGRITY_ALTERED;

  /* Every signer was in the register when it was imported. */
  cJSON_ArrayForEach (signoff, cJSON_GetObjectItemCaseSensitive (result->document, "signoffs"))
    {
      g_autofree char *fingerprint = pc_sign_fingerprint (pc_json_get_string (signoff, "public_key"),
                                                          NULL);

      switch (_pc_store_signer_standing (self, pc_json_get_string (signoff, "name"), fingerprint,
                                         NULL, error))
        {
        case PC_SIGNER_KNOWN:
          break;
        case PC_SIGNER_ERROR:
          return PC_INTEGRITY_ERROR;
        case PC_SIGNER_NEW:
        case PC_SIGNER_OTHER_KEY:
        default:
          return PC_INTEGRITY_ALTERED;
        }
    }

  return PC_INTEGRITY_VERIFIED;
}

gint64
pc_store_import_summary (PcStore               *self,
                         const PcVerifyResult  *verified,
                         const char            *data,
                         gsize                  len,
                         gboolean              *out_already,
                         GError               **error)
{
  g_auto(ImportFields) fields = { 0 };
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean already = FALSE;
  gint64 id;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (verified != NULL, 0);
  g_return_val_if_fail (data != NULL || len == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (out_already != NULL)
    *out_already = FALSE;

  if (!verified->ok)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID,
                   _("The summary does not verify, so it cannot be imported: run “principle-check verify” on it to see why"));
      return 0;
    }

  /* Read what is stored from the bytes themselves, not from the tree
   * the caller passed, so the row and its document cannot disagree. */
  document = pc_json_parse_strict (data, len, &local_error);
  if (document == NULL)
    {
      not_a_summary (error, local_error->message);
      return 0;
    }

  if (!read_fields (document, verified, &fields, error))
    return 0;

  if (!_pc_store_begin (self, error))
    return 0;

  id = check_signers (self, document, error) ? insert_import (self, &fields, data, len, &already, error)
                                             : 0;
  if (id == 0 || !_pc_store_commit (self, error))
    {
      _pc_store_rollback (self);
      return 0;
    }

  if (out_already != NULL)
    *out_already = already;

  return id;
}

GBytes *
pc_store_get_imported_document (PcStore  *self,
                                gint64    import_id,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _pc_db_prepare (self->db, "SELECT document FROM imports WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return NULL;

  if (!has_row)
    {
      g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                   _("There is no imported summary with id %" PRId64 ": run “principle-check list” to see them"),
                   import_id);
      return NULL;
    }

  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

gint64
pc_store_find_import (PcStore     *self,
                      const char  *reference,
                      int          revision,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (PC_IS_STORE (self), 0);
  g_return_val_if_fail (reference != NULL, 0);
  g_return_val_if_fail (revision >= 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = _pc_db_prepare (self->db,
                         "SELECT id FROM imports WHERE reference = ?1 COLLATE NOCASE"
                         " AND (?2 = 0 OR revision = ?2) ORDER BY revision DESC, id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return 0;
  _pc_db_bind_text (stmt, 1, reference);
  sqlite3_bind_int (stmt, 2, revision);
  if (!_pc_db_step_row (self->db, stmt, &has_row, error))
    return 0;

  if (!has_row)
    {
      if (revision > 0)
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                     _("There is no imported summary of %s revision %d: run “principle-check list” to see what was imported"),
                     reference, revision);
      else
        g_set_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND,
                     _("There is no imported summary of %s: run “principle-check list” to see what was imported"),
                     reference);
      return 0;
    }

  return sqlite3_column_int64 (stmt, 0);
}
