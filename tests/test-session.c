/* test-session.c: one open assessment, its edits and what they announce
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-assessment-session.h"
#include "pc-checklist.h"
#include "pc-lint.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"

#define AUTHOR "Alex Author"

typedef struct
{
  char                *dir;
  char                *path;
  PcStore             *store;
  gint64               id;
  PcAssessmentSession *session;
  char                *first;    /* the checklist's first prompt */
  char                *second;   /* and its second */
  GString             *heard;    /* "signal:detail;" for every signal */
} Fixture;

static void
heard_prompt_cb (PcAssessmentSession *session,
                 const char          *prompt_id,
                 gpointer             user_data)
{
  Fixture *f = user_data;
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (session);

  g_string_append_printf (f->heard, "%s:%s;", g_signal_name (hint->signal_id),
                          prompt_id != NULL ? prompt_id : "*");
}

static void
heard_cb (PcAssessmentSession *session,
          gpointer             user_data)
{
  Fixture *f = user_data;
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (session);

  g_string_append_printf (f->heard, "%s;", g_signal_name (hint->signal_id));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const char *prompt_signals[] = { "answer-changed", "attachments-changed", "links-changed",
                                   "actions-changed", "findings-changed" };
  const char *plain_signals[] = { "header-changed", "coproduction-changed", "state-changed",
                                  "changed" };

  f->dir = pc_test_make_tmp_dir ();
  f->path = g_build_filename (f->dir, "team.db", NULL);
  f->store = pc_test_open_store (f->path);
  f->id = pc_test_create_assessment (f->store, "Night-time crisis line", AUTHOR);
  f->first = g_strdup (((const PcPrompt *) g_ptr_array_index (principle->prompts, 0))->id);
  f->second = g_strdup (((const PcPrompt *) g_ptr_array_index (principle->prompts, 1))->id);
  f->session = pc_assessment_session_open (f->store, f->id, &error);
  g_assert_no_error (error);
  f->heard = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (prompt_signals); i++)
    g_signal_connect (f->session, prompt_signals[i], G_CALLBACK (heard_prompt_cb), f);
  for (guint i = 0; i < G_N_ELEMENTS (plain_signals); i++)
    g_signal_connect (f->session, plain_signals[i], G_CALLBACK (heard_cb), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  pc_assessment_session_flush (f->session, &error);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  pc_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->first);
  g_free (f->second);
  g_string_free (f->heard, TRUE);
}

/* What another program would read from the database now. */
static PcAssessment *
read_back (Fixture *f)
{
  g_autoptr(PcStore) other = pc_test_open_store (f->path);
  g_autoptr(GError) error = NULL;
  PcAssessment *a = pc_store_load_assessment_by_id (other, f->id, &error);

  g_assert_no_error (error);
  return a;
}

static gboolean
same_findings (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const PcFinding *x = g_ptr_array_index (a, i);
      const PcFinding *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->rule, y->rule) != 0 || g_strcmp0 (x->prompt_id, y->prompt_id) != 0
          || g_strcmp0 (x->message, y->message) != 0 || x->level != y->level)
        return FALSE;
    }
  return TRUE;
}

/* The session's findings are always what a full completeness check of
 * the stored assessment finds. */
static void
assert_findings_current (Fixture *f)
{
  g_autoptr(PcAssessment) stored = read_back (f);
  g_autoptr(GDate) today = pc_date_new_utc (NULL);
  g_autoptr(GPtrArray) expected = pc_lint_run (stored, pc_assessment_session_get_checklist (f->session),
                                               today);
  g_autoptr(GPtrArray) held = pc_assessment_session_dup_findings (f->session);
  guint blocking = 0;
  guint warnings = 0;

  g_assert_true (same_findings (expected, held));
  pc_assessment_session_count_findings (f->session, &blocking, &warnings);
  g_assert_cmpuint (blocking + warnings, ==, expected->len);
}

static gboolean
nothing_pending (gpointer data)
{
  return !pc_assessment_session_get_pending (data);
}

static void
wait_for_saved (PcAssessmentSession *session)
{
  pc_test_wait_until (nothing_pending, session, "the typed text to be saved");
}

