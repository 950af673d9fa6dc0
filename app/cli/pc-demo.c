/* pc-demo.c: realistic example assessments, for trying the program out
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Everything in this file is example data. The services are plausible
 * London mental-health and community services, but every person, figure,
 * document and date is made up, and no text here refers to a real
 * patient. The signers' passphrases are written in the code because the
 * demo needs to sign without asking anyone: they protect nothing, and
 * the keys live in a temporary folder the caller removes. */

#define G_LOG_DOMAIN "pc-demo"

#include "config.h"

#include "pc-demo.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pc-assessment.h"
#include "pc-checklist.h"
#include "pc-json.h"
#include "pc-sign.h"
#include "pc-store.h"
#include "pc-text.h"
#include "pc-vocab.h"

/* The people who sign in the demo: the authors of the assessments that
 * go to review, and two governance reviewers. */
typedef enum
{
  SIGNER_OKAFOR,
  SIGNER_YILMAZ,
  SIGNER_ADEYEMI,
  SIGNER_AYDIN,
  SIGNER_CHOWDHURY,
  SIGNER_BENNETT,
  SIGNER_WISNIEWSKA,
  SIGNER_PRICE,
  N_SIGNERS,
} DemoSignerId;

typedef struct
{
  const char *name;
  const char *role;
  const char *passphrase;
} DemoSigner;

/* Example passphrases for example keys: see the comment at the top. */
static const DemoSigner signers[N_SIGNERS] = {
  [SIGNER_OKAFOR] = { "Dr Amara Okafor", "Consultant Psychiatrist, Enfield Crisis Services",
                      "demo only: crisis cafe" },
  [SIGNER_YILMAZ] = { "Zeynep Yılmaz", "Clinical Nurse Specialist, Perinatal Mental Health",
                      "demo only: perinatal" },
  [SIGNER_ADEYEMI] = { "Tunde Adeyemi", "Service Manager, Barnet Acute Services",
                       "demo only: larch ward" },
  [SIGNER_AYDIN] = { "Kemal Aydın", "Team Manager, Haringey Young Adults Service",
                     "demo only: bridge clinic" },
  [SIGNER_CHOWDHURY] = { "Dr Farhana Chowdhury",
                         "Consultant Clinical Psychologist, Eating Disorders Service",
                         "demo only: day service" },
  [SIGNER_BENNETT] = { "Chloe Bennett", "Lead Nurse, Physical Health",
                       "demo only: health checks" },
  [SIGNER_WISNIEWSKA] = { "Agnieszka Wiśniewska",
                          "Deputy Director of Nursing, Quality and Governance",
                          "demo only: reviewer one" },
  [SIGNER_PRICE] = { "Dr Rhiannon Price", "Associate Medical Director for Quality",
                     "demo only: reviewer two" },
};

/* How much of the checklist an assessment answers: only its own
 * answers, its own answers and the first half of the principles, or
 * every prompt. */
typedef enum
{
  COVER_FEW,
  COVER_HALF,
  COVER_ALL,
} DemoCoverage;

/* How far an assessment goes through its lifecycle. */
typedef enum
{
  STAGE_DRAFT,
  STAGE_IN_REVIEW,
  STAGE_RETURNED,
  STAGE_APPROVED,
  STAGE_APPROVED_WITH_CONDITIONS,
  STAGE_NOT_APPROVED,
  STAGE_REVISED,
} DemoStage;

/* Texts below are templates: "{service}", "{people}" and "{site}" stand
 * for the scenario's words, "{d:N}" for the date N days from now written
 * out ("14 March 2027") and "{iso:N}" for the same date as YYYY-MM-DD. */

typedef struct
{
  const char *prompt_id;
  PcRating    rating;
  const char *evidence;
  const char *justification;
} DemoAnswer;

typedef struct
{
  const char     *prompt_id;
  const char     *description;
  const char     *owner;
  int             due;          /* days from now */
  PcActionStatus  status;
} DemoAction;

typedef struct
{
  const char *who;
  const char *how;
  int         day;              /* days from now, so negative */
  const char *changed;
} DemoCoproduction;

typedef struct
{
  const char *prompt_id;
  const char *name;
  const char *media_type;
  const char *content;
} DemoAttachment;

typedef struct
{
  const char *prompt_id;
  const char *url;
  const char *title;
} DemoLink;

/* The author's changes after a return, or a new revision's. */
typedef struct
{
  const char             *reason;  /* why the revision was started */
  const DemoAnswer       *answers;
  const DemoAction       *actions;
  const DemoCoproduction *coproduction;
  const char             *team[6];
} DemoFollowUp;

typedef struct
{
  /* Header */
  const char             *title;
  PcChangeKind            kind;
  const char             *division;
  const char             *priority;
  const char             *lead;
  const char             *team[6];
  const char             *outcomes;
  const char             *affected;
  int                     start;   /* days from now; 0 for none */
  int                     review;  /* days from now; 0 for none */

  /* Words the shared evidence texts use. */
  const char             *service;
  const char             *people;
  const char             *site;

  /* Answers and evidence; each list ends with an entry whose first
   * field is NULL. */
  DemoCoverage            coverage;
  const DemoAnswer       *answers;
  const DemoAction       *actions;
  const DemoCoproduction *coproduction;
  const DemoAttachment   *attachments;
  const DemoLink         *links;
  /* Nullable: a prompt rated partly met with no action agreed yet,
   * which blocks sign-off. */
  const DemoAnswer       *gap;

  /* Lifecycle */
  DemoStage               stage;
  DemoSignerId            author;
  DemoSignerId            reviewer;
  const char             *decision_reason;
  const DemoFollowUp     *follow_up;
} DemoScenario;


