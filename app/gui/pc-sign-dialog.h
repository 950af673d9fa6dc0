/* pc-sign-dialog.h: the sign-off dialog: what is signed, what the signature means, name, role, passphrase
 *
 * Copyright 2026 The Principle Check authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pc-types.h"

G_BEGIN_DECLS

#define PC_TYPE_SIGN_DIALOG (pc_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcSignDialog, pc_sign_dialog, PC, SIGN_DIALOG, AdwWindow)

/* A modal window over @parent (nullable) in which one person signs
 * @assessment of @store (made against @checklist) with @meaning:
 * PC_MEANING_PREPARED submits a draft for review, the other meanings
 * record a reviewer's decision. The dialog copies what it needs from
 * @assessment, so the caller may free it while the dialog is open.
 *
 * The signer types a printed name, a role, the conditions or the reason
 * (for approved_with_conditions, returned and not_approved) and the
 * passphrase of the key kept under that name in the keys folder. A name
 * with no key yet is a first signature: the dialog asks for a new
 * passphrase twice and creates the key before signing. The key is
 * unlocked in a worker thread (the key derivation takes a noticeable
 * fraction of a second); the store is written on the main thread.
 *
 * The "dialog.sign" action signs; it is enabled only while the fields
 * required are filled in and nothing is running.
 *
 * Signals:
 *   ::signed ()   the store recorded the sign-off; the dialog then closes */
PcSignDialog *pc_sign_dialog_new                 (GtkWindow          *parent,
                                                  PcStore            *store,
                                                  const PcAssessment *assessment,
                                                  PcChecklist        *checklist,
                                                  PcMeaning           meaning);

PcMeaning     pc_sign_dialog_get_meaning         (PcSignDialog       *self);

/* The folder of signers' keys: pc_sign_default_keys_dir() unless set. */
const char   *pc_sign_dialog_get_keys_dir        (PcSignDialog       *self);
void          pc_sign_dialog_set_keys_dir        (PcSignDialog       *self,
                                                  const char         *keys_dir);

/* TRUE while a key is being unlocked or created (the "busy" property). */
gboolean      pc_sign_dialog_get_busy            (PcSignDialog       *self);

/* TRUE when the name typed has no key yet, so signing creates one. */
gboolean      pc_sign_dialog_get_first_signature (PcSignDialog       *self);

/* The fingerprint of the signer's key, shown once the name typed has a
 * key, or once the key is opened or created; NULL before. */
const char   *pc_sign_dialog_get_fingerprint     (PcSignDialog       *self);

/* The error shown under the passphrase, or NULL when there is none. */
const char   *pc_sign_dialog_get_error           (PcSignDialog       *self);

G_END_DECLS