static void
count_cb (PcAssessmentSession *session,
          const char          *prompt_id,
          guint               *count)
{
  (*count)++;
}

/* A rating is written at once, and only its prompt hears of it. */
static void
test_rating (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) stored = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_detail = g_strconcat ("answer-changed::", f->first, NULL);
  g_autofree char *second_detail = g_strconcat ("answer-changed::", f->second, NULL);
  guint first_heard = 0;
  guint second_heard = 0;

  g_signal_connect (f->session, first_detail, G_CALLBACK (count_cb), &first_heard);
  g_signal_connect (f->session, second_detail, G_CALLBACK (count_cb), &second_heard);

  g_assert_true (pc_assessment_session_set_rating (f->session, f->first, PC_RATING_MET, &error));
  g_assert_no_error (error);

  stored = read_back (f);
  g_assert_cmpint (pc_assessment_get_rating (stored, f->first), ==, PC_RATING_MET);
  g_assert_cmpint (pc_assessment_get_rating (pc_assessment_session_get_assessment (f->session),
                                             f->first), ==, PC_RATING_MET);
  g_assert_cmpuint (first_heard, ==, 1);
  g_assert_cmpuint (second_heard, ==, 0);
  /* Met with no evidence is a new finding about that prompt alone. */
  expected = g_strdup_printf ("answer-changed:%s;findings-changed:%s;changed;", f->first, f->first);
  g_assert_cmpstr (f->heard->str, ==, expected);
  assert_findings_current (f);

  /* The same rating again writes nothing and says nothing. */
  g_string_truncate (f->heard, 0);
  g_assert_true (pc_assessment_session_set_rating (f->session, f->first, PC_RATING_MET, &error));
  g_assert_cmpstr (f->heard->str, ==, "");
}

/* Typed evidence waits, is never lost, and reaches the disk by itself. */
static void
test_typed_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) before = NULL;
  g_autoptr(PcAssessment) after = NULL;
  const PcAnswer *answer;

  g_assert_true (pc_assessment_session_set_rating (f->session, f->first, PC_RATING_MET, &error));
  g_string_truncate (f->heard, 0);

  pc_assessment_session_queue_answer_text (f->session, f->first, "evidence", "Rota");
  pc_assessment_session_queue_answer_text (f->session, f->first, "evidence", "Rota agreed");
  g_assert_true (pc_assessment_session_get_pending (f->session));
  g_assert_cmpstr (pc_assessment_session_get_pending_answer_text (f->session, f->first, "evidence"),
                   ==, "Rota agreed");
  g_assert_null (pc_assessment_session_get_pending_answer_text (f->session, f->second, "evidence"));
  before = read_back (f);
  g_assert_null (pc_assessment_find_answer (before, f->first)->evidence);
  g_assert_cmpstr (f->heard->str, ==, "");

  /* No flush: the queue writes once typing stops. */
  wait_for_saved (f->session);
  after = read_back (f);
  answer = pc_assessment_find_answer (after, f->first);
  g_assert_cmpstr (answer->evidence, ==, "Rota agreed");
  g_assert_null (pc_assessment_session_get_pending_answer_text (f->session, f->first, "evidence"));
  g_assert_cmpstr (pc_assessment_find_answer (pc_assessment_session_get_assessment (f->session),
                                              f->first)->evidence, ==, "Rota agreed");
  /* Written once, newest text only; the "no evidence" finding went. */
  g_assert_true (g_str_has_prefix (f->heard->str, "answer-changed:"));
  g_assert_nonnull (strstr (f->heard->str, "findings-changed:"));
  assert_findings_current (f);
}

static void
save_failed_cb (PcAssessmentSession *session,
                const GError        *error,
                GError             **out)
{
  g_clear_error (out);
  *out = g_error_copy (error);
}

static gboolean
has_failed (gpointer data)
{
  GError **failure = data;

  return *failure != NULL;
}

static void
wait_for_failure (GError **failure)
{
  pc_test_wait_until (has_failed, failure, "the session to say the save failed");
}

