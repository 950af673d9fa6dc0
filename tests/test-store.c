/* test-store.c: the assessments database
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lifecycle.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-store-private.h"
#include "pc-summary.h"
#include "pc-test-utils.h"

#define TITLE     "Community rehabilitation pathway"
#define LEAD      "Sam Lead"
#define AUTHOR    "Alex Author"
#define REVIEWER  "Rita Reviewer"

/* How many answers the kill test's child must have committed before it
 * is killed. */
#define KILL_AFTER 200

/* Helpers */

/* The id of the @n-th prompt of the built-in checklist, counting every
 * principle's prompts in order. Returns: (transfer full) */
static char *
nth_prompt_id (guint n)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();

  for (guint i = 0; i < pc_checklist_get_n_principles (checklist); i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      if (n < principle->prompts->len)
        return g_strdup (((const PcPrompt *) g_ptr_array_index (principle->prompts, n))->id);
      n -= principle->prompts->len;
    }

  g_assert_not_reached ();
}

static guint
n_prompts (void)
{
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();

  return pc_checklist_get_n_prompts (checklist);
}

static PcState
state_of (PcStore *store,
          gint64   id)
{
  g_autoptr(PcAssessment) a = pc_test_load_assessment (store, id);

  return a->state;
}

static GPtrArray *
history (PcStore *store,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = pc_store_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return rows;
}

static guint
n_audit_rows (PcStore *store,
              gint64   id)
{
  g_autoptr(GPtrArray) rows = history (store, id);

  return rows->len;
}

/* Asserts that @id's audit trail grew by exactly @delta rows since
 * *@count, and moves *@count on. */
static void
assert_audit_grew (PcStore *store,
                   gint64   id,
                   guint   *count,
                   guint    delta)
{
  guint now = n_audit_rows (store, id);

  g_assert_cmpuint (now, ==, *count + delta);
  *count = now;
}

static void
assert_audit_row (const PcAuditEntry *row,
                  const char         *entity,
                  const char         *entity_id,
                  const char         *field,
                  const char         *old_value,
                  const char         *new_value)
{
  g_assert_cmpstr (row->entity, ==, entity);
  g_assert_cmpstr (row->entity_id, ==, entity_id);
  g_assert_cmpstr (row->field, ==, field);
  g_assert_cmpstr (row->old_value, ==, old_value);
  g_assert_cmpstr (row->new_value, ==, new_value);
}

static void
assert_chain_holds (PcStore *store,
                    gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = history (store, id);
  g_autofree char *head = NULL;
  guint count = 0;

  g_assert_true (pc_store_check_audit_chain (store, id, &count, &head, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, rows->len);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpstr (head, ==, ((PcAuditEntry *) g_ptr_array_index (rows, rows->len - 1))->hash);
}

/* A closed Principle Check database holding one assessment.
 * Returns: (transfer full): its path */
static char *
make_database (void)
{
  char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);

  pc_test_create_assessment (store, TITLE, LEAD);
  pc_test_answer_all (store, 1);

  return path;
}

/* Runs @sql on @db and asserts that a trigger refused it with a message
 * containing @message or, when not NULL, @other_message. */
static void
assert_raw_refused (sqlite3    *db,
                    const char *sql,
                    const char *message,
                    const char *other_message)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &errmsg);
  g_test_message ("%s → %s", sql, errmsg ? errmsg : "(no error)");
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (errmsg);
  g_assert_true (strstr (errmsg, message) != NULL
                 || (other_message != NULL && strstr (errmsg, other_message) != NULL));
  sqlite3_free (errmsg);
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("“%s” failed: %s", sql, errmsg);
}

/* Creates a complete draft led by @lead and submits it signed by
 * @author. Returns: its id */
static gint64
create_submitted_by (PcStore      *store,
                     const char   *lead,
                     PcSigningKey *author)
{
  gint64 id = pc_test_create_submitted (store, TITLE, lead, author);

  g_assert_cmpint (state_of (store, id), ==, PC_STATE_IN_REVIEW);

  return id;
}
static gint64
create_submitted (PcStore      *store,
                  PcSigningKey *author)
{
  return create_submitted_by (store, LEAD, author);
}

/* Asserts that @signoff's signature is good over @a's canonical content
 * as it is now, and made by @key. */
static void
assert_signoff_verifies (PcStore            *store,
                         const PcAssessment *a,
                         const PcSignoff    *signoff,
                         PcSigningKey       *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = NULL;
  g_autoptr(cJSON) content = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *key_id = NULL;
  g_autofree guint8 *altered = NULL;
  gsize size;

  checklist = pc_store_load_checklist_for (store, a, &error);
  g_assert_no_error (error);
  content = pc_summary_build_content (a, checklist);
  bytes = pc_summary_canonical_bytes (content, &sha256, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (signoff->name, ==, pc_signing_key_get_name (key));
  g_assert_cmpstr (signoff->content_sha256, ==, sha256);
  g_assert_cmpstr (signoff->key_id, ==, pc_signing_key_get_key_id (key));
  g_assert_cmpstr (signoff->public_key, ==, pc_signing_key_get_public_key (key));

  g_assert_true (pc_sign_verify (signoff->public_key, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), signoff->signature,
                                 &comment, &key_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (key_id, ==, signoff->key_id);
  g_assert_nonnull (strstr (comment, sha256));

  /* The same signature over content one byte different does not hold. */
  altered = g_bytes_unref_to_data (g_bytes_ref (bytes), &size);
  altered[size / 2] ^= 0x01;
  g_assert_false (pc_sign_verify (signoff->public_key, altered, size, signoff->signature,
                                  NULL, NULL, NULL));
}

/* Opening */

static void
test_open_new (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "not", "yet", "assessments.db", NULL);
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autofree char *journal_mode = NULL;
  sqlite3 *raw;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (pc_store_get_path (store), ==, path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());
  g_assert_null (pc_store_get_backup_path (store));

  /* What is kept in the file, as any other program sees it. */
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  journal_mode = pc_test_raw_text (raw, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  sqlite3_close (raw);

  /* What holds per connection can only be seen on the store's own. */
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (pc_test_raw_int (store->db, "PRAGMA trusted_schema"), ==, 0);
}

/* Migrations */

static void
test_migrate_empty_file (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  sqlite3 *raw;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());
  pc_test_create_assessment (store, TITLE, LEAD);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  a = pc_test_load_assessment (store, 1);
  g_assert_cmpstr (a->title, ==, TITLE);
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *prompt = nth_prompt_id (0);
  g_autofree char *backup_title = NULL;
  sqlite3 *raw;
  gint64 id;

  store = _pc_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, 1);
  id = pc_test_create_assessment (store, TITLE, LEAD);
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Minutes of the workshop",
                                      NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'assessments_by_updated'"), ==, 0);
  sqlite3_close (raw);

  store = pc_test_open_store (path);
  g_assert_cmpint (pc_store_get_schema_version (store), ==, pc_store_get_latest_version ());

  /* The data came through the migration. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt)->evidence, ==, "Minutes of the workshop");
  assert_chain_holds (store, id);

  /* The later migration ran. */
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==,
                   pc_store_get_latest_version ());
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema"
                                         " WHERE name = 'assessments_by_updated'"), ==, 1);
  sqlite3_close (raw);

  /* The backup is the database as it was before. */
  g_assert_nonnull (pc_store_get_backup_path (store));
  backup = g_strdup (pc_store_get_backup_path (store));
  g_assert_cmpstr (backup, !=, path);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  raw = pc_test_raw_open (backup);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA application_id"), ==, PC_STORE_APPLICATION_ID);
  g_assert_cmpint (pc_test_raw_int (raw, "PRAGMA user_version"), ==, 1);
  backup_title = pc_test_raw_text (raw, "SELECT title FROM assessments");
  g_assert_cmpstr (backup_title, ==, TITLE);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM answers"), ==, 1);
  sqlite3_close (raw);

  /* Opening again migrates nothing and takes no new backup. */
  g_clear_object (&store);
  store = pc_test_open_store (path);
  g_assert_null (pc_store_get_backup_path (store));
}

