/* test-cli-text.c: the command line refuses text that is not plain, and
 * never prints a control character to the terminal
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-utils.h"
#include "pc-text.h"

#define AUTHOR   "Kate Hoek"
/* All Greek capitals, which look like AUTHOR: an ordinary name in one
 * script, and the same person. */
#define LOOK_ALIKE "ΚΑΤΕ ΗΟΕΚ"

/* Asserts that @text holds no control character but newline and tab, no
 * DEL, and no bidirectional control: nothing a terminal would obey. */
static void
assert_terminal_safe (const char *text)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
          || c == 0x200e || c == 0x200f || c == 0x061c)
        g_error ("U+%04X reached the terminal in: %s", c, text);
    }
}

/* A database at @db with one draft led by AUTHOR. Returns: its id */
static gint64
make_draft (const char  *db,
            char       **out_reference,
            char       **out_prompt_id)
{
  g_autoptr(PcStore) store = pc_test_open_store (db);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
  g_autoptr(PcAssessment) a = NULL;
  gint64 id = pc_test_create_assessment (store, "Memory clinic triage", AUTHOR);

  a = pc_test_load_assessment (store, id);
  if (out_reference != NULL)
    *out_reference = g_strdup (a->reference);
  if (out_prompt_id != NULL)
    *out_prompt_id = g_strdup (prompt->id);

  return id;
}

/* Runs @sql on the database at @path, as another program could. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = pc_test_raw_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Each field */

typedef struct
{
  const char *field;      /* what the message must name */
  const char *character;  /* and the character */
  const char *args[16];   /* "@REF", "@PROMPT", "@DB", "@FILE", "@PASS" replaced */
} FieldCase;

#define RLO "\xe2\x80\xae"
#define ESC "\x1b"

