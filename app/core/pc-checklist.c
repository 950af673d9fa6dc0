/* pc-checklist.c: a checklist of principles and prompts, loaded from JSON
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pc-checklist"

#include "config.h"

#include <inttypes.h>

#include "pc-checklist.h"

#include "pc-json.h"
#include "pc-text.h"

#include <glib/gi18n.h>

#define FORMAT_NAME "principle-check-checklist"
#define DEFAULT_RESOURCE "/uk/nhs/beh/PrincipleCheck/checklists/beh-clinical-principles.json"

/* The longest value quoted back in a message. */
#define QUOTE_CHARS 40

struct _PcChecklist
{
  /* Owned */
  char        *id;
  int          version;
  char        *title;
  char        *source;          /* nullable */
  char        *sha256;
  GBytes      *bytes;
  GPtrArray   *principles;      /* PcPrinciple */
  GHashTable  *prompts_by_id;   /* borrowed id → PromptEntry (owned) */
  guint        n_prompts;
};

typedef struct
{
  /* Borrowed from the checklist */
  const PcPrompt    *prompt;
  const PcPrinciple *principle;
} PromptEntry;

/* State while one file is being loaded. */
typedef struct
{
  /* Borrowed */
  const char  *source;
  /* Owned */
  GHashTable  *principle_paths;  /* borrowed id → path of its first use */
  GHashTable  *prompt_paths;     /* borrowed id → path of its first use */
  GPtrArray   *paths;            /* char *, owns the paths above */
} Loader;

G_DEFINE_QUARK (pc-checklist-error-quark, pc_checklist_error)

static void
prompt_free (PcPrompt *prompt)
{
  g_free (prompt->id);
  g_free (prompt->question);
  g_free (prompt->guidance);
  g_strfreev (prompt->refs);
  g_free (prompt);
}

static void
principle_free (PcPrinciple *principle)
{
  g_free (principle->id);
  g_free (principle->title);
  g_free (principle->description);
  g_clear_pointer (&principle->prompts, g_ptr_array_unref);
  g_free (principle);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPrompt, prompt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcPrinciple, principle_free)

static void
checklist_clear (PcChecklist *self)
{
  g_free (self->id);
  g_free (self->title);
  g_free (self->source);
  g_free (self->sha256);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->prompts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->principles, g_ptr_array_unref);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->principle_paths, g_hash_table_unref);
  g_clear_pointer (&loader->prompt_paths, g_hash_table_unref);
  g_clear_pointer (&loader->paths, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Sets a one-line error: the source, then the JSON path when there is
 * one, then what is wrong. */
G_GNUC_PRINTF (5, 6)
static void
set_error (const Loader      *loader,
           GError           **error,
           PcChecklistError   code,
           const char        *path,
           const char        *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && path[0] != '\0')
    g_set_error (error, PC_CHECKLIST_ERROR, code, "%s: %s: %s", loader->source, path, what);
  else
    g_set_error (error, PC_CHECKLIST_ERROR, code, "%s: %s", loader->source, what);
}

static char *
member_path (const char *path,
             const char *key)
{
  if (path[0] == '\0')
    return g_strdup (key);
  return g_strdup_printf ("%s.%s", path, key);
}

/* Describes a JSON value for "must be X, not Y". */
static char *
describe_value (const cJSON *item)
{
  if (cJSON_IsString (item))
    return g_strdup (_("a string"));
  if (cJSON_IsNumber (item))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, item->valuedouble));
    }
  if (cJSON_IsBool (item))
    return g_strdup (cJSON_IsTrue (item) ? "true" : "false");
  if (cJSON_IsNull (item))
    return g_strdup ("null");
  if (cJSON_IsArray (item))
    return g_strdup (_("a list (array)"));
  if (cJSON_IsObject (item))
    return g_strdup (_("an object"));
  return g_strdup (_("an unknown value"));
}

static void
set_wrong_type (const Loader  *loader,
                GError       **error,
                const char    *path,
                const char    *expected,
                const cJSON   *item)
{
  g_autofree char *actual = describe_value (item);

  set_error (loader, error, PC_CHECKLIST_ERROR_WRONG_TYPE, path,
             _("must be %s, not %s"), expected, actual);
}

/* Checks that @item, found at @path, is of the type @is_type tests,
 * which @expected names ("an object"). */
