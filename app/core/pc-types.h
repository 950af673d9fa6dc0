/* pc-types.h
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PcChecklist   PcChecklist;
typedef struct _PcPrinciple   PcPrinciple;
typedef struct _PcPrompt      PcPrompt;
typedef struct _PcStore       PcStore;
typedef struct _PcAssessment  PcAssessment;
typedef struct _PcAnswer      PcAnswer;
typedef struct _PcAttachment  PcAttachment;
typedef struct _PcLink        PcLink;
typedef struct _PcAction      PcAction;
typedef struct _PcCoproduction PcCoproduction;
typedef struct _PcSignoff     PcSignoff;
typedef struct _PcFinding     PcFinding;
typedef struct _PcSigningKey  PcSigningKey;

/* The program's exit statuses, for the command line and the window. */
enum
{
  PC_EXIT_OK = 0,
  PC_EXIT_FAILED = 1,  /* a check that failed */
  PC_EXIT_USAGE = 2,   /* bad usage or bad input */
};

/* The rating a team gives one prompt. `not_assessed` is the default:
 * an unopened checklist asserts nothing. */
typedef enum
{
  PC_RATING_NOT_ASSESSED,
  PC_RATING_MET,
  PC_RATING_PARTLY_MET,
  PC_RATING_NOT_MET,
  PC_RATING_NOT_APPLICABLE,
} PcRating;

/* Where an assessment is in its life. `returned` is not a state: a
 * returned assessment goes back to draft. */
typedef enum
{
  PC_STATE_DRAFT,
  PC_STATE_IN_REVIEW,
  PC_STATE_APPROVED,
  PC_STATE_APPROVED_WITH_CONDITIONS,
  PC_STATE_NOT_APPROVED,
} PcState;

/* What a signature means. */
typedef enum
{
  PC_MEANING_PREPARED,
  PC_MEANING_APPROVED,
  PC_MEANING_APPROVED_WITH_CONDITIONS,
  PC_MEANING_NOT_APPROVED,
  PC_MEANING_RETURNED,
} PcMeaning;

typedef enum
{
  PC_ACTION_OPEN,
  PC_ACTION_IN_PROGRESS,
  PC_ACTION_DONE,
} PcActionStatus;

typedef enum
{
  PC_KIND_NEW_SERVICE,
  PC_KIND_SERVICE_CHANGE,
  PC_KIND_PATHWAY_REDESIGN,
  PC_KIND_SERVICE_CLOSURE,
} PcChangeKind;

/* A principle's status, derived from its prompts' ratings, never stored. */
typedef enum
{
  PC_STATUS_GREY,   /* some prompt is still not assessed */
  PC_STATUS_GREEN,  /* every prompt met or not applicable */
  PC_STATUS_AMBER,  /* some prompt partly met, none not met */
  PC_STATUS_RED,    /* some prompt not met */
} PcStatus;

typedef enum
{
  PC_LEVEL_WARN,
  PC_LEVEL_BLOCK,
} PcLevel;

G_END_DECLS
