/* test-demo.c: the example assessments of pc-demo
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-demo.h"

#include <string.h>

#include <cjson/cJSON.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-summary.h"
#include "pc-test-utils.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* One demo database, filled once and shared by the tests, which only
 * read it: filling means making eight signing keys, which is slow on
 * purpose (Argon2id). */
typedef struct
{
  char        *dir;
  PcStore     *store;
  PcChecklist *checklist;
  GDateTime   *now;
  guint        added;
} DemoFixture;

static DemoFixture *shared_demo;

static void
rm_rf (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL
         && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        rm_rf (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

/* Opens a fresh database in a new folder of @dir's and fills it. */
static PcStore *
fill_new_store (const char   *dir,
                const char   *name,
                PcChecklist  *checklist,
                GDateTime    *now,
                guint        *out_added)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *keys_dir = g_build_filename (dir, "keys", NULL);
  PcStore *store;

  store = pc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  *out_added = pc_demo_fill (store, checklist, keys_dir, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (*out_added, >, 0);

  return store;
}

static DemoFixture *
get_demo (void)
{
  g_autoptr(GError) error = NULL;

  if (shared_demo != NULL)
    return shared_demo;

  shared_demo = g_new0 (DemoFixture, 1);
  shared_demo->dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);
  g_assert_no_error (error);

  shared_demo->checklist = pc_checklist_new_default (&error);
  g_assert_no_error (error);
  g_assert_nonnull (shared_demo->checklist);

  shared_demo->now = g_date_time_new_now_utc ();
  shared_demo->store = fill_new_store (shared_demo->dir, "demo.db", shared_demo->checklist,
                                       shared_demo->now, &shared_demo->added);

  return shared_demo;
}

static void
free_demo (void)
{
  if (shared_demo == NULL)
    return;

  g_clear_object (&shared_demo->store);
  g_clear_pointer (&shared_demo->checklist, pc_checklist_unref);
  g_clear_pointer (&shared_demo->now, g_date_time_unref);
  rm_rf (shared_demo->dir);
  g_free (shared_demo->dir);
  g_clear_pointer (&shared_demo, g_free);
}

static GPtrArray *
list_items (DemoFixture *demo)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = pc_store_list (demo->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

/* Every revision of every assessment in the demo, oldest revision first.
 * Returns: (transfer full) (element-type PcAssessment) */
static GPtrArray *
load_all_revisions (DemoFixture *demo)
{
  g_autoptr(GPtrArray) items = list_items (demo);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) pc_assessment_free);

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);

      for (int revision = 1; revision <= item->revision; revision++)
        {
          g_autoptr(GError) error = NULL;
          PcAssessment *a = pc_store_load_assessment (demo->store, item->reference, revision,
                                                      &error);

          g_assert_no_error (error);
          g_assert_nonnull (a);
          g_ptr_array_add (all, a);
        }
    }

  return all;
}

static PcAssessment *
load_item (DemoFixture      *demo,
           const PcListItem *item)
{
  g_autoptr(GError) error = NULL;
  PcAssessment *a = pc_store_load_assessment_by_id (demo->store, item->id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

static GPtrArray *
lint (DemoFixture        *demo,
      const PcAssessment *a)
{
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (demo->now),
                                           g_date_time_get_month (demo->now),
                                           g_date_time_get_year (demo->now));

  return pc_lint_run (a, demo->checklist, today);
}

static const PcSignoff *
last_signoff (const PcAssessment *a)
{
  if (a->signoffs->len == 0)
    return NULL;
  return g_ptr_array_index (a->signoffs, a->signoffs->len - 1);
}

static void
test_fill (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) items = list_items (demo);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (demo->added, >=, 8);
  g_assert_cmpuint (pc_store_count (demo->store, &error), ==, demo->added);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, demo->added);
}

