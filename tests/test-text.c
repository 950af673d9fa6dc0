/* test-text.c: what text may be stored, how it is printed, how names compare
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pc-text.h"

#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-lifecycle.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-test-utils.h"
#include "pc-vocab.h"

/* Asserts that @value is refused in @kind with @code, in one line that
 * names the field and, when @needle is not NULL, holds @needle. */
static void
assert_refused (const char *value,
                PcTextKind  kind,
                int         code,
                const char *needle)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (pc_text_check ("service lead", value, kind, &error));
  g_assert_error (error, PC_TEXT_ERROR, code);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "service lead"));
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not say “%s”", error->message, needle);
}

static void
assert_accepted (const char *value,
                 PcTextKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (!pc_text_check ("service lead", value, kind, &error))
    g_error ("“%s” was refused: %s", value, error->message);
}

static void
test_check_plain (void)
{
  static const PcTextKind kinds[] = { PC_TEXT_LINE, PC_TEXT_MULTILINE, PC_TEXT_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      assert_accepted (NULL, kinds[i]);
      assert_accepted ("", kinds[i]);
      assert_accepted ("Ann Lee", kinds[i]);
      assert_accepted ("Zoë Ünal-O’Brien, Dr.", kinds[i]);
      assert_accepted ("José", kinds[i]);
      /* Decomposed: composed when stored, but not refused. */
      assert_accepted ("Jose\xcc\x81", kinds[i]);
    }

  assert_accepted ("Crisis line: 24/7 → 9–5 (“pilot”) £100 ½ €", PC_TEXT_LINE);
  assert_accepted ("Met 54/54 👍🏽? no, thanks ❤️", PC_TEXT_MULTILINE);
  /* Emoji joined into one (a health worker, a flag) hold a joiner. */
  assert_accepted ("a nurse 👩🏽‍⚕️, a flag 🏳️‍🌈, 👩‍⚕️", PC_TEXT_LINE);
  assert_refused ("a\xe2\x80\x8d👩", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+200D");
}

static void
test_check_controls (void)
{
  static const char * const controls[] = {
    "\x1b[32mApproved", "a\rb", "bell\a", "nul\x01", "del\x7f", "c1\xc2\x9b" "31m",
    "nel\xc2\x85", "line\xe2\x80\xa8sep", "para\xe2\x80\xa9sep",
  };

  for (guint i = 0; i < G_N_ELEMENTS (controls); i++)
    {
      assert_refused (controls[i], PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "invisible control character");
      assert_refused (controls[i], PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, "U+");
      assert_refused (controls[i], PC_TEXT_NAME, PC_TEXT_ERROR_INVALID, "U+");
    }

  assert_refused ("\x1b[32m", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+001B (<control-001B>)");

  /* Newline and tab only where several lines are allowed. */
  assert_accepted ("one\ntwo\n\tthree", PC_TEXT_MULTILINE);
  assert_refused ("one\ntwo", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "line break");
  assert_refused ("one\ntwo", PC_TEXT_NAME, PC_TEXT_ERROR_INVALID, "line break");
  assert_refused ("one\ttwo", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+0009");
  assert_refused ("one\ttwo", PC_TEXT_NAME, PC_TEXT_ERROR_INVALID, "U+0009");
  assert_refused ("one\r\ntwo", PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, "U+000D");
}

static void
test_check_bidi_and_invisible (void)
{
  static const struct
  {
    const char *text;
    const char *names;
  } cases[] = {
    { "Ann \xe2\x80\xae" "eeL", "U+202E (RIGHT-TO-LEFT OVERRIDE)" },
    { "Ann \xe2\x80\xad" "Lee", "U+202D" },
    { "Ann \xe2\x80\xaa" "Lee", "U+202A" },
    { "Ann \xe2\x80\xab" "Lee", "U+202B" },
    { "Ann \xe2\x80\xac" "Lee", "U+202C" },
    { "Ann \xe2\x81\xa6" "Lee", "U+2066" },
    { "Ann \xe2\x81\xa7" "Lee", "U+2067" },
    { "Ann \xe2\x81\xa8" "Lee", "U+2068" },
    { "Ann \xe2\x81\xa9" "Lee", "U+2069" },
    { "Ann \xe2\x80\x8e" "Lee", "U+200E" },
    { "Ann \xe2\x80\x8f" "Lee", "U+200F" },
    { "Ann \xd8\x9c" "Lee", "U+061C" },
    { "Ann\xe2\x80\x8bLee", "U+200B (ZERO WIDTH SPACE)" },
    { "Ann\xe2\x80\x8cLee", "U+200C" },
    { "Ann\xe2\x80\x8dLee", "U+200D" },
    { "Ann\xe2\x81\xa0Lee", "U+2060" },
    { "Ann\xe2\x81\xa4Lee", "U+2064" },
    { "\xef\xbb\xbf" "Ann Lee", "U+FEFF" },
    { "Ann\xc2\xadLee", "U+00AD (SOFT HYPHEN)" },
    { "Ann\xcd\x8fLee", "U+034F" },
    { "Ann\xe3\x85\xa4Lee", "U+3164" },
    { "Ann\xf3\xa0\x80\x81Lee", "U+E0001" },
    { "Ann\xef\xb8\x8fLee", "U+FE0F" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_refused (cases[i].text, PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, cases[i].names);
      assert_refused (cases[i].text, PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, cases[i].names);
      assert_refused (cases[i].text, PC_TEXT_NAME, PC_TEXT_ERROR_INVALID, cases[i].names);
    }

  /* The brief's example, word for word. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pc_text_check ("service lead", "Kemal \xe2\x80\xae" "Aydın", PC_TEXT_NAME,
                                   &error));
    g_assert_cmpstr (error->message, ==,
                     "The service lead contains U+202E (RIGHT-TO-LEFT OVERRIDE), an invisible control character: remove it and try again");
  }

  /* Joiners shape Bengali and Persian, between two of their letters. */
  assert_accepted ("\xe0\xa6\xb0\xe2\x80\x8d\xe0\xa7\x8d\xe0\xa6\xaf\xe0\xa6\xbe\xe0\xa6\xac", PC_TEXT_NAME);
  assert_accepted ("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85", PC_TEXT_LINE);
  assert_refused ("\xe2\x80\x8d\xe0\xa6\xb0", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+200D");
  /* A variation selector after an ideograph (a name's variant). */
  assert_accepted ("\xe8\x91\x9b\xf3\xa0\x84\x80\xe9\xa3\xbe", PC_TEXT_NAME);
}

static void
test_check_not_text (void)
{
  assert_refused ("Ann\xff", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "UTF-8");
  assert_refused ("\xed\xa0\x80", PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, "UTF-8");
  /* U+0378 is unassigned, U+E000 private use, U+FFFE and U+FDD0
   * noncharacters. */
  assert_refused ("a\xcd\xb8", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+0378");
  assert_refused ("a\xee\x80\x80", PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, "U+E000");
  assert_refused ("a\xef\xbf\xbe", PC_TEXT_NAME, PC_TEXT_ERROR_INVALID, "U+FFFE");
  assert_refused ("a\xef\xb7\x90", PC_TEXT_LINE, PC_TEXT_ERROR_INVALID, "U+FDD0");
}

static void
test_check_too_long (void)
{
  g_autofree char *longest = g_strnfill (PC_TEXT_MAX_CHARS, 'a');
  g_autofree char *too_long = g_strnfill (PC_TEXT_MAX_CHARS + 1, 'a');
  g_autoptr(GString) long_multibyte = g_string_new (NULL);

  assert_accepted (longest, PC_TEXT_MULTILINE);
  assert_refused (too_long, PC_TEXT_MULTILINE, PC_TEXT_ERROR_TOO_LONG, "200000");
  assert_refused (too_long, PC_TEXT_LINE, PC_TEXT_ERROR_TOO_LONG, "too long");

  /* Characters, not bytes. */
  for (guint i = 0; i < PC_TEXT_MAX_CHARS; i++)
    g_string_append (long_multibyte, "é");
  assert_accepted (long_multibyte->str, PC_TEXT_MULTILINE);
  g_string_append (long_multibyte, "é");
  assert_refused (long_multibyte->str, PC_TEXT_MULTILINE, PC_TEXT_ERROR_TOO_LONG, NULL);
}

static void
test_check_names_scripts (void)
{
  static const char * const ordinary[] = {
    "Kemal Aydın", "İsmail Öztürk", "Şule Çelik-Güneş", "Łukasz Wójcik", "Zoë O'Brien",
    "Γιώργος Παπαδόπουλος", "Ольга Иванова", "রহিম উদ্দিন", "王小明", "山田 はなこ",
    "Kim 김민수", "Dr. A. J. Lee", "Raj Patel (locum)",
  };
  static const char * const mixed[][2] = {
    { "Кemal Aydın", "U+041A CYRILLIC CAPITAL LETTER KA" },
    { "Αnn Lee", "U+0391 GREEK CAPITAL LETTER ALPHA" },
    { "Ann Lее", "Cyrillic" },
    { "Ꭺnn Lee", "Cherokee" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordinary); i++)
    assert_accepted (ordinary[i], PC_TEXT_NAME);

  for (guint i = 0; i < G_N_ELEMENTS (mixed); i++)
    {
      assert_refused (mixed[i][0], PC_TEXT_NAME, PC_TEXT_ERROR_SUSPICIOUS_NAME, mixed[i][1]);
      /* Elsewhere it is only text. */
      assert_accepted (mixed[i][0], PC_TEXT_LINE);
    }
}

static void
test_normalize_and_tidy (void)
{
  g_autofree char *composed = pc_text_normalize ("Jose\xcc\x81 Zo\xc3\xab");
  g_autofree char *already = pc_text_normalize ("Ann Lee");
  g_autofree char *tidy = pc_text_tidy_line ("  Ann \t\n Lee\xc2\xa0 ");
  g_autofree char *empty = pc_text_tidy_line (" \t\n ");

  g_assert_cmpstr (composed, ==, "Jos\xc3\xa9 Zo\xc3\xab");
  g_assert_cmpstr (already, ==, "Ann Lee");
  g_assert_null (pc_text_normalize (NULL));
  g_assert_null (pc_text_normalize ("\xff"));
  g_assert_cmpstr (tidy, ==, "Ann Lee");
  g_assert_null (empty);
  g_assert_null (pc_text_tidy_line (NULL));
  g_assert_null (pc_text_tidy_line ("Ann\xff"));
}

static void
test_name_keys (void)
{
  g_autofree char *key = pc_text_name_key ("Ann Lee");

  g_assert_nonnull (key);
  g_assert_null (pc_text_name_key (NULL));
  g_assert_null (pc_text_name_key (""));
  g_assert_null (pc_text_name_key ("  \t"));

  /* Case, white space, composition. */
  g_assert_true (pc_text_names_equal ("Ann Lee", "ann  lee"));
  g_assert_true (pc_text_names_equal ("  Ann\tLee \n", "ANN LEE"));
  g_assert_true (pc_text_names_equal ("Jos\xc3\xa9 Zo\xc3\xab", "JOSE\xcc\x81 ZOE\xcc\x88"));
  g_assert_true (pc_text_names_equal ("Straße", "STRASSE"));

  /* Turkish: dotless ı and dotted İ are the letters an English keyboard
   * types as i and I, so "KEMAL AYDIN" is Kemal Aydın. */
  g_assert_true (pc_text_names_equal ("KEMAL aydin", "Kemal Aydın"));
  g_assert_true (pc_text_names_equal ("KEMAL AYDIN", "Kemal Aydın"));
  g_assert_true (pc_text_names_equal ("İsmail Öztürk", "ISMAIL ÖZTÜRK"));
  g_assert_true (pc_text_names_equal ("İsmail", "ismail"));

  /* Look-alikes from other scripts are the same person: mixed-script
   * ones (which PC_TEXT_NAME refuses to store) and whole-script ones
   * (which it stores, being ordinary Cyrillic or Greek). */
  g_assert_true (pc_text_names_equal ("Кemal Aydın", "Kemal Aydın"));
  g_assert_true (pc_text_names_equal ("Αnn Lee", "Ann Lee"));
  g_assert_true (pc_text_names_equal ("Асе Сох", "Ace Cox"));
  g_assert_true (pc_text_names_equal ("КАТЕ", "Kate"));
  g_assert_true (pc_text_names_equal ("Ｋａｔｅ", "Kate"));
  g_assert_true (pc_text_names_equal ("rnary", "Mary"));
  g_assert_true (pc_text_check ("name", "Асе Сох", PC_TEXT_NAME, NULL));

  /* Invisible characters hide nothing. */
  g_assert_true (pc_text_names_equal ("Ann\xe2\x80\x8bLee", "AnnLee"));

  /* Different people stay different. */
  g_assert_false (pc_text_names_equal ("Ann Lee", "Anne Lee"));
  g_assert_false (pc_text_names_equal ("Ann Lee", "Lee Ann"));
  g_assert_false (pc_text_names_equal ("AnnLee", "Ann Lee"));
  g_assert_false (pc_text_names_equal ("Kemal Aydın", "Kemal Aydoğan"));
  g_assert_false (pc_text_names_equal ("Ольга", "Olga"));
  g_assert_false (pc_text_names_equal ("王小明", "王小鸣"));
  g_assert_false (pc_text_names_equal (NULL, NULL));
  g_assert_false (pc_text_names_equal ("", ""));
  g_assert_false (pc_text_names_equal ("Ann\xff", "Ann\xff"));

  /* The vocabulary's comparison is this one. */
  g_assert_true (pc_text_names_equal ("Кemal Aydın", "KEMAL AYDIN"));
}

/* The reviewer-is-not-the-author rule, with look-alike names. */
/* The one normalisation of a name, which key files are named after:
 * tidied, case-folded, composed. */
static void
test_name_fold (void)
{
  g_autofree char *folded = pc_text_name_fold ("  Dr\tANN  Le\xcc\x81 ");
  g_autofree char *same = pc_text_name_fold ("dr ann l\xc3\xa9");

  g_assert_cmpstr (folded, ==, "dr ann l\xc3\xa9");
  g_assert_cmpstr (same, ==, folded);
  g_assert_null (pc_text_name_fold (" \t "));
  g_assert_null (pc_text_name_fold (NULL));
}

static void
test_ids (void)
{
  g_assert_true (pc_text_is_id ("people-at-the-heart", '-'));
  g_assert_true (pc_text_is_id ("partly_met", '_'));
  g_assert_true (pc_text_is_id ("p2", '-'));
  g_assert_false (pc_text_is_id ("partly_met", '-'));
  g_assert_false (pc_text_is_id ("", '-'));
  g_assert_false (pc_text_is_id ("-a", '-'));
  g_assert_false (pc_text_is_id ("a-", '-'));
  g_assert_false (pc_text_is_id ("a--b", '-'));
  g_assert_false (pc_text_is_id ("People", '-'));
}

static void
test_lifecycle_look_alike (void)
{
  g_autoptr(PcAssessment) a = pc_test_header_new ("Crisis line", "Kemal Aydın");
  PcSignoff *prepared = g_new0 (PcSignoff, 1);
  static const char * const same[] = {
    "Кemal Aydın", "KEMAL AYDIN", "kemal  aydın", "Ke\xe2\x80\x8bmal Aydın",
  };

  a->state = PC_STATE_IN_REVIEW;
  prepared->name = g_strdup ("Kemal Aydın");
  prepared->role = g_strdup ("Service lead");
  prepared->meaning = PC_MEANING_PREPARED;
  g_ptr_array_add (a->signoffs, prepared);

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (pc_lifecycle_check_review (a, PC_MEANING_APPROVED, same[i], NULL, NULL,
                                                 &error));
      g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
    }

  /* All-Greek and all-Cyrillic look-alikes of a Latin name: each is
   * allowed as a name, and is still the same person. */
  g_free (a->lead);
  a->lead = g_strdup ("Kate Hoek");
  g_clear_pointer (&prepared->name, g_free);
  prepared->name = g_strdup ("Ace Cox");
  {
    static const char * const look_alikes[] = { "ΚΑΤΕ ΗΟΕΚ", "Асе Сох" };

    for (guint i = 0; i < G_N_ELEMENTS (look_alikes); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (pc_text_check ("name", look_alikes[i], PC_TEXT_NAME, NULL));
        g_assert_false (pc_lifecycle_check_review (a, PC_MEANING_APPROVED, look_alikes[i], NULL,
                                                   NULL, &error));
        g_assert_error (error, PC_LIFECYCLE_ERROR, PC_LIFECYCLE_ERROR_SAME_PERSON);
      }
  }

  g_assert_true (pc_lifecycle_check_review (a, PC_MEANING_APPROVED, "Raj Patel", NULL, NULL,
                                            NULL));
}

/* The store keeps text composed (NFC), whatever form it was typed in. */
static void
test_store_nfc (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcAssessment) header = pc_test_header_new ("Cafe\xcc\x81 pathway", "Zoe\xcc\x88 Lee");
  g_autoptr(PcAssessment) a = NULL;
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
  const char * const team[] = { "Jose\xcc\x81 Ruiz", NULL };
  g_autofree char *raw_title = NULL;
  sqlite3 *raw;
  gint64 id;

  header->outcomes = g_strdup ("Fewer waits at the cafe\xcc\x81\nand more");
  id = pc_test_create_assessment_with (store, header);
  g_assert_true (pc_store_set_team (store, id, team, &error));
  g_assert_no_error (error);
  g_assert_true (pc_store_set_answer (store, id, prompt->id, PC_RATING_MET,
                                      "Evidence from the cafe\xcc\x81", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_add_action (store, id, prompt->id, "Open the cafe\xcc\x81",
                                        "Zoe\xcc\x88 Lee", "2027-01-31", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_add_coproduction (store, id, "Carers", "Workshop", "2026-05-12",
                                              "A cafe\xcc\x81 first", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pc_store_add_link (store, id, prompt->id, "https://example.nhs.uk/cafe",
                                      "The cafe\xcc\x81 plan", &error), >, 0);
  g_assert_no_error (error);

  a = pc_test_load_assessment (store, id);
  g_assert_cmpstr (a->title, ==, "Caf\xc3\xa9 pathway");
  g_assert_cmpstr (a->lead, ==, "Zo\xc3\xab Lee");
  g_assert_cmpstr (a->outcomes, ==, "Fewer waits at the caf\xc3\xa9\nand more");
  g_assert_cmpstr (a->team[0], ==, "Jos\xc3\xa9 Ruiz");
  g_assert_cmpstr (pc_assessment_find_answer (a, prompt->id)->evidence, ==,
                   "Evidence from the caf\xc3\xa9");
  g_assert_cmpstr (((PcAction *) g_ptr_array_index (a->actions, 0))->description, ==,
                   "Open the caf\xc3\xa9");
  g_assert_cmpstr (((PcAction *) g_ptr_array_index (a->actions, 0))->owner, ==, "Zo\xc3\xab Lee");
  g_assert_cmpstr (((PcCoproduction *) g_ptr_array_index (a->coproduction, 0))->changed, ==,
                   "A caf\xc3\xa9 first");
  g_assert_cmpstr (((PcLink *) g_ptr_array_index (a->links, 0))->title, ==, "The caf\xc3\xa9 plan");

  /* The audit trail says the same. */
  rows = pc_store_history (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((PcAuditEntry *) g_ptr_array_index (rows, 0))->new_value, ==,
                   "Caf\xc3\xa9 pathway");

  raw = pc_test_raw_open (path);
  raw_title = pc_test_raw_text (raw, "SELECT title FROM assessments");
  g_assert_cmpstr (raw_title, ==, "Caf\xc3\xa9 pathway");
  sqlite3_close (raw);
}

/* A refused field changes nothing, and says which field and character. */
static void
test_store_refuses (void)
{
  g_autofree char *path = pc_test_db_path ();
  g_autoptr(PcStore) store = pc_test_open_store (path);
  g_autoptr(PcChecklist) checklist = pc_test_default_checklist ();
  const PcPrinciple *principle = pc_checklist_get_principle (checklist, 0);
  const PcPrompt *prompt = g_ptr_array_index (principle->prompts, 0);
  gint64 id = pc_test_create_assessment (store, "Crisis line", "Ann Lee");
  g_autofree char *too_long = g_strnfill (PC_TEXT_MAX_CHARS + 1, 'x');
  g_autoptr(GBytes) data = g_bytes_new_static ("x", 1);
  g_autoptr(GBytes) before = NULL;
  const char * const bad_team[] = { "Ann Lee", "Raj \xe2\x80\xae" "Patel", NULL };
  g_autoptr(PcAssessment) bad_header = pc_test_header_new ("Crisis\x1b[8m line", "Ann Lee");
  g_autoptr(PcAssessment) mixed_lead = pc_test_header_new ("Crisis line", "Кemal Aydın");
  g_autoptr(PcSigningKey) key = pc_test_signing_key_new ("Raj Patel", "Reviewer");
  struct
  {
    const char *field;
    const char *character;
    GError     *error;
  } cases[] = {
    { "title", "U+001B", NULL },
    { "service lead", "U+041A", NULL },
    { "title", "U+202E", NULL },
    { "service lead", "U+202E", NULL },
    { "intended outcomes", "U+0007", NULL },
    { "team member’s name", "U+202E", NULL },
    { "evidence", "U+202E", NULL },
    { "justification", "U+000D", NULL },
    { "evidence", "200000", NULL },
    { "file name", "U+202E", NULL },
    { "link title", "U+200B", NULL },
    { "link", "U+202E", NULL },
    { "action’s description", "line break", NULL },
    { "action’s owner", "U+2066", NULL },
    { "“who took part”", "U+001B", NULL },
    { "“what changed”", "U+0085", NULL },
    { "signer’s role", "U+202E", NULL },
    { "text of the conditions", "U+001B", NULL },
    { "reason", "U+202E", NULL },
  };
  guint n = 0;
  guint audit_before = 0;
  g_autoptr(GPtrArray) rows = pc_store_history (store, id, NULL);

  audit_before = rows->len;
  g_clear_object (&store);
  before = pc_test_read_file (path);
  store = pc_test_open_store (path);

  (void) pc_store_create_assessment (store, bad_header, checklist, &cases[n++].error);
  (void) pc_store_create_assessment (store, mixed_lead, checklist, &cases[n++].error);
  (void) pc_store_set_header_field (store, id, "title", "Crisis \xe2\x80\xae" "enil", &cases[n++].error);
  (void) pc_store_set_header_field (store, id, "lead", "Ann \xe2\x80\xae" "Lee", &cases[n++].error);
  (void) pc_store_set_header_field (store, id, "outcomes", "Fewer\a waits", &cases[n++].error);
  (void) pc_store_set_team (store, id, bad_team, &cases[n++].error);
  (void) pc_store_set_answer (store, id, prompt->id, PC_RATING_MET, "0/54 \xe2\x80\xae" "45/45",
                              NULL, &cases[n++].error);
  (void) pc_store_set_answer (store, id, prompt->id, PC_RATING_NOT_APPLICABLE, NULL,
                              "Not\rneeded", &cases[n++].error);
  (void) pc_store_set_answer_text (store, id, prompt->id, too_long, NULL, &cases[n++].error);
  (void) pc_store_add_attachment (store, id, prompt->id, "report\xe2\x80\xae" "fdp.exe",
                                  "application/pdf", data, &cases[n++].error);
  (void) pc_store_add_link (store, id, prompt->id, "https://example.nhs.uk/",
                            "Plan\xe2\x80\x8b", &cases[n++].error);
  (void) pc_store_add_link (store, id, prompt->id, "https://example.nhs.uk/\xe2\x80\xae",
                            NULL, &cases[n++].error);
  (void) pc_store_add_action (store, id, prompt->id, "Two\nlines", "Ann Lee", "2027-01-31",
                              &cases[n++].error);
  (void) pc_store_add_action (store, id, prompt->id, "Open", "Ann \xe2\x81\xa6Lee", "2027-01-31",
                              &cases[n++].error);
  (void) pc_store_add_coproduction (store, id, "Carers\x1b[2J", "Workshop", "2026-05-12",
                                    "Changed", &cases[n++].error);
  (void) pc_store_add_coproduction (store, id, "Carers", "Workshop", "2026-05-12",
                                    "Changed\xc2\x85", &cases[n++].error);
  (void) pc_store_submit (store, id, key, "Lead\xe2\x80\xae", NULL, NULL, &cases[n++].error);
  (void) pc_store_review (store, id, PC_MEANING_APPROVED_WITH_CONDITIONS, "Only \x1b[8mif",
                          key, NULL, NULL, NULL, &cases[n++].error);
  (void) pc_store_review (store, id, PC_MEANING_RETURNED, "Because \xe2\x80\xae",
                          key, NULL, NULL, NULL, &cases[n++].error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %s", i, cases[i].field);
      g_assert_error (cases[i].error, PC_STORE_ERROR, PC_STORE_ERROR_INVALID);
      g_assert_null (strchr (cases[i].error->message, '\n'));
      g_assert_nonnull (strstr (cases[i].error->message, cases[i].field));
      g_assert_nonnull (strstr (cases[i].error->message, cases[i].character));
      g_clear_error (&cases[i].error);
    }

  /* Nothing was written. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = pc_store_history (store, id, NULL);
  g_assert_cmpuint (rows->len, ==, audit_before);
  g_clear_object (&store);
  pc_test_assert_file_unchanged (path, before);
}

static void
test_escape_terminal (void)
{
  static const struct
  {
    const char *in;
    gboolean    multiline;
    const char *out;
  } cases[] = {
    { "plain Zoë 王", FALSE, "plain Zoë 王" },
    { "\x1b[2J\x1b[32mApproved 54/54", FALSE, "\\u001b[2J\\u001b[32mApproved 54/54" },
    { "0/54\rApproved", FALSE, "0/54\\rApproved" },
    { "a\nb\tc", FALSE, "a\\nb\\tc" },
    { "a\nb\tc", TRUE, "a\nb\tc" },
    { "a\r\nb", TRUE, "a\\r\nb" },
    { "bell\a del\x7f", TRUE, "bell\\u0007 del\\u007f" },
    { "csi\xc2\x9b" "31m", FALSE, "csi\\u009b31m" },
    { "Ann \xe2\x80\xae" "eeL", FALSE, "Ann \\u202eeeL" },
    { "\xe2\x81\xa6x\xe2\x81\xa9", TRUE, "\\u2066x\\u2069" },
    { "a\xe2\x80\x8b" "b\xc2\xad" "c", FALSE, "a\\u200bb\\u00adc" },
    { "tag\xf3\xa0\x80\x81", FALSE, "tag\\udb40\\udc01" },
    { "bad\xff" "byte", FALSE, "bad\xef\xbf\xbd" "byte" },
    { "", FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pc_text_escape_terminal (cases[i].in, cases[i].multiline);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_null (strchr (out, '\x1b'));
    }

  {
    g_autofree char *empty = pc_text_escape_terminal (NULL, FALSE);

    g_assert_cmpstr (empty, ==, "");
  }

  /* No control byte at all survives, whatever comes in. */
  for (guint c = 1; c < 0x100; c++)
    {
      char in[3] = { (char) c, 'x', '\0' };
      g_autofree char *latin = g_strdup_printf ("%C", (gunichar) c);
      g_autofree char *out = pc_text_escape_terminal (c < 0x80 ? in : latin, FALSE);

      for (const char *p = out; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar u = g_utf8_get_char (p);

          g_assert_false (u < 0x20 || (u >= 0x7f && u <= 0x9f));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pc/text/check/plain", test_check_plain);
  g_test_add_func ("/pc/text/check/controls", test_check_controls);
  g_test_add_func ("/pc/text/check/bidi-and-invisible", test_check_bidi_and_invisible);
  g_test_add_func ("/pc/text/check/not-text", test_check_not_text);
  g_test_add_func ("/pc/text/check/too-long", test_check_too_long);
  g_test_add_func ("/pc/text/check/name-scripts", test_check_names_scripts);
  g_test_add_func ("/pc/text/normalize-and-tidy", test_normalize_and_tidy);
  g_test_add_func ("/pc/text/name-keys", test_name_keys);
  g_test_add_func ("/pc/text/name-fold", test_name_fold);
  g_test_add_func ("/pc/text/ids", test_ids);
  g_test_add_func ("/pc/text/lifecycle-look-alike", test_lifecycle_look_alike);
  g_test_add_func ("/pc/text/store-nfc", test_store_nfc);
  g_test_add_func ("/pc/text/store-refuses", test_store_refuses);
  g_test_add_func ("/pc/text/escape-terminal", test_escape_terminal);

  return g_test_run ();
}
