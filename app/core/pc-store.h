/* pc-store.h: the assessments database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pc-types.h"
#include "pc-verify.h"

G_BEGIN_DECLS

#define PC_STORE_ERROR (pc_store_error_quark ())

typedef enum
{
  PC_STORE_ERROR_SQLITE,          /* an unexpected database error */
  PC_STORE_ERROR_NOT_A_DATABASE,  /* the file is not an SQLite database */
  PC_STORE_ERROR_FOREIGN,         /* an SQLite database of another program */
  PC_STORE_ERROR_DAMAGED,         /* truncated or corrupt */
  PC_STORE_ERROR_TOO_NEW,         /* made by a newer Principle Check */
  PC_STORE_ERROR_READ_ONLY_FILE,  /* the file or its folder cannot be written */
  PC_STORE_ERROR_BUSY,            /* locked by another program */
  PC_STORE_ERROR_IO,              /* disk full, permissions, … */
  PC_STORE_ERROR_NOT_FOUND,       /* no such assessment, prompt, action, … */
  PC_STORE_ERROR_INVALID,         /* input that breaks a rule (empty title, bad date, …) */
  PC_STORE_ERROR_READ_ONLY,       /* the assessment cannot be changed in its state */
  PC_STORE_ERROR_TOO_LARGE,       /* an attachment over PC_STORE_MAX_ATTACHMENT */
  PC_STORE_ERROR_CHECKLIST,       /* a stored checklist that no longer loads */
  PC_STORE_ERROR_AUDIT_BROKEN,    /* the audit chain does not hold */
  PC_STORE_ERROR_ALTERED,         /* a signed record, or the schema, altered behind our back */
  PC_STORE_ERROR_CHANGED,         /* the content is no longer what the signer was shown */
  PC_STORE_ERROR_UNKNOWN_KEY,     /* a known signer with a key the register does not hold */
  PC_STORE_ERROR_NETWORK,         /* a database on a network drive, which cannot be written there */
} PcStoreError;

/* The largest attachment the store accepts: 25 MiB. */
#define PC_STORE_MAX_ATTACHMENT (25 * 1024 * 1024)

/* "PCK1": the SQLite application_id of a Principle Check database. */
#define PC_STORE_APPLICATION_ID 0x50434B31

#define PC_TYPE_STORE (pc_store_get_type ())
G_DECLARE_FINAL_TYPE (PcStore, pc_store, PC, STORE, GObject)

/* One entry of a database's register of signers: a key that signs, or
 * signed, for a person. */
typedef struct
{
  char *name;
  char *fingerprint;   /* pc_sign_fingerprint() of the key */
  char *first_seen;    /* UTC */
  char *how;           /* "signed", "imported", "replaced", "migrated" */
  char *replaces;      /* nullable: the fingerprint of the key it replaced */
  char *recorded_by;
} PcSigner;

/* How a record stands against its signatures. */
typedef enum
{
  PC_INTEGRITY_UNSIGNED,  /* a draft: nothing signed covers its content, and nothing is altered */
  PC_INTEGRITY_VERIFIED,  /* signed, and everything the signatures cover holds */
  PC_INTEGRITY_ALTERED,   /* something does not match what was signed */
  PC_INTEGRITY_ERROR,     /* the check itself could not be made (an error is set) */
} PcIntegrity;

/* One row of the assessment list. */
typedef struct
{
  gint64   id;
  char    *reference;
  int      revision;
  char    *title;
  char    *division;
  char    *lead;
  PcState  state;
  gboolean imported;
  guint    answered;
  guint    total;
  char    *updated_at;
  PcIntegrity integrity;  /* re-verified by pc_store_list() */
} PcListItem;

/* One row of the audit trail. */
typedef struct
{
  gint64  id;
  gint64  assessment_id;
  char   *at;
  char   *actor;
  char   *entity;     /* "assessment", "answer", "attachment", "action", … */
  char   *entity_id;  /* nullable: a prompt id, an action id, … */
  char   *field;      /* nullable */
  char   *old_value;  /* nullable */
  char   *new_value;  /* nullable */
  char   *reason;     /* nullable */
  char   *prev_hash;
  char   *hash;
} PcAuditEntry;

GQuark        pc_store_error_quark         (void);

/* $XDG_DATA_HOME/principle-check/assessments.db. Returns: (transfer full) */
char         *pc_store_default_path        (void);

