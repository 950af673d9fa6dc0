/* pc-verify-shape.c: the layout of a summary file, against the schema's rules
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-verify"

#include "config.h"

#include "pc-verify-private.h"

#include <glib/gi18n.h>

#include "pc-json.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* The layout: the schema's rules, by hand */

static gboolean
is_ecma_space (gunichar c)
{
  /* JSON Schema patterns are ECMAScript's: \s is Unicode white space
   * and the byte-order mark. */
  return g_unichar_isspace (c) || c == 0xFEFF;
}

typedef enum
{
  KIND_OBJECT,
  KIND_ARRAY,
  KIND_STRING,
  KIND_INTEGER,
  KIND_BOOLEAN,
  KIND_ENUM,
} Kind;

/* Returns NULL when @text keeps the rule, or what is wrong with it:
 * "is not a date like 2026-11-22" (untranslated; N_()). */
typedef const char *(*StringRule) (const char *text);

typedef struct _Shape Shape;

typedef struct
{
  const char   *key;
  const Shape  *shape;
  int           since;   /* the format version that added it; 0 for 1 */
} Member;

struct _Shape
{
  Kind                 kind;
  gboolean             nullable;
  const char          *what;      /* N_(): what the value should be, after "is not" */
  StringRule           rule;      /* KIND_STRING (nullable) */
  gint64               min;       /* KIND_INTEGER */
  gint64               max;
  const char * const  *values;    /* KIND_ENUM, NULL-terminated, or NULL: */
  PcVocab              vocab;     /* the ids of this vocabulary */
  const Member        *members;   /* KIND_OBJECT, NULL-terminated: every one
                                   * required, and no other allowed */
  const Shape         *items;     /* KIND_ARRAY */
};

/* Dates and times are checked as the store checks them: real calendar
 * days ("2026-02-30" is not one), and real times of day. */
static gboolean
is_date (const char *text)
{
  return pc_date_is_valid (text);
}

gboolean
_pc_verify_is_time (const char *text)
{
  return pc_utc_time_is_valid (text);
}

static gboolean
is_sha256 (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (n == 64 || !((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
      return FALSE;

  return n == 64;
}

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* Matches [A-Za-z0-9+/]+={0,2} at @p; returns where it ends, or NULL. */
static const char *
match_base64_line (const char *p)
{
  const char *start = p;

  while (is_base64_char (*p))
    p++;
  if (p == start)
    return NULL;
  for (int i = 0; i < 2 && *p == '='; i++)
    p++;

  return p;
}

/* Matches @prefix[^\n]*\n at @p; returns where it ends, or NULL. */
static const char *
match_comment_line (const char *p,
                    const char *prefix)
{
  if (!g_str_has_prefix (p, prefix))
    return NULL;

  p = strchr (p, '\n');
  return p != NULL ? p + 1 : NULL;
}

/* Matches \n?$ at @p. */
static gboolean
match_end (const char *p)
{
  return p != NULL && (p[0] == '\0' || (p[0] == '\n' && p[1] == '\0'));
}

const char *
_pc_verify_rule_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_ecma_space (g_utf8_get_char (p)))
      return NULL;

  return N_("is blank; it must say something");
}

static const char *
rule_not_empty (const char *text)
{
  return *text != '\0' ? NULL : N_("is empty");
}

static const char *
rule_reference (const char *text)
{
  if (*text == '\0')
    return N_("is empty; it must be a reference such as PC-2026-0003");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_ecma_space (g_utf8_get_char (p)))
      return N_("has spaces in it; it must be a reference such as PC-2026-0003");

  return NULL;
}

static const char *
rule_id (const char *text)
{
  return pc_text_is_id (text, '-') ? NULL
         : N_("is not an id: lower-case letters and digits joined by single hyphens");
}

static const char *
rule_vocab_id (const char *text)
{
  return pc_text_is_id (text, '_') ? NULL
         : N_("is not an id: lower-case letters and digits joined by single underscores");
}