/* What a team writes when a prompt is met in the ordinary way: one text
 * per prompt of the Trust's checklist, shared by the example assessments
 * and specialised by the scenario's words. A prompt not listed here (the
 * checklist may have changed) gets fallback_evidence. */
typedef struct
{
  const char *prompt_id;
  const char *evidence;
} DemoEvidence;

/* For a prompt the shared texts do not know: %s is the principle's title. */
#define FALLBACK_EVIDENCE \
  "Discussed and agreed at the design group on {d:-30}; the detail is in the operational " \
  "policy, in the section on “%s”."

/* The example assessments and the shared texts are data, not code:
 * pc-demo-examples.json, built into the program as a resource. Enums are
 * written as their ids, signers by name, days as numbers from now. It is
 * loaded for the length of one fill; the structures below point into it. */
#define EXAMPLES_RESOURCE "/uk/nhs/beh/PrincipleCheck/demo/examples.json"

typedef struct
{
  cJSON               *root;
  GPtrArray           *blocks;       /* what the structures were allocated in */
  DemoEvidence        *shared_evidence;
  guint                n_shared_evidence;
  const DemoScenario **scenarios;    /* in the order they are made: the list
                                      * shows the newest change first */
  guint                n_scenarios;
} DemoExamples;

static DemoExamples examples;

static gpointer
examples_alloc (gsize size)
{
  gpointer block = g_malloc0 (size);

  g_ptr_array_add (examples.blocks, block);
  return block;
}

static DemoSignerId
signer_named (const char *name)
{
  for (guint i = 0; i < N_SIGNERS; i++)
    if (g_strcmp0 (signers[i].name, name) == 0)
      return (DemoSignerId) i;

  return SIGNER_OKAFOR;
}

static const char * const stage_ids[] = {
  [STAGE_DRAFT] = "draft",
  [STAGE_IN_REVIEW] = "in_review",
  [STAGE_RETURNED] = "returned",
  [STAGE_APPROVED] = "approved",
  [STAGE_APPROVED_WITH_CONDITIONS] = "approved_with_conditions",
  [STAGE_NOT_APPROVED] = "not_approved",
  [STAGE_REVISED] = "revised",
};

static const char * const coverage_ids[] = {
  [COVER_FEW] = "few",
  [COVER_HALF] = "half",
  [COVER_ALL] = "all",
};

static gboolean
id_index (const char * const *ids,
          guint               n_ids,
          const char         *id,
          int                *out)
{
  for (guint i = 0; i < n_ids; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        *out = (int) i;
        return TRUE;
      }

  return FALSE;
}

/* How one member of a structure is written in the JSON. */
typedef enum
{
  FIELD_TEXT,
  FIELD_INT,        /* a number of days */
  FIELD_RATING,     /* the enums, by id */
  FIELD_STATUS,
  FIELD_KIND,
  FIELD_STAGE,
  FIELD_COVERAGE,
  FIELD_SIGNER,     /* by name */
  FIELD_TEAM,       /* an array of names, into a NULL-terminated array */
  FIELD_LIST,       /* an array of objects, into a NULL-terminated array */
  FIELD_OBJECT,     /* one object, into a structure of its own */
} FieldType;

typedef struct DemoField DemoField;
struct DemoField
{
  const char      *name;
  gsize            offset;
  FieldType        type;
  gsize            size;     /* FIELD_LIST and FIELD_OBJECT: the element's */
  const DemoField *fields;   /* and its members */
};

#define TEXT(T, member, name) { name, G_STRUCT_OFFSET (T, member), FIELD_TEXT, 0, NULL }
#define VALUE(T, member, name, type) { name, G_STRUCT_OFFSET (T, member), type, 0, NULL }
#define NESTED(T, member, name, type, E, fields) \
  { name, G_STRUCT_OFFSET (T, member), type, sizeof (E), fields }

static const DemoField answer_fields[] = {
  TEXT (DemoAnswer, prompt_id, "prompt"), VALUE (DemoAnswer, rating, "rating", FIELD_RATING),
  TEXT (DemoAnswer, evidence, "evidence"), TEXT (DemoAnswer, justification, "justification"),
  { NULL },
};

static const DemoField action_fields[] = {
  TEXT (DemoAction, prompt_id, "prompt"), TEXT (DemoAction, description, "description"),
  TEXT (DemoAction, owner, "owner"), VALUE (DemoAction, due, "due", FIELD_INT),
  VALUE (DemoAction, status, "status", FIELD_STATUS),
  { NULL },
};

static const DemoField coproduction_fields[] = {
  TEXT (DemoCoproduction, who, "who"), TEXT (DemoCoproduction, how, "how"),
  VALUE (DemoCoproduction, day, "day", FIELD_INT), TEXT (DemoCoproduction, changed, "changed"),
  { NULL },
};

static const DemoField attachment_fields[] = {
  TEXT (DemoAttachment, prompt_id, "prompt"), TEXT (DemoAttachment, name, "name"),
  TEXT (DemoAttachment, media_type, "media_type"), TEXT (DemoAttachment, content, "content"),
  { NULL },
};

static const DemoField link_fields[] = {
  TEXT (DemoLink, prompt_id, "prompt"), TEXT (DemoLink, url, "url"),
  TEXT (DemoLink, title, "title"),
  { NULL },
};

static const DemoField follow_up_fields[] = {
  TEXT (DemoFollowUp, reason, "reason"),
  NESTED (DemoFollowUp, answers, "answers", FIELD_LIST, DemoAnswer, answer_fields),
  NESTED (DemoFollowUp, actions, "actions", FIELD_LIST, DemoAction, action_fields),
  NESTED (DemoFollowUp, coproduction, "coproduction", FIELD_LIST, DemoCoproduction,
          coproduction_fields),
  VALUE (DemoFollowUp, team, "team", FIELD_TEAM),
  { NULL },
};

