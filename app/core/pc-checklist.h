/* pc-checklist.h: a checklist of principles and prompts, loaded from JSON
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_CHECKLIST_ERROR (pc_checklist_error_quark ())

/* Every way a checklist file can be refused has its own code. The
 * message is one line naming the file and, where there is one, the JSON
 * path ("principles[3].prompts[0].id") or byte offset. */
typedef enum
{
  PC_CHECKLIST_ERROR_PARSE,               /* not JSON (message has the offset) */
  PC_CHECKLIST_ERROR_TRAILING_DATA,       /* something after the JSON value */
  PC_CHECKLIST_ERROR_INVALID_UTF8,
  PC_CHECKLIST_ERROR_DUPLICATE_KEY,       /* the same key twice in one object */
  PC_CHECKLIST_ERROR_MISSING_FIELD,
  PC_CHECKLIST_ERROR_WRONG_TYPE,
  PC_CHECKLIST_ERROR_INVALID_VALUE,       /* empty title, malformed id, version < 1, … */
  PC_CHECKLIST_ERROR_DUPLICATE_ID,        /* two principles or two prompts share an id */
  PC_CHECKLIST_ERROR_NO_PRINCIPLES,
  PC_CHECKLIST_ERROR_NO_PROMPTS,          /* a principle with no prompts */
  PC_CHECKLIST_ERROR_UNKNOWN_FORMAT,      /* "format" is not principle-check-checklist */
  PC_CHECKLIST_ERROR_UNSUPPORTED_VERSION, /* "format_version" this program cannot read */
  PC_CHECKLIST_ERROR_IO,                  /* the file could not be read */
} PcChecklistError;

/* The format_version this program reads and writes. */
#define PC_CHECKLIST_FORMAT_VERSION 1

/* Immutable once loaded; every string is owned by the checklist. */
struct _PcPrompt
{
  char        *id;
  char        *question;
  char        *guidance;   /* nullable */
  GStrv        refs;       /* never NULL, may be empty */
};

struct _PcPrinciple
{
  char        *id;
  char        *title;
  char        *description;
  GPtrArray   *prompts;    /* PcPrompt, in file order */
};

GQuark              pc_checklist_error_quark      (void);

/* @source_name names the input in error messages (a path, or
 * "built-in checklist"). */
PcChecklist        *pc_checklist_new_from_bytes   (GBytes            *json,
                                                   const char        *source_name,
                                                   GError           **error);
PcChecklist        *pc_checklist_new_from_file    (const char        *path,
                                                   GError           **error);
/* The Trust's ten clinical principles, built into the program. */
PcChecklist        *pc_checklist_new_default      (GError           **error);

PcChecklist        *pc_checklist_ref              (PcChecklist       *self);
void                pc_checklist_unref            (PcChecklist       *self);

const char         *pc_checklist_get_id           (const PcChecklist *self);
int                 pc_checklist_get_version      (const PcChecklist *self);
const char         *pc_checklist_get_title        (const PcChecklist *self);
const char         *pc_checklist_get_source       (const PcChecklist *self); /* nullable */
/* Lower-case hex SHA-256 of the exact bytes loaded. */
const char         *pc_checklist_get_sha256       (const PcChecklist *self);
/* The exact bytes loaded. Transfer none. */
GBytes             *pc_checklist_get_bytes        (const PcChecklist *self);

guint               pc_checklist_get_n_principles (const PcChecklist *self);
const PcPrinciple  *pc_checklist_get_principle    (const PcChecklist *self,
                                                   guint              index);
/* Total prompts over every principle. */
guint               pc_checklist_get_n_prompts    (const PcChecklist *self);
/* NULL when no prompt has that id; @out_principle may be NULL. */
const PcPrompt     *pc_checklist_find_prompt      (const PcChecklist *self,
                                                   const char        *prompt_id,
                                                   const PcPrinciple **out_principle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcChecklist, pc_checklist_unref)

G_END_DECLS
