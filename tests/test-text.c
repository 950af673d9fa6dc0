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
#include "pc-lifecycle.h"
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
  /* Emoji joined into one (a health worker) hold a joiner: refused. */
  assert_refused ("👩🏽‍⚕️", PC_TEXT_MULTILINE, PC_TEXT_ERROR_INVALID, "U+200D");
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
  g_assert_true (pc_names_equal ("Кemal Aydın", "KEMAL AYDIN"));
}

/* The reviewer-is-not-the-author rule, with look-alike names. */
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
  g_test_add_func ("/pc/text/lifecycle-look-alike", test_lifecycle_look_alike);
  g_test_add_func ("/pc/text/escape-terminal", test_escape_terminal);

  return g_test_run ();
}