static void
test_states (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) items = list_items (demo);
  gboolean seen[PC_STATE_NOT_APPROVED + 1] = { FALSE, };
  gboolean fresh = FALSE, half = FALSE, complete = FALSE, returned = FALSE, revised = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);
      g_autoptr(PcAssessment) a = load_item (demo, item);
      const PcSignoff *last = last_signoff (a);

      seen[item->state] = TRUE;
      if (item->state == PC_STATE_APPROVED_WITH_CONDITIONS)
        {
          g_assert_nonnull (last);
          g_assert_cmpint (last->meaning, ==, PC_MEANING_APPROVED_WITH_CONDITIONS);
          g_assert_nonnull (last->reason);
        }
      if (item->state != PC_STATE_DRAFT)
        continue;

      if (item->revision > 1)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PcAssessment) previous = NULL;

          previous = pc_store_load_assessment (demo->store, item->reference, item->revision - 1,
                                               &error);
          g_assert_no_error (error);
          g_assert_cmpint (previous->state, ==, PC_STATE_APPROVED);
          g_assert_cmpint (a->previous_id, ==, previous->id);
          g_assert_nonnull (a->revision_reason);
          revised = TRUE;
        }
      else if (last != NULL)
        {
          g_assert_cmpint (last->meaning, ==, PC_MEANING_RETURNED);
          g_assert_nonnull (last->reason);
          returned = TRUE;
        }
      else if (item->answered == item->total)
        complete = TRUE;
      else if (item->answered > 0 && item->answered <= 5)
        fresh = TRUE;
      else if (item->answered >= item->total / 4 && item->answered <= item->total * 3 / 4)
        half = TRUE;
    }

  for (guint s = PC_STATE_DRAFT; s <= PC_STATE_NOT_APPROVED; s++)
    {
      g_test_message ("state %s", pc_state_to_string (s));
      g_assert_true (seen[s]);
    }
  g_assert_true (fresh);
  g_assert_true (half);
  g_assert_true (complete);
  g_assert_true (returned);
  g_assert_true (revised);
}

static void
test_variety (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) all = load_all_revisions (demo);
  g_autoptr(GHashTable) divisions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) priorities = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) hows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *today = g_date_time_format (demo->now, "%Y-%m-%d");
  gboolean kinds[PC_KIND_SERVICE_CLOSURE + 1] = { FALSE, };
  gboolean ratings[PC_RATING_NOT_APPLICABLE + 1] = { FALSE, };
  gboolean done = FALSE, overdue = FALSE, csv = FALSE;
  guint attachments = 0, links = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const PcAssessment *a = g_ptr_array_index (all, i);

      g_hash_table_add (divisions, a->division);
      if (a->priority != NULL)
        g_hash_table_add (priorities, a->priority);
      kinds[a->kind] = TRUE;

      for (guint j = 0; j < a->answers->len; j++)
        {
          const PcAnswer *answer = g_ptr_array_index (a->answers, j);

          ratings[answer->rating] = TRUE;
          if (answer->rating == PC_RATING_NOT_APPLICABLE)
            g_assert_nonnull (answer->justification);
        }

      for (guint j = 0; j < a->actions->len; j++)
        {
          const PcAction *action = g_ptr_array_index (a->actions, j);

          g_assert_nonnull (action->owner);
          g_assert_nonnull (action->due_date);
          g_assert_true (pc_date_is_valid (action->due_date));
          done |= action->status == PC_ACTION_DONE;
          overdue |= action->status != PC_ACTION_DONE && strcmp (action->due_date, today) < 0;
        }

      for (guint j = 0; j < a->coproduction->len; j++)
        {
          const PcCoproduction *entry = g_ptr_array_index (a->coproduction, j);

          g_assert_true (pc_date_is_valid (entry->date));
          g_assert_cmpstr (entry->date, <=, today);
          g_hash_table_add (hows, entry->how);
        }

      for (guint j = 0; j < a->attachments->len; j++)
        {
          const PcAttachment *attachment = g_ptr_array_index (a->attachments, j);

          csv |= g_str_equal (attachment->media_type, "text/csv");
          attachments++;
        }
      links += a->links->len;
    }

  g_assert_cmpuint (g_hash_table_size (divisions), >=, 3);
  for (const char * const *id = pc_vocab_ids (PC_VOCAB_PRIORITY); *id != NULL; id++)
    g_assert_true (g_hash_table_contains (priorities, *id));
  for (guint k = PC_KIND_NEW_SERVICE; k <= PC_KIND_SERVICE_CLOSURE; k++)
    g_assert_true (kinds[k]);
  for (guint r = PC_RATING_MET; r <= PC_RATING_NOT_APPLICABLE; r++)
    g_assert_true (ratings[r]);
  g_assert_true (g_hash_table_contains (hows, "workshop"));
  g_assert_true (g_hash_table_contains (hows, "survey"));
  g_assert_true (g_hash_table_contains (hows, "interview"));
  g_assert_true (g_hash_table_contains (hows, "walkabout"));
  g_assert_true (done);
  g_assert_true (overdue);
  g_assert_true (csv);
  g_assert_cmpuint (attachments, >=, 2);
  g_assert_cmpuint (links, >=, 1);
}

