/* pc-store-private.h: what the store's files share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-db-private.h"
#include "pc-store.h"
#include "pc-text.h"
#include "pc-types.h"

G_BEGIN_DECLS

struct _PcStore
{
  GObject      parent_instance;

  /* Owned */
  sqlite3     *db;
  char        *path;
  char        *backup_path;
  char        *actor;
  char        *altered_schema;  /* nullable: why the database is read-only */
  char        *read_only_reason; /* nullable: why nothing may be written */
  GHashTable  *checklists;   /* sha256 → PcChecklist, every one loaded */
  PcDbCache   *statements;   /* nullable until the first cached statement */

  int          version;      /* PRAGMA user_version */
  gboolean     guarded;      /* in pc-file's guard of open databases */
  gboolean     immutable;    /* read-only, as a snapshot (SQLite's immutable=1) */
  gboolean     batch;        /* inside pc_store_begin_batch() */
  guint        savepoints;   /* changes open inside the batch */
  int          cache_size;   /* PRAGMA cache_size and temp_store */
  int          temp_store;   /* outside the batch */
  /* The last reference number given out in the batch (0: not yet
   * read), and its prefix: nobody else writes while a batch is open. */
  gint64       batch_reference;
  char        *batch_prefix;
};

/* How long a statement waits for another program's write to end
 * before it is refused as busy, in milliseconds. */
#define PC_STORE_BUSY_TIMEOUT 5000

/* Another connection to @self's database, read-only, for reading
 * beside it (in another thread). Returns: (transfer full) (nullable) */
PcStore  *_pc_store_open_reader  (PcStore     *self,
                                  GError     **error);

/* The statement of @sql from @self's cache (pc-db-private.h), for what
 * runs on every save, load and list. */
PcDbStatement *_pc_store_statement (PcStore     *self,
                                    const char  *sql,
                                    GError     **error);

/* As _pc_store_statement(), keeping the lent statement in *@out (to
 * give back with g_autoptr) and returning its sqlite3_stmt, or NULL. */
sqlite3_stmt  *_pc_store_lend      (PcStore        *self,
                                    PcDbStatement **out,
                                    const char     *sql,
                                    GError        **error);

gboolean  _pc_store_begin        (PcStore     *self,
                                  GError     **error);
gboolean  _pc_store_commit       (PcStore     *self,
                                  GError     **error);
void      _pc_store_rollback     (PcStore     *self);

/* Now, and @time, as "2026-11-22T10:15:00Z". Returns: (transfer full) */
char     *_pc_store_now          (void);
char     *_pc_store_format_time  (GDateTime   *time);

/* Appends one row to @assessment_id's audit trail, chained to the
 * previous one, as @actor (NULL for the store's actor). Call inside a
 * transaction. */
gboolean  _pc_store_audit        (PcStore     *self,
                                  gint64       assessment_id,
                                  const char  *actor,
                                  const char  *entity,
                                  const char  *entity_id,
                                  const char  *field,
                                  const char  *old_value,
                                  const char  *new_value,
                                  const char  *reason,
                                  GError     **error);

/* The hash that comes before an assessment's first audit row. */
#define PC_STORE_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* A SHA-256 in lower-case hex, with its terminating nul. */
#define PC_STORE_HASH_HEX_SIZE 65

/* The SHA-256 of @len bytes at @data (nullable when @len is 0), as
 * lower-case hex into @out: libsodium's, about twice GLib's speed, as
 * every use of a signed record hashes its files again. */
void      _pc_store_sha256_hex   (const void  *data,
                                  gsize        len,
                                  char         out[PC_STORE_HASH_HEX_SIZE]);

/* @assessment_id's audit rows, oldest first.
 * Returns: (transfer full) (element-type PcAuditEntry) (nullable) */
GPtrArray *_pc_store_load_audit  (PcStore     *self,
                                  gint64       assessment_id,
                                  GError     **error);
/* Recomputes the chain of @rows (one assessment's, oldest first); FALSE
 * with @error naming the first row that does not hold. */
gboolean  _pc_store_check_chain  (GPtrArray   *rows,
                                  guint       *out_count,
                                  char       **out_head,
                                  GError     **error);

/* Sets @assessment_id's updated_at to now. */
gboolean  _pc_store_touch        (PcStore     *self,
                                  gint64       assessment_id,
                                  GError     **error);

/* "" and white space alone mean "nothing": returns NULL for them. */
const char  *_pc_store_nullable      (const char  *text);
/* Checks @value as pc_text_check() does for the field called @what
 * (PC_TEXT_MULTILINE for _pc_store_check_text()), and that it is not
 * blank when @required; errors are PC_STORE_ERROR_INVALID. */
gboolean     _pc_store_check_text    (const char  *what,
                                      const char  *value,
                                      gboolean     required,
                                      GError     **error);