static const char *
rule_date (const char *text)
{
  return is_date (text) ? NULL : N_("is not a date like 2026-11-22");
}

static const char *
rule_time (const char *text)
{
  return _pc_verify_is_time (text) ? NULL : N_("is not a UTC time like 2026-11-22T10:15:00Z");
}

static const char *
rule_sha256 (const char *text)
{
  return is_sha256 (text) ? NULL : N_("is not a SHA-256: 64 lower-case hexadecimal digits");
}

/* ^[^\s/]+/[^\s/]+$ */
static const char *
rule_media_type (const char *text)
{
  guint slashes = 0;
  gboolean empty_part = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_ecma_space (c))
        return N_("is not a media type like application/pdf");
      if (c == '/')
        {
          if (empty_part || ++slashes > 1)
            return N_("is not a media type like application/pdf");
          empty_part = TRUE;
        }
      else
        empty_part = FALSE;
    }

  return slashes == 1 && !empty_part ? NULL : N_("is not a media type like application/pdf");
}

/* ^[0-9A-F]{1,16}$ */
static const char *
rule_key_id (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (n == 16 || !((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'F')))
      return N_("is not a key id: up to 16 upper-case hexadecimal digits");

  return n > 0 ? NULL : N_("is not a key id: up to 16 upper-case hexadecimal digits");
}

/* ^untrusted comment: [^\n]*\n[A-Za-z0-9+/]+={0,2}\n?$ */
static const char *
rule_public_key (const char *text)
{
  const char *p = match_comment_line (text, UNTRUSTED_PREFIX);

  if (p != NULL)
    p = match_base64_line (p);

  return match_end (p) ? NULL
         : N_("is not a minisign public key: an “untrusted comment:” line, then the key");
}

/* ^untrusted comment: [^\n]*\n[A-Za-z0-9+/]+={0,2}\ntrusted comment: [^\n]*\n[A-Za-z0-9+/]+={0,2}\n?$ */
static const char *
rule_signature (const char *text)
{
  const char *p = match_comment_line (text, UNTRUSTED_PREFIX);

  if (p != NULL)
    p = match_base64_line (p);
  if (p != NULL)
    p = *p == '\n' ? match_comment_line (p + 1, TRUSTED_PREFIX) : NULL;
  if (p != NULL)
    p = match_base64_line (p);

  return match_end (p) ? NULL
         : N_("is not a minisign signature: four lines, the third a “trusted comment:”");
}

#define MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)

static const char * const formats[] = { SUMMARY_FORMAT, NULL };