static const FieldCase field_cases[] = {
  { "title", "U+202E",
    { "new", "--title", "Crisis " RLO "enil", "--kind", "new_service", "--division",
      "barnet_mental_health", "--lead", "Ann Lee", "--db", "@DB" } },
  { "service lead", "U+001B",
    { "new", "--title", "Crisis line", "--kind", "new_service", "--division",
      "barnet_mental_health", "--lead", "Ann" ESC "[8m Lee", "--db", "@DB" } },
  { "service lead", "U+041A",
    { "new", "--title", "Crisis line", "--kind", "new_service", "--division",
      "barnet_mental_health", "--lead", "Кemal Aydın", "--db", "@DB" } },
  { "team member’s name", "U+202E",
    { "new", "--title", "Crisis line", "--kind", "new_service", "--division",
      "barnet_mental_health", "--lead", "Ann Lee", "--team", "Raj " RLO "letaP", "--db", "@DB" } },
  { "intended outcomes", "U+001B",
    { "new", "--title", "Crisis line", "--kind", "new_service", "--division",
      "barnet_mental_health", "--lead", "Ann Lee", "--outcomes", "Fewer" ESC "[2J waits",
      "--db", "@DB" } },
  { "title", "line break", { "set", "@REF", "title", "Two\nlines", "--db", "@DB" } },
  { "title", "U+2066", { "set", "@REF", "title", "Isolated \xe2\x81\xa6x", "--db", "@DB" } },
  { "service lead", "U+200B", { "set", "@REF", "lead", "Ann\xe2\x80\x8bLee", "--db", "@DB" } },
  { "description of who is affected", "U+0085",
    { "set", "@REF", "affected", "Carers\xc2\x85", "--db", "@DB" } },
  { "evidence", "U+202E",
    { "answer", "@REF", "@PROMPT", "--rating", "met", "--evidence", "0/54 " RLO "45/45 devorppA",
      "--db", "@DB" } },
  { "evidence", "U+001B",
    { "answer", "@REF", "@PROMPT", "--rating", "met", "--evidence", "ok" ESC "]0;title\a",
      "--db", "@DB" } },
  { "justification", "U+000D",
    { "answer", "@REF", "@PROMPT", "--rating", "not_applicable", "--justification",
      "No beds\rApproved", "--db", "@DB" } },
  { "file name", "U+202E",
    { "attach", "@REF", "@PROMPT", "@FILE", "--name", "minutes" RLO "fdp.exe", "--db", "@DB" } },
  { "link", "U+202E",
    { "link", "add", "@REF", "@PROMPT", "--url", "https://example.nhs.uk/" RLO, "--db", "@DB" } },
  { "link title", "U+0007",
    { "link", "add", "@REF", "@PROMPT", "--url", "https://example.nhs.uk/", "--title", "Plan\a",
      "--db", "@DB" } },
  { "action’s description", "U+202E",
    { "action", "add", "@REF", "@PROMPT", "--description", "Agree " RLO "tnemeerga",
      "--owner", "Mo Khan", "--due", "2030-06-30", "--db", "@DB" } },
  { "action’s owner", "U+2067",
    { "action", "add", "@REF", "@PROMPT", "--description", "Agree", "--owner",
      "Mo \xe2\x81\xa7Khan", "--due", "2030-06-30", "--db", "@DB" } },
  { "“who took part”", "U+001B",
    { "coproduction", "add", "@REF", "--who", "Carers" ESC "[1A", "--how", "workshop",
      "--date", "2026-01-15", "--changed", "Evenings", "--db", "@DB" } },
  { "“how”", "U+202E",
    { "coproduction", "add", "@REF", "--who", "Carers", "--how", "work" RLO "shop",
      "--date", "2026-01-15", "--changed", "Evenings", "--db", "@DB" } },
  { "“what changed”", "U+009B",
    { "coproduction", "add", "@REF", "--who", "Carers", "--how", "workshop",
      "--date", "2026-01-15", "--changed", "Evenings\xc2\x9b" "2J", "--db", "@DB" } },
  { "signer’s name", "U+202E",
    { "keygen", "--name", "Mo " RLO "nahK", "--role", "Nurse", "--passphrase-file", "@PASS" } },
  { "signer’s name", "U+041A",
    { "keygen", "--name", "Кemal Aydın", "--role", "Nurse", "--passphrase-file", "@PASS" } },
  { "signer’s role", "U+001B",
    { "keygen", "--name", "Mo Khan", "--role", "Nurse" ESC "[8m", "--passphrase-file", "@PASS" } },
};

/* Each field refuses control and bidirectional characters: exit status
 * 2, nothing on stdout, one line naming the field and the character,
 * and the database and the keys folder as they were. */