static gboolean
check_type (const Loader  *loader,
            const cJSON   *item,
            cJSON_bool   (*is_type) (const cJSON *),
            const char    *path,
            const char    *expected,
            GError       **error)
{
  if (is_type (item))
    return TRUE;

  set_wrong_type (loader, error, path, expected, item);
  return FALSE;
}

/* Finds @key in @object. A missing required key is an error whose
 * message ends with @hint, which says what to do. */
static gboolean
get_member (const Loader  *loader,
            const cJSON   *object,
            const char    *path,
            const char    *key,
            const char    *hint,
            const cJSON  **out,
            GError       **error)
{
  *out = cJSON_GetObjectItemCaseSensitive (object, key);

  if (*out == NULL && hint != NULL)
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_MISSING_FIELD, path,
                 _("missing \"%s\": %s"), key, hint);
      return FALSE;
    }

  return TRUE;
}

/* Checks that @item, found at @path, is text with something in it. */
static gboolean
check_text (const Loader  *loader,
            const cJSON   *item,
            const char    *path,
            GError       **error)
{
  if (!check_type (loader, item, cJSON_IsString, path, _("a string"), error))
    return FALSE;

  if (pc_text_is_blank (item->valuestring))
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_INVALID_VALUE, path,
                 _("must not be empty"));
      return FALSE;
    }

  return TRUE;
}

/* Reads a text member. With a NULL @hint the member is optional and
 * *@out is NULL when it is absent. */
static gboolean
get_text (const Loader  *loader,
          const cJSON   *object,
          const char    *path,
          const char    *key,
          const char    *hint,
          const char   **out,
          GError       **error)
{
  const cJSON *item;
  g_autofree char *item_path = NULL;

  *out = NULL;
  if (!get_member (loader, object, path, key, hint, &item, error))
    return FALSE;
  if (item == NULL)
    return TRUE;

  item_path = member_path (path, key);
  if (!check_text (loader, item, item_path, error))
    return FALSE;

  *out = item->valuestring;
  return TRUE;
}