/* Opens (creating when absent) the database at @path, checks it is a
 * Principle Check database this program can read, and migrates it to the
 * current schema, taking a backup copy first. A file it refuses is left
 * exactly as it was. Returns: (transfer full) (nullable) */
PcStore      *pc_store_open                (const char    *path,
                                            GError       **error);

/* Opens the database at @path without writing a byte to it: for an
 * archived copy, a file others keep, a network drive. It must exist and
 * need no migration. pc_store_open() opens this way by itself a file it
 * may not write, or one on a network drive. Every change is then
 * refused (PC_STORE_ERROR_READ_ONLY_FILE, with
 * pc_store_get_read_only_reason()). Returns: (transfer full) (nullable) */
PcStore      *pc_store_open_read_only      (const char    *path,
                                            GError       **error);

/* Why nothing may be written through @self: one sentence naming the
 * file; NULL when it may be. */
const char   *pc_store_get_read_only_reason (PcStore      *self);

/* Opens and migrates only up to @version: for tests of migrations. */
PcStore      *_pc_store_open_at_version    (const char    *path,
                                            int            version,
                                            GError       **error);

/* The newest schema version this program knows. */
int           pc_store_get_latest_version  (void);
int           pc_store_get_schema_version  (PcStore       *self);
const char   *pc_store_get_path            (PcStore       *self);
/* The backup taken before the last migration, or NULL. */
const char   *pc_store_get_backup_path     (PcStore       *self);

/* When the database's schema is not the one its migrations made (a
 * trigger dropped, edited or added behind the program's back), one
 * sentence saying so and what differs: the store is then read-only.
 * NULL for a sound database. */
const char   *pc_store_get_altered_schema  (PcStore       *self);

/* Who the audit trail names for changes made through this store. */
void          pc_store_set_actor           (PcStore       *self,
                                            const char    *actor);
const char   *pc_store_get_actor           (PcStore       *self);

/* Many changes, one commit: between these two, every change is made
 * inside one transaction (each still all or nothing on its own), which
 * pc_store_end_batch() commits when @keep, or rolls back whole. For
 * filling a database in bulk; not for edits a person waits on. */
gboolean      pc_store_begin_batch         (PcStore       *self,
                                            GError       **error);
gboolean      pc_store_end_batch           (PcStore       *self,
                                            gboolean       keep,
                                            GError       **error);

/* Checklists. */
gboolean      pc_store_remember_checklist  (PcStore       *self,
                                            PcChecklist   *checklist,
                                            GError       **error);
/* Returns: (transfer full) (nullable) */
PcChecklist  *pc_store_load_checklist      (PcStore       *self,
                                            const char    *sha256,
                                            GError       **error);

/* Assessments. @header supplies title, kind, division, priority, lead,
 * team, outcomes, affected, start_date and review_date; the rest is the
 * store's. Returns the new assessment's id, or 0 with @error set. */
gint64        pc_store_create_assessment   (PcStore            *self,
                                            const PcAssessment *header,
                                            PcChecklist        *checklist,
                                            GError            **error);

/* @revision 0 means the latest. Returns: (transfer full) (nullable) */
PcAssessment *pc_store_load_assessment     (PcStore       *self,
                                            const char    *reference,
                                            int            revision,
                                            GError       **error);
PcAssessment *pc_store_load_assessment_by_id (PcStore     *self,
                                            gint64         id,
                                            GError       **error);
/* The checklist @assessment was made against. Returns: (transfer full) (nullable) */
PcChecklist  *pc_store_load_checklist_for  (PcStore            *self,
                                            const PcAssessment *assessment,
                                            GError            **error);

/* The latest revision of every reference, local assessments and
 * imported summaries (imported TRUE, id the import's, updated_at when it
 * was imported) together, newest change first. Every signed one is
 * re-verified (pc_store_verify_assessment(), or for an import its file)
 * and its integrity set; a draft's is PC_INTEGRITY_UNSIGNED unchecked.
 * Returns: (transfer full) (element-type PcListItem) (nullable) */
GPtrArray    *pc_store_list                (PcStore       *self,
                                            GError       **error);
guint         pc_store_count               (PcStore       *self,
                                            GError       **error);

/* Sets one header field of a draft: "title", "kind", "division",
 * "priority", "lead", "outcomes", "affected", "start_date",
 * "review_date"; NULL or "" clears an optional field. */
gboolean      pc_store_set_header_field    (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *field,
                                            const char    *value,
                                            GError       **error);