static void
test_fields_refused (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *file = g_build_filename (dir, "minutes.txt", NULL);
  g_autofree char *pass = g_build_filename (dir, "passphrase", NULL);
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *reference = NULL;
  g_autofree char *prompt_id = NULL;
  g_autoptr(GBytes) before = NULL;

  g_assert_true (g_file_set_contents (file, "Minutes\n", -1, NULL));
  g_assert_true (g_file_set_contents (pass, PC_TEST_PASSPHRASE "\n", -1, NULL));
  make_draft (db, &reference, &prompt_id);
  before = pc_test_read_file (db);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      const FieldCase *c = &field_cases[i];
      const char *args[G_N_ELEMENTS (c->args) + 1] = { NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      for (guint j = 0; c->args[j] != NULL; j++)
        {
          const char *arg = c->args[j];

          args[j] = g_str_equal (arg, "@REF") ? reference
                    : g_str_equal (arg, "@PROMPT") ? prompt_id
                    : g_str_equal (arg, "@DB") ? db
                    : g_str_equal (arg, "@FILE") ? file
                    : g_str_equal (arg, "@PASS") ? pass
                    : arg;
        }

      g_test_message ("case %u: %s", i, c->field);
      g_assert_cmpint (pc_test_run_cli_argv (NULL, args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_terminal_safe (err);
      g_assert_true (g_str_has_prefix (err, "principle-check "));
      g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
      if (strstr (err, c->field) == NULL || strstr (err, c->character) == NULL)
        g_error ("“%s” does not name “%s” and %s", err, c->field, c->character);
    }

  /* Nothing was stored, and no key was made. */
  pc_test_assert_file_unchanged (db, before);
  g_assert_false (g_file_test (keys_dir, G_FILE_TEST_EXISTS)
                  && pc_sign_key_exists (keys_dir, "Mo Khan"));
}

/* The reviewer is not the author, however the name is spelled: a
 * look-alike in another script is refused. */
static void
test_review_look_alike (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *pass = g_build_filename (dir, "passphrase", NULL);
  g_autofree char *other_home = g_build_filename (dir, "other-data", NULL);
  g_autofree char *other_keys = g_build_filename (other_home, "principle-check", "keys", NULL);
  g_autofree char *keys_dir = pc_sign_default_keys_dir ();
  g_autofree char *reference = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcSigningKey) author = NULL;
  g_autoptr(PcSigningKey) look_alike = NULL;
  g_autoptr(PcSigningKey) refused = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (pass, PC_TEST_PASSPHRASE "\n", -1, NULL));
  id = make_draft (db, &reference, NULL);
  author = pc_signing_key_generate (keys_dir, AUTHOR, "Service lead", PC_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);

  /* On the author's machine, the look-alike is the author. */
  refused = pc_signing_key_generate (keys_dir, LOOK_ALIKE, "Reviewer", PC_TEST_PASSPHRASE, &error);
  g_assert_error (error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS);
  g_clear_error (&error);

  /* On another machine it gets a key, and still may not review. */
  look_alike = pc_signing_key_generate (other_keys, LOOK_ALIKE, "Reviewer", PC_TEST_PASSPHRASE,
                                        &error);
  g_assert_no_error (error);

  {
    g_autoptr(PcStore) store = pc_test_open_store (db);

    pc_test_answer_all (store, id);
    pc_test_submit (store, id, author);
  }

  {
    const char *args[] = { "review", reference, "--decision", "approved", "--name", LOOK_ALIKE,
                           "--role", "Reviewer", "--passphrase-file", pass, "--db", db, NULL };

    g_assert_cmpint (pc_test_run_cli_with_data_home (other_home, NULL, args, &out, &err), ==, 2);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (strchr (err, '\n'), ==, "\n");
    g_assert_nonnull (strstr (err, "cannot also review it"));
  }

  /* A look-alike that mixes scripts gets no key, even where nobody has
   * one. */
  {
    g_autofree char *empty_home = g_build_filename (dir, "empty-data", NULL);
    const char *args[] = { "keygen", "--name", "Кate Hoek", "--role", "Reviewer",
                           "--passphrase-file", pass, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (pc_test_run_cli_with_data_home (empty_home, NULL, args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "U+041A"));
  }
}

/* Nothing printed from a database reaches the terminal as a control:
 * text another program (or an older release) wrote is escaped, and a
 * line break in a title does not make a line of the list. */
static void
test_local_output_escaped (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *prompt_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *list = NULL;
  g_autofree char *show = NULL;
  g_autofree char *check = NULL;
  g_autofree char *history = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 id = make_draft (db, &reference, &prompt_id);

  {
    g_autoptr(PcStore) store = pc_test_open_store (db);
    g_autoptr(GError) error = NULL;

    g_assert_true (pc_store_set_answer (store, id, prompt_id, PC_RATING_MET, "Minutes", NULL,
                                        &error));
    g_assert_no_error (error);
  }

  sql = g_strdup_printf ("UPDATE assessments SET"
                         " title = 'Triage" ESC "[2K\r" ESC "[32mApproved 54/54" ESC "[0m\n"
                         "PC-2026-9999  1    Approved  54/54' || char(8238),"
                         " lead = 'Ann' || char(27) || '[8m Lee' || char(155),"
                         " outcomes = 'Line one' || char(10) || 'Line' || char(27) || ']0;x' || char(7)"
                         " WHERE id = %" G_GINT64_FORMAT ";"
                         " UPDATE answers SET evidence = 'Good' || char(27) || '[1A' || char(8238) || 'x'"
                         " WHERE assessment_id = %" G_GINT64_FORMAT ";",
                         id, id);
  raw_exec (db, sql);
  g_free (sql);
  /* The audit trail behind its triggers, which are put back as they
   * were, so the database still opens for writing. */
  sql = g_strdup_printf ("UPDATE audit SET new_value = 'Tampered' || char(27) || '[2J',"
                         " reason = 'why' || char(8238)"
                         " WHERE assessment_id = %" G_GINT64_FORMAT, id);
  pc_test_raw_exec_behind_triggers (db, sql);

  list = pc_test_run_cli_ok (NULL, "list", "--db", db, NULL);
  assert_terminal_safe (list);
  lines = g_strsplit (list, "\n", -1);
  /* The heading, one row, and the end of the last line. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (list, "\\u001b[32mApproved"));
  g_assert_nonnull (strstr (list, "\\n"));
  g_assert_nonnull (strstr (list, "\\u202e"));

  {
    const char *args[] = { "show", reference, "--db", db, NULL };

    /* The audit trail was altered, so show says so (exit 1), escaped. */
    g_assert_cmpint (pc_test_run_cli_argv (NULL, args, &show, NULL), ==, 1);
    assert_terminal_safe (show);
    g_assert_nonnull (strstr (show, "ALTERED OUTSIDE PRINCIPLE CHECK"));
  }
  g_assert_nonnull (strstr (show, "Ann\\u001b[8m Lee\\u009b"));
  g_assert_nonnull (strstr (show, "Good\\u001b[1A\\u202ex"));

  {
    const char *args[] = { "check", reference, "--db", db, NULL };

    pc_test_run_cli_argv (NULL, args, &check, NULL);
    assert_terminal_safe (check);
  }

  {
    g_autofree char *err = NULL;
    const char *args[] = { "history", reference, "--db", db, NULL };

    /* The audit trail was altered, so history says so (exit 1), after
     * printing what it holds, escaped. */
    g_assert_cmpint (pc_test_run_cli_argv (NULL, args, &history, &err), ==, 1);
    assert_terminal_safe (history);
    assert_terminal_safe (err);
    g_assert_nonnull (strstr (history, "Tampered\\u001b[2J"));
  }
}