gboolean     _pc_store_check_field   (const char  *what,
                                      const char  *value,
                                      PcTextKind   kind,
                                      gboolean     required,
                                      GError     **error);
/* Checks the role a signer typed and the reason (or conditions) of a
 * sign-off of @meaning. */
gboolean     _pc_store_check_signoff_text (const char  *role,
                                           PcMeaning    meaning,
                                           const char  *reason,
                                           GError     **error);
gboolean     _pc_store_check_date    (const char  *what,
                                      const char  *value,
                                      GError     **error);

/* Checks @assessment_id exists, is a draft and is not imported, and
 * returns the checklist it was made against.
 * Returns: (transfer full) (nullable) */
PcChecklist *_pc_store_require_draft (PcStore     *self,
                                      gint64       assessment_id,
                                      GError     **error);
gboolean     _pc_store_require_prompt (PcChecklist *checklist,
                                       const char  *prompt_id,
                                       GError     **error);

/* Begins a change of @assessment_id (and of @prompt_id, nullable):
 * a transaction, and the checks of _pc_store_require_draft() and
 * _pc_store_require_prompt(). On failure it has rolled back.
 * Returns: (transfer full) (nullable): the checklist. */
PcChecklist *_pc_store_begin_change  (PcStore     *self,
                                      gint64       assessment_id,
                                      const char  *prompt_id,
                                      GError     **error);
/* Ends a change: when @ok, touches updated_at and commits; otherwise, or
 * when that fails, rolls back. Returns whether the change was made. */
gboolean     _pc_store_finish_change (PcStore     *self,
                                      gint64       assessment_id,
                                      gboolean     ok,
                                      GError     **error);

/* Runs @sql, a SELECT of one text column with ?1 = @id (and ?2 = @key
 * when not NULL); *@found says whether a row came back. */
char        *_pc_store_read_text     (PcStore     *self,
                                      const char  *sql,
                                      gint64       id,
                                      const char  *key,
                                      gboolean    *found,
                                      GError     **error);
/* Runs @sql, an UPDATE with ?1 = @value and ?2 = @id. */
gboolean     _pc_store_write_field   (PcStore     *self,
                                      const char  *sql,
                                      gint64       id,
                                      const char  *value,
                                      GError     **error);
gboolean     _pc_store_delete_row    (PcStore     *self,
                                      const char  *table,
                                      gint64       id,
                                      GError     **error);

/* Inserts a draft assessment row with @header's fields. Returns its id,
 * or 0 with @error set. */
gint64       _pc_store_insert_assessment (PcStore            *self,
                                          const PcAssessment *header,
                                          const char         *reference,
                                          int                 revision,
                                          gint64              previous_id,
                                          const char         *revision_reason,
                                          const char         *checklist_sha256,
                                          GError            **error);

/* What the audit row of @signoff says it was: name, role, meaning,
 * content SHA-256 and key fingerprint. Returns: (transfer full) (nullable) */
char     *_pc_store_describe_signoff (const PcSignoff  *signoff,
                                      GError          **error);

/* How an imported summary of the list stands: its file verified, the
 * list's columns what the file says, its signers in the register. */
PcIntegrity _pc_store_import_integrity (PcStore          *self,
                                        const PcListItem *item,
                                        GError          **error);

/* The register of signers (pc-store-signers.c). */
typedef enum
{
  PC_SIGNER_NEW,        /* nobody of that name has signed here */
  PC_SIGNER_KNOWN,      /* that key is registered for that name */
  PC_SIGNER_OTHER_KEY,  /* that name signs here with another key */
  PC_SIGNER_ERROR,
} PcSignerStanding;

typedef enum
{
  PC_SIGNER_SIGNED,
  PC_SIGNER_IMPORTED,
  PC_SIGNER_REPLACED,
  PC_SIGNER_MIGRATED,
} PcSignerHow;

/* Where @name with the key of @fingerprint stands in the register;
 * @out_known (nullable) receives the newest key registered for the name
 * when it is another one. */
PcSignerStanding _pc_store_signer_standing (PcStore     *self,
                                            const char  *name,
                                            const char  *fingerprint,
                                            char       **out_known,
                                            GError     **error);
/* Adds @name's @public_key to the register unless it is there, with an
 * audit row on @assessment_id (0: none). Call inside a transaction. */
gboolean  _pc_store_register_signer  (PcStore      *self,
                                      gint64        assessment_id,
                                      const char   *name,
                                      const char   *public_key,
                                      const char   *first_seen,
                                      PcSignerHow   how,
                                      const char   *replaces,
                                      GError      **error);
gboolean  _pc_store_register_existing_signers (PcStore  *self,
                                               GError  **error);

G_END_DECLS