/* Every sign-off of @a verifies against @a's canonical content. */
static void
assert_signatures_hold (DemoFixture        *demo,
                        const PcAssessment *a)
{
  g_autoptr(cJSON) content = pc_summary_build_content (a, demo->checklist);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;

  bytes = pc_summary_canonical_bytes (content, &sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  for (guint i = 0; i < a->signoffs->len; i++)
    {
      const PcSignoff *signoff = g_ptr_array_index (a->signoffs, i);
      g_autofree char *comment = NULL;
      g_autofree char *key_id = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpstr (signoff->content_sha256, ==, sha256);
      g_assert_true (pc_sign_verify (signoff->public_key, g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes), signoff->signature,
                                     &comment, &key_id, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (key_id, ==, signoff->key_id);

      expected = pc_summary_trusted_comment (a->reference, a->revision, signoff);
      g_assert_cmpstr (comment, ==, expected);
    }
}

static void
test_signatures (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) all = load_all_revisions (demo);
  guint approved = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const PcAssessment *a = g_ptr_array_index (all, i);
      const PcSignoff *author, *reviewer;

      /* A returned draft has changed since it was signed, as it should. */
      if (a->signoffs->len == 0 || a->state == PC_STATE_DRAFT)
        continue;

      assert_signatures_hold (demo, a);
      if (a->state != PC_STATE_APPROVED && a->state != PC_STATE_APPROVED_WITH_CONDITIONS)
        continue;

      g_assert_cmpuint (a->signoffs->len, ==, 2);
      author = g_ptr_array_index (a->signoffs, 0);
      reviewer = g_ptr_array_index (a->signoffs, 1);
      g_assert_cmpint (author->meaning, ==, PC_MEANING_PREPARED);
      g_assert_true (pc_text_names_equal (author->name, a->lead));
      g_assert_false (pc_text_names_equal (author->name, reviewer->name));
      g_assert_cmpstr (author->key_id, !=, reviewer->key_id);
      approved++;
    }

  /* The approved, the approved with conditions, and the first revision
   * of the one that was revised. */
  g_assert_cmpuint (approved, >=, 3);
}

static void
test_lint (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) items = list_items (demo);
  gboolean blocked_complete_draft = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);
      g_autoptr(PcAssessment) a = load_item (demo, item);
      g_autoptr(GPtrArray) findings = lint (demo, a);

      if (item->state != PC_STATE_DRAFT)
        {
          /* What went to review had nothing blocking when it went. */
          g_assert_false (pc_lint_blocks (findings));
          continue;
        }

      if (a->signoffs->len == 0 && a->revision == 1 && item->answered == item->total)
        {
          g_assert_true (pc_lint_blocks (findings));
          for (guint j = 0; j < findings->len; j++)
            {
              const PcFinding *finding = g_ptr_array_index (findings, j);

              g_assert_cmpstr (finding->rule, !=, "not-assessed");
            }
          blocked_complete_draft = TRUE;
        }
    }

  g_assert_true (blocked_complete_draft);
}

/* Stricter than the linter: no run of ten or more digits at all. */
static gboolean
has_long_digit_run (const char *text)
{
  guint run = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
      if (run >= 10)
        return TRUE;
    }

  return FALSE;
}