static const Shape text_shape = {
  .kind = KIND_STRING, .what = N_("text"), .rule = _pc_verify_rule_text
};
static const Shape optional_text_shape = {
  .kind = KIND_STRING, .nullable = TRUE, .what = N_("text or null"), .rule = _pc_verify_rule_text
};
static const Shape reference_shape = {
  .kind = KIND_STRING, .what = N_("a reference such as PC-2026-0003"), .rule = rule_reference
};
static const Shape id_shape = {
  .kind = KIND_STRING, .what = N_("an id such as people-at-the-heart"), .rule = rule_id
};
static const Shape optional_id_shape = {
  .kind = KIND_STRING, .nullable = TRUE, .what = N_("an id such as people-at-the-heart, or null"),
  .rule = rule_id
};
static const Shape vocab_id_shape = {
  .kind = KIND_STRING, .what = N_("an id such as barnet_mental_health"), .rule = rule_vocab_id
};
static const Shape optional_vocab_id_shape = {
  .kind = KIND_STRING, .nullable = TRUE, .what = N_("an id such as barnet_mental_health, or null"),
  .rule = rule_vocab_id
};
static const Shape date_shape = {
  .kind = KIND_STRING, .what = N_("a date like 2026-11-22"), .rule = rule_date
};
static const Shape optional_date_shape = {
  .kind = KIND_STRING, .nullable = TRUE, .what = N_("a date like 2026-11-22, or null"),
  .rule = rule_date
};
static const Shape time_shape = {
  .kind = KIND_STRING, .what = N_("a UTC time like 2026-11-22T10:15:00Z"), .rule = rule_time
};
static const Shape sha256_shape = {
  .kind = KIND_STRING, .what = N_("a SHA-256: 64 lower-case hexadecimal digits"),
  .rule = rule_sha256
};
static const Shape optional_sha256_shape = {
  .kind = KIND_STRING, .nullable = TRUE,
  .what = N_("a SHA-256 (64 lower-case hexadecimal digits), or null"), .rule = rule_sha256
};
static const Shape media_type_shape = {
  .kind = KIND_STRING, .what = N_("a media type like application/pdf"), .rule = rule_media_type
};
static const Shape url_shape = {
  .kind = KIND_STRING, .what = N_("a link"), .rule = rule_not_empty
};
static const Shape key_id_shape = {
  .kind = KIND_STRING, .what = N_("a key id: up to 16 upper-case hexadecimal digits"),
  .rule = rule_key_id
};
static const Shape public_key_shape = {
  .kind = KIND_STRING, .what = N_("a minisign public key"), .rule = rule_public_key
};
static const Shape signature_shape = {
  .kind = KIND_STRING, .what = N_("a minisign signature"), .rule = rule_signature
};
static const Shape count_shape = {
  .kind = KIND_INTEGER, .what = N_("a whole number, 0 or more"), .min = 0, .max = MAX_SAFE_INTEGER
};
static const Shape positive_shape = {
  .kind = KIND_INTEGER, .what = N_("a whole number from 1 to 2147483647"), .min = 1, .max = G_MAXINT32
};
static const Shape optional_positive_shape = {
  .kind = KIND_INTEGER, .nullable = TRUE, .what = N_("a whole number from 1 to 2147483647, or null"),
  .min = 1, .max = G_MAXINT32
};
static const Shape format_version_shape = {
  .kind = KIND_INTEGER, .what = N_("1 or 2"), .min = SUMMARY_FORMAT_VERSION_MIN,
  .max = SUMMARY_FORMAT_VERSION
};
static const Shape optional_count_shape = {
  .kind = KIND_INTEGER, .nullable = TRUE, .what = N_("a whole number, 0 or more, or null"),
  .min = 0, .max = MAX_SAFE_INTEGER
};
static const Shape boolean_shape = { .kind = KIND_BOOLEAN, .what = N_("true or false") };
static const Shape format_shape = { .kind = KIND_ENUM, .values = formats };
static const Shape state_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_STATE };
static const Shape rating_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_RATING };
static const Shape kind_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_KIND };
static const Shape status_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_STATUS };
static const Shape action_status_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_ACTION_STATUS };
static const Shape level_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_LEVEL };
static const Shape meaning_shape = { .kind = KIND_ENUM, .vocab = PC_VOCAB_MEANING };

#define OBJECT_SHAPE(members_) { .kind = KIND_OBJECT, .what = N_("a group of fields (a JSON object)"), .members = members_ }
#define ARRAY_SHAPE(items_) { .kind = KIND_ARRAY, .what = N_("a list (a JSON array)"), .items = items_ }

static const Member generator_members[] = {
  { "name", &text_shape },
  { "version", &text_shape },
  { NULL, NULL }
};
static const Shape generator_shape = OBJECT_SHAPE (generator_members);

static const Member audit_members[] = {
  { "rows", &count_shape },
  { "head", &optional_sha256_shape },
  { NULL, NULL }
};
static const Shape audit_shape = OBJECT_SHAPE (audit_members);

static const Shape team_shape = ARRAY_SHAPE (&text_shape);