/* list shows each title exactly as pc_text_escape_terminal() escapes it
 * (the command line escapes plain ASCII text the quick way, which must
 * come to the same): joiners and variation selectors beside ASCII, in
 * scripts that need them and in ones that do not, controls, DEL, bytes
 * that are not UTF-8, and characters outside the Basic Multilingual
 * Plane. */
static void
test_list_escaped_as_text (void)
{
  static const char *titles[] = {
    "Plain title: 54/54 [draft] {ok} ~ `quoted` \\ back",
    "a\xe2\x80\x8d" "b and \xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7 and "
    "\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95\xef\xb8\x8f and x\xe2\x80\x8d\xf0\x9f\x91\xa9",
    "A\xef\xb8\x8f and \xe8\x91\x9b\xf3\xa0\x84\x80 and \xc2\xa9\xef\xb8\x8f end",
    "Tab\there, DEL\x7f, bell\a, C1\xc2\x9b" "2J, " ESC "[31mred" ESC "[0m " RLO "evil",
    "Broken \xc3( and \xe2\x82 and \xff\xfe bytes, then \xf0\x9f\x98\x80 and \xf3\xa0\x80\x81 tag",
    "Zero\xe2\x80\x8bwidth, soft\xc2\xadhyphen, \xef\xbb\xbf" "bom, caf\xc3\xa9 na\xc3\xafve \xe2\x80\x94 dash",
  };
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "pc.db", NULL);
  g_autofree char *list = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *hex = NULL;
      gint64 id = make_draft (db, NULL, NULL);
      GString *bytes = g_string_new (NULL);

      for (const char *p = titles[i]; *p != '\0'; p++)
        g_string_append_printf (bytes, "%02x", (guchar) *p);
      hex = g_string_free (bytes, FALSE);
      g_string_append_printf (sql, "UPDATE assessments SET title = CAST(x'%s' AS TEXT)"
                              " WHERE id = %" G_GINT64_FORMAT ";", hex, id);
    }
  raw_exec (db, sql->str);

  list = pc_test_run_cli_ok (NULL, "list", "--db", db, NULL);
  assert_terminal_safe (list);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *escaped = pc_text_escape_terminal (titles[i], FALSE);
      g_autofree char *shown = g_strconcat (" ", escaped, " (", NULL);

      g_assert_nonnull (strstr (list, shown));
    }

  pc_test_remove_tree (dir);
}