static void
assert_no_nhs_number (const char *text)
{
  if (text == NULL)
    return;

  if (pc_lint_has_nhs_number (text) || has_long_digit_run (text))
    g_error ("text looks like it holds an NHS number: %s", text);
}

static void
test_no_nhs_number (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) all = load_all_revisions (demo);

  for (guint i = 0; i < all->len; i++)
    {
      const PcAssessment *a = g_ptr_array_index (all, i);
      g_autoptr(GPtrArray) findings = lint (demo, a);

      assert_no_nhs_number (a->title);
      assert_no_nhs_number (a->lead);
      assert_no_nhs_number (a->outcomes);
      assert_no_nhs_number (a->affected);
      assert_no_nhs_number (a->revision_reason);
      for (guint j = 0; a->team[j] != NULL; j++)
        assert_no_nhs_number (a->team[j]);

      for (guint j = 0; j < a->answers->len; j++)
        {
          const PcAnswer *answer = g_ptr_array_index (a->answers, j);

          assert_no_nhs_number (answer->evidence);
          assert_no_nhs_number (answer->justification);
        }
      for (guint j = 0; j < a->actions->len; j++)
        {
          const PcAction *action = g_ptr_array_index (a->actions, j);

          assert_no_nhs_number (action->description);
          assert_no_nhs_number (action->owner);
        }
      for (guint j = 0; j < a->coproduction->len; j++)
        {
          const PcCoproduction *entry = g_ptr_array_index (a->coproduction, j);

          assert_no_nhs_number (entry->who);
          assert_no_nhs_number (entry->how);
          assert_no_nhs_number (entry->changed);
        }
      for (guint j = 0; j < a->signoffs->len; j++)
        assert_no_nhs_number (((const PcSignoff *) g_ptr_array_index (a->signoffs, j))->reason);

      for (guint j = 0; j < a->attachments->len; j++)
        {
          const PcAttachment *attachment = g_ptr_array_index (a->attachments, j);
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) data = NULL;
          g_autofree char *text = NULL;

          assert_no_nhs_number (attachment->name);
          data = pc_store_get_attachment_data (demo->store, attachment->id, &error);
          g_assert_no_error (error);
          text = g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
          g_assert_true (g_utf8_validate (text, -1, NULL));
          assert_no_nhs_number (text);
        }

      for (guint j = 0; j < findings->len; j++)
        g_assert_cmpstr (((const PcFinding *) g_ptr_array_index (findings, j))->rule, !=,
                         "nhs-number");
    }
}

static gboolean
history_names (GPtrArray  *history,
               const char *actor)
{
  for (guint i = 0; i < history->len; i++)
    {
      const PcAuditEntry *entry = g_ptr_array_index (history, i);

      if (pc_text_names_equal (entry->actor, actor))
        return TRUE;
    }

  return FALSE;
}

static void
test_audit (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GPtrArray) all = load_all_revisions (demo);

  for (guint i = 0; i < all->len; i++)
    {
      const PcAssessment *a = g_ptr_array_index (all, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) history = NULL;
      g_autofree char *head = NULL;
      guint count = 0;

      g_assert_true (pc_store_check_audit_chain (demo->store, a->id, &count, &head, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count, >, 0);
      g_assert_nonnull (head);

      /* The trail names the people who did each step. */
      history = pc_store_history (demo->store, a->id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (history->len, ==, count);
      g_assert_true (history_names (history, a->lead));
      for (guint j = 0; j < a->signoffs->len; j++)
        {
          const PcSignoff *signoff = g_ptr_array_index (a->signoffs, j);

          g_assert_true (history_names (history, signoff->name));
        }
    }
}

/* A second run, with the keys of the first left in place and another
 * date, still works: the keys are opened instead of made. */
static void
test_refill (void)
{
  DemoFixture *demo = get_demo ();
  g_autoptr(GDateTime) leap_day = g_date_time_new_utc (2032, 2, 29, 9, 30, 0);
  g_autoptr(PcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  store = fill_new_store (demo->dir, "again.db", demo->checklist, leap_day, &added);
  g_assert_cmpuint (added, ==, demo->added);
  g_assert_cmpuint (pc_store_count (store, &error), ==, added);
  g_assert_no_error (error);
}

/* demo --count: generated assessments */

/* The list of @db as `list --json` prints it. */
static cJSON *
list_json (const char *db)
{
  g_autofree char *out = NULL;
  cJSON *list;

  g_assert_cmpint (pc_test_run_cli (db, &out, NULL, "list", "--json", NULL), ==, 0);
  list = cJSON_Parse (out);
  g_assert_true (cJSON_IsArray (list));

  return list;
}

static const char *
json_text (const cJSON *object,
           const char  *name)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, name);

  g_assert_true (cJSON_IsString (item));
  return item->valuestring;
}