static const Member header_members[] = {
  { "reference", &reference_shape },
  { "revision", &positive_shape },
  { "previous_revision", &optional_positive_shape },
  { "revision_reason", &optional_text_shape },
  { "title", &text_shape },
  { "kind", &kind_shape },
  { "division", &vocab_id_shape },
  { "clinical_priority", &optional_vocab_id_shape },
  { "lead", &text_shape },
  { "team", &team_shape },
  { "intended_outcomes", &optional_text_shape },
  { "who_is_affected", &optional_text_shape },
  { "start_date", &optional_date_shape },
  { "review_date", &optional_date_shape },
  { NULL, NULL }
};
static const Shape header_shape = OBJECT_SHAPE (header_members);

static const Member checklist_members[] = {
  { "id", &id_shape },
  { "version", &positive_shape },
  { "title", &text_shape },
  { "sha256", &sha256_shape },
  { NULL, NULL }
};
static const Shape checklist_shape = OBJECT_SHAPE (checklist_members);

static const Member counts_members[] = {
  { "not_assessed", &count_shape },
  { "met", &count_shape },
  { "partly_met", &count_shape },
  { "not_met", &count_shape },
  { "not_applicable", &count_shape },
  { "total", &count_shape },
  { NULL, NULL }
};
static const Shape counts_shape = OBJECT_SHAPE (counts_members);

static const Member attachment_members[] = {
  { "name", &text_shape },
  { "media_type", &media_type_shape },
  { "size", &count_shape },
  { "sha256", &sha256_shape },
  { NULL, NULL }
};
static const Shape attachment_shape = OBJECT_SHAPE (attachment_members);
static const Shape attachments_shape = ARRAY_SHAPE (&attachment_shape);

static const Member link_members[] = {
  { "url", &url_shape },
  { "title", &optional_text_shape },
  { NULL, NULL }
};
static const Shape link_shape = OBJECT_SHAPE (link_members);
static const Shape links_shape = ARRAY_SHAPE (&link_shape);

static const Member action_members[] = {
  { "description", &text_shape },
  { "owner", &optional_text_shape },
  { "due_date", &optional_date_shape },
  { "status", &action_status_shape },
  { NULL, NULL }
};
static const Shape action_shape = OBJECT_SHAPE (action_members);
static const Shape actions_shape = ARRAY_SHAPE (&action_shape);

static const Member prompt_members[] = {
  { "id", &id_shape },
  { "question", &text_shape },
  { "rating", &rating_shape },
  { "evidence", &optional_text_shape },
  { "justification", &optional_text_shape },
  { "attachments", &attachments_shape },
  { "links", &links_shape },
  { "actions", &actions_shape },
  { NULL, NULL }
};
static const Shape prompt_shape = OBJECT_SHAPE (prompt_members);
static const Shape prompts_shape = ARRAY_SHAPE (&prompt_shape);

static const Member principle_members[] = {
  { "id", &id_shape },
  { "title", &text_shape },
  { "status", &status_shape },
  { "counts", &counts_shape },
  { "prompts", &prompts_shape },
  { NULL, NULL }
};
static const Shape principle_shape = OBJECT_SHAPE (principle_members);
static const Shape principles_shape = ARRAY_SHAPE (&principle_shape);

static const Member coproduction_members[] = {
  { "who", &text_shape },
  { "how", &text_shape },
  { "date", &date_shape },
  { "changed", &text_shape },
  { NULL, NULL }
};
static const Shape coproduction_entry_shape = OBJECT_SHAPE (coproduction_members);
static const Shape coproduction_shape = ARRAY_SHAPE (&coproduction_entry_shape);

static const Member content_members[] = {
  { "header", &header_shape },
  { "checklist", &checklist_shape },
  { "principles", &principles_shape },
  { "coproduction", &coproduction_shape },
  { NULL, NULL }
};
static const Shape content_shape = OBJECT_SHAPE (content_members);