gboolean      pc_store_set_team            (PcStore       *self,
                                            gint64         assessment_id,
                                            const char * const *team,
                                            GError       **error);

/* Answers one prompt. @evidence and @justification NULL leave what is
 * stored; "" clears it. Only what changed is written and audited. */
gboolean      pc_store_set_answer          (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *prompt_id,
                                            PcRating       rating,
                                            const char    *evidence,
                                            const char    *justification,
                                            GError       **error);
/* Like pc_store_set_answer() but leaves the rating as stored. */
gboolean      pc_store_set_answer_text     (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *prompt_id,
                                            const char    *evidence,
                                            const char    *justification,
                                            GError       **error);

/* Attachments: the bytes are copied into the database. Returns the new
 * id, or 0 with @error set. */
gint64        pc_store_add_attachment      (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *prompt_id,
                                            const char    *name,
                                            const char    *media_type,
                                            GBytes        *data,
                                            GError       **error);
gboolean      pc_store_remove_attachment   (PcStore       *self,
                                            gint64         attachment_id,
                                            GError       **error);
/* Returns: (transfer full) (nullable) */
GBytes       *pc_store_get_attachment_data (PcStore       *self,
                                            gint64         attachment_id,
                                            GError       **error);

gint64        pc_store_add_link            (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *prompt_id,
                                            const char    *url,
                                            const char    *title,
                                            GError       **error);
gboolean      pc_store_remove_link         (PcStore       *self,
                                            gint64         link_id,
                                            GError       **error);

gint64        pc_store_add_action          (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *prompt_id,
                                            const char    *description,
                                            const char    *owner,
                                            const char    *due_date,
                                            GError       **error);
/* @field is "description", "owner", "due_date" or "status". */
gboolean      pc_store_set_action_field    (PcStore       *self,
                                            gint64         action_id,
                                            const char    *field,
                                            const char    *value,
                                            GError       **error);
gboolean      pc_store_remove_action       (PcStore       *self,
                                            gint64         action_id,
                                            GError       **error);

gint64        pc_store_add_coproduction    (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *who,
                                            const char    *how,
                                            const char    *date,
                                            const char    *changed,
                                            GError       **error);
gboolean      pc_store_remove_coproduction (PcStore       *self,
                                            gint64         entry_id,
                                            GError       **error);

/* The canonical content of @a (what sign-offs cover), and its lower-case
 * hex SHA-256 in @out_sha256 (nullable): the fingerprint a signer is
 * shown before signing. Returns: (transfer full) (nullable) */
GBytes       *pc_store_content_bytes       (PcStore            *self,
                                            const PcAssessment *a,
                                            char              **out_sha256,
                                            GError            **error);

/* Lifecycle. Each signs the assessment's canonical content with @key,
 * whose name becomes the sign-off's; @role (nullable: the key's role) is
 * the role the signer signs in; @now (nullable: now) is the time signed.
 * @shown_sha256 (nullable) is the content SHA-256 the signer was shown:
 * when the content is no longer that, nothing is signed and the error is
 * PC_STORE_ERROR_CHANGED. The sign-off also signs the audit chain's head
 * at that moment. An assessment that does not verify is not signed
 * (PC_STORE_ERROR_ALTERED). */
gboolean      pc_store_submit              (PcStore       *self,
                                            gint64         assessment_id,
                                            PcSigningKey  *key,
                                            const char    *role,
                                            const char    *shown_sha256,
                                            GDateTime     *now,
                                            GError       **error);
/* @decision is approved, approved_with_conditions, returned or
 * not_approved; @reason is the conditions or the reason for returning,
 * required for those two. */
gboolean      pc_store_review              (PcStore       *self,
                                            gint64         assessment_id,
                                            PcMeaning      decision,
                                            const char    *reason,
                                            PcSigningKey  *key,
                                            const char    *role,
                                            const char    *shown_sha256,
                                            GDateTime     *now,
                                            GError       **error);
/* Starts a new draft revision of a final assessment. Returns the new
 * revision's id, or 0 with @error set. */
gint64        pc_store_revise              (PcStore       *self,
                                            gint64         assessment_id,
                                            const char    *reason,
                                            GError       **error);

/* The audit trail of one assessment, oldest first.
 * Returns: (transfer full) (element-type PcAuditEntry) (nullable) */
GPtrArray    *pc_store_history             (PcStore       *self,
                                            gint64         assessment_id,
                                            GError       **error);
