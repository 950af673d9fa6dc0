/* pc-assessment.h: one assessment, as loaded from the store
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pc-types.h"

G_BEGIN_DECLS

/* Plain data: the store fills these in, the linter, the summary and the
 * command line read them. Strings are owned by the struct; dates are
 * "YYYY-MM-DD" and times are UTC ISO 8601 ("2026-11-22T10:15:00Z"). A
 * nullable string is NULL when empty. */

struct _PcAnswer
{
  char     *prompt_id;
  PcRating  rating;
  char     *evidence;       /* nullable */
  char     *justification;  /* nullable: why not applicable */
  char     *updated_at;
};

struct _PcAttachment
{
  gint64  id;
  char   *prompt_id;
  char   *name;
  char   *media_type;
  gint64  size;
  char   *sha256;
  char   *added_at;
};

struct _PcLink
{
  gint64  id;
  char   *prompt_id;
  char   *url;
  char   *title;   /* nullable */
};

struct _PcAction
{
  gint64          id;
  char           *prompt_id;
  char           *description;
  char           *owner;      /* nullable */
  char           *due_date;   /* nullable */
  PcActionStatus  status;
};

struct _PcCoproduction
{
  gint64  id;
  char   *who;       /* who took part: service users, carers, staff, … */
  char   *how;       /* workshop, survey, interview, walkabout, … */
  char   *date;
  char   *changed;   /* what changed as a result */
};

struct _PcSignoff
{
  gint64     id;
  char      *name;
  char      *role;
  PcMeaning  meaning;
  char      *reason;          /* nullable: reason (returned) or conditions */
  char      *signed_at;
  char      *content_sha256;
  char      *key_id;
  char      *public_key;      /* minisign public key text */
  char      *signature;       /* minisign signature text */
  /* The audit chain as it stood when this was signed, which the
   * signature covers: its number of rows and the last row's hash.
   * audit_head is NULL (and audit_rows -1) in sign-offs made before
   * Principle Check anchored the history. */
  gint64     audit_rows;
  char      *audit_head;
};

struct _PcAssessment
{
  gint64        id;
  char         *reference;         /* "PC-2026-0007" */
  int           revision;          /* 1, 2, … */
  gint64        previous_id;       /* 0 when this is the first revision */
  char         *revision_reason;   /* nullable */

  /* Header */
  char         *title;
  PcChangeKind  kind;
  char         *division;          /* a division id, see pc-vocab.h */
  char         *priority;          /* nullable: a clinical priority id */
  char         *lead;
  GStrv         team;              /* never NULL, may be empty */
  char         *outcomes;          /* nullable: intended outcomes */
  char         *affected;          /* nullable: who is affected */
  char         *start_date;        /* nullable */
  char         *review_date;       /* nullable: planned review date */

  /* The checklist version this assessment was made against. */
  char         *checklist_id;
  int           checklist_version;
  char         *checklist_sha256;

  PcState       state;
  gboolean      imported;          /* a verified summary, read-only */
  char         *created_at;
  char         *updated_at;

  GPtrArray    *answers;           /* PcAnswer, one per answered prompt, any order */
  GPtrArray    *attachments;       /* PcAttachment */
  GPtrArray    *links;             /* PcLink */
  GPtrArray    *actions;           /* PcAction */
  GPtrArray    *coproduction;      /* PcCoproduction */
  GPtrArray    *signoffs;          /* PcSignoff, oldest first */

  /* Nullable: set by whoever re-verified it (pc_store_verify_assessment())
   * and found it altered, one phrase per mismatch (element-type utf8).
   * An altered record is never shown as signed off. */
  GPtrArray    *altered;
};

PcAssessment   *pc_assessment_new            (void);
void            pc_assessment_free           (PcAssessment       *self);

/* Transfer none; NULL when the prompt has no stored answer (which means
 * not assessed). */
const PcAnswer *pc_assessment_find_answer    (const PcAssessment *self,
                                              const char         *prompt_id);
PcRating        pc_assessment_get_rating     (const PcAssessment *self,
                                              const char         *prompt_id);

/* The derived status of one principle of @checklist. */
PcStatus        pc_assessment_principle_status (const PcAssessment *self,
                                                const PcPrinciple  *principle);

/* Prompts answered (rated anything but not assessed) in @checklist. */
guint           pc_assessment_count_answered (const PcAssessment *self,
                                              const PcChecklist  *checklist);

gboolean        pc_assessment_is_read_only   (const PcAssessment *self);

void            pc_answer_free               (PcAnswer           *answer);
void            pc_attachment_free           (PcAttachment       *attachment);
void            pc_link_free                 (PcLink             *link);
void            pc_action_free               (PcAction           *action);
void            pc_coproduction_free         (PcCoproduction     *entry);
void            pc_signoff_free              (PcSignoff          *signoff);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcAssessment, pc_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcSignoff, pc_signoff_free)

G_END_DECLS
