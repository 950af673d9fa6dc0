/* test-store-content.c: the assessments database: what it keeps of text
 * and attachments
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-store-private.h"
#include "pc-test-utils.h"

#define TITLE     "Community rehabilitation pathway"
#define LEAD      "Sam Lead"

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
      g_autofree char *prompt = pc_test_nth_prompt_id (i);

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
      g_autofree char *prompt = pc_test_nth_prompt_id (i);
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
  rows = pc_test_history (store, id);
  g_assert_cmpstr (((PcAuditEntry *) g_ptr_array_index (rows, 0))->new_value, ==, texts[2]);
  pc_test_assert_chain_holds (store, id);

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
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  const char *bad = "Evidence \xff\xfe from the workshop";
  gint64 id;
  guint count;

  g_assert_cmpint (pc_store_create_assessment (store, header, checklist, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pc_store_count (store, NULL), ==, 0);

  id = pc_test_create_assessment (store, TITLE, LEAD);
  count = pc_test_n_audit_rows (store, id);

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
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, count);
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
  g_autofree char *prompt = pc_test_nth_prompt_id (4);
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
  g_autofree char *prompt = pc_test_nth_prompt_id (0);
  gint64 id = pc_test_create_assessment (store, TITLE, LEAD);
  guint count = pc_test_n_audit_rows (store, id);

  g_assert_cmpint (pc_store_add_attachment (store, id, prompt, "scan.tiff", "image/tiff",
                                            too_large, &error), ==, 0);
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "scan.tiff"));
  g_clear_error (&error);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpuint (a->attachments->len, ==, 0);
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, count);

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
  guint count = pc_test_n_audit_rows (store, id);

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
  g_assert_cmpuint (pc_test_n_audit_rows (store, id), ==, count);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/store/text/round-trip", test_text_round_trip);
  g_test_add_func ("/pc/store/text/invalid-utf8", test_text_invalid_utf8);
  g_test_add_func ("/pc/store/attachments/round-trip", test_attachment_round_trip);
  g_test_add_func ("/pc/store/attachments/too-large", test_attachment_too_large);
  g_test_add_func ("/pc/store/attachments/unknown-prompt", test_attachment_unknown_prompt);

  return g_test_run ();
}