/* Every assessment of @db holds: none altered, every signed one
 * verified, every audit chain intact; the references are all different.
 * Returns how many are in each state (state → count). */
static GHashTable *
assert_all_intact (const char *db,
                   guint       expected)
{
  g_autoptr(cJSON) list = list_json (db);
  g_autoptr(GHashTable) references = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PcStore) store = pc_test_open_store (db);
  GHashTable *states = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *item;

  g_assert_cmpint (cJSON_GetArraySize (list), ==, (int) expected);
  cJSON_ArrayForEach (item, list)
    {
      const char *reference = json_text (item, "reference");
      const char *state = json_text (item, "state");
      const char *integrity = json_text (item, "integrity");
      g_autoptr(PcAssessment) a = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (g_hash_table_contains (references, reference));
      g_hash_table_add (references, (gpointer) reference);
      g_hash_table_insert (states, (gpointer) g_intern_string (state),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (states, state)) + 1));

      g_assert_cmpstr (integrity, ==, g_str_equal (state, "draft") ? integrity : "verified");
      g_assert_cmpstr (integrity, !=, "altered");

      a = pc_store_load_assessment (store, reference, 0, &error);
      g_assert_no_error (error);
      g_assert_true (pc_store_check_audit_chain (store, a->id, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  return states;
}

static guint
count_of (GHashTable *states,
          const char *state)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (states, state));
}

/* Assessments returned to their author: drafts with a "returned"
 * sign-off. */
static guint
count_returned (const char *db)
{
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  items = pc_store_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const PcListItem *item = g_ptr_array_index (items, i);
      g_autoptr(PcAssessment) a = NULL;

      if (item->state != PC_STATE_DRAFT)
        continue;
      a = pc_store_load_assessment_by_id (store, item->id, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < a->signoffs->len; k++)
        n += ((PcSignoff *) g_ptr_array_index (a->signoffs, k))->meaning == PC_MEANING_RETURNED;
    }

  return n;
}

/* `demo --count N` adds exactly N assessments, in every state, all of
 * them intact, with different references; a second run on the same
 * database (whose register knows the example signers by the first run's
 * keys) works too. */
static void
test_count (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "count.db", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GHashTable) again = NULL;
  const char * const expected_states[] = { "draft", "in_review", "approved",
                                           "approved_with_conditions", "not_approved" };

  g_assert_cmpint (pc_test_run_cli (db, &out, NULL, "demo", "--count", "120", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "120"));

  states = assert_all_intact (db, 120);
  for (guint i = 0; i < G_N_ELEMENTS (expected_states); i++)
    g_assert_cmpuint (count_of (states, expected_states[i]), >, 0);
  g_assert_cmpuint (count_returned (db), >, 0);

  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "demo", "--count", "7", NULL), ==, 0);
  again = assert_all_intact (db, 127);

  pc_test_remove_tree (dir);
}

/* `demo` run twice on one database adds its examples twice, all of them
 * intact: the second run's signers are known by the first run's keys,
 * and its new keys are recorded as replacing them. */