/* Text the store refuses stays typed and is reported, never dropped. */
static void
test_failed_save (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) stored = NULL;

  g_signal_connect (f->session, "save-failed", G_CALLBACK (save_failed_cb), &failure);

  /* A pasted control character: the store refuses the text. */
  pc_assessment_session_queue_answer_text (f->session, f->first, "evidence", "Rota\x01agreed");
  wait_for_failure (&failure);
  g_assert_error (failure, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_assert_true (pc_assessment_session_get_pending (f->session));
  g_assert_cmpstr (pc_assessment_session_get_pending_answer_text (f->session, f->first, "evidence"),
                   ==, "Rota\x01agreed");
  g_assert_false (pc_assessment_session_flush (f->session, &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Typing again replaces the refused text, which then goes through. */
  pc_assessment_session_queue_answer_text (f->session, f->first, "evidence", "Rota agreed");
  g_assert_true (pc_assessment_session_flush (f->session, &error));
  g_assert_no_error (error);
  g_assert_false (pc_assessment_session_get_pending (f->session));
  stored = read_back (f);
  g_assert_cmpstr (pc_assessment_find_answer (stored, f->first)->evidence, ==, "Rota agreed");
}

/* Header fields typed together are written together and read back
 * once; a value the assessment holds already writes nothing; a choice
 * saved now reports a refusal through ::save-failed. */
static void
test_header (Fixture       *f,
             gconstpointer  data)
{
  const char *team[] = { "Bea Okafor", NULL };
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcAssessment) stored = NULL;
  const PcAssessment *held;
  guint blocking_before = 0;
  guint blocking = 0;

  g_signal_connect (f->session, "save-failed", G_CALLBACK (save_failed_cb), &failure);
  pc_assessment_session_count_findings (f->session, &blocking_before, NULL);

  pc_assessment_session_queue_header_field (f->session, "title", "Night-time crisis line, Enfield");
  pc_assessment_session_queue_header_field (f->session, "division", "haringey_mental_health");
  pc_assessment_session_queue_team (f->session, team);
  g_assert_true (pc_assessment_session_has_pending_header (f->session, "title"));
  g_assert_true (pc_assessment_session_has_pending_header (f->session, "team"));
  g_assert_false (pc_assessment_session_has_pending_header (f->session, "lead"));
  g_assert_cmpstr (f->heard->str, ==, "");

  g_assert_true (pc_assessment_session_save_now (f->session));
  g_assert_null (failure);
  g_assert_false (pc_assessment_session_has_pending_header (f->session, "title"));
  g_assert_cmpstr (f->heard->str, ==, "header-changed;findings-changed:*;changed;");
  held = pc_assessment_session_get_assessment (f->session);
  g_assert_cmpstr (held->title, ==, "Night-time crisis line, Enfield");
  g_assert_cmpstr (held->division, ==, "haringey_mental_health");
  g_assert_cmpstr (held->team[0], ==, "Bea Okafor");
  stored = read_back (f);
  g_assert_cmpstr (stored->title, ==, "Night-time crisis line, Enfield");
  g_assert_cmpstr (stored->division, ==, "haringey_mental_health");
  g_assert_cmpuint (g_strv_length (stored->team), ==, 1);
  assert_findings_current (f);
  pc_assessment_session_count_findings (f->session, &blocking, NULL);
  g_assert_cmpuint (blocking, ==, blocking_before);

  /* What is held is what the store keeps (composed text, no blank
   * member): reading it again finds nothing new. */
  pc_assessment_session_queue_header_field (f->session, "lead", "Zoe\xcc\x88 Adams");
  pc_assessment_session_queue_team (f->session, (const char *[]) { "Bea Okafor", " ", NULL });
  g_assert_true (pc_assessment_session_save_now (f->session));
  g_assert_cmpstr (pc_assessment_session_get_assessment (f->session)->lead, ==, "Zo\xc3\xab Adams");
  g_string_truncate (f->heard, 0);
  g_assert_true (pc_assessment_session_refresh (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->heard->str, ==, "");

  /* What it holds already: nothing written, nothing said. */
  g_string_truncate (f->heard, 0);
  pc_assessment_session_queue_header_field (f->session, "title", "Night-time crisis line, Enfield");
  pc_assessment_session_queue_team (f->session, team);
  g_assert_true (pc_assessment_session_flush (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (f->heard->str, ==, "");

  /* Refused: said, and kept. */
  pc_assessment_session_queue_header_field (f->session, "review_date", "31/03/2027");
  g_assert_false (pc_assessment_session_save_now (f->session));
  g_assert_error (failure, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
  g_assert_true (pc_assessment_session_has_pending_header (f->session, "review_date"));
  pc_assessment_session_discard_pending (f->session);
}

/* A change made elsewhere arrives as the parts it changed, no more. */
static void
test_refresh (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(PcStore) other = pc_test_open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (pc_store_set_answer (other, f->id, f->second, PC_RATING_NOT_MET, "No rota yet",
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pc_assessment_session_refresh (f->session, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("answer-changed:%s;findings-changed:%s;changed;", f->second,
                              f->second);
  g_assert_cmpstr (f->heard->str, ==, expected);
  g_assert_cmpint (pc_assessment_get_rating (pc_assessment_session_get_assessment (f->session),
                                             f->second), ==, PC_RATING_NOT_MET);
  assert_findings_current (f);

  /* Nothing changed: nothing said. */
  g_string_truncate (f->heard, 0);
  g_assert_true (pc_assessment_session_refresh (f->session, &error));
  g_assert_cmpstr (f->heard->str, ==, "");

  g_assert_true (pc_store_add_action (other, f->id, f->second, "Agree a night rota", NULL, NULL,
                                      &error) > 0);
  g_assert_true (pc_store_set_header_field (other, f->id, "review_date", "2027-06-01", &error));
  g_assert_no_error (error);
  g_assert_true (pc_assessment_session_refresh (f->session, &error));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("header-changed;actions-changed:%s;findings-changed:%s;"
                              "findings-changed:*;changed;", f->second, f->second);
  g_assert_cmpstr (f->heard->str, ==, expected);
  assert_findings_current (f);
}

/* Submitted from another desk while typing: the text cannot be saved,
 * and the session says why instead of losing it quietly. */
static void
test_read_only_underneath (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PcStore) other = pc_test_open_store (f->path);
  g_autoptr(PcSigningKey) key = pc_test_signing_key_new (AUTHOR, "Service lead");
  g_autoptr(GError) failure = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (f->session, "save-failed", G_CALLBACK (save_failed_cb), &failure);
  pc_assessment_session_queue_answer_text (f->session, f->first, "evidence", "Late addition");

  pc_test_answer_all (other, f->id);
  g_assert_true (pc_store_submit (other, f->id, key, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  wait_for_failure (&failure);
  g_assert_error (failure, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  g_assert_true (pc_assessment_session_get_pending (f->session));

  g_string_truncate (f->heard, 0);
  g_assert_true (pc_assessment_session_refresh (f->session, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (f->heard->str, "state-changed;"));
  g_assert_false (pc_assessment_session_get_editable (f->session));
  g_assert_false (pc_assessment_session_set_rating (f->session, f->first, PC_RATING_NOT_MET,
                                                    &error));
  g_assert_error (error, PC_STORE_ERROR, PC_STORE_ERROR_READ_ONLY);
  /* What could not be saved is given up only on purpose. */
  g_clear_error (&error);
  pc_assessment_session_discard_pending (f->session);
  g_assert_false (pc_assessment_session_get_pending (f->session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/pc/session/rating", Fixture, NULL, setup, test_rating, teardown);
  g_test_add ("/pc/session/typed-text", Fixture, NULL, setup, test_typed_text, teardown);
  g_test_add ("/pc/session/failed-save", Fixture, NULL, setup, test_failed_save, teardown);
  g_test_add ("/pc/session/header", Fixture, NULL, setup, test_header, teardown);
  g_test_add ("/pc/session/refresh", Fixture, NULL, setup, test_refresh, teardown);
  g_test_add ("/pc/session/read-only-underneath", Fixture, NULL, setup, test_read_only_underneath,
              teardown);

  return g_test_run ();
}