static const Member finding_members[] = {
  { "rule", &id_shape },
  { "level", &level_shape },
  { "principle", &optional_id_shape },
  { "prompt", &optional_id_shape },
  { "message", &text_shape },
  { NULL, NULL }
};
static const Shape finding_shape = OBJECT_SHAPE (finding_members);
static const Shape findings_shape = ARRAY_SHAPE (&finding_shape);

static const Member signoff_members[] = {
  { "name", &text_shape },
  { "role", &text_shape },
  { "meaning", &meaning_shape },
  { "reason", &optional_text_shape },
  { "signed_at", &time_shape },
  { "content_sha256", &sha256_shape },
  { "key_id", &key_id_shape },
  { "public_key", &public_key_shape },
  { "signature", &signature_shape },
  { "audit_rows", &optional_count_shape, 2 },
  { "audit_head", &optional_sha256_shape, 2 },
  { NULL, NULL }
};
static const Shape signoff_shape = OBJECT_SHAPE (signoff_members);
static const Shape signoffs_shape = ARRAY_SHAPE (&signoff_shape);

static const Member document_members[] = {
  { "format", &format_shape },
  { "format_version", &format_version_shape },
  { "generator", &generator_shape },
  { "exported_at", &time_shape },
  { "state", &state_shape },
  { "signed", &boolean_shape },
  { "content", &content_shape },
  { "findings", &findings_shape },
  { "signoffs", &signoffs_shape },
  { "audit", &audit_shape },
  { NULL, NULL }
};
static const Shape document_shape = OBJECT_SHAPE (document_members);

/* Whether another layout problem will be listed; counts it either way. */
static gboolean
layout_room (Verifier *v)
{
  return v->n_layout++ < MAX_LAYOUT_PROBLEMS;
}

static const char *
path_or_file (Verifier *v)
{
  return v->path->len > 0 ? v->path->str : _("the file");
}

static void
wrong_type (Verifier    *v,
            const Shape *shape)
{
  if (layout_room (v))
    _pc_verify_add_problem (v, _("%s is not %s"), path_or_file (v), _(shape->what));
}

static void
check_enum (Verifier    *v,
            const cJSON *item,
            const Shape *shape)
{
  const char * const *values = shape->values != NULL ? shape->values : pc_vocab_ids (shape->vocab);
  g_autofree char *list = NULL;

  if (cJSON_IsString (item))
    for (guint i = 0; values[i] != NULL; i++)
      if (g_str_equal (item->valuestring, values[i]))
        return;

  if (!layout_room (v))
    return;

  list = g_strjoinv (", ", (char **) values);
  if (cJSON_IsString (item))
    _pc_verify_add_problem (v, _("%s is “%s”, which is not one of: %s"), path_or_file (v),
                            _pc_verify_shown (v, item->valuestring), list);
  else
    _pc_verify_add_problem (v, _("%s is not one of: %s"), path_or_file (v), list);
}

static void
check_integer (Verifier    *v,
               const cJSON *item,
               const Shape *shape)
{
  double d;

  if (!cJSON_IsNumber (item))
    {
      wrong_type (v, shape);
      return;
    }

  d = item->valuedouble;
  if (!(d >= (double) shape->min && d <= (double) shape->max) || d != (double) (gint64) d)
    wrong_type (v, shape);
}

static void check_shape (Verifier    *v,
                         const cJSON *item,
                         const Shape *shape);

static void
check_members (Verifier    *v,
               const cJSON *object,
               const Shape *shape)
{
  gsize path_len = v->path->len;

  for (const Member *m = shape->members; m->key != NULL; m++)
    {
      const cJSON *child = cJSON_GetObjectItemCaseSensitive (object, m->key);

      if (m->since > v->format_version)
        continue;  /* Not in this version: listed below if present. */

      if (path_len > 0)
        g_string_append_c (v->path, '.');
      g_string_append (v->path, m->key);

      if (child == NULL)
        {
          if (layout_room (v))
            _pc_verify_add_problem (v, _("%s is missing"), v->path->str);
        }
      else
        check_shape (v, child, m->shape);

      g_string_truncate (v->path, path_len);
    }

  for (const cJSON *child = object->child; child != NULL; child = child->next)
    {
      const Member *m;

      for (m = shape->members; m->key != NULL; m++)
        if (g_str_equal (m->key, child->string) && m->since <= v->format_version)
          break;

      if (m->key == NULL && layout_room (v))
        _pc_verify_add_problem (v, _("%s has a field “%s” that a summary does not have"),
                                path_or_file (v), _pc_verify_shown (v, child->string));
    }
}