static gboolean
get_id (const Loader  *loader,
        const cJSON   *object,
        const char    *path,
        const char    *hint,
        const char   **out,
        GError       **error)
{
  if (!get_text (loader, object, path, "id", hint, out, error))
    return FALSE;

  if (!pc_text_is_id (*out, '-'))
    {
      g_autofree char *item_path = member_path (path, "id");
      g_autofree char *quoted = pc_json_quote (*out, QUOTE_CHARS);

      set_error (loader, error, PC_CHECKLIST_ERROR_INVALID_VALUE, item_path,
                 _("%s is not a valid id: use lower-case letters and digits in groups joined by single hyphens, such as \"people-at-the-heart\""),
                 quoted);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_whole_number (const Loader  *loader,
                  const cJSON   *object,
                  const char    *path,
                  const char    *key,
                  const char    *hint,
                  gint64        *out,
                  GError       **error)
{
  const cJSON *item;

  if (!get_member (loader, object, path, key, hint, &item, error))
    return FALSE;

  if (!pc_json_get_int (object, key, out))
    {
      g_autofree char *item_path = member_path (path, key);

      set_wrong_type (loader, error, item_path, _("a whole number"), item);
      return FALSE;
    }

  return TRUE;
}

/* Reads a required list; an empty one is refused with @empty_code. */
static gboolean
get_list (const Loader      *loader,
          const cJSON       *object,
          const char        *path,
          const char        *key,
          const char        *missing_hint,
          PcChecklistError   empty_code,
          const char        *empty_message,
          const cJSON      **out,
          GError           **error)
{
  g_autofree char *item_path = member_path (path, key);

  if (!get_member (loader, object, path, key, missing_hint, out, error)
      || !check_type (loader, *out, cJSON_IsArray, item_path, _("a list (array)"), error))
    return FALSE;

  if ((*out)->child == NULL)
    {
      set_error (loader, error, empty_code, item_path, "%s", empty_message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_object (const Loader  *loader,
              const cJSON   *item,
              const char    *path,
              GError       **error)
{
  return check_type (loader, item, cJSON_IsObject, path, _("an object"), error);
}

/* Records @id as first used at @path; refuses it if already used. */
static gboolean
claim_id (Loader      *loader,
          GHashTable  *ids,
          const char  *id,
          const char  *path,
          const char  *hint,
          GError     **error)
{
  const char *first = g_hash_table_lookup (ids, id);
  char *owned_path;

  if (first != NULL)
    {
      g_autofree char *id_path = member_path (path, "id");
      g_autofree char *quoted = pc_json_quote (id, QUOTE_CHARS);

      set_error (loader, error, PC_CHECKLIST_ERROR_DUPLICATE_ID, id_path,
                 _("%s is already the id of %s: %s"), quoted, first, hint);
      return FALSE;
    }

  owned_path = g_strdup (path);
  g_ptr_array_add (loader->paths, owned_path);
  g_hash_table_insert (ids, (gpointer) id, owned_path);
  return TRUE;
}

static GStrv
load_refs (const Loader  *loader,
           const cJSON   *object,
           const char    *path,
           GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *refs_path = member_path (path, "refs");
  const cJSON *refs;
  const cJSON *ref;
  guint index = 0;

  if (!get_member (loader, object, path, "refs", NULL, &refs, error))
    return NULL;

  if (refs != NULL
      && !check_type (loader, refs, cJSON_IsArray, refs_path, _("a list (array) of strings"), error))
    return NULL;

  cJSON_ArrayForEach (ref, refs)
    {
      g_autofree char *ref_path = g_strdup_printf ("%s[%u]", refs_path, index++);

      if (!check_text (loader, ref, ref_path, error))
        return NULL;
      g_strv_builder_add (builder, ref->valuestring);
    }

  return g_strv_builder_end (builder);
}

static PcPrompt *
load_prompt (Loader       *loader,
             const cJSON  *object,
             const char   *path,
             GError      **error)
{
  g_autoptr(PcPrompt) prompt = g_new0 (PcPrompt, 1);
  const char *id;
  const char *question;
  const char *guidance;
  const char *basis;

  if (!check_object (loader, object, path, error)
      || !get_id (loader, object, path, _("every prompt needs a unique id"), &id, error)
      || !get_text (loader, object, path, "question", _("every prompt needs a question"), &question, error)
      || !get_text (loader, object, path, "guidance", NULL, &guidance, error)
      /* The basis is for the people who write checklists; it is only
       * checked, not kept. */
      || !get_text (loader, object, path, "basis", NULL, &basis, error))
    return NULL;

  prompt->refs = load_refs (loader, object, path, error);
  if (prompt->refs == NULL)
    return NULL;

  if (!claim_id (loader, loader->prompt_paths, id, path,
                 _("every prompt in the checklist needs its own id"), error))
    return NULL;

  prompt->id = g_strdup (id);
  prompt->question = g_strdup (question);
  prompt->guidance = g_strdup (guidance);

  return g_steal_pointer (&prompt);
}

static PcPrinciple *
load_principle (Loader       *loader,
                const cJSON  *object,
                const char   *path,
                GError      **error)
{
  g_autoptr(PcPrinciple) principle = g_new0 (PcPrinciple, 1);
  g_autofree char *prompts_path = member_path (path, "prompts");
  const cJSON *prompts;
  const cJSON *item;
  const char *id;
  const char *title;
  const char *description;
  guint index = 0;

  if (!check_object (loader, object, path, error)
      || !get_id (loader, object, path, _("every principle needs a unique id"), &id, error)
      || !get_text (loader, object, path, "title", _("every principle needs a title"), &title, error)
      || !get_text (loader, object, path, "description", _("every principle needs a short description"), &description, error)
      || !get_list (loader, object, path, "prompts", _("every principle needs a list of prompts"),
                    PC_CHECKLIST_ERROR_NO_PROMPTS,
                    _("the list is empty: every principle needs at least one prompt"),
                    &prompts, error)
      || !claim_id (loader, loader->principle_paths, id, path,
                    _("every principle needs its own id"), error))
    return NULL;

  principle->id = g_strdup (id);
  principle->title = g_strdup (title);
  principle->description = g_strdup (description);
  principle->prompts = g_ptr_array_new_with_free_func ((GDestroyNotify) prompt_free);

  cJSON_ArrayForEach (item, prompts)
    {
      g_autofree char *prompt_path = g_strdup_printf ("%s[%u]", prompts_path, index++);
      PcPrompt *prompt = load_prompt (loader, item, prompt_path, error);

      if (prompt == NULL)
        return NULL;
      g_ptr_array_add (principle->prompts, prompt);
    }

  return g_steal_pointer (&principle);
}

/* The format and its version come first, so that a file from a newer
 * program is reported as such rather than as a missing field. */
static gboolean
check_format (const Loader  *loader,
              const cJSON   *root,
              GError       **error)
{
  const char *format;
  gint64 format_version;

  if (!get_text (loader, root, "", "format",
                 _("a checklist file has \"format\": \"principle-check-checklist\""),
                 &format, error))
    return FALSE;

  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_autofree char *quoted = pc_json_quote (format, QUOTE_CHARS);

      set_error (loader, error, PC_CHECKLIST_ERROR_UNKNOWN_FORMAT, "format",
                 _("%s is not a checklist format this program knows; expected \"%s\""),
                 quoted, FORMAT_NAME);
      return FALSE;
    }

  if (!get_whole_number (loader, root, "", "format_version",
                         _("a checklist file has \"format_version\": 1"),
                         &format_version, error))
    return FALSE;

  if (format_version > PC_CHECKLIST_FORMAT_VERSION)
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_UNSUPPORTED_VERSION, "format_version",
                 _("%" PRId64 " is newer than this program reads (%d); update Principle Check to open this checklist"),
                 format_version, PC_CHECKLIST_FORMAT_VERSION);
      return FALSE;
    }

  if (format_version != PC_CHECKLIST_FORMAT_VERSION)
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_UNSUPPORTED_VERSION, "format_version",
                 _("%" PRId64 " is not a version of this format; it must be %d"),
                 format_version, PC_CHECKLIST_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_header (PcChecklist   *self,
             const Loader  *loader,
             const cJSON   *root,
             GError       **error)
{
  const char *id;
  const char *title;
  const char *source;
  gint64 version;

  if (!get_id (loader, root, "", _("the checklist needs an id, such as \"beh-clinical-principles\""), &id, error)
      || !get_whole_number (loader, root, "", "version",
                            _("the checklist needs a version number, starting at 1"), &version, error)
      || !get_text (loader, root, "", "title", _("the checklist needs a title"), &title, error)
      || !get_text (loader, root, "", "source", NULL, &source, error))
    return FALSE;

  if (version < 1)
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_INVALID_VALUE, "version",
                 _("must be 1 or more, not %" PRId64), version);
      return FALSE;
    }

  if (version > G_MAXINT)
    {
      set_error (loader, error, PC_CHECKLIST_ERROR_INVALID_VALUE, "version",
                 _("%" PRId64 " is too large; the largest version is %d"), version, G_MAXINT);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->version = (int) version;
  self->title = g_strdup (title);
  self->source = g_strdup (source);

  return TRUE;
}

static gboolean
load_principles (PcChecklist   *self,
                 Loader        *loader,
                 const cJSON   *root,
                 GError       **error)
{
  const cJSON *principles;
  const cJSON *item;
  guint index = 0;

  if (!get_list (loader, root, "", "principles", _("list the principles under \"principles\""),
                 PC_CHECKLIST_ERROR_NO_PRINCIPLES,
                 _("the list is empty: a checklist needs at least one principle"),
                 &principles, error))
    return FALSE;

  cJSON_ArrayForEach (item, principles)
    {
      g_autofree char *path = g_strdup_printf ("principles[%u]", index++);
      PcPrinciple *principle = load_principle (loader, item, path, error);

      if (principle == NULL)
        return FALSE;

      g_ptr_array_add (self->principles, principle);
      for (guint i = 0; i < principle->prompts->len; i++)
        {
          PromptEntry *entry = g_new (PromptEntry, 1);

          entry->prompt = g_ptr_array_index (principle->prompts, i);
          entry->principle = principle;
          g_hash_table_insert (self->prompts_by_id, entry->prompt->id, entry);
        }
      self->n_prompts += principle->prompts->len;
    }

  return TRUE;
}

static PcChecklistError
checklist_code_for_json (const GError *error)
{
  g_assert (error->domain == PC_JSON_ERROR);

  switch ((PcJsonError) error->code)
    {
    case PC_JSON_ERROR_TRAILING_DATA:
      return PC_CHECKLIST_ERROR_TRAILING_DATA;
    case PC_JSON_ERROR_INVALID_UTF8:
      return PC_CHECKLIST_ERROR_INVALID_UTF8;
    case PC_JSON_ERROR_DUPLICATE_KEY:
      return PC_CHECKLIST_ERROR_DUPLICATE_KEY;
    case PC_JSON_ERROR_PARSE:
    case PC_JSON_ERROR_TOO_DEEP:
    default:
      /* Nesting too deep for the parser is still "not JSON we read". */
      return PC_CHECKLIST_ERROR_PARSE;
    }
}

/**
 * pc_checklist_new_from_bytes:
 * @json: the exact bytes of a checklist file
 * @source_name: names the input in error messages
 * @error: return location for a #PC_CHECKLIST_ERROR
 *
 * Parses and checks a checklist. Every way the input can be refused has
 * its own error code, and the message is one line naming @source_name
 * and the JSON path or byte offset of the problem.
 *
 * Returns: (transfer full) (nullable): the checklist
 */
PcChecklist *
pc_checklist_new_from_bytes (GBytes      *json,
                             const char  *source_name,
                             GError     **error)
{
  g_autoptr(PcChecklist) self = NULL;
  g_autoptr(cJSON) root = NULL;
  g_autoptr(GError) json_error = NULL;
  g_auto(Loader) loader = { 0 };
  const char *data;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (source_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  loader.source = source_name;
  loader.principle_paths = g_hash_table_new (g_str_hash, g_str_equal);
  loader.prompt_paths = g_hash_table_new (g_str_hash, g_str_equal);
  loader.paths = g_ptr_array_new_with_free_func (g_free);

  data = g_bytes_get_data (json, &len);
  root = pc_json_parse_strict (data, len, &json_error);
  if (root == NULL)
    {
      g_set_error (error, PC_CHECKLIST_ERROR, checklist_code_for_json (json_error),
                   "%s: %s", source_name, json_error->message);
      return NULL;
    }

  if (!check_object (&loader, root, _("top level"), error))
    return NULL;

  self = g_atomic_rc_box_new0 (PcChecklist);
  self->bytes = g_bytes_ref (json);
  self->principles = g_ptr_array_new_with_free_func ((GDestroyNotify) principle_free);
  self->prompts_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (!check_format (&loader, root, error)
      || !load_header (self, &loader, root, error)
      || !load_principles (self, &loader, root, error))
    return NULL;

  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, json);

  return g_steal_pointer (&self);
}

/**
 * pc_checklist_new_from_file:
 * @path: a checklist file, in the GLib file name encoding
 * @error: return location for a #PC_CHECKLIST_ERROR
 *
 * Reads @path and loads it as pc_checklist_new_from_bytes() does. A file
 * that cannot be read gives %PC_CHECKLIST_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): the checklist
 */
PcChecklist *
pc_checklist_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);

  /* GLib's message already names the file and says why it failed. */
  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      g_set_error_literal (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_IO,
                           local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (contents, len);
  return pc_checklist_new_from_bytes (bytes, display_name, error);
}

/**
 * pc_checklist_new_default:
 * @error: return location for a #PC_CHECKLIST_ERROR
 *
 * Loads the Trust's clinical principles from the checklist built into
 * the program as a resource.
 *
 * Returns: (transfer full) (nullable): the checklist
 */
PcChecklist *
pc_checklist_new_default (GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PC_CHECKLIST_ERROR, PC_CHECKLIST_ERROR_IO,
                   _("The built-in checklist is missing from this build: %s"),
                   local_error->message);
      return NULL;
    }

  return pc_checklist_new_from_bytes (bytes, _("built-in checklist"), error);
}

PcChecklist *
pc_checklist_ref (PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
pc_checklist_unref (PcChecklist *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) checklist_clear);
}

const char *
pc_checklist_get_id (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

int
pc_checklist_get_version (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

const char *
pc_checklist_get_title (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

const char *
pc_checklist_get_source (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

const char *
pc_checklist_get_sha256 (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sha256;
}

GBytes *
pc_checklist_get_bytes (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->bytes;
}

guint
pc_checklist_get_n_principles (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->principles->len;
}

const PcPrinciple *
pc_checklist_get_principle (const PcChecklist *self,
                            guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->principles->len, NULL);

  return g_ptr_array_index (self->principles, index);
}

guint
pc_checklist_get_n_prompts (const PcChecklist *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_prompts;
}

const PcPrompt *
pc_checklist_find_prompt (const PcChecklist  *self,
                          const char         *prompt_id,
                          const PcPrinciple **out_principle)
{
  const PromptEntry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (prompt_id != NULL, NULL);

  entry = g_hash_table_lookup (self->prompts_by_id, prompt_id);

  if (out_principle != NULL)
    *out_principle = entry != NULL ? entry->principle : NULL;

  return entry != NULL ? entry->prompt : NULL;
}