/* Recomputes the chain of @assessment_id's audit rows; FALSE with @error
 * naming the first row that does not hold. @out_count and @out_head
 * (both nullable) receive the number of rows and the last row's hash. */
gboolean      pc_store_check_audit_chain   (PcStore       *self,
                                            gint64         assessment_id,
                                            guint         *out_count,
                                            char         **out_head,
                                            GError       **error);

/* Imported summaries: another database's signed records, kept read-only
 * exactly as their files came. Stores the @len bytes of @data, which
 * @verified (a result of pc_verify_summary() over those bytes, whose ok
 * must be TRUE) vouches for. A summary already imported (the same
 * content and sign-offs, however the file is laid out) is not stored
 * again: *@out_already (nullable) says so and its id is returned.
 * Returns the import's id, or 0 with @error set. */
gint64        pc_store_import_summary      (PcStore               *self,
                                            const PcVerifyResult  *verified,
                                            const char            *data,
                                            gsize                  len,
                                            gboolean              *out_already,
                                            GError               **error);
/* The file an import was made from, byte for byte.
 * Returns: (transfer full) (nullable) */
GBytes       *pc_store_get_imported_document (PcStore     *self,
                                            gint64         import_id,
                                            GError       **error);
/* The import of @reference at @revision (0: the latest revision, and of
 * that the last imported). Returns its id, or 0 with @error set
 * (PC_STORE_ERROR_NOT_FOUND when there is none). */
gint64        pc_store_find_import         (PcStore       *self,
                                            const char    *reference,
                                            int            revision,
                                            GError       **error);

/* Re-verifies @a as loaded from @self: the audit chain and the heads the
 * sign-offs anchored in it, every attachment's stored bytes against its
 * recorded SHA-256, and, unless @a is a draft, the content rebuilt from
 * the database against every sign-off of the current round (hash,
 * signature, and the details its trusted comment carries), the state
 * against those sign-offs, and the reviewer against the author.
 * @out_problems (nullable) receives one phrase per mismatch (element-type
 * utf8). */
PcIntegrity   pc_store_verify_assessment   (PcStore            *self,
                                            const PcAssessment *a,
                                            GPtrArray         **out_problems,
                                            GError            **error);
/* For every use that must refuse an altered record (exports, printing,
 * revising): FALSE with PC_STORE_ERROR_ALTERED and one line saying what
 * does not match and what to do. */
gboolean      pc_store_require_intact      (PcStore            *self,
                                            const PcAssessment *a,
                                            GError            **error);
/* What every export and print of @a checks first, in one place: the
 * record re-verified (pc_store_require_intact()), and the audit chain's
 * number of rows and head, which the export states. */
gboolean      pc_store_check_for_export    (PcStore            *self,
                                            const PcAssessment *a,
                                            guint              *out_audit_count,
                                            char              **out_audit_head,
                                            GError            **error);
/* One line for an altered @a from the problems
 * pc_store_verify_assessment() found. Returns: (transfer full) */
char         *pc_integrity_describe        (const PcAssessment *a,
                                            GPtrArray          *problems);
/* "unsigned", "verified" or "altered", as list --json gives it. */
const char   *pc_integrity_to_string       (PcIntegrity         integrity);

/* The register of signers, oldest entry first: who has signed in this
 * database with which key. Returns: (transfer full) (element-type
 * PcSigner) (nullable) */
GPtrArray    *pc_store_list_signers        (PcStore       *self,
                                            GError       **error);
/* Records that @name now signs with @public_key, replacing the key whose
 * fingerprint is @replaces (nullable), on purpose: the old key stays
 * valid for what it signed. */
gboolean      pc_store_register_replaced_key (PcStore     *self,
                                            const char    *name,
                                            const char    *public_key,
                                            const char    *replaces,
                                            GError       **error);
/* The register's entry for @name's key @public_key: when it came, and
 * how (a key "replaced" on purpose is worth a look). NULL, without
 * @error, when the register does not hold it. Returns: (transfer full)
 * (nullable) */
PcSigner     *pc_store_find_signer         (PcStore       *self,
                                            const char    *name,
                                            const char    *public_key,
                                            GError       **error);
void          pc_signer_free               (PcSigner      *signer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcSigner, pc_signer_free)

void          pc_list_item_free            (PcListItem    *item);
void          pc_audit_entry_free          (PcAuditEntry  *entry);

G_END_DECLS