static const DemoField scenario_fields[] = {
  TEXT (DemoScenario, title, "title"), VALUE (DemoScenario, kind, "kind", FIELD_KIND),
  TEXT (DemoScenario, division, "division"), TEXT (DemoScenario, priority, "priority"),
  TEXT (DemoScenario, lead, "lead"), VALUE (DemoScenario, team, "team", FIELD_TEAM),
  TEXT (DemoScenario, outcomes, "outcomes"), TEXT (DemoScenario, affected, "affected"),
  VALUE (DemoScenario, start, "start", FIELD_INT), VALUE (DemoScenario, review, "review", FIELD_INT),
  TEXT (DemoScenario, service, "service"), TEXT (DemoScenario, people, "people"),
  TEXT (DemoScenario, site, "site"),
  VALUE (DemoScenario, coverage, "coverage", FIELD_COVERAGE),
  NESTED (DemoScenario, answers, "answers", FIELD_LIST, DemoAnswer, answer_fields),
  NESTED (DemoScenario, actions, "actions", FIELD_LIST, DemoAction, action_fields),
  NESTED (DemoScenario, coproduction, "coproduction", FIELD_LIST, DemoCoproduction,
          coproduction_fields),
  NESTED (DemoScenario, attachments, "attachments", FIELD_LIST, DemoAttachment,
          attachment_fields),
  NESTED (DemoScenario, links, "links", FIELD_LIST, DemoLink, link_fields),
  NESTED (DemoScenario, gap, "gap", FIELD_OBJECT, DemoAnswer, answer_fields),
  VALUE (DemoScenario, stage, "stage", FIELD_STAGE),
  VALUE (DemoScenario, author, "author", FIELD_SIGNER),
  VALUE (DemoScenario, reviewer, "reviewer", FIELD_SIGNER),
  TEXT (DemoScenario, decision_reason, "decision_reason"),
  NESTED (DemoScenario, follow_up, "follow_up", FIELD_OBJECT, DemoFollowUp, follow_up_fields),
  { NULL },
};

static const DemoField evidence_fields[] = {
  TEXT (DemoEvidence, prompt_id, "prompt"), TEXT (DemoEvidence, evidence, "evidence"),
  { NULL },
};

static void fill_fields (const cJSON     *object,
                         gpointer         element,
                         const DemoField *fields);

/* A NULL-terminated array of @size-byte elements, one an item of
 * @array, each filled in as @fields say. */
static gpointer
fill_list (const cJSON     *array,
           gsize            size,
           const DemoField *fields)
{
  const cJSON *item;
  guint8 *elements = examples_alloc (size * ((gsize) cJSON_GetArraySize (array) + 1));
  guint i = 0;

  cJSON_ArrayForEach (item, array)
    fill_fields (item, elements + size * i++, fields);
  return elements;
}

static void
fill_team (const cJSON  *array,
           const char  **team)
{
  const cJSON *item;
  guint i = 0;

  /* Six places, the last one the terminating NULL. */
  cJSON_ArrayForEach (item, array)
    if (i < 5)
      team[i++] = cJSON_GetStringValue (item);
}

/* Sets @element's members from @object as @fields say; the built-in
 * data is checked by the tests, so anything else is a broken build. */
static void
fill_fields (const cJSON     *object,
             gpointer         element,
             const DemoField *fields)
{
  for (const DemoField *f = fields; f->name != NULL; f++)
    {
      const cJSON *item = cJSON_GetObjectItemCaseSensitive (object, f->name);
      const char *text = cJSON_GetStringValue (item);
      gpointer member = (guint8 *) element + f->offset;
      int *value = member;
      gboolean ok = TRUE;

      if (item == NULL)
        continue;

      switch (f->type)
        {
        case FIELD_TEXT:
          *(const char **) member = text;
          break;
        case FIELD_INT:
          *value = item->valueint;
          break;
        case FIELD_RATING:
          ok = pc_rating_from_string (text, (PcRating *) member);
          break;
        case FIELD_STATUS:
          ok = pc_action_status_from_string (text, (PcActionStatus *) member);
          break;
        case FIELD_KIND:
          ok = pc_kind_from_string (text, (PcChangeKind *) member);
          break;
        case FIELD_STAGE:
          ok = id_index (stage_ids, G_N_ELEMENTS (stage_ids), text, value);
          break;
        case FIELD_COVERAGE:
          ok = id_index (coverage_ids, G_N_ELEMENTS (coverage_ids), text, value);
          break;
        case FIELD_SIGNER:
          *value = (int) signer_named (text);
          break;
        case FIELD_TEAM:
          fill_team (item, member);
          break;
        case FIELD_LIST:
          *(gpointer *) member = fill_list (item, f->size, f->fields);
          break;
        case FIELD_OBJECT:
          *(gpointer *) member = examples_alloc (f->size);
          fill_fields (item, *(gpointer *) member, f->fields);
          break;
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        g_error ("The built-in examples are damaged: “%s” is not a %s", text, f->name);
    }
}

static void
free_examples (void)
{
  g_clear_pointer (&examples.blocks, g_ptr_array_unref);
  g_clear_pointer (&examples.root, cJSON_Delete);
  memset (&examples, 0, sizeof examples);
}

/* Loads the examples for one fill; free_examples() when it is done. */
static gboolean
load_examples (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const cJSON *shared;
  const cJSON *list;
  DemoScenario *loaded;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (EXAMPLES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  examples.root = pc_json_parse_strict (data, size, error);
  if (examples.root == NULL)
    return FALSE;

  examples.blocks = g_ptr_array_new_with_free_func (g_free);
  shared = cJSON_GetObjectItemCaseSensitive (examples.root, "shared_evidence");
  examples.shared_evidence = fill_list (shared, sizeof (DemoEvidence), evidence_fields);
  examples.n_shared_evidence = (guint) cJSON_GetArraySize (shared);
  list = cJSON_GetObjectItemCaseSensitive (examples.root, "scenarios");
  loaded = fill_list (list, sizeof (DemoScenario), scenario_fields);
  examples.n_scenarios = (guint) cJSON_GetArraySize (list);
  examples.scenarios = examples_alloc (sizeof (DemoScenario *) * examples.n_scenarios);
  for (guint i = 0; i < examples.n_scenarios; i++)
    examples.scenarios[i] = &loaded[i];

  return TRUE;
}

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};

/* The date @days from @now, as YYYY-MM-DD when @iso, or written out in
 * English ("14 March 2027") otherwise: the example texts are English
 * whatever the locale. Returns: (transfer full) */
static char *
format_day (GDateTime *now,
            int        days,
            gboolean   iso)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  if (iso)
    return g_date_time_format (day, "%Y-%m-%d");

  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (day),
                          month_names[g_date_time_get_month (day) - 1],
                          g_date_time_get_year (day));
}