static void
test_twice (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "twice.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(cJSON) list = NULL;
  g_autoptr(GHashTable) states = NULL;
  guint n;

  g_assert_cmpint (pc_test_run_cli (db, &first, NULL, "demo", NULL), ==, 0);
  list = list_json (db);
  n = (guint) cJSON_GetArraySize (list);
  g_assert_cmpuint (n, >, 0);

  g_assert_cmpint (pc_test_run_cli (db, &second, NULL, "demo", NULL), ==, 0);
  g_assert_cmpstr (second, ==, first);
  states = assert_all_intact (db, 2 * n);

  pc_test_remove_tree (dir);
}

/* The titles of @db's assessments, newest first, one a line. */
static char *
titles_of (const char *db)
{
  g_autoptr(cJSON) list = list_json (db);
  GString *titles = g_string_new (NULL);
  const cJSON *item;

  cJSON_ArrayForEach (item, list)
    g_string_append_printf (titles, "%s\n", json_text (item, "title"));

  return g_string_free (titles, FALSE);
}

/* --drafts makes drafts only, nothing signed; the same count draws the
 * same assessments. */
static void
test_count_drafts (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *one = g_build_filename (dir, "one.db", NULL);
  g_autofree char *two = g_build_filename (dir, "two.db", NULL);
  g_autofree char *titles_one = NULL;
  g_autofree char *titles_two = NULL;
  g_autoptr(GHashTable) states = NULL;

  g_assert_cmpint (pc_test_run_cli (one, NULL, NULL, "demo", "--count", "40", "--drafts", NULL), ==, 0);
  g_assert_cmpint (pc_test_run_cli (two, NULL, NULL, "demo", "--count", "40", "--drafts", NULL), ==, 0);

  states = assert_all_intact (one, 40);
  g_assert_cmpuint (count_of (states, "draft"), ==, 40);
  titles_one = titles_of (one);
  titles_two = titles_of (two);
  g_assert_cmpstr (titles_one, ==, titles_two);

  pc_test_remove_tree (dir);
}

/* A count that is not a whole number from 1 to the most is refused in
 * one line that says what to do, with the usage status, and nothing is
 * written: neither to a database that exists nor as a new file. */
static void
test_count_refused (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "kept.db", NULL);
  g_autofree char *none = g_build_filename (dir, "none.db", NULL);
  g_autoptr(GBytes) before = NULL;
  const char * const bad[] = { "0", "-3", "abc", "99999999", "12x", "" };

  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "demo", "--count", "3", "--drafts", NULL), ==, 0);
  before = pc_test_read_file (db);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *err_none = NULL;

      g_test_message ("--count “%s”", bad[i]);
      g_assert_cmpint (pc_test_run_cli (db, NULL, &err, "demo", "--count", bad[i], NULL), ==, 2);
      g_assert_nonnull (strstr (err, "--count"));
      g_assert_nonnull (strstr (err, "demo --count 200"));
      g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
      pc_test_assert_file_unchanged (db, before);

      g_assert_cmpint (pc_test_run_cli (none, NULL, &err_none, "demo", "--count", bad[i], NULL), ==, 2);
      g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
    }

  /* --drafts alone asks for --count. */
  g_assert_cmpint (pc_test_run_cli (db, NULL, NULL, "demo", "--drafts", NULL), ==, 2);
  pc_test_assert_file_unchanged (db, before);

  pc_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/demo/fill", test_fill);
  g_test_add_func ("/pc/demo/states", test_states);
  g_test_add_func ("/pc/demo/variety", test_variety);
  g_test_add_func ("/pc/demo/signatures", test_signatures);
  g_test_add_func ("/pc/demo/lint", test_lint);
  g_test_add_func ("/pc/demo/no-nhs-number", test_no_nhs_number);
  g_test_add_func ("/pc/demo/audit", test_audit);
  g_test_add_func ("/pc/demo/refill", test_refill);
  g_test_add_func ("/pc/demo/twice", test_twice);
  g_test_add_func ("/pc/demo/count", test_count);
  g_test_add_func ("/pc/demo/count-drafts", test_count_drafts);
  g_test_add_func ("/pc/demo/count-refused", test_count_refused);

  status = g_test_run ();
  free_demo ();

  return status;
}
