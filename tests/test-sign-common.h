/* test-sign-common.h: what the tests of signing keys and signatures share
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "pc-sign.h"

G_BEGIN_DECLS

/* What the tests sign with, and sign. */
#define PASSPHRASE "correct horse battery"
#define ROLE       "Clinical lead"
#define MESSAGE    "{\"title\":\"Community rehabilitation pathway\"}"
#define COMMENT    "name:Ann Lee\trole:Clinical lead meaning:approved"

PcSigningKey *
generate_key (const char *name);

char *
read_text (const char *path);


char *
get_line (const char *text,
          guint       n);

G_END_DECLS