/* A summary is someone else's record: imported as signed, whatever its
 * text, but printed escaped, with what no signature covers said. */
static void
test_imported_output_escaped (void)
{
  g_autofree char *dir = pc_test_make_tmp_dir ();
  g_autofree char *origin = g_build_filename (dir, "origin.db", NULL);
  g_autofree char *db = g_build_filename (dir, "reviewer.db", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.json", NULL);
  g_autofree char *reference = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *show = NULL;
  g_autofree char *list = NULL;
  g_autoptr(cJSON) document = NULL;
  g_autoptr(GDateTime) when = pc_test_time_at (10);
  g_autoptr(GError) error = NULL;
  char *printed;
  gint64 id = make_draft (origin, &reference, NULL);

  /* A signed field holding terminal escapes, written by another program
   * before signing. */
  sql = g_strdup_printf ("UPDATE assessments SET title = 'Signed' || char(27) || '[2J title'"
                         " || char(8238) WHERE id = %" G_GINT64_FORMAT, id);
  raw_exec (origin, sql);
  {
    g_autoptr(PcStore) store = pc_test_open_store (origin);
    g_autoptr(PcSigningKey) author = pc_test_signing_key_new (AUTHOR, "Service lead");
    g_autoptr(PcSigningKey) reviewer = pc_test_signing_key_new ("Raj Patel", "Clinical director");

    pc_test_answer_all (store, id);
    pc_test_approve (store, id, author, reviewer);
    pc_test_export_summary (store, id, when, path);
  }

  /* An unsigned field holding them, added after export. */
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  document = pc_test_parse_json (text);
  cJSON_ReplaceItemInObjectCaseSensitive (cJSON_GetObjectItemCaseSensitive (document, "generator"),
                                          "name", cJSON_CreateString ("evil" ESC "]0;owned\a" ESC "[2J"));
  printed = cJSON_PrintUnformatted (document);
  g_assert_true (g_file_set_contents (path, printed, -1, &error));
  cJSON_free (printed);

  out = pc_test_run_cli_ok (NULL, "import", path, "--db", db, NULL);
  assert_terminal_safe (out);

  show = pc_test_run_cli_ok (NULL, "show", reference, "--imported", "--db", db, NULL);
  assert_terminal_safe (show);
  g_assert_nonnull (strstr (show, "Signed\\u001b[2J title\\u202e"));
  g_assert_nonnull (strstr (show, "Not covered by any signature: generator “evil\\u001b]0;owned\\u0007\\u001b[2J"));
  g_assert_nonnull (strstr (show, "exported at 2026-11-22"));

  list = pc_test_run_cli_ok (NULL, "list", "--db", db, NULL);
  assert_terminal_safe (list);
  g_assert_nonnull (strstr (list, "Signed\\u001b[2J title"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("PC_CLI") == NULL)
    {
      g_print ("1..0 # SKIP PC_CLI is not set: point it at the built principle-check\n");
      return 0;
    }

  g_test_add_func ("/pc/cli-text/fields-refused", test_fields_refused);
  g_test_add_func ("/pc/cli-text/review-look-alike", test_review_look_alike);
  g_test_add_func ("/pc/cli-text/local-output-escaped", test_local_output_escaped);
  g_test_add_func ("/pc/cli-text/imported-output-escaped", test_imported_output_escaped);
  g_test_add_func ("/pc/cli-text/list-escaped-as-text", test_list_escaped_as_text);

  return g_test_run ();
}