/* The value of one template key, or NULL when @key is not one. */
static char *
lookup (const char          *key,
        const DemoScenario  *scenario,
        GDateTime           *now)
{
  const char *number = NULL;
  gboolean iso = FALSE;
  gint64 days;

  if (g_str_equal (key, "service"))
    return g_strdup (scenario->service);
  if (g_str_equal (key, "people"))
    return g_strdup (scenario->people);
  if (g_str_equal (key, "site"))
    return g_strdup (scenario->site);

  if (g_str_has_prefix (key, "d:"))
    number = key + strlen ("d:");
  else if (g_str_has_prefix (key, "iso:"))
    {
      number = key + strlen ("iso:");
      iso = TRUE;
    }

  if (number == NULL
      || !g_ascii_string_to_signed (number, 10, -3650, 3650, &days, NULL))
    return NULL;

  return format_day (now, (int) days, iso);
}

/* Fills in the keys of @template (see the comment above DemoAnswer).
 * Returns: (transfer full) (nullable): NULL when @template is. */
static char *
expand (const char          *template,
        const DemoScenario  *scenario,
        GDateTime           *now)
{
  GString *out;
  const char *p;

  if (template == NULL)
    return NULL;

  out = g_string_new (NULL);
  p = template;
  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (close != NULL)
        {
          key = g_strndup (p + 1, (gsize) (close - p - 1));
          value = lookup (key, scenario, now);
        }

      if (value == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      g_string_append (out, value);
      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

static const DemoAnswer *
find_answer (const DemoAnswer *answers,
             const char       *prompt_id)
{
  for (const DemoAnswer *a = answers; a != NULL && a->prompt_id != NULL; a++)
    if (g_str_equal (a->prompt_id, prompt_id))
      return a;

  return NULL;
}

static gboolean
has_prompt (PcChecklist *checklist,
            const char  *prompt_id)
{
  return pc_checklist_find_prompt (checklist, prompt_id, NULL) != NULL;
}

/* Answers @prompt_id as @answer says, filling in its templates. */
static gboolean
set_answer (PcStore             *store,
            gint64               id,
            const char          *prompt_id,
            const DemoAnswer    *answer,
            const DemoScenario  *scenario,
            GDateTime           *now,
            GError             **error)
{
  g_autofree char *evidence = expand (answer->evidence, scenario, now);
  g_autofree char *justification = expand (answer->justification, scenario, now);

  return pc_store_set_answer (store, id, prompt_id, answer->rating, evidence, justification,
                              error);
}

/* The shared text for @prompt_id, or NULL when there is none. */
static const char *
shared_text (const char *prompt_id)
{
  for (guint i = 0; i < examples.n_shared_evidence; i++)
    if (g_str_equal (examples.shared_evidence[i].prompt_id, prompt_id))
      return examples.shared_evidence[i].evidence;

  return NULL;
}

/* Rates @prompt met with the shared text the team would write. */
static gboolean
set_shared_answer (PcStore             *store,
                   gint64               id,
                   const PcPrinciple   *principle,
                   const PcPrompt      *prompt,
                   const DemoScenario  *scenario,
                   GDateTime           *now,
                   GError             **error)
{
  g_autofree char *fallback = NULL;
  DemoAnswer answer = { prompt->id, PC_RATING_MET, shared_text (prompt->id), NULL };

  if (answer.evidence == NULL)
    {
      fallback = g_strdup_printf (FALLBACK_EVIDENCE, principle->title);
      answer.evidence = fallback;
    }

  return set_answer (store, id, prompt->id, &answer, scenario, now, error);
}

/* The prompt a blocking gap goes on: the one the scenario names, or the
 * checklist's last prompt when the checklist no longer has it. */
static const char *
gap_prompt (PcChecklist         *checklist,
            const DemoScenario  *scenario)
{
  const PcPrinciple *last;
  const PcPrompt *prompt;

  if (has_prompt (checklist, scenario->gap->prompt_id))
    return scenario->gap->prompt_id;

  last = pc_checklist_get_principle (checklist, pc_checklist_get_n_principles (checklist) - 1);
  prompt = g_ptr_array_index (last->prompts, last->prompts->len - 1);
  return prompt->id;
}

/* Walks the checklist in order, answering what the scenario answers and,
 * as far as its coverage goes, the rest with the shared texts. Answers
 * for prompts the checklist no longer has are left out. */
static gboolean
fill_answers (PcStore             *store,
              gint64               id,
              PcChecklist         *checklist,
              const DemoScenario  *scenario,
              GDateTime           *now,
              GError             **error)
{
  guint n_principles = pc_checklist_get_n_principles (checklist);

  for (guint i = 0; i < n_principles; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);
      gboolean shared = scenario->coverage == COVER_ALL
                        || (scenario->coverage == COVER_HALF && i < (n_principles + 1) / 2);

      for (guint j = 0; j < principle->prompts->len; j++)
        {
          const PcPrompt *prompt = g_ptr_array_index (principle->prompts, j);
          const DemoAnswer *answer = find_answer (scenario->answers, prompt->id);
          gboolean ok = TRUE;

          if (answer != NULL)
            ok = set_answer (store, id, prompt->id, answer, scenario, now, error);
          else if (shared)
            ok = set_shared_answer (store, id, principle, prompt, scenario, now, error);

          if (!ok)
            return FALSE;
        }
    }

  if (scenario->gap != NULL)
    return set_answer (store, id, gap_prompt (checklist, scenario), scenario->gap, scenario,
                       now, error);

  return TRUE;
}

static gboolean
add_actions (PcStore             *store,
             gint64               id,
             PcChecklist         *checklist,
             const DemoAction    *actions,
             const DemoScenario  *scenario,
             GDateTime           *now,
             GError             **error)
{
  for (const DemoAction *a = actions; a != NULL && a->prompt_id != NULL; a++)
    {
      g_autofree char *description = NULL;
      g_autofree char *due = NULL;
      gint64 action_id;

      if (!has_prompt (checklist, a->prompt_id))
        continue;

      description = expand (a->description, scenario, now);
      due = format_day (now, a->due, TRUE);
      action_id = pc_store_add_action (store, id, a->prompt_id, description, a->owner, due,
                                       error);
      if (action_id == 0)
        return FALSE;

      if (a->status != PC_ACTION_OPEN
          && !pc_store_set_action_field (store, action_id, "status",
                                         pc_action_status_to_string (a->status), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_coproduction (PcStore                 *store,
                  gint64                   id,
                  const DemoCoproduction  *entries,
                  const DemoScenario      *scenario,
                  GDateTime               *now,
                  GError                 **error)
{
  for (const DemoCoproduction *c = entries; c != NULL && c->who != NULL; c++)
    {
      g_autofree char *date = format_day (now, c->day, TRUE);
      g_autofree char *changed = expand (c->changed, scenario, now);

      if (pc_store_add_coproduction (store, id, c->who, c->how, date, changed, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* Attachments are small text files made in memory. */
static gboolean
add_attachments (PcStore             *store,
                 gint64               id,
                 PcChecklist         *checklist,
                 const DemoScenario  *scenario,
                 GDateTime           *now,
                 GError             **error)
{
  for (const DemoAttachment *a = scenario->attachments; a != NULL && a->prompt_id != NULL; a++)
    {
      g_autoptr(GBytes) data = NULL;
      char *content;

      if (!has_prompt (checklist, a->prompt_id))
        continue;

      content = expand (a->content, scenario, now);
      data = g_bytes_new_take (content, strlen (content));
      if (pc_store_add_attachment (store, id, a->prompt_id, a->name, a->media_type, data,
                                   error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_links (PcStore             *store,
           gint64               id,
           PcChecklist         *checklist,
           const DemoScenario  *scenario,
           GError             **error)
{
  for (const DemoLink *l = scenario->links; l != NULL && l->prompt_id != NULL; l++)
    if (has_prompt (checklist, l->prompt_id)
        && pc_store_add_link (store, id, l->prompt_id, l->url, l->title, error) == 0)
      return FALSE;

  return TRUE;
}

/* The header of a new assessment. Returns: (transfer full) */
static PcAssessment *
make_header (const DemoScenario *scenario,
             GDateTime          *now)
{
  PcAssessment *header = pc_assessment_new ();

  header->title = g_strdup (scenario->title);
  header->kind = scenario->kind;
  header->division = g_strdup (scenario->division);
  header->priority = g_strdup (scenario->priority);
  header->lead = g_strdup (scenario->lead);
  g_strfreev (header->team);
  header->team = g_strdupv ((char **) scenario->team);
  header->outcomes = g_strdup (scenario->outcomes);
  header->affected = g_strdup (scenario->affected);
  if (scenario->start != 0)
    header->start_date = format_day (now, scenario->start, TRUE);
  if (scenario->review != 0)
    header->review_date = format_day (now, scenario->review, TRUE);

  return header;
}

/* The author's changes after a return, or a new revision's. */
static gboolean
apply_follow_up (PcStore             *store,
                 gint64               id,
                 PcChecklist         *checklist,
                 const DemoScenario  *scenario,
                 GDateTime           *now,
                 GError             **error)
{
  const DemoFollowUp *follow_up = scenario->follow_up;

  if (follow_up == NULL)
    return TRUE;

  for (const DemoAnswer *a = follow_up->answers; a != NULL && a->prompt_id != NULL; a++)
    if (has_prompt (checklist, a->prompt_id)
        && !set_answer (store, id, a->prompt_id, a, scenario, now, error))
      return FALSE;

  if (follow_up->team[0] != NULL
      && !pc_store_set_team (store, id, follow_up->team, error))
    return FALSE;

  return add_actions (store, id, checklist, follow_up->actions, scenario, now, error)
      && add_coproduction (store, id, follow_up->coproduction, scenario, now, error);
}

/* Takes the assessment through review as far as the scenario goes, each
 * step signed by the person who takes it. */
static gboolean
run_lifecycle (PcStore             *store,
               gint64               id,
               PcChecklist         *checklist,
               const DemoScenario  *scenario,
               PcSigningKey       **keys,
               GDateTime           *now,
               GError             **error)
{
  PcSigningKey *reviewer;
  PcMeaning decision;
  gint64 revision;

  switch (scenario->stage)
    {
    case STAGE_DRAFT:
      return TRUE;
    case STAGE_IN_REVIEW:
      return pc_store_submit (store, id, keys[scenario->author], NULL, NULL, now, error);
    case STAGE_RETURNED:
      decision = PC_MEANING_RETURNED;
      break;
    case STAGE_APPROVED:
    case STAGE_REVISED:
      decision = PC_MEANING_APPROVED;
      break;
    case STAGE_APPROVED_WITH_CONDITIONS:
      decision = PC_MEANING_APPROVED_WITH_CONDITIONS;
      break;
    case STAGE_NOT_APPROVED:
      decision = PC_MEANING_NOT_APPROVED;
      break;
    default:
      g_assert_not_reached ();
    }

  if (!pc_store_submit (store, id, keys[scenario->author], NULL, NULL, now, error))
    return FALSE;

  reviewer = keys[scenario->reviewer];
  pc_store_set_actor (store, pc_signing_key_get_name (reviewer));
  if (!pc_store_review (store, id, decision, scenario->decision_reason, reviewer, NULL, NULL, now,
                        error))
    return FALSE;
  pc_store_set_actor (store, scenario->lead);

  if (scenario->stage == STAGE_RETURNED)
    return apply_follow_up (store, id, checklist, scenario, now, error);

  if (scenario->stage != STAGE_REVISED)
    return TRUE;

  revision = pc_store_revise (store, id, scenario->follow_up->reason, error);
  return revision != 0
      && apply_follow_up (store, revision, checklist, scenario, now, error);
}

static gboolean
add_scenario (PcStore             *store,
              PcChecklist         *checklist,
              const DemoScenario  *scenario,
              PcSigningKey       **keys,
              GDateTime           *now,
              GError             **error)
{
  g_autoptr(PcAssessment) header = make_header (scenario, now);
  gint64 id;

  pc_store_set_actor (store, scenario->lead);

  id = pc_store_create_assessment (store, header, checklist, error);
  if (id == 0)
    return FALSE;

  return fill_answers (store, id, checklist, scenario, now, error)
      && add_attachments (store, id, checklist, scenario, now, error)
      && add_links (store, id, checklist, scenario, error)
      && add_actions (store, id, checklist, scenario->actions, scenario, now, error)
      && add_coproduction (store, id, scenario->coproduction, scenario, now, error)
      && run_lifecycle (store, id, checklist, scenario, keys, now, error);
}

/* The example signer's key: made in @keys_dir, or opened when an
 * earlier run left it there. Returns: (transfer full) (nullable) */
static PcSigningKey *
signer_key (const char        *keys_dir,
            const DemoSigner  *signer,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  PcSigningKey *key;

  key = pc_signing_key_generate (keys_dir, signer->name, signer->role, signer->passphrase,
                                 &local_error);
  if (key != NULL)
    return key;

  if (g_error_matches (local_error, PC_SIGN_ERROR, PC_SIGN_ERROR_KEY_EXISTS))
    return pc_signing_key_load (keys_dir, signer->name, signer->passphrase, error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

static void
free_keys (PcSigningKey **keys)
{
  for (guint i = 0; i < N_SIGNERS; i++)
    g_clear_pointer (&keys[i], pc_signing_key_free);
}

/* A database that already holds examples knows the example signers by
 * the keys of an earlier run: each key made now is recorded as the
 * signer's new key, on purpose, as `signers record` would. */
static gboolean
record_new_keys (PcStore        *store,
                 PcSigningKey  **keys,
                 GError        **error)
{
  g_autoptr(GPtrArray) known = pc_store_list_signers (store, error);

  if (known == NULL)
    return FALSE;

  for (guint i = 0; i < N_SIGNERS; i++)
    {
      const char *name = pc_signing_key_get_name (keys[i]);
      const char *fingerprint = pc_signing_key_get_fingerprint (keys[i]);
      const char *latest = NULL;

      for (guint j = 0; j < known->len; j++)
        {
          const PcSigner *signer = g_ptr_array_index (known, j);

          if (pc_text_names_equal (signer->name, name))
            latest = signer->fingerprint;
        }

      if (latest != NULL && !g_str_equal (latest, fingerprint)
          && !pc_store_register_replaced_key (store, name, pc_signing_key_get_public_key (keys[i]),
                                              latest, error))
        return FALSE;
    }

  return TRUE;
}

/* Opens the example signers' keys into @keys: made in @keys_dir, or
 * opened when an earlier run left them there. */
static gboolean
open_keys (const char    *keys_dir,
           PcSigningKey **keys,
           GError       **error)
{
  for (guint i = 0; i < N_SIGNERS; i++)
    {
      keys[i] = signer_key (keys_dir, &signers[i], error);
      if (keys[i] == NULL)
        return FALSE;
    }

  return TRUE;
}

guint
pc_demo_fill (PcStore      *store,
              PcChecklist  *checklist,
              const char   *keys_dir,
              GDateTime    *now,
              GError      **error)
{
  g_autofree char *actor = NULL;
  g_autoptr(GDateTime) when = NULL;
  PcSigningKey *keys[N_SIGNERS] = { NULL, };
  guint added = 0;
  gboolean ok;

  g_return_val_if_fail (PC_IS_STORE (store), 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (keys_dir != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  actor = g_strdup (pc_store_get_actor (store));

  /* All the examples or none: a second run adds them again, its
   * signers' new keys recorded as replacing the first run's. */
  ok = load_examples (error) && open_keys (keys_dir, keys, error)
       && pc_store_begin_batch (store, error);
  if (ok)
    {
      ok = record_new_keys (store, keys, error);
      for (guint i = 0; ok && i < examples.n_scenarios; i++)
        {
          ok = add_scenario (store, checklist, examples.scenarios[i], keys, when, error);
          if (!ok)
            g_prefix_error (error, _("Example “%s”: "), examples.scenarios[i]->title);
          added += ok;
        }
      ok = pc_store_end_batch (store, ok, ok ? error : NULL) && ok;
    }

  free_keys (keys);
  free_examples ();
  if (actor != NULL)
    pc_store_set_actor (store, actor);

  return ok ? added : 0;
}

/* ---- Generated assessments: demo --count ----------------------------- */

/* How many generated assessments of every hundred reach each stage: a
 * database some years old, where most changes have been decided. */
static const struct
{
  DemoStage stage;
  guint     per_hundred;
} generated_mix[] = {
  { STAGE_DRAFT, 40 },
  { STAGE_RETURNED, 8 },
  { STAGE_IN_REVIEW, 12 },
  { STAGE_APPROVED, 22 },
  { STAGE_APPROVED_WITH_CONDITIONS, 10 },
  { STAGE_NOT_APPROVED, 8 },
};

/* How many generated assessments are committed together. */
#define GENERATED_BATCH 250

/* The authors among the signers, and the governance reviewers. */
#define FIRST_REVIEWER SIGNER_WISNIEWSKA

/* What the generator draws from: every example's answers and actions
 * by prompt, and every co-production entry. */
typedef struct
{
  GRand       *rand;
  PcChecklist *checklist;
  GPtrArray   *prompts;        /* const PcPrompt *, in checklist order */
  GHashTable  *answers;        /* prompt id → GPtrArray of const DemoAnswer * */
  GHashTable  *actions;        /* prompt id → GPtrArray of const DemoAction * */
  GPtrArray   *coproduction;   /* const DemoCoproduction * */
  GArray      *made_answers;   /* DemoAnswer, for one assessment */
  GArray      *made_actions;   /* DemoAction */
  GArray      *made_coproduction; /* DemoCoproduction */
} Generator;

static void
index_by_prompt (GHashTable  *table,
                 const char  *prompt_id,
                 gconstpointer item)
{
  GPtrArray *list = g_hash_table_lookup (table, prompt_id);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) prompt_id, list);
    }
  g_ptr_array_add (list, (gpointer) item);
}

static void
generator_init (Generator    *gen,
                PcChecklist  *checklist,
                guint         count)
{
  guint n_principles = pc_checklist_get_n_principles (checklist);

  /* The same count makes the same assessments. */
  gen->rand = g_rand_new_with_seed (0x5eed + count);
  gen->checklist = checklist;
  gen->prompts = g_ptr_array_new ();
  gen->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  gen->actions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  gen->coproduction = g_ptr_array_new ();
  gen->made_answers = g_array_new (TRUE, TRUE, sizeof (DemoAnswer));
  gen->made_actions = g_array_new (TRUE, TRUE, sizeof (DemoAction));
  gen->made_coproduction = g_array_new (TRUE, TRUE, sizeof (DemoCoproduction));

  for (guint i = 0; i < n_principles; i++)
    {
      const PcPrinciple *principle = pc_checklist_get_principle (checklist, i);

      for (guint j = 0; j < principle->prompts->len; j++)
        g_ptr_array_add (gen->prompts, g_ptr_array_index (principle->prompts, j));
    }

  for (guint i = 0; i < examples.n_scenarios; i++)
    {
      const DemoScenario *s = examples.scenarios[i];

      for (const DemoAnswer *a = s->answers; a->prompt_id != NULL; a++)
        if (has_prompt (checklist, a->prompt_id))
          index_by_prompt (gen->answers, a->prompt_id, a);
      for (const DemoAction *a = s->actions; a != NULL && a->prompt_id != NULL; a++)
        if (has_prompt (checklist, a->prompt_id))
          index_by_prompt (gen->actions, a->prompt_id, a);
      for (const DemoCoproduction *c = s->coproduction; c != NULL && c->who != NULL; c++)
        g_ptr_array_add (gen->coproduction, (gpointer) c);
    }
}

static void
generator_clear (Generator *gen)
{
  g_rand_free (gen->rand);
  g_ptr_array_unref (gen->prompts);
  g_hash_table_unref (gen->answers);
  g_hash_table_unref (gen->actions);
  g_ptr_array_unref (gen->coproduction);
  g_array_unref (gen->made_answers);
  g_array_unref (gen->made_actions);
  g_array_unref (gen->made_coproduction);
}

static gpointer
pick (Generator  *gen,
      GPtrArray  *list)
{
  if (list == NULL || list->len == 0)
    return NULL;

  return g_ptr_array_index (list, g_rand_int_range (gen->rand, 0, (gint32) list->len));
}

static DemoStage
pick_stage (Generator *gen)
{
  guint roll = (guint) g_rand_int_range (gen->rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (generated_mix); i++)
    {
      if (roll < generated_mix[i].per_hundred)
        return generated_mix[i].stage;
      roll -= generated_mix[i].per_hundred;
    }

  return STAGE_DRAFT;
}

/* Answers for the first @n_answered prompts: one in eight an example's
 * own answer for that prompt (met, partly met, not met or not
 * applicable), the rest the shared text. A gap (partly or not met) is
 * kept only with an example's action on the same prompt, so that a
 * complete assessment has nothing that blocks its sign-off. */
static void
make_answers (Generator  *gen,
              guint       n_answered,
              gboolean    complete)
{
  g_array_set_size (gen->made_answers, 0);
  g_array_set_size (gen->made_actions, 0);

  for (guint i = 0; i < n_answered && i < gen->prompts->len; i++)
    {
      const PcPrompt *prompt = g_ptr_array_index (gen->prompts, i);
      const DemoAnswer *own = NULL;
      DemoAnswer answer = { prompt->id, PC_RATING_MET, shared_text (prompt->id), NULL };

      if (g_rand_int_range (gen->rand, 0, 8) == 0)
        own = pick (gen, g_hash_table_lookup (gen->answers, prompt->id));

      if (own != NULL && (own->rating == PC_RATING_PARTLY_MET || own->rating == PC_RATING_NOT_MET))
        {
          const DemoAction *action = pick (gen, g_hash_table_lookup (gen->actions, prompt->id));

          if (action != NULL)
            g_array_append_val (gen->made_actions, *action);
          else
            own = NULL;
        }

      if (own != NULL)
        answer = *own;
      /* A complete one leaves the rest to the shared texts (with their
       * fallback); a draft skips what has no shared text. */
      if (own != NULL || (!complete && answer.evidence != NULL))
        g_array_append_val (gen->made_answers, answer);
    }
}

static void
make_coproduction (Generator *gen,
                   guint      n)
{
  g_array_set_size (gen->made_coproduction, 0);

  for (guint i = 0; i < n; i++)
    g_array_append_val (gen->made_coproduction, *(const DemoCoproduction *) pick (gen, gen->coproduction));
}

/* The reason the example of @stage gives for its decision. */
static const char *
decision_for (DemoStage stage)
{
  for (guint i = 0; i < examples.n_scenarios; i++)
    if (examples.scenarios[i]->stage == stage)
      return examples.scenarios[i]->decision_reason;

  return NULL;
}

/* One generated assessment: an example's words and team under a new
 * division and priority, a drawn stage, answers and evidence. */
static gboolean
add_generated (Generator      *gen,
               PcStore        *store,
               PcSigningKey  **keys,
               GDateTime      *now,
               PcDemoFlags     flags,
               GError        **error)
{
  const char * const *divisions = pc_vocab_ids (PC_VOCAB_DIVISION);
  const char * const *priorities = pc_vocab_ids (PC_VOCAB_PRIORITY);
  const DemoScenario *base = examples.scenarios[g_rand_int_range (gen->rand, 0, (gint32) examples.n_scenarios)];
  DemoScenario made = *base;
  g_autofree char *title = NULL;
  gboolean complete;

  made.stage = (flags & PC_DEMO_DRAFTS) != 0 ? STAGE_DRAFT : pick_stage (gen);
  made.author = (DemoSignerId) g_rand_int_range (gen->rand, 0, FIRST_REVIEWER);
  made.reviewer = (DemoSignerId) g_rand_int_range (gen->rand, FIRST_REVIEWER, N_SIGNERS);
  made.decision_reason = decision_for (made.stage);
  made.follow_up = NULL;
  made.gap = NULL;
  made.attachments = NULL;
  made.links = NULL;
  made.division = divisions[g_rand_int_range (gen->rand, 0, (gint32) g_strv_length ((char **) divisions))];
  made.priority = priorities[g_rand_int_range (gen->rand, 0, (gint32) g_strv_length ((char **) priorities))];
  made.start = base->start + g_rand_int_range (gen->rand, -30, 60);
  made.review = made.start + 180;
  title = g_strdup_printf ("%s (phase %d)", base->title, g_rand_int_range (gen->rand, 1, 10));
  made.title = title;

  /* Whoever sends it to review leads it. */
  complete = made.stage != STAGE_DRAFT;
  if (complete)
    made.lead = signers[made.author].name;

  make_answers (gen, complete ? gen->prompts->len
                              : (guint) g_rand_int_range (gen->rand, 0, (gint32) gen->prompts->len + 1),
                complete);
  make_coproduction (gen, (guint) g_rand_int_range (gen->rand, complete ? 1 : 0, 4));
  made.coverage = complete ? COVER_ALL : COVER_FEW;
  made.answers = (const DemoAnswer *) (gpointer) gen->made_answers->data;
  made.actions = (const DemoAction *) (gpointer) gen->made_actions->data;
  made.coproduction = (const DemoCoproduction *) (gpointer) gen->made_coproduction->data;

  return add_scenario (store, gen->checklist, &made, keys, now, error);
}

guint
pc_demo_generate (PcStore      *store,
                  PcChecklist  *checklist,
                  const char   *keys_dir,
                  guint         count,
                  PcDemoFlags   flags,
                  GDateTime    *now,
                  GError      **error)
{
  g_autofree char *actor = NULL;
  g_autoptr(GDateTime) when = NULL;
  PcSigningKey *keys[N_SIGNERS] = { NULL, };
  Generator gen = { NULL, };
  gboolean ok;
  guint i;

  g_return_val_if_fail (PC_IS_STORE (store), 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (keys_dir != NULL, 0);
  g_return_val_if_fail (count > 0 && count <= PC_DEMO_MAX_COUNT, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  actor = g_strdup (pc_store_get_actor (store));

  ok = load_examples (error);

  /* Drafts sign nothing, and need no keys (each is slow to make). */
  if (ok && (flags & PC_DEMO_DRAFTS) == 0)
    ok = open_keys (keys_dir, keys, error) && record_new_keys (store, keys, error);

  /* One commit a batch rather than one a change. */
  if (ok)
    generator_init (&gen, checklist, count);
  for (i = 0; ok && i < count; i += GENERATED_BATCH)
    {
      guint end = MIN (count, i + GENERATED_BATCH);
      guint j;

      if (!pc_store_begin_batch (store, error))
        {
          ok = FALSE;
          break;
        }
      for (j = i; ok && j < end; j++)
        ok = add_generated (&gen, store, keys, when, flags, error);
      if (!ok)
        g_prefix_error (error, _("Generated assessment %u: "), j);
      ok = pc_store_end_batch (store, ok, ok ? error : NULL) && ok;
    }
  if (gen.rand != NULL)
    generator_clear (&gen);

  free_keys (keys);
  free_examples ();
  if (actor != NULL)
    pc_store_set_actor (store, actor);

  return ok ? count : 0;
}