/* The depth is the schema's, at most six levels: the parser has refused
 * deeper nesting before this runs, and nothing here follows the file's
 * nesting beyond the schema's. */
static void
check_shape (Verifier    *v,
             const cJSON *item,
             const Shape *shape)
{
  if (shape->nullable && cJSON_IsNull (item))
    return;

  switch (shape->kind)
    {
    case KIND_OBJECT:
      if (!cJSON_IsObject (item))
        wrong_type (v, shape);
      else
        check_members (v, item, shape);
      break;

    case KIND_ARRAY:
      if (!cJSON_IsArray (item))
        wrong_type (v, shape);
      else
        {
          gsize path_len = v->path->len;
          guint index = 0;

          for (const cJSON *child = item->child; child != NULL; child = child->next, index++)
            {
              g_string_append_printf (v->path, "[%u]", index);
              check_shape (v, child, shape->items);
              g_string_truncate (v->path, path_len);
            }
        }
      break;

    case KIND_STRING:
      if (!cJSON_IsString (item))
        wrong_type (v, shape);
      else if (shape->rule != NULL)
        {
          const char *what = shape->rule (item->valuestring);

          if (what != NULL && layout_room (v))
            _pc_verify_add_problem (v, "%s %s", v->path->str, _(what));
        }
      break;

    case KIND_INTEGER:
      check_integer (v, item, shape);
      break;

    case KIND_BOOLEAN:
      if (!cJSON_IsBool (item))
        wrong_type (v, shape);
      break;

    case KIND_ENUM:
      check_enum (v, item, shape);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The schema's "allOf": "signed" says whether there are sign-offs, and a
 * draft is not signed. */
static void
check_signed_flag (Verifier *v)
{
  const cJSON *is_signed = cJSON_GetObjectItemCaseSensitive (v->document, "signed");
  const cJSON *signoffs = cJSON_GetObjectItemCaseSensitive (v->document, "signoffs");
  const char *state = pc_json_get_string (v->document, "state");
  int n = cJSON_IsArray (signoffs) ? cJSON_GetArraySize (signoffs) : -1;

  if (cJSON_IsFalse (is_signed) && n > 0 && layout_room (v))
    _pc_verify_add_problem (v, g_dngettext (GETTEXT_PACKAGE,
                                            "“signed” is false, but the file carries %d sign-off",
                                            "“signed” is false, but the file carries %d sign-offs", (gulong) n),
                            n);
  if (cJSON_IsTrue (is_signed) && n == 0 && layout_room (v))
    _pc_verify_add_problem (v, _("“signed” is true, but the file carries no sign-offs"));
  if (g_strcmp0 (state, pc_state_to_string (PC_STATE_DRAFT)) == 0 && cJSON_IsTrue (is_signed) && layout_room (v))
    _pc_verify_add_problem (v, _("the state is draft, but “signed” is true; nobody signs a draft"));
}

void
_pc_verify_check_layout (Verifier *v)
{
  check_shape (v, v->document, &document_shape);
  check_signed_flag (v);

  if (v->n_layout > MAX_LAYOUT_PROBLEMS)
    {
      guint more = v->n_layout - MAX_LAYOUT_PROBLEMS;

      _pc_verify_add_problem (v, g_dngettext (GETTEXT_PACKAGE,
                                              "… and %u more problem with the layout of the file",
                                              "… and %u more problems with the layout of the file", more),
                              more);
    }
}