/* Files refused */

/* Opens @path, expecting the store to refuse it with @code, and checks
 * the message and that the file is as it was. */
static void
assert_refused (const char   *path,
                PcStoreError  code)
{
  g_autoptr(GBytes) before = pc_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = NULL;

  store = pc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PC_STORE_ERROR, (int) code);
  g_test_message ("%s", error->message);
  pc_test_assert_message_names (error, path);
  pc_test_assert_file_unchanged (path, before);
}

static void
test_refuse_text_file (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "Minutes of the pathway workshop, 3 March.\n", -1, &error);
  g_assert_no_error (error);

  assert_refused (path, PC_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_foreign (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  const gint64 ids[] = { 0, 0x12345678 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("other-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *sql = NULL;
      sqlite3 *raw = pc_test_raw_open (path);

      sql = g_strdup_printf ("PRAGMA application_id = %" G_GINT64_FORMAT ";"
                             "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                             "INSERT INTO notes (body) VALUES ('shopping list');",
                             ids[i]);
      raw_exec (raw, sql);
      sqlite3_close (raw);

      assert_refused (path, PC_STORE_ERROR_FOREIGN);
    }
}

static void
test_refuse_truncated (void)
{
  g_autofree char *path = make_database ();
  g_autoptr(GBytes) whole = pc_test_read_file (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_bytes_get_size (whole), >, 4096);
  g_file_set_contents (path, g_bytes_get_data (whole, NULL), g_bytes_get_size (whole) / 2, &error);
  g_assert_no_error (error);

  assert_refused (path, PC_STORE_ERROR_DAMAGED);
}

static void
test_refuse_too_new (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          pc_store_get_latest_version () + 1);
  sqlite3 *raw = pc_test_raw_open (path);

  raw_exec (raw, sql);
  sqlite3_close (raw);

  assert_refused (path, PC_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_read_only (void)
{
  g_autofree char *path = make_database ();

  /* The store looks at the mode bits, so this holds when run as root. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused (path, PC_STORE_ERROR_READ_ONLY_FILE);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* Lifecycle */

static void
test_submit_blocked (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *prompt = nth_prompt_id (0);
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  guint audit_before;
  sqlite3 *raw;

  /* Every prompt answered but one. */
  pc_test_answer_all (store, id);
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_ASSESSED, "", NULL, &error));
  g_assert_no_error (error);
  audit_before = n_audit_rows (store, id);

  g_assert_false (pc_store_submit (store, id, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_BLOCKED);
  g_assert_null (strchr (error->message, '\n'));

  /* Nothing was written. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->signoffs->len, ==, 0);
  g_assert_cmpuint (n_audit_rows (store, id), ==, audit_before);
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM signoffs"), ==, 0);
  sqlite3_close (raw);
}

static void
test_submit_signs (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prompt = nth_prompt_id (0);
  const PcSignoff *signoff;
  const PcAuditEntry *last;
  gint64 id;

  id = create_submitted (store, author);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_IN_REVIEW);
  g_assert_cmpuint (a->signoffs->len, ==, 1);
  signoff = g_ptr_array_index (a->signoffs, 0);
  g_assert_cmpint (signoff->meaning, ==, PC_MEANING_PREPARED);
  g_assert_cmpstr (signoff->role, ==, "Service lead");
  g_assert_null (signoff->reason);
  g_assert_true (g_str_has_suffix (signoff->signed_at, "Z"));
  assert_signoff_verifies (store, a, signoff, author);

  /* The state change is in the audit trail, by the signer. */
  rows = history (store, id);
  last = g_ptr_array_index (rows, rows->len - 1);
  assert_audit_row (last, "assessment", NULL, "state", "draft", "in_review");
  g_assert_cmpstr (last->actor, ==, AUTHOR);
  assert_chain_holds (store, id);

  /* In review, nothing can be changed. */
  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_MET, "Changed", NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "title", "Another title", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_action (store, id, prompt, "Write the leaflet", "Ann Lee",
                                        "2099-01-31", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_pointer (&a, pc_assessment_free);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_cmpint (pc_assessment_get_rating (a, prompt), ==, PC_RATING_MET);
  g_assert_cmpuint (a->actions->len, ==, 0);
}

static void
test_review_refused (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) author_again = pc_test_signing_key_new ("aLEX AUTHOR", "Reviewer");
  g_autoptr(PcSigningKey) lead = pc_test_signing_key_new ("sam lead", "Reviewer");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  gint64 id = create_submitted_by (store, " Sam   Lead ", author);
  guint audit_before = n_audit_rows (store, id);

  /* The author may not review their own work, whatever the case of the
   * name; nor may the service lead, whatever its spacing. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED, NULL, author_again, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED, NULL, lead, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
  g_clear_error (&error);

  /* Returning needs a reason; approving with conditions needs them. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_RETURNED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_RETURNED, " \t\n", reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (pc_store_review (store, id, PC_MEANING_APPROVED_WITH_CONDITIONS, "", reviewer,
                                   NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_REASON_NEEDED);
  g_clear_error (&error);

  /* "Prepared" is not a decision. */
  g_assert_false (pc_store_review (store, id, PC_MEANING_PREPARED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* None of that was written. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_IN_REVIEW);
  g_assert_cmpuint (a->signoffs->len, ==, 1);
  g_assert_cmpuint (n_audit_rows (store, id), ==, audit_before);
}

static void
test_returned (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *prompt = nth_prompt_id (1);
  const PcSignoff *returned;
  gint64 id = create_submitted (store, author);

  pc_test_review (store, id, PC_MEANING_RETURNED, "Say how carers were involved", reviewer);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_DRAFT);
  g_assert_cmpuint (a->signoffs->len, ==, 2);
  returned = g_ptr_array_index (a->signoffs, 1);
  g_assert_cmpint (returned->meaning, ==, PC_MEANING_RETURNED);
  g_assert_cmpstr (returned->reason, ==, "Say how carers were involved");
  assert_signoff_verifies (store, a, returned, reviewer);

  /* A returned assessment is a draft again: it can be changed and
   * submitted again, and then approved. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET,
                                      "Carers' forum, 12 May: two carers co-wrote the leaflet",
                                      NULL, &error));
  g_assert_no_error (error);
  pc_test_submit (store, id, author);
  g_assert_cmpint (state_of (store, id), ==, PC_STATE_IN_REVIEW);
  pc_test_review (store, id, PC_MEANING_APPROVED, NULL, reviewer);

  g_clear_pointer (&a, pc_assessment_free);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpint (a->state, ==, PC_STATE_APPROVED);
  g_assert_cmpuint (a->signoffs->len, ==, 4);
  assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 2), author);
  assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 3), reviewer);
  assert_chain_holds (store, id);
}

/* Asserts that @id, final, refuses changes through the store and through
 * SQL from another connection, and that nothing changed. */
static void
assert_final (PcStore    *store,
              const char *path,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) before = pc_test_load_assessment (store, id);
  g_autoptr(PcAssessment) after = NULL;
  g_autofree char *prompt = nth_prompt_id (0);
  g_autofree char *sql = NULL;
  guint audit_before = n_audit_rows (store, id);
  sqlite3 *raw;

  g_assert_true (pc_assessment_is_read_only (before));

  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_MET, "Changed", NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "title", "Another title", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Carers", "Workshop", "2026-05-12",
                                              "Leaflet rewritten", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The database itself refuses, whoever asks. */
  raw = pc_test_raw_open (path);
  sql = g_strdup_printf ("UPDATE assessments SET title = 'Tampered' WHERE id = %" G_GINT64_FORMAT,
                         id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM assessments WHERE id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO answers (assessment_id, prompt_id, rating, updated_at)"
                         " VALUES (%" G_GINT64_FORMAT ", 'added-later', 'met',"
                         " '2026-01-01T00:00:00Z')",
                         id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE answers SET evidence = 'Tampered' WHERE assessment_id = %"
                         G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "read-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM signoffs WHERE assessment_id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "sign-offs cannot be changed", "read-only");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE audit SET new_value = 'Tampered' WHERE assessment_id = %"
                         G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  g_free (sql);
  sql = g_strdup_printf ("DELETE FROM audit WHERE assessment_id = %" G_GINT64_FORMAT, id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  sqlite3_close (raw);

  after = pc_test_load_assessment (store, id);
  g_assert_cmpstr (after->title, ==, before->title);
  g_assert_cmpint (after->state, ==, before->state);
  g_assert_cmpuint (after->answers->len, ==, before->answers->len);
  g_assert_cmpstr (pc_assessment_find_answer (after, prompt)->evidence, ==,
                   pc_assessment_find_answer (before, prompt)->evidence);
  g_assert_cmpuint (after->coproduction->len, ==, before->coproduction->len);
  g_assert_cmpuint (after->signoffs->len, ==, before->signoffs->len);
  g_assert_cmpuint (n_audit_rows (store, id), ==, audit_before);
  assert_chain_holds (store, id);
}

static void
test_final_states (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  const struct {
    PcMeaning   decision;
    const char *reason;
    PcState     state;
  } decisions[] = {
    { PC_MEANING_APPROVED, NULL, PC_STATE_APPROVED },
    { PC_MEANING_APPROVED_WITH_CONDITIONS, "Review the waiting times after six months",
      PC_STATE_APPROVED_WITH_CONDITIONS },
    { PC_MEANING_NOT_APPROVED, "The pathway leaves out people without a GP",
      PC_STATE_NOT_APPROVED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      g_autoptr(PcAssessment) a = NULL;
      const PcSignoff *decided;
      gint64 id = create_submitted (store, author);

      pc_test_review (store, id, decisions[i].decision, decisions[i].reason, reviewer);

      a = pc_test_load_assessment (store, id);
      g_assert_cmpint (a->state, ==, decisions[i].state);
      g_assert_cmpuint (a->signoffs->len, ==, 2);
      decided = g_ptr_array_index (a->signoffs, 1);
      g_assert_cmpint (decided->meaning, ==, decisions[i].decision);
      g_assert_cmpstr (decided->reason, ==, decisions[i].reason);
      g_assert_cmpstr (decided->role, ==, "Governance reviewer");
      assert_signoff_verifies (store, a, decided, reviewer);
      assert_signoff_verifies (store, a, g_ptr_array_index (a->signoffs, 0), author);

      assert_final (store, path, id);
    }
}

static void
test_wrong_states (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  gint64 draft = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 in_review = create_submitted (store, author);
  gint64 approved = create_submitted (store, author);

  pc_test_review (store, approved, PC_MEANING_APPROVED, NULL, reviewer);
  pc_test_answer_all (store, draft);

  /* A draft cannot be reviewed, however complete. */
  g_assert_false (pc_store_review (store, draft, PC_MEANING_APPROVED, NULL, reviewer, NULL, NULL, NULL,
                                   &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Nothing but a draft can be submitted. */
  g_assert_false (pc_store_submit (store, in_review, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_false (pc_store_submit (store, approved, author, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* A decision is made once. */
  g_assert_false (pc_store_review (store, approved, PC_MEANING_NOT_APPROVED, "Second thoughts",
                                   reviewer, NULL, NULL, NULL, &error));
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* Only a final assessment gets a new revision. */
  g_assert_cmpint (pc_store_revise (store, in_review, "Too early", &error), ==, 0);
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);

  g_assert_cmpint (state_of (store, draft), ==, PC_STATE_DRAFT);
  g_assert_cmpint (state_of (store, in_review), ==, PC_STATE_IN_REVIEW);
  g_assert_cmpint (state_of (store, approved), ==, PC_STATE_APPROVED);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 3);
}

static void
test_revise (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) old = NULL;
  g_autoptr(PcAssessment) rev = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("%PDF-1.4 minutes", 16);
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *prompt = nth_prompt_id (2);
  const PcAttachment *att;
  const PcAuditEntry *first;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 new_id;

  pc_test_answer_all (store, id);
  g_assert_cmpint (pc_store_add_attachment (store, id, prompt, "minutes.pdf", "application/pdf",
                                            file, &error), >, 0);
  g_assert_cmpint (pc_store_add_link (store, id, prompt, "https://example.org/pathway",
                                      "Pathway page", &error), >, 0);
  g_assert_cmpint (pc_store_add_action (store, id, prompt, "Print the leaflet in Turkish",
                                        "Ann Lee", "2099-01-31", &error), >, 0);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Service users and carers", "Workshop",
                                              "2026-05-12", "The leaflet was rewritten",
                                              &error), >, 0);
  g_assert_no_error (error);
  pc_test_submit (store, id, author);
  pc_test_review (store, id, PC_MEANING_APPROVED, NULL, reviewer);

  /* A revision needs a reason. */
  g_assert_cmpint (pc_store_revise (store, id, NULL, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_revise (store, id, "  ", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  new_id = pc_store_revise (store, id, "The service now opens at weekends", &error);
  g_assert_no_error (error);
  g_assert_cmpint (new_id, >, id);

  old = pc_test_load_assessment (store, id);
  rev = pc_test_load_assessment (store, new_id);
  g_assert_cmpstr (rev->reference, ==, old->reference);
  g_assert_cmpint (rev->revision, ==, 2);
  g_assert_cmpint (rev->previous_id, ==, id);
  g_assert_cmpstr (rev->revision_reason, ==, "The service now opens at weekends");
  g_assert_cmpint (rev->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (rev->title, ==, TITLE);
  g_assert_cmpstr (rev->checklist_sha256, ==, old->checklist_sha256);

  /* Everything recorded is copied; the sign-offs are not. */
  g_assert_cmpuint (rev->answers->len, ==, old->answers->len);
  g_assert_cmpstr (pc_assessment_find_answer (rev, prompt)->evidence, ==,
                   pc_assessment_find_answer (old, prompt)->evidence);
  g_assert_cmpuint (rev->attachments->len, ==, 1);
  att = g_ptr_array_index (rev->attachments, 0);
  g_assert_cmpstr (att->sha256, ==,
                   ((PcAttachment *) g_ptr_array_index (old->attachments, 0))->sha256);
  copied = pc_store_get_attachment_data (store, att->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (copied, file));
  g_assert_cmpuint (rev->links->len, ==, 1);
  g_assert_cmpuint (rev->actions->len, ==, 1);
  g_assert_cmpstr (((PcAction *) g_ptr_array_index (rev->actions, 0))->owner, ==, "Ann Lee");
  g_assert_cmpuint (rev->coproduction->len, ==, 1);
  g_assert_cmpuint (rev->signoffs->len, ==, 0);
  g_assert_cmpuint (old->signoffs->len, ==, 2);

  /* The new revision's trail starts with why it was made. */
  rows = history (store, new_id);
  first = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (first->field, ==, "revision");
  g_assert_cmpstr (first->reason, ==, "The service now opens at weekends");
  assert_chain_holds (store, new_id);
  assert_chain_holds (store, id);

  /* The new revision is a draft; the old one is still final. */
  g_assert_true (pc_store_set_answer (store, new_id, prompt, PC_RATING_PARTLY_MET, NULL, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_PARTLY_MET, NULL, NULL,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A draft is not revised, and an older revision is not revised once a
   * newer one exists. */
  g_assert_cmpint (pc_store_revise (store, new_id, "Again", &error), ==, 0);
  g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_revise (store, id, "Again", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&rev, pc_assessment_free);
  rev = pc_store_load_assessment (store, old->reference, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rev->id, ==, new_id);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 1);
}

/* Audit trail */

static void
test_audit_every_change (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("minutes", 7);
  g_autofree char *prompt = nth_prompt_id (0);
  const char * const team[] = { "Ann Lee", "Bo Chen", NULL };
  const PcAuditEntry *row;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  gint64 action;
  gint64 link;
  gint64 attachment;
  gint64 entry;
  guint count = 0;

  assert_audit_grew (store, id, &count, 1);

  /* A rating and evidence: two rows, each with the old and new value. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes", NULL,
                                      &error));
  g_assert_no_error (error);
  assert_audit_grew (store, id, &count, 2);
  rows = history (store, id);
  row = g_ptr_array_index (rows, 1);
  assert_audit_row (row, "answer", prompt, "rating", "not_assessed", "met");
  g_assert_cmpstr (row->actor, ==, pc_store_get_actor (store));
  assert_audit_row (g_ptr_array_index (rows, 2), "answer", prompt, "evidence", NULL,
                    "Workshop notes");

  /* The same again writes nothing, nor does leaving both texts alone. */
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes", NULL,
                                      &error));
  g_assert_true (pc_store_set_answer_text (store, id, prompt, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_audit_grew (store, id, &count, 0);

  /* A change refused writes nothing. */
  g_assert_false (pc_store_set_header_field (store, id, "review_date", "2027-02-30", &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_audit_grew (store, id, &count, 0);

  /* Every other kind of change writes one row, as whoever is named. */
  pc_store_set_actor (store, "Ann Lee");
  g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes, v2",
                                      NULL, &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_header_field (store, id, "title", "Weekend crisis pathway", &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_team (store, id, team, &error));
  assert_audit_grew (store, id, &count, 1);
  action = pc_store_add_action (store, id, prompt, "Print the leaflet", NULL, NULL, &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_set_action_field (store, action, "owner", "Bo Chen", &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_action (store, action, &error));
  assert_audit_grew (store, id, &count, 1);
  link = pc_store_add_link (store, id, prompt, "https://example.org", NULL, &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_link (store, link, &error));
  assert_audit_grew (store, id, &count, 1);
  attachment = pc_store_add_attachment (store, id, prompt, "minutes.txt", "text/plain", file,
                                        &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_attachment (store, attachment, &error));
  assert_audit_grew (store, id, &count, 1);
  entry = pc_store_add_coproduction (store, id, "Carers", "Survey", "2026-04-01",
                                     "Evening clinics added", &error);
  assert_audit_grew (store, id, &count, 1);
  g_assert_true (pc_store_remove_coproduction (store, entry, &error));
  assert_audit_grew (store, id, &count, 1);
  g_assert_no_error (error);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = history (store, id);
  row = g_ptr_array_index (rows, 4);
  assert_audit_row (row, "assessment", NULL, "title", TITLE, "Weekend crisis pathway");
  g_assert_cmpstr (row->actor, ==, "Ann Lee");

  assert_chain_holds (store, id);
}

/* An assessment with a few audit rows, and a raw connection to its
 * database. Returns: the assessment's id */
static gint64
make_trail (PcStore     *store,
            const char  *path,
            sqlite3    **out_raw)
{
  g_autoptr(GError) error = NULL;
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *prompt = nth_prompt_id (i);

      g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_MET, "Workshop notes",
                                          NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (n_audit_rows (store, id), ==, 7);
  assert_chain_holds (store, id);

  *out_raw = pc_test_raw_open (path);
  return id;
}

/* Asserts that the chain of @id is broken at its @entry-th row. */
static void
assert_chain_broken (PcStore *store,
                     gint64   id,
                     guint    entry)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *named = g_strdup_printf ("entry %u ", entry);

  g_assert_false (pc_store_check_audit_chain (store, id, NULL, NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_AUDIT_BROKEN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, named));
}

static void
test_audit_altered (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *other_raw = NULL;
  gint64 other = make_trail (store, path, &other_raw);
  gint64 id = make_trail (store, path, &raw);

  /* The triggers stop a plain UPDATE; someone who drops them first can
   * alter a row, but not without the chain showing it. */
  rows = history (store, id);
  sql = g_strdup_printf ("UPDATE audit SET new_value = 'Tampered' WHERE id = %" G_GINT64_FORMAT,
                         ((PcAuditEntry *) g_ptr_array_index (rows, 3))->id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  raw_exec (raw, "DROP TRIGGER audit_no_update");
  raw_exec (raw, sql);
  sqlite3_close (raw);
  sqlite3_close (other_raw);

  assert_chain_broken (store, id, 4);
  assert_chain_holds (store, other);
}

static void
test_audit_deleted (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;
  gint64 id = make_trail (store, path, &raw);

  rows = history (store, id);
  sql = g_strdup_printf ("DELETE FROM audit WHERE id = %" G_GINT64_FORMAT,
                         ((PcAuditEntry *) g_ptr_array_index (rows, 2))->id);
  assert_raw_refused (raw, sql, "append-only", NULL);
  raw_exec (raw, "DROP TRIGGER audit_no_delete");
  raw_exec (raw, sql);
  sqlite3_close (raw);

  /* The row that followed the deleted one no longer links to its
   * predecessor. */
  g_assert_cmpuint (n_audit_rows (store, id), ==, 6);
  assert_chain_broken (store, id, 3);
}

/* Text */

static const char * const texts[] = {
  "'); DROP TABLE answers; --",
  "Robert\"); DELETE FROM audit WHERE ('1' = '1",
  "İstanbul ğüşöç ıİ",
  "Zażółć gęślą jaźń",
  "বাংলা ভাষায় তথ্য",
  "العربية: مرحبا",
  "Emoji 🧠🫶🏽 and a flag 🏳️‍🌈",
  "Line one\nLine two\n\tindented\n\nafter a blank line\n",
  "  leading and trailing spaces  ",
  "100% _under_score_ \\backslash\\ ?1 :name @p $x",
};

/* texts[i] for a field of one line, where the store refuses line
 * breaks and tabs. */
static const char *
one_line_text (guint i)
{
  return strpbrk (texts[i], "\n\t") != NULL ? "One line: Line one, Line two" : texts[i];
}

static void
test_text_round_trip (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcAssessment) header = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 id;
  sqlite3 *raw;

  header = pc_test_header_new (texts[2], texts[3]);
  header->outcomes = g_strdup (texts[7]);
  header->affected = g_strdup (texts[5]);
  g_strfreev (header->team);
  header->team = g_strdupv ((char **) (const char *[]) { texts[3], texts[4], NULL });
  id = pc_test_create_assessment_with (store, header);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *prompt = nth_prompt_id (i);

      g_assert_true (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_APPLICABLE, texts[i],
                                          texts[G_N_ELEMENTS (texts) - 1 - i], &error));
      g_assert_no_error (error);
      g_assert_cmpint (pc_store_add_action (store, id, prompt, one_line_text (i),
                                            one_line_text (i), "2099-01-31", &error), >, 0);
      g_assert_no_error (error);
      g_assert_cmpint (pc_store_add_coproduction (store, id, one_line_text (i), one_line_text (i),
                                                  "2026-05-12", texts[i], &error), >, 0);
      g_assert_no_error (error);
      g_assert_cmpint (pc_store_add_link (store, id, prompt, texts[i], NULL, &error), ==, 0);
      g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
      g_clear_error (&error);
      /* Links must be web addresses; their titles are free text. */
      g_assert_cmpint (pc_store_add_link (store, id, prompt, "https://intranet.example.nhs.uk/a?b=1&c=%C3%A9",
                                          one_line_text (i), &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (pc_store_set_header_field (store, id, "affected", texts[0], &error));
  g_assert_no_error (error);

  /* Read back through a store opened afresh. */
  g_clear_object (&store);
  store = pc_test_open_store (path);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, texts[2]);
  g_assert_cmpstr (a->lead, ==, texts[3]);
  g_assert_cmpstr (a->outcomes, ==, texts[7]);
  g_assert_cmpstr (a->affected, ==, texts[0]);
  g_assert_cmpuint (g_strv_length (a->team), ==, 2);
  g_assert_cmpstr (a->team[0], ==, texts[3]);
  g_assert_cmpstr (a->team[1], ==, texts[4]);
  g_assert_cmpuint (a->actions->len, ==, G_N_ELEMENTS (texts));
  g_assert_cmpuint (a->coproduction->len, ==, G_N_ELEMENTS (texts));
  g_assert_cmpuint (a->links->len, ==, G_N_ELEMENTS (texts));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *prompt = nth_prompt_id (i);
      const PcAnswer *answer = pc_assessment_find_answer (a, prompt);
      const PcAction *action = g_ptr_array_index (a->actions, i);
      const PcLink *link = g_ptr_array_index (a->links, i);
      gboolean found = FALSE;

      g_assert_cmpstr (answer->evidence, ==, texts[i]);
      g_assert_cmpstr (answer->justification, ==, texts[G_N_ELEMENTS (texts) - 1 - i]);
      g_assert_cmpstr (action->description, ==, one_line_text (i));
      g_assert_cmpstr (action->owner, ==, one_line_text (i));
      g_assert_cmpstr (link->url, ==, "https://intranet.example.nhs.uk/a?b=1&c=%C3%A9");
      g_assert_cmpstr (link->title, ==, one_line_text (i));

      /* Co-production entries come back by date, so look for each. */
      for (guint j = 0; j < a->coproduction->len; j++)
        {
          const PcCoproduction *entry = g_ptr_array_index (a->coproduction, j);

          if (g_strcmp0 (entry->changed, texts[i]) == 0)
            {
              g_assert_cmpstr (entry->who, ==, one_line_text (i));
              g_assert_cmpstr (entry->how, ==, one_line_text (i));
              g_assert_cmpstr (entry->changed, ==, texts[i]);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* The list and the audit trail carry the same text. */
  list = pc_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PcListItem *) g_ptr_array_index (list, 0))->title, ==, texts[2]);
  rows = history (store, id);
  g_assert_cmpstr (((PcAuditEntry *) g_ptr_array_index (rows, 0))->new_value, ==, texts[2]);
  assert_chain_holds (store, id);

  /* Nothing was dropped. */
  raw = pc_test_raw_open (path);
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM answers"), ==, G_N_ELEMENTS (texts));
  g_assert_cmpint (pc_test_raw_int (raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"),
                   >=, 9);
  sqlite3_close (raw);
}

static void
test_text_invalid_utf8 (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) header = pc_test_header_new ("Caf\xc3\x28 pathway", LEAD);
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autofree char *prompt = nth_prompt_id (0);
  const char *bad = "Evidence \xff\xfe from the workshop";
  gint64 id;
  guint count;

  g_assert_cmpint (pc_store_create_assessment (store, header, checklist, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 0);

  id = pc_test_create_assessment (store, TITLE, LEAD);
  count = n_audit_rows (store, id);

  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_MET, bad, NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_store_set_answer (store, id, prompt, PC_RATING_NOT_APPLICABLE, NULL, bad,
                                       &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "title", bad, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pc_store_set_header_field (store, id, "outcomes", bad, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_action (store, id, prompt, bad, LEAD, "2099-01-31", &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pc_store_add_coproduction (store, id, bad, "Workshop", "2026-05-12", "Nothing",
                                              &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* None of it was written. */
  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, TITLE);
  g_assert_null (a->outcomes);
  g_assert_cmpuint (a->answers->len, ==, 0);
  g_assert_cmpuint (a->actions->len, ==, 0);
  g_assert_cmpuint (a->coproduction->len, ==, 0);
  g_assert_cmpuint (n_audit_rows (store, id), ==, count);
}

/* Attachments */

static GBytes *
make_bytes (gsize   size,
            guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, size);
}

static void
test_attachment_round_trip (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autofree char *prompt = nth_prompt_id (4);
  GBytes *files[3];
  gint64 ids[3];
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);

  files[0] = make_bytes (300 * 1024 + 7, 1);
  files[1] = g_bytes_new_static ("", 0);
  files[2] = g_bytes_new_static ("a\0b\0\xff\n", 6);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *name = g_strdup_printf ("Zażółć %u.bin", i);

      ids[i] = pc_store_add_attachment (store, id, prompt, name, i == 0 ? "image/png" : NULL,
                                        files[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (ids[i], >, 0);
    }

  g_clear_object (&store);
  store = pc_test_open_store (path);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->attachments->len, ==, G_N_ELEMENTS (files));

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const PcAttachment *att = g_ptr_array_index (a->attachments, i);
      g_autofree char *name = g_strdup_printf ("Zażółć %u.bin", i);
      g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, files[i]);
      g_autoptr(GBytes) back = NULL;

      g_assert_cmpint (att->id, ==, ids[i]);
      g_assert_cmpstr (att->prompt_id, ==, prompt);
      g_assert_cmpstr (att->name, ==, name);
      g_assert_cmpstr (att->media_type, ==, i == 0 ? "image/png" : "application/octet-stream");
      g_assert_cmpint (att->size, ==, g_bytes_get_size (files[i]));
      g_assert_cmpstr (att->sha256, ==, sha256);

      back = pc_store_get_attachment_data (store, att->id, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (back, NULL), g_bytes_get_size (back),
                       g_bytes_get_data (files[i], NULL), g_bytes_get_size (files[i]));
      g_bytes_unref (files[i]);
    }

  g_assert_null (pc_store_get_attachment_data (store, 9999, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND);
}

static void
test_attachment_too_large (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GBytes) largest = g_bytes_new_take (g_malloc0 (PC_STORE_MAX_ATTACHMENT),
                                                PC_STORE_MAX_ATTACHMENT);
  g_autoptr(GBytes) too_large = g_bytes_new_take (g_malloc0 (PC_STORE_MAX_ATTACHMENT + 1),
                                                  PC_STORE_MAX_ATTACHMENT + 1);
  g_autofree char *prompt = nth_prompt_id (0);
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  guint count = n_audit_rows (store, id);

  g_assert_cmpint (pc_store_add_attachment (store, id, prompt, "scan.tiff", "image/tiff",
                                            too_large, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "scan.tiff"));
  g_clear_error (&error);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->attachments->len, ==, 0);
  g_assert_cmpuint (n_audit_rows (store, id), ==, count);

  /* Exactly the limit is accepted. */
  g_assert_cmpint (pc_store_add_attachment (store, id, prompt, "scan.tiff", "image/tiff",
                                            largest, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&a, pc_assessment_free);
  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->attachments->len, ==, 1);
  g_assert_cmpint (((PcAttachment *) g_ptr_array_index (a->attachments, 0))->size, ==,
                   PC_STORE_MAX_ATTACHMENT);
}

static void
test_attachment_unknown_prompt (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GBytes) file = g_bytes_new_static ("minutes", 7);
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  guint count = n_audit_rows (store, id);

  g_assert_cmpint (pc_store_add_attachment (store, id, "no-such-prompt-1", "minutes.txt",
                                            "text/plain", file, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-prompt-1"));
  g_clear_error (&error);

  g_assert_false (pc_store_set_answer (store, id, "no-such-prompt-1", PC_RATING_MET, "Notes",
                                       NULL, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (pc_store_add_attachment (store, id + 1, NULL, "minutes.txt", "text/plain", file,
                                            &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_NOT_FOUND);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->attachments->len, ==, 0);
  g_assert_cmpuint (a->answers->len, ==, 0);
  g_assert_cmpuint (n_audit_rows (store, id), ==, count);
}

/* The list */

static const PcListItem *
find_item (GPtrArray  *items,
           const char *reference)
{
  const PcListItem *found = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->reference, reference))
        {
          g_assert_null (found);
          found = item;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static void
test_list (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new (REVIEWER, "Governance reviewer");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PcAssessment) revised = NULL;
  g_autoptr(PcAssessment) partial = NULL;
  g_autoptr(PcAssessment) empty = NULL;
  const PcListItem *item;
  gint64 first = create_submitted (store, author);
  gint64 second = pc_test_create_assessment (store, "Memory clinic", "Dee Patel");
  gint64 third = pc_test_create_assessment (store, "Perinatal outreach", "Eve Stone");
  gint64 revision;

  pc_test_review (store, first, PC_MEANING_APPROVED, NULL, reviewer);
  revision = pc_store_revise (store, first, "New premises", &error);
  g_assert_no_error (error);

  /* Three prompts rated; one with evidence only, which is not an answer. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *prompt = nth_prompt_id (i * 5);

      if (i < 3)
        pc_store_set_answer (store, second, prompt, PC_RATING_PARTLY_MET, "Notes", NULL, &error);
      else
        pc_store_set_answer_text (store, second, prompt, "Notes", NULL, &error);
      g_assert_no_error (error);
    }

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 3);

  revised = pc_test_load_assessment (store, revision);
  item = find_item (items, revised->reference);
  g_assert_cmpint (item->id, ==, revision);
  g_assert_cmpint (item->revision, ==, 2);
  g_assert_cmpint (item->state, ==, PC_STATE_DRAFT);
  g_assert_cmpstr (item->title, ==, TITLE);
  g_assert_cmpuint (item->total, ==, n_prompts ());
  g_assert_cmpuint (item->answered, ==, n_prompts ());

  partial = pc_test_load_assessment (store, second);
  item = find_item (items, partial->reference);
  g_assert_cmpint (item->id, ==, second);
  g_assert_cmpstr (item->title, ==, "Memory clinic");
  g_assert_cmpstr (item->lead, ==, "Dee Patel");
  g_assert_cmpstr (item->division, ==, PC_TEST_DIVISION);
  g_assert_cmpuint (item->answered, ==, 3);
  g_assert_cmpuint (item->total, ==, n_prompts ());

  empty = pc_test_load_assessment (store, third);
  item = find_item (items, empty->reference);
  g_assert_cmpuint (item->answered, ==, 0);
  g_assert_cmpuint (item->total, ==, n_prompts ());

  /* References are distinct. */
  g_assert_cmpstr (revised->reference, !=, partial->reference);
  g_assert_cmpstr (partial->reference, !=, empty->reference);
}

/* A kill at any moment */

/* The child of the kill test: creates an assessment in the database at
 * @path, then answers prompts in turn for ever, evidence "answer N",
 * telling its parent after each answer is committed. */
static int
run_child_writer (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcStore) store = pc_store_open (path, &error);
  g_autoptr(GPtrArray) prompts = g_ptr_array_new_with_free_func (g_free);
  guint total = n_prompts ();
  gint64 id;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  id = pc_test_create_assessment (store, TITLE, LEAD);
  for (guint i = 0; i < total; i++)
    g_ptr_array_add (prompts, nth_prompt_id (i));

  for (guint n = 1; ; n++)
    {
      g_autofree char *evidence = g_strdup_printf ("answer %u", n);

      if (!pc_store_set_answer (store, id, g_ptr_array_index (prompts, (n - 1) % total),
                                PC_RATING_MET, evidence, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("committed %u\n", n);
      fflush (stdout);
    }
}

/* Reads "committed N" lines from @channel until @until (0: the end) or
 * the end; returns the last N. */
static guint
read_commits (GIOChannel *channel,
              guint       last,
              guint       until)
{
  while (until == 0 || last < until)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      GIOStatus status;
      guint n;

      status = g_io_channel_read_line (channel, &line, NULL, NULL, &error);
      g_assert_no_error (error);
      if (status == G_IO_STATUS_EOF)
        break;
      g_assert_cmpint (status, ==, G_IO_STATUS_NORMAL);
      g_assert_cmpint (sscanf (line, "committed %u", &n), ==, 1);
      g_assert_cmpuint (n, ==, last + 1);
      last = n;
    }

  return last;
}

static void
test_kill (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autoptr(PcStore) store = NULL;
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) audited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *integrity = NULL;
  const char *argv[] = { self, "--child-writer", path, NULL };
  guint total = n_prompts ();
  guint last;
  GPid pid;
  int out_fd;
  int status;
  sqlite3 *raw;

  g_assert_nonnull (self);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  last = read_commits (channel, 0, KILL_AFTER);
  g_assert_cmpuint (last, ==, KILL_AFTER);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  /* What the child said before it died was committed too. */
  last = read_commits (channel, last, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  g_test_message ("killed after %u commits", last);

  store = pc_test_open_store (path);
  raw = pc_test_raw_open (path);
  integrity = pc_test_raw_text (raw, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  sqlite3_close (raw);

  /* Each prompt holds its last committed answer or, for one prompt, the
   * answer being written when the child was killed. */
  a = pc_test_load_assessment (store, 1);
  for (guint k = 0; k < total; k++)
    {
      g_autofree char *prompt = nth_prompt_id (k);
      const PcAnswer *answer = pc_assessment_find_answer (a, prompt);
      guint committed = last - (last - 1 - k) % total;
      g_autofree char *expected = g_strdup_printf ("answer %u", committed);
      g_autofree char *in_flight = g_strdup_printf ("answer %u", last + 1);

      g_assert_nonnull (answer);
      if (last % total == k)
        g_assert_true (g_str_equal (answer->evidence, expected)
                       || g_str_equal (answer->evidence, in_flight));
      else
        g_assert_cmpstr (answer->evidence, ==, expected);
    }

  /* Every committed answer is in the audit trail, and the chain holds. */
  rows = history (store, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      const PcAuditEntry *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->field, "evidence") == 0)
        g_hash_table_add (audited, g_strdup (row->new_value));
    }
  for (guint n = 1; n <= last; n++)
    {
      g_autofree char *evidence = g_strdup_printf ("answer %u", n);

      g_assert_true (g_hash_table_contains (audited, evidence));
    }
  g_assert_cmpuint (g_hash_table_size (audited), <=, last + 1);
  assert_chain_holds (store, 1);
}

/* The statement cache: a statement is reused reset and unbound, and one
 * still being stepped is never handed out again. */
static void
test_statement_cache (void)
{
  const char *sql = "SELECT value FROM numbers WHERE value >= ?1 ORDER BY value";
  sqlite3 *db = NULL;
  PcDbCache *cache;
  PcDbStatement *first;
  PcDbStatement *second;
  PcDbStatement *again;
  sqlite3_stmt *reused;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (_pc_db_exec (db, "CREATE TABLE numbers (value INTEGER);"
                                  "INSERT INTO numbers VALUES (1), (2), (3);", NULL));
  cache = _pc_db_cache_new (db);

  first = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_nonnull (first);
  sqlite3_bind_int (first->stmt, 1, 2);
  g_assert_cmpint (sqlite3_step (first->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first->stmt, 0), ==, 2);

  /* The same SQL while the first is mid-way: a statement of its own. */
  second = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_nonnull (second);
  g_assert_true (second->stmt != first->stmt);
  sqlite3_bind_int (second->stmt, 1, 3);
  g_assert_cmpint (sqlite3_step (second->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (second->stmt, 0), ==, 3);
  _pc_db_statement_give_back (second);

  /* The first goes on where it was. */
  g_assert_cmpint (sqlite3_step (first->stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (first->stmt, 0), ==, 3);
  reused = first->stmt;
  _pc_db_statement_give_back (first);

  /* Given back, it is lent again from the start, with nothing bound
   * (NULL: no row is >= NULL). */
  again = _pc_db_cache_lend (cache, sql, NULL);
  g_assert_true (again->stmt == reused);
  g_assert_cmpint (sqlite3_step (again->stmt), ==, SQLITE_DONE);
  _pc_db_statement_give_back (again);

  /* Every statement is finalized with the cache: the connection closes. */
  _pc_db_cache_free (cache);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

int
main (int   argc,
      char *argv[])
{
  /* The kill test runs this program again as its child. */
  if (argc == 3 && g_str_equal (argv[1], "--child-writer"))
    return run_child_writer (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/store/open/new", test_open_new);
  g_test_add_func ("/pc/store/statement-cache", test_statement_cache);
  g_test_add_func ("/pc/store/migrate/empty-file", test_migrate_empty_file);
  g_test_add_func ("/pc/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/pc/store/refuse/text-file", test_refuse_text_file);
  g_test_add_func ("/pc/store/refuse/foreign", test_refuse_foreign);
  g_test_add_func ("/pc/store/refuse/truncated", test_refuse_truncated);
  g_test_add_func ("/pc/store/refuse/too-new", test_refuse_too_new);
  g_test_add_func ("/pc/store/refuse/read-only", test_refuse_read_only);
  g_test_add_func ("/pc/store/lifecycle/submit-blocked", test_submit_blocked);
  g_test_add_func ("/pc/store/lifecycle/submit-signs", test_submit_signs);
  g_test_add_func ("/pc/store/lifecycle/review-refused", test_review_refused);
  g_test_add_func ("/pc/store/lifecycle/returned", test_returned);
  g_test_add_func ("/pc/store/lifecycle/final-states", test_final_states);
  g_test_add_func ("/pc/store/lifecycle/wrong-states", test_wrong_states);
  g_test_add_func ("/pc/store/lifecycle/revise", test_revise);
  g_test_add_func ("/pc/store/audit/every-change", test_audit_every_change);
  g_test_add_func ("/pc/store/audit/altered", test_audit_altered);
  g_test_add_func ("/pc/store/audit/deleted", test_audit_deleted);
  g_test_add_func ("/pc/store/text/round-trip", test_text_round_trip);
  g_test_add_func ("/pc/store/text/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/pc/store/attachments/round-trip", test_attachment_round_trip);
  g_test_add_func ("/pc/store/attachments/too-large", test_attachment_too_large);
  g_test_add_func ("/pc/store/attachments/unknown-prompt", test_attachment_unknown_prompt);
  g_test_add_func ("/pc/store/list", test_list);
  g_test_add_func ("/pc/store/kill", test_kill);

  return g_test_run ();
}
