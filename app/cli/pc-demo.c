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
#include "pc-sign.h"
#include "pc-store.h"
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

static const DemoEvidence shared_evidence[] = {
  { "people-at-the-heart-1",
    "Needs and preferences came from three sources: the listening events and survey in the "
    "co-production record, 12 months of Friends and Family Test comments themed by the patient "
    "experience team, and an audit of 60 referrals. The main asks (one named worker, evening "
    "appointments, not having to retell their story) are written into the operational policy, "
    "section 2." },
  { "people-at-the-heart-2",
    "Care plans are written with the person in the first or second appointment, in their own "
    "words, under “What I want to get from this”. Goals are reviewed at every formal review (at "
    "least every 6 weeks) and the person gets a copy in the format they choose: paper, e-mail or "
    "the patient portal." },
  { "people-at-the-heart-3",
    "The referral and first-contact templates ask who supports the person and whether they agree "
    "to that carer being contacted; the answer is recorded on the carer tab of the electronic "
    "record. If the person declines, the question is asked again at each review rather than "
    "closed. Audit target: carer status recorded for 90% of new starters within 2 weeks." },
  { "people-at-the-heart-4",
    "Staff follow the Trust’s guidance on sharing information with carers (Triangle of Care "
    "standard 4). Carers get general information about the condition and {service} even when "
    "consent to share personal details has not been given, and any limit is explained to them. "
    "Covered in the team induction pack, session 3." },
  { "people-at-the-heart-5",
    "Carers are offered a welcome call within 5 working days, the Trust’s carers’ information "
    "pack, a named contact in the team and a referral to the local carers’ centre for their own "
    "carer’s assessment. The team’s carer lead checks this at the weekly team meeting." },
  { "whole-person-care-1",
    "The first assessment uses the Trust’s holistic assessment template, which covers physical, "
    "psychological, social, emotional and spiritual needs and has a box for the person’s own "
    "view of each. Two members of the lived experience panel tested the template with us on "
    "{d:-70}." },
  { "whole-person-care-2",
    "Every person has a physical health check when they start (blood pressure, weight, bloods "
    "where indicated, smoking and alcohol), with results shared with their GP. Abnormal results "
    "are followed up by the team’s physical health nurse, not just passed back. Audited "
    "quarterly by the physical health lead." },
  { "whole-person-care-3",
    "The operational policy says that substance use, autism or a physical illness is not a "
    "reason to decline a referral. The team can call on the dual diagnosis nurse and the autism "
    "consultation clinic for joint work, and any decline is agreed by a senior clinician at the "
    "weekly team meeting with the reason recorded." },
  { "whole-person-care-4",
    "A short checklist at assessment asks about housing, money and debt, work and loneliness. "
    "The team refers directly to the welfare benefits adviser who holds a fortnightly clinic on "
    "site, to Individual Placement and Support employment specialists, and to the borough’s "
    "social prescribing link workers." },
  { "whole-person-care-5",
    "The assessment asks about faith, beliefs and cultural identity and what the person wants "
    "the team to know about them. The team works with the Trust’s spiritual care service and has "
    "contacts with local faith leaders who have agreed to be involved when a person asks." },
  { "kindness-matters-1",
    "“What matters to you?” is the first question of the assessment and its answer sits at the "
    "top of the care plan, so every clinician sees it. Carers are asked the same question "
    "separately. Each month the team manager reviews ten care plans to check the answer shapes "
    "the goals." },
  { "kindness-matters-2",
    "First contact is a phone call from a named clinician within 2 working days of referral, "
    "then a plain-English letter (checked by the Trust’s readability panel) with a photo of the "
    "building and the name of the person they will meet. Reception staff have done the Trust’s "
    "“first impressions” training." },
  { "kindness-matters-3",
    "Each person has a shared formulation, developed with them and a psychologist within the "
    "first month and discussed at the weekly formulation meeting. Trauma-informed care training "
    "is mandatory for every clinician in the team." },
  { "kindness-matters-4",
    "Staffing and caseloads are set in the workforce plan. Every clinician has monthly clinical "
    "supervision and fortnightly caseload or case review, and a psychologist from outside the "
    "team runs a monthly reflective practice group. The team’s staff survey results are "
    "reviewed at each quarterly away day." },
  { "kindness-matters-5",
    "Experience is gathered through the Friends and Family Test, a three-question “Did we "
    "treat you kindly?” card, and a quarterly feedback session with the lived experience panel. "
    "A “You said, we did” board in the waiting area shows what changed." },
  { "accessible-flexible-recovery-inclusive-1",
    "The service runs from {site}, which is on bus routes and step-free, on weekdays with two "
    "evening sessions until 8 pm, and by video or phone where the person prefers. Home visits "
    "are offered to people who cannot travel. The hours come from the access survey in the "
    "co-production record." },
  { "accessible-flexible-recovery-inclusive-2",
    "Targets: first contact within 2 working days, assessment within 4 weeks, treatment within "
    "6 weeks. While they wait, people have a named contact, a check-in call every two weeks and "
    "the crisis line number in their first letter. Waits are reported monthly on the divisional "
    "dashboard." },
  { "accessible-flexible-recovery-inclusive-3",
    "Interpreters (face to face or by phone) are booked at referral and recorded on the "
    "electronic record. Easy read letters are available, the building has a hearing loop, and "
    "reasonable adjustments are recorded in the Trust’s adjustment passport, including for "
    "autistic people and people with a learning disability." },
  { "accessible-flexible-recovery-inclusive-4",
    "The entry criteria are in the operational policy, section 3. A referral that does not meet "
    "them is discussed at the team meeting rather than refused on paper, and the senior "
    "clinician can accept it where the person’s needs call for it. Declined referrals are "
    "audited quarterly by age, ethnicity and reason." },
  { "accessible-flexible-recovery-inclusive-5",
    "Each care plan has a staying-well plan written with the person. The team runs "
    "self-management and relapse prevention groups co-facilitated by peer support workers, and "
    "links people to courses at the borough’s Recovery College." },
  { "accessible-flexible-recovery-inclusive-6",
    "The team’s staff profile is compared with the borough’s population each year. Leaflets are "
    "in the five most-spoken community languages (Turkish, Polish, Bengali, Somali and Greek), "
    "checked by community partners, and the lived experience panel helped choose the waiting "
    "area’s design." },
  { "providing-safety-1",
    "Risks are in the project risk register (v1.2), reviewed monthly by the project board: "
    "demand above capacity, loss of continuity during the change, and vacancies. Each has an "
    "owner and a mitigation, and the register is an appendix of the business case." },
  { "providing-safety-2",
    "Hand-overs are mapped in the pathway diagram (appendix B of the operational policy). Risk "
    "information travels in the electronic record’s risk assessment and a written transfer "
    "summary; each transfer is confirmed by a call between named clinicians, and the person is "
    "told who their next contact is before the move." },
  { "providing-safety-3",
    "Staff follow the Trust’s lone working policy, with a buddy system and lone worker devices "
    "for visits. The health and safety team assessed {site} on {d:-60}, and safe staffing "
    "levels are in the workforce plan, with escalation to the site manager when below "
    "establishment." },
  { "providing-safety-4",
    "All clinical staff have level 3 adult and child safeguarding training. The assessment asks "
    "about children and dependants at home (“Think Family”), and the team has a named "
    "safeguarding lead and monthly safeguarding supervision." },
  { "providing-safety-5",
    "Incidents and near misses are reported on the Trust’s incident system, which is covered "
    "at induction and in the monthly governance meeting. People and carers are told how to "
    "raise concerns through PALS or directly with the team manager, and the Freedom to Speak Up "
    "guardian’s details are on the staff noticeboard." },
  { "providing-safety-6",
    "Learning from incidents, complaints and feedback is a standing item at the monthly team "
    "governance meeting, with actions in the team’s learning log. A quarterly learning summary "
    "goes to the divisional quality and safety meeting and says what changed in practice." },
  { "addressing-inequalities-1",
    "Referrals and caseload for the last two years were compared with the borough’s population "
    "(2021 Census) by ethnicity, age, gender and deprivation. The analysis is in the equality "
    "impact assessment (EqIA) and shows which groups are under-represented." },
  { "addressing-inequalities-2",
    "The EqIA lists the changes chosen to close the gaps: sessions in community venues, "
    "information in community languages and a named link worker for community organisations. "
    "They were chosen with community partners at the workshop in the co-production record." },
  { "addressing-inequalities-3",
    "The monthly dashboard breaks referrals, waits, DNA rates, experience and outcomes down by "
    "ethnicity, age, gender and disability. The team manager reviews differences at the "
    "quarterly performance meeting and reports them to the divisional Patient and Carer Race "
    "Equality Framework (PCREF) group." },
  { "addressing-inequalities-4",
    "People can choose face to face, phone or video at every step. For people without a "
    "device, data or a private space, a room with a tablet is available at {site}, and the "
    "Trust’s digital inclusion scheme lends devices and data. Nobody has to use a digital "
    "route." },
  { "addressing-inequalities-5",
    "Use of the Mental Health Act, restraint and police involvement for people on the caseload "
    "is reviewed by ethnicity at the quarterly PCREF meeting. The earlier, community-based offer "
    "is meant to reduce the crises that lead to detention." },
  { "addressing-inequalities-6",
    "Feedback routes include the survey in community languages, listening sessions hosted by "
    "partner community organisations and the Trust’s PCREF community panel. What changed is "
    "reported back through the same partners." },
  { "open-honest-trustworthy-transparent-1",
    "The operational policy says that the person, and their carer if they wish, is invited to "
    "any meeting where a decision about their care is made, including discharge. If they cannot "
    "come, their views are gathered beforehand and the outcome explained within 2 working days." },
  { "open-honest-trustworthy-transparent-2",
    "The leaflet and web page say what {service} offers and does not offer, how long things "
    "take, how to complain or compliment through PALS, and how to ask for a second opinion. "
    "Both were checked for plain English by the readability panel." },
  { "open-honest-trustworthy-transparent-3",
    "The team follows the Trust’s Duty of Candour policy: the person and their family are told "
    "promptly, offered a meeting and an apology, and told the outcome of any review. Compliance "
    "is audited quarterly through the incident system." },
  { "open-honest-trustworthy-transparent-4",
    "Advance statements and decisions are recorded in the “My wishes” section of the electronic "
    "record and reviewed at each care plan review. Staff training covers the Mental Capacity "
    "Act and respecting choices the team would not make." },
  { "open-honest-trustworthy-transparent-5",
    "Early warning signs are part of every staying-well plan, and people and carers can contact "
    "the team again for 6 months after discharge without a new referral. A missed appointment "
    "leads to a same-day phone call rather than a letter." },
  { "best-evidence-outcome-focused-1",
    "The design follows the relevant NICE guidance and national service model; the evidence "
    "summary prepared with the Trust’s library service on {d:-90} says where it departs from "
    "them and why." },
  { "best-evidence-outcome-focused-2",
    "A service evaluation is registered with the Trust’s clinical audit and effectiveness team, "
    "with a first report due at 12 months, and the research and development department is "
    "helping us look for a university partner." },
  { "best-evidence-outcome-focused-3",
    "Outcomes: goal-based outcomes (the person’s own goals, rated at start, review and end), a "
    "validated measure suited to the service, DIALOG for quality of life, and experience data. "
    "All are recorded on the electronic record and reported on the dashboard." },
  { "best-evidence-outcome-focused-4",
    "The team manager and clinical lead review outcome and experience data monthly at the team "
    "governance meeting, and the divisional quality meeting quarterly. If results fall short "
    "two quarters running, a recovery plan is agreed with the divisional director." },
  { "best-evidence-outcome-focused-5",
    "Staff complete training in each intervention before delivering it, and fidelity is "
    "checked in monthly supervision by structured case review. Training records are held in "
    "the Trust’s learning system." },
  { "relationship-focused-1",
    "Each person has a named key worker from assessment to discharge; the allocation rule in "
    "the operational policy keeps the same worker unless the person asks to change. Leave is "
    "covered by a named buddy colleague who already knows the person." },
  { "relationship-focused-2",
    "Mapping the current pathway showed people meeting up to six teams; the new design brings "
    "this down to two or three. The map is in appendix B of the operational policy." },
  { "relationship-focused-3",
    "Moves are planned in a three-way meeting (the person, the current and the receiving "
    "clinician), and the current worker stays involved until the first appointment with the "
    "new team has taken place. This is set out in the transfer protocol." },
  { "relationship-focused-4",
    "The first assessment and the person’s “About me” summary are shared on the electronic "
    "record with any receiving team, and staff read the record before first contact so they "
    "confirm rather than repeat questions." },
  { "relationship-focused-5",
    "The workforce plan funds substantive posts only; agency use is kept below 5% and reviewed "
    "monthly. Time for engagement is built into job plans, and team stability is reported to "
    "the divisional workforce meeting." },
  { "relationship-focused-6",
    "The quarterly experience survey asks “I feel I can trust the people who support me”, and "
    "clinicians use the Session Rating Scale. Results are reviewed with the lived experience "
    "panel." },
  { "collaborative-and-co-produced-1",
    "People with lived experience took part from the start: two experts by experience sat on "
    "the project board, and service users and carers came to the sessions in the co-production "
    "record, from defining the problem to testing the leaflets." },
  { "collaborative-and-co-produced-2",
    "What changed because of lived experience is listed in the co-production record. Where a "
    "suggestion was not taken forward (mostly for reasons of money or buildings), the reason "
    "was explained at the next session and in the written feedback note." },
  { "collaborative-and-co-produced-3",
    "Experts by experience are paid for their time under the Trust’s involvement payment "
    "policy, have their travel refunded, are offered training through the Recovery College and "
    "have a debrief with the involvement team after each session." },
  { "collaborative-and-co-produced-4",
    "Care planning uses shared decision-making: people set their own goals, options are "
    "explained with their pros and cons, and the plan is agreed together. Shared "
    "decision-making training is part of the team’s induction." },
  { "collaborative-and-co-produced-5",
    "Two members of the lived experience panel will sit on the quarterly review group that "
    "looks at the dashboard, the evaluation and proposed changes, for a renewable 12-month "
    "term." },
};

/* For a prompt the shared texts do not know: %s is the principle's title. */
#define FALLBACK_EVIDENCE \
  "Discussed and agreed at the design group on {d:-30}; the detail is in the operational " \
  "policy, in the section on “%s”."

/* ---- Enfield crisis café: approved ---------------------------------- */

static const DemoAnswer cafe_answers[] = {
  { "people-at-the-heart-1", PC_RATING_MET,
    "Designed from the crisis pathway listening events on {d:-120} and {d:-106} and 212 "
    "responses to the “What would have helped that night?” survey run with our voluntary "
    "sector partner. The three biggest asks were somewhere open after 6 pm that is not a "
    "hospital, being met by someone with lived experience, and not having to be “in crisis "
    "enough” to come in. All three are in the Crisis Café operating model v1.3, sections 1 to 3.",
    NULL },
  { "people-at-the-heart-2", PC_RATING_MET,
    "There is no long-term care plan in a drop-in service. Instead each visitor agrees a short "
    "“tonight and tomorrow” plan with the peer worker before leaving, in their own words, and "
    "takes a copy. With their consent it is sent to their care coordinator or GP the next "
    "morning.", NULL },
  { "whole-person-care-2", PC_RATING_MET,
    "A mental health nurse is on every shift and does a NEWS2 check when someone appears "
    "physically unwell, intoxicated or has self-harmed. Anyone who needs medical care is taken "
    "to the emergency department by ambulance or with a worker; the café does not delay "
    "medical assessment (café safety protocol v2, section 4).", NULL },
  { "kindness-matters-2", PC_RATING_MET,
    "People walk in without an appointment and are greeted at the door by a peer support worker, "
    "offered a hot drink and a choice of the lounge or the quiet room. No forms before a "
    "conversation: the visit log is filled in by the worker afterwards.", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "Open 6 pm to midnight every day of the year at the Community Hub on Silver Street, "
    "Edmonton: two minutes from Silver Street station, on four bus routes and step-free "
    "throughout. Walk-in without referral; people can also be brought by the crisis line, the "
    "police or ambulance crews. The hours follow the crisis line’s call data (attached): 68% of "
    "last year’s calls came between 5 pm and 1 am.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "No wait to be greeted: a peer support worker sees each visitor within 15 minutes (target, "
    "measured in the visit log; 94% in the four-week soft launch). If the café is full, people "
    "wait in the quiet room with a worker, and no one is turned away at the door without a "
    "safety conversation.", NULL },
  { "providing-safety-1", PC_RATING_MET,
    "Main risks: a person who needs emergency care waits in the café; the café becomes a route "
    "that delays medical assessment; staff safety late at night. Mitigations are in the café "
    "safety protocol v2: a mental health nurse on every shift, NEWS2 and escalation to the "
    "emergency department for physical concerns, and a same-night referral to the crisis "
    "resolution and home treatment team (CRHTT) for anyone who needs a clinical assessment. "
    "Risk register items CC-01 to CC-09.", NULL },
  { "providing-safety-3", PC_RATING_PARTLY_MET,
    "At least two staff on every shift, lone worker devices, panic alarms in both rooms and a "
    "security officer shared with the Hub. Gap: the Hub’s security cover ends at 11 pm, an hour "
    "before the café closes.", NULL },
  { "addressing-inequalities-1", PC_RATING_MET,
    "Crisis line and emergency department data for the last 24 months show that Black African "
    "and Black Caribbean adults are over-represented among people brought to the emergency "
    "department by the police under section 136 (31% of such detentions, against 18% of the "
    "borough’s adults), and that Turkish- and Kurdish-speaking residents rarely call the crisis "
    "line. Source: Enfield crisis pathway equality analysis, {d:-140}.", NULL },
  { "addressing-inequalities-2", PC_RATING_MET,
    "Chosen with the Enfield Community Wellbeing Network and the Turkish and Kurdish community "
    "centre at the partners’ workshop on {d:-98}: a Turkish-speaking peer worker on three "
    "evenings a week, leaflets in Turkish, Kurmanji, Polish, Somali and Bengali, and an "
    "agreement with the police street triage team to bring people to the café instead of using "
    "section 136 where it is safe to do so.", NULL },
  { "open-honest-trustworthy-transparent-5", PC_RATING_MET,
    "The café is itself the early response: people can come before things reach crisis, "
    "without a referral. Regular visitors are offered a follow-up call the next day and, with "
    "consent, a referral to their community team so support is in place before the next "
    "crisis.", NULL },
  { "best-evidence-outcome-focused-1", PC_RATING_MET,
    "Based on NHS England’s guidance on alternatives to A&E for people in mental health crisis, "
    "published evaluations of crisis cafés and NICE guideline NG225 on self-harm. We depart from "
    "most café models in having a registered nurse on every shift, which the emergency "
    "department and the police asked for.", NULL },
  { "best-evidence-outcome-focused-3", PC_RATING_MET,
    "Measured: visitors who say they would otherwise have gone to the emergency department "
    "(asked on arrival), distress on a 0 to 10 scale on arrival and leaving, onward contact with "
    "CRHTT within 24 hours where needed, and mental health attendances at the emergency "
    "department between 6 pm and midnight compared with the same months last year.", NULL },
  { "relationship-focused-1", PC_RATING_NOT_APPLICABLE, NULL,
    "The café is a drop-in with no caseload: visitors are not allocated a clinician, by design "
    "and at the request of the people who shaped it. Continuity comes from the next-day handover "
    "to the person’s own care coordinator or to CRHTT (see relationship-focused-3)." },
  { "collaborative-and-co-produced-1", PC_RATING_MET,
    "Three experts by experience, one of them a carer, were on the project group from its first "
    "meeting on {d:-150}. The café’s name, its layout and the “no referral needed” rule came "
    "from them, and peer support workers from the voluntary sector partner designed the shift "
    "pattern with us.", NULL },
  { "collaborative-and-co-produced-4", PC_RATING_MET,
    "The “tonight and tomorrow” plan is written by the visitor with the peer worker, choosing "
    "from options (go home with a follow-up call, a CRHTT assessment, a crisis house bed, "
    "contact a friend) with their pros and cons talked through.", NULL },
  { NULL },
};

static const DemoAction cafe_actions[] = {
  { "providing-safety-3",
    "Extend the Hub’s security contract to 12:30 am, seven nights a week, or close the café at "
    "11 pm until it is in place.",
    "Kwame Asante, Crisis Team Manager", 21, PC_ACTION_IN_PROGRESS },
  { "collaborative-and-co-produced-1",
    "Recruit and train six sessional peer support workers, including two Turkish speakers.",
    "Elif Şahin, Peer Support Lead", -10, PC_ACTION_DONE },
  { "best-evidence-outcome-focused-3",
    "Set up the monthly emergency department attendance report (6 pm to midnight, mental "
    "health) with the acute trust’s information team.",
    "Marta Zielińska, Mental Health Nurse", 35, PC_ACTION_OPEN },
  { NULL },
};

static const DemoCoproduction cafe_coproduction[] = {
  { "Service users and carers (14 people) at the Enfield crisis pathway listening event",
    "workshop", -120,
    "Opening until midnight rather than 10 pm; a separate quiet room added to the layout." },
  { "212 Enfield residents, through the voluntary sector partner and GP surgeries",
    "survey", -110,
    "“No referral needed” rule adopted; a peer worker greets everyone first." },
  { "Community partners: Turkish and Kurdish community centre, Enfield Community Wellbeing "
    "Network, police street triage team",
    "workshop", -98,
    "Turkish-speaking peer worker three evenings a week; leaflets in five community languages." },
  { "Two experts by experience, the Hub manager and café staff",
    "walkabout", -60,
    "Entrance moved to the side door, away from the Hub’s main reception; hearing loop fitted." },
  { NULL },
};

static const DemoAttachment cafe_attachments[] = {
  { "accessible-flexible-recovery-inclusive-1", "crisis-line-calls-by-hour.csv", "text/csv",
    "hour_starting,calls_last_12_months,share_percent\n"
    "09:00,412,4.1\n11:00,455,4.5\n13:00,498,4.9\n15:00,610,6.0\n"
    "17:00,1104,10.9\n19:00,1587,15.7\n21:00,1812,17.9\n23:00,1390,13.7\n"
    "01:00,902,8.9\n03:00,688,6.8\n05:00,332,3.3\n07:00,245,2.4\n" },
  { "people-at-the-heart-1", "listening-event-notes.txt", "text/plain",
    "Crisis pathway listening event, {d:-120}\n"
    "Facilitated by Elif Şahin (peer support lead) and Dr Amara Okafor.\n"
    "14 people attended: 9 people with experience of crisis, 5 carers.\n\n"
    "What would have helped that night?\n"
    "- Somewhere to go that is not A&E and not a police station.\n"
    "- Someone who has been there themselves.\n"
    "- Not having to prove you are ill enough.\n"
    "- Being able to bring a friend or family member.\n\n"
    "Agreed next steps: survey across Enfield (done), partners' workshop (done).\n" },
  { NULL },
};

static const DemoLink cafe_links[] = {
  { "best-evidence-outcome-focused-1", "https://www.nice.org.uk/guidance/ng225",
    "NICE NG225: Self-harm: assessment, management and preventing recurrence" },
  { NULL },
};

static const DemoScenario cafe = {
  .title = "Enfield Crisis Café: an evening alternative to A&E for adults in mental health crisis",
  .kind = PC_KIND_NEW_SERVICE,
  .division = "enfield_mental_health",
  .priority = "urgent_crisis_care",
  .lead = "Dr Amara Okafor",
  .team = { "Kwame Asante, Crisis Team Manager", "Elif Şahin, Peer Support Lead",
            "Marta Zielińska, Mental Health Nurse",
            "Jo Harris, Enfield Community Wellbeing Network (voluntary sector partner)" },
  .outcomes = "Fewer people attending the emergency department in mental health crisis in the "
              "evening; a calm, non-clinical place open 6 pm to midnight, every day of the year; "
              "every visitor greeted by a peer worker within 15 minutes and leaving with a plan "
              "for the night and the next day.",
  .affected = "Adults in Enfield in emotional distress or crisis in the evening, their carers "
              "and families; the crisis resolution and home treatment team; the emergency "
              "department’s liaison psychiatry team; the police and ambulance service.",
  .start = 30,
  .review = 210,
  .service = "the café",
  .people = "adults in crisis",
  .site = "the Community Hub on Silver Street, Edmonton",
  .coverage = COVER_ALL,
  .answers = cafe_answers,
  .actions = cafe_actions,
  .coproduction = cafe_coproduction,
  .attachments = cafe_attachments,
  .links = cafe_links,
  .stage = STAGE_APPROVED,
  .author = SIGNER_OKAFOR,
  .reviewer = SIGNER_WISNIEWSKA,
};

/* ---- Perinatal pathway: approved with conditions -------------------- */

static const DemoAnswer perinatal_answers[] = {
  { "people-at-the-heart-3", PC_RATING_MET,
    "Partners and co-parents are invited to the first appointment and offered their own "
    "assessment of need, and the team runs a partners’ evening every two months. The "
    "perinatal partner involvement protocol (agreed {d:-45}) also covers grandparents who are "
    "the main support.", NULL },
  { "whole-person-care-2", PC_RATING_MET,
    "Physical health is shared with maternity and the GP through a joint care plan. The "
    "pre-conception advice clinic reviews everyone on lithium or valproate who is planning a "
    "pregnancy; valproate is not started for anyone who could become pregnant unless the "
    "Pregnancy Prevention Programme conditions are met.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "Referral data for the last 12 months (attached) show a median of 5 weeks from referral to "
    "assessment, with 23% waiting over 8 weeks. The single pathway triages within 2 working "
    "days and books assessment within 2 weeks; urgent referrals (for example new psychosis, or "
    "thoughts of suicide in late pregnancy) are seen within 48 hours, in line with the "
    "Perinatal Quality Network standards.", NULL },
  { "accessible-flexible-recovery-inclusive-3", PC_RATING_PARTLY_MET,
    "Interpreters are booked at triage, with a female interpreter by default, and easy read "
    "letters are available. Gap: the maternity referral form does not ask about language or "
    "interpreter need, so it is often found out only at first contact and the first "
    "appointment has to be rebooked.", NULL },
  { "providing-safety-4", PC_RATING_MET,
    "Every assessment asks about the baby and any other children (“Think Family”), and the "
    "parent–infant relationship is assessed by the team’s parent–infant psychotherapist. The "
    "team has a named safeguarding lead and a joint protocol with health visiting, agreed "
    "{d:-60}.", NULL },
  { "addressing-inequalities-1", PC_RATING_PARTLY_MET,
    "Referrals by ethnicity were compared with births by mother’s ethnicity across the three "
    "boroughs: Black African and Bangladeshi women are referred at about half the expected rate, "
    "and women who do not speak English are rarely referred by maternity. We have referral data "
    "but not yet outcomes by ethnicity, as outcome recording only started this year.", NULL },
  { "relationship-focused-3", PC_RATING_MET,
    "Discharge at 24 months after birth, or earlier, is planned from 3 months before, with a "
    "three-way meeting with the receiving team (community mental health team, talking "
    "therapies or GP). The perinatal worker stays involved until the first appointment with "
    "the new team.", NULL },
  { "best-evidence-outcome-focused-1", PC_RATING_MET,
    "NICE CG192 (antenatal and postnatal mental health), the NHS Long Term Plan ambition for "
    "perinatal mental health services and the Perinatal Quality Network standards. We depart "
    "from the network’s suggested model only in running one pre-conception clinic for the three "
    "boroughs rather than one in each.", NULL },
  { "collaborative-and-co-produced-1", PC_RATING_MET,
    "The maternal mental health experts-by-experience group (nine mothers and two fathers) "
    "helped design the pathway from the first workshop, chose the wording of the referral "
    "leaflet and sat on the interview panel for the peer support worker post.", NULL },
  { NULL },
};

static const DemoAction perinatal_actions[] = {
  { "accessible-flexible-recovery-inclusive-3",
    "Agree with the three maternity units to add “language and interpreter needed” to the "
    "perinatal referral form.",
    "Zeynep Yılmaz, Clinical Nurse Specialist", 30, PC_ACTION_IN_PROGRESS },
  { "addressing-inequalities-1",
    "Add a breakdown of CORE-10 and goal outcomes by ethnicity and interpreter need to the "
    "perinatal dashboard.",
    "Dr Lewis Grant, Clinical Psychologist", 60, PC_ACTION_OPEN },
  { "collaborative-and-co-produced-1",
    "Translate the referral leaflet into Bengali and record a Sylheti audio version.",
    "Bushra Miah, Perinatal Peer Support Worker", -14, PC_ACTION_DONE },
  { NULL },
};

static const DemoCoproduction perinatal_coproduction[] = {
  { "Mothers with lived experience of perinatal mental illness (9) and fathers (2)",
    "workshop", -90,
    "Partners’ evening and a named contact for partners added; a home visit offered for the "
    "first appointment instead of requiring travel to St Ann’s." },
  { "Midwives and health visitors across the three boroughs (23 responses)",
    "survey", -75,
    "One referral form and one phone number; the triage outcome sent back to the referrer "
    "within 2 working days." },
  { "Bangladeshi women’s group at a Haringey community centre (12 women)",
    "interview", -50,
    "Leaflet translated into Bengali with a Sylheti audio version; female interpreters by "
    "default." },
  { NULL },
};

static const DemoAttachment perinatal_attachments[] = {
  { "accessible-flexible-recovery-inclusive-2", "perinatal-referral-waits.csv", "text/csv",
    "month_starting,referrals,median_wait_weeks,waiting_over_8_weeks\n"
    "{iso:-365},41,4.6,8\n{iso:-335},38,4.9,9\n{iso:-304},45,5.1,11\n"
    "{iso:-273},39,5.0,9\n{iso:-243},44,5.3,12\n{iso:-212},47,5.4,12\n"
    "{iso:-182},42,5.0,10\n{iso:-151},40,4.8,8\n{iso:-120},46,5.2,11\n"
    "{iso:-90},43,5.1,10\n{iso:-59},48,5.5,13\n{iso:-29},44,5.0,9\n" },
  { NULL },
};

static const DemoLink perinatal_links[] = {
  { "best-evidence-outcome-focused-1", "https://www.nice.org.uk/guidance/cg192",
    "NICE CG192: Antenatal and postnatal mental health" },
  { NULL },
};

static const DemoScenario perinatal = {
  .title = "Perinatal mental health: one referral pathway and a pre-conception advice clinic "
           "for Barnet, Enfield and Haringey",
  .kind = PC_KIND_PATHWAY_REDESIGN,
  .division = "specialist_mental_health_services",
  .priority = "specialist_services",
  .lead = "Zeynep Yılmaz",
  .team = { "Dr Hannah Osei, Consultant Perinatal Psychiatrist",
            "Bushra Miah, Perinatal Peer Support Worker",
            "Kasia Nowak, Specialist Health Visitor (liaison)",
            "Dr Lewis Grant, Clinical Psychologist" },
  .outcomes = "One referral route from midwives, health visitors and GPs instead of three; "
              "assessment within 2 weeks of referral (now a median of 5 weeks); urgent "
              "referrals seen within 48 hours; pre-conception advice for everyone planning a "
              "pregnancy while taking psychiatric medication.",
  .affected = "Women and birthing people with moderate to severe mental health needs in "
              "pregnancy and up to 24 months after birth, their partners and babies; maternity "
              "services at three hospitals; health visitors; GPs.",
  .start = 45,
  .review = 230,
  .service = "the perinatal service",
  .people = "women in the perinatal period",
  .site = "the perinatal hub at St Ann’s Hospital, Tottenham",
  .coverage = COVER_ALL,
  .answers = perinatal_answers,
  .actions = perinatal_actions,
  .coproduction = perinatal_coproduction,
  .attachments = perinatal_attachments,
  .links = perinatal_links,
  .stage = STAGE_APPROVED_WITH_CONDITIONS,
  .author = SIGNER_YILMAZ,
  .reviewer = SIGNER_PRICE,
  .decision_reason =
    "Approved on two conditions. 1. The referral form change agreed with the three maternity "
    "units (action on accessible-flexible-recovery-inclusive-3) is in place before go-live. "
    "2. Outcomes by ethnicity and interpreter need are reported to the Specialist Services "
    "quality committee at 3 and 6 months after go-live.",
};

/* ---- Larch Ward closure: not approved ------------------------------- */

static const DemoAnswer ward_answers[] = {
  { "people-at-the-heart-3", PC_RATING_PARTLY_MET,
    "Home treatment asks more of carers than an admission does, especially at night. Carers "
    "are identified at referral and given the team’s 24-hour number, but there is not yet a "
    "support offer for carers during a home treatment episode (respite, a named contact out of "
    "hours).", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "The expanded home treatment team visits people at home up to twice a day, 8 am to 10 pm, "
    "with a night-time phone line staffed by the team. The base moves to the Colindale "
    "community hub, which is closer to the west of the borough where most admissions come "
    "from.", NULL },
  { "providing-safety-1", PC_RATING_NOT_MET,
    "The bed modelling (Larch Ward closure options paper v2) assumes a 20% fall in admissions "
    "from more intensive home treatment. Occupancy across the remaining adult acute beds "
    "averaged 97% over the last six months, and 11 people were placed out of area last quarter. "
    "The paper does not show how the remaining wards would absorb demand if admissions do not "
    "fall.", NULL },
  { "providing-safety-2", PC_RATING_PARTLY_MET,
    "Admissions for Barnet would go to wards on other sites, so the hand-over from home "
    "treatment to a ward in another borough is new. A draft protocol exists; it has not yet "
    "been agreed with the receiving wards.", NULL },
  { "addressing-inequalities-5", PC_RATING_NOT_MET,
    "Black men are over-represented among detained admissions in Barnet. The proposal does not "
    "say how home treatment would reach people who are now admitted under the Mental Health "
    "Act, most of whom would not be offered home treatment at the point of admission.", NULL },
  { "relationship-focused-3", PC_RATING_MET,
    "Larch Ward staff are offered posts in the expanded home treatment team first (staff "
    "consultation from {d:-20}), so that people who move between the ward and home treatment "
    "meet staff they already know during the change.", NULL },
  { "relationship-focused-5", PC_RATING_MET,
    "The 14 new home treatment posts are substantive and are offered first to Larch Ward staff; "
    "the plan reduces the ward’s current 22% agency use to nil.", NULL },
  { "best-evidence-outcome-focused-1", PC_RATING_MET,
    "Based on the CORE crisis resolution team fidelity scale, NICE CG136 (service user "
    "experience in adult mental health) and the NHS Long Term Plan’s commitment to round-the-"
    "clock crisis home treatment. The bed reduction itself is not supported by published "
    "evidence for a population with occupancy this high.", NULL },
  { "collaborative-and-co-produced-1", PC_RATING_PARTLY_MET,
    "A 45-day staff consultation is under way. Service users and carers have been consulted "
    "through one survey (38 responses) and one meeting of the Barnet carers’ forum; no "
    "lived experience members sat on the project group.", NULL },
  { "collaborative-and-co-produced-2", PC_RATING_NOT_MET,
    "The survey asked mainly for twice-daily visits, which were added. Carers at the forum "
    "opposed the closure; the proposal has not yet responded to them in writing.", NULL },
  { NULL },
};

static const DemoAction ward_actions[] = {
  { "people-at-the-heart-3",
    "Agree a carer support offer for home treatment episodes with the Barnet carers’ centre "
    "(respite, out-of-hours contact).",
    "Ewa Mazur, Senior Occupational Therapist", 60, PC_ACTION_OPEN },
  { "providing-safety-1",
    "Commission independent bed modelling with a sensitivity analysis (no fall, 10% and 20% "
    "fall in admissions) and a trigger for pausing the closure.",
    "Rajesh Patel, Finance Business Partner", 45, PC_ACTION_OPEN },
  { "providing-safety-2",
    "Agree the home treatment to out-of-borough ward hand-over protocol with the ward managers "
    "of the receiving wards.",
    "Özlem Arslan, Ward Manager, Larch Ward", 40, PC_ACTION_OPEN },
  { "addressing-inequalities-5",
    "Analyse the last two years of Larch Ward admissions by legal status and ethnicity and set "
    "out how home treatment will reach those groups.",
    "Dr Sinéad Byrne, Consultant Psychiatrist, Home Treatment", 45, PC_ACTION_OPEN },
  { "collaborative-and-co-produced-1",
    "Run co-production workshops with people who have been admitted to Larch Ward and their "
    "carers before the options are finalised.",
    "Tunde Adeyemi, Service Manager", 40, PC_ACTION_OPEN },
  { "collaborative-and-co-produced-2",
    "Write to the Barnet carers’ forum answering each concern raised, and meet them again.",
    "Tunde Adeyemi, Service Manager", 30, PC_ACTION_OPEN },
  { NULL },
};

static const DemoCoproduction ward_coproduction[] = {
  { "People who have used Barnet acute services and carers (38 responses)",
    "survey", -35,
    "Twice-daily home visits added to the home treatment model." },
  { "Barnet carers’ forum (12 carers)",
    "meeting", -28,
    "Concerns about carer strain and night-time support recorded; no change to the proposal "
    "yet." },
  { NULL },
};

static const DemoScenario ward = {
  .title = "Closure of Larch Ward (18 adult acute beds) and transfer of its resources to an "
           "expanded Barnet home treatment team",
  .kind = PC_KIND_SERVICE_CLOSURE,
  .division = "barnet_mental_health",
  .priority = "urgent_crisis_care",
  .lead = "Tunde Adeyemi",
  .team = { "Dr Sinéad Byrne, Consultant Psychiatrist, Home Treatment",
            "Özlem Arslan, Ward Manager, Larch Ward",
            "Rajesh Patel, Finance Business Partner",
            "Ewa Mazur, Senior Occupational Therapist" },
  .outcomes = "Fewer admissions through more intensive home treatment (up to two visits a "
              "day); £1.2m a year moved from ward costs to fund 14 home treatment posts; no "
              "rise in out-of-area placements.",
  .affected = "Adults in Barnet who would otherwise be admitted to an acute ward, their carers "
              "and families; Larch Ward staff (31 whole-time equivalent); the home treatment "
              "team; the Trust’s other adult acute wards, which would take Barnet admissions.",
  .start = 120,
  .review = 300,
  .service = "the home treatment team",
  .people = "adults who would otherwise be admitted",
  .site = "the Colindale community hub",
  .coverage = COVER_ALL,
  .answers = ward_answers,
  .actions = ward_actions,
  .coproduction = ward_coproduction,
  .stage = STAGE_NOT_APPROVED,
  .author = SIGNER_ADEYEMI,
  .reviewer = SIGNER_PRICE,
  .decision_reason =
    "Not approved as it stands. The bed modelling does not show that the remaining acute beds "
    "can take Barnet’s admissions if home treatment does not reduce them as hoped (occupancy is "
    "already 97%), and people with lived experience have not helped design the alternative. "
    "The division may bring a new proposal after the independent bed modelling and "
    "co-production workshops; the borough’s health scrutiny committee must be engaged before "
    "any closure.",
};

/* ---- Bridge transition clinic: in review ---------------------------- */

static const DemoAnswer bridge_answers[] = {
  { "people-at-the-heart-4", PC_RATING_MET,
    "Turning 18 changes what parents are told, and it was the thing parents raised most. The "
    "Bridge worker holds a “what changes at 18” session with the young person and their parents "
    "together, agrees in writing what may be shared, and reviews it every six months.", NULL },
  { "whole-person-care-4", PC_RATING_MET,
    "Education, work, housing and money are part of every Bridge plan. The team has a youth "
    "worker, an Individual Placement and Support employment specialist one day a week, and a "
    "named contact in the council’s leaving care team for care leavers.", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "Appointments at the youth hub on Tottenham High Road (not a hospital site: the young "
    "people’s panel asked for this), at college, at home, or by video call, until 7 pm Monday "
    "to Thursday. Reminders by text rather than letter, with the young person’s consent.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "Young people already known to CAMHS do not wait: planning starts at 17 and a half. New "
    "referrals aged 18 to 25: first contact within 5 working days, assessment within 3 weeks. "
    "For comparison, CAMHS to adult transfers now take a median of 14 weeks, with a gap in care "
    "in 38% of cases (transition audit, {d:-150}), and 18 to 25 year olds miss 29% of first "
    "appointments with the adult community team against 12% for all ages.", NULL },
  { "accessible-flexible-recovery-inclusive-4", PC_RATING_MET,
    "Bridge has no diagnostic threshold: young people are accepted on need, including those "
    "whose difficulties do not fit adult team criteria (for example emerging personality "
    "difficulties, or autism with anxiety). Any decline is agreed with the consultant and "
    "offered back to the young person with another route.", NULL },
  { "providing-safety-2", PC_RATING_PARTLY_MET,
    "Transfers from CAMHS use a joint transfer summary and a three-way meeting. Gap: Bridge and "
    "early intervention in psychosis both take 18 to 25 year olds with a first episode of "
    "psychosis, and who holds responsibility is not yet written down.", NULL },
  { "relationship-focused-1", PC_RATING_MET,
    "A named Bridge worker from the first transition meeting (at 17 and a half) until 25 or "
    "discharge; caseloads capped at 18. This answers the young people’s survey’s top "
    "complaint: “I had to tell my story to five people in a year.”", NULL },
  { "relationship-focused-3", PC_RATING_MET,
    "Transition planning starts at 17 and a half with a joint meeting (young person, CAMHS "
    "clinician, Bridge worker and, if the young person wants, a parent or carer). CAMHS stays "
    "involved until three joint sessions have taken place, as NICE NG43 recommends.", NULL },
  { "collaborative-and-co-produced-1", PC_RATING_MET,
    "The young people’s participation panel (11 members aged 16 to 24) co-designed Bridge from "
    "the first workshop, chose its name, and two members sat on the interview panel for the "
    "team manager.", NULL },
  { NULL },
};

static const DemoAction bridge_actions[] = {
  { "providing-safety-2",
    "Agree and publish a joint protocol with early intervention in psychosis on responsibility "
    "for 18 to 25 year olds with a first episode of psychosis.",
    "Dr Oluwaseun Bello, Consultant Psychiatrist (Adult Community Team)", 30, PC_ACTION_OPEN },
  { "relationship-focused-1",
    "Recruit two Bridge workers (band 6) and a youth worker.",
    "Kemal Aydın, Team Manager", -7, PC_ACTION_DONE },
  { NULL },
};

static const DemoCoproduction bridge_coproduction[] = {
  { "Young people’s participation panel (11 young people aged 16 to 24)",
    "workshop", -100,
    "Clinic moved from the hospital site to the youth hub; the name “Bridge” chosen by the "
    "panel; reminders by text by default." },
  { "Parents and carers (8) of young people who moved from CAMHS to adult services",
    "interview", -85,
    "“What changes at 18” session on confidentiality added, for young people and parents "
    "together." },
  { "142 young people aged 16 to 25, through colleges and youth services",
    "survey", -70,
    "Evening appointments until 7 pm; video calls offered." },
  { "Four panel members, the youth hub manager and the team manager",
    "walkabout", -40,
    "A private side entrance for clinic appointments, so young people are not seen going in." },
  { NULL },
};

static const DemoAttachment bridge_attachments[] = {
  { "accessible-flexible-recovery-inclusive-2", "camhs-transition-audit-summary.txt",
    "text/plain",
    "CAMHS to adult services transition audit: summary\n"
    "Audit period: the 12 months to {d:-150}\n"
    "Young people reaching 18 while open to Haringey CAMHS: 64\n"
    "Transferred to adult services: 37\n"
    "Median time from referral to first adult appointment: 14 weeks\n"
    "Gap in care of more than 4 weeks: 14 of 37 (38%)\n"
    "Disengaged within 6 months of transfer: 15 of 37 (41%)\n"
    "Auditor: Tom Fletcher, Clinical Psychologist\n" },
  { NULL },
};

static const DemoLink bridge_links[] = {
  { "relationship-focused-3", "https://www.nice.org.uk/guidance/ng43",
    "NICE NG43: Transition from children’s to adults’ services" },
  { NULL },
};

static const DemoScenario bridge = {
  .title = "Bridge: a transition clinic for young people aged 17 to 25 moving from CAMHS to "
           "adult mental health services in Haringey",
  .kind = PC_KIND_NEW_SERVICE,
  .division = "haringey_mental_health",
  .priority = "community_mental_health_young_people",
  .lead = "Kemal Aydın",
  .team = { "Dr Priya Nair, Consultant Psychiatrist (CAMHS)", "Ayesha Khatun, Youth Worker",
            "Tom Fletcher, Clinical Psychologist",
            "Dr Oluwaseun Bello, Consultant Psychiatrist (Adult Community Team)" },
  .outcomes = "No young person leaves CAMHS at 18 without a planned next step; the same worker "
              "from 17 and a half to 25 where needed; fewer young people dropping out in the "
              "first six months after moving to adult services (now 41%).",
  .affected = "Young people aged 17 to 25 in Haringey with ongoing mental health needs, "
              "leaving CAMHS or coming to services for the first time, and their families; "
              "CAMHS; the adult community mental health teams; early intervention in psychosis; "
              "the council’s leaving care team.",
  .start = 60,
  .review = 240,
  .service = "Bridge",
  .people = "young people aged 17 to 25",
  .site = "the youth hub on Tottenham High Road",
  .coverage = COVER_ALL,
  .answers = bridge_answers,
  .actions = bridge_actions,
  .coproduction = bridge_coproduction,
  .attachments = bridge_attachments,
  .links = bridge_links,
  .stage = STAGE_IN_REVIEW,
  .author = SIGNER_AYDIN,
};

/* ---- Eating disorder day service: returned to the author ------------ */

static const DemoAnswer eating_answers[] = {
  { "people-at-the-heart-5", PC_RATING_MET,
    "Carers are offered a place on the six-week carers’ skills workshop (based on the New "
    "Maudsley approach) when their relative starts, a named contact in the day team, and a "
    "monthly carers’ evening. Carers’ workshop evaluation, {d:-40}: 17 of 19 carers rated it "
    "helpful or very helpful.", NULL },
  { "whole-person-care-2", PC_RATING_MET,
    "Physical risk is managed using the Royal College of Psychiatrists’ guidance on medical "
    "emergencies in eating disorders (MEED, CR233): weekly bloods, an ECG where indicated, "
    "observations on every programme day, and an agreed escalation route to the acute medical "
    "team at the local hospital for anyone who meets the red criteria.", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "Monday to Friday, 9:30 am to 4 pm, with supported lunch and snacks. Travel costs are "
    "refunded, and people who live far from {site} can attend three days a week with video "
    "meal support on the other two.", NULL },
  { "providing-safety-1", PC_RATING_MET,
    "The main new risk is that someone deteriorates physically while at home between programme "
    "days. Mitigations: MEED-based risk rating reviewed twice weekly, a clear threshold for "
    "admission agreed with the inpatient unit, and weekend phone check-ins for people rated "
    "amber. Risk register items ED-DS-01 to ED-DS-07.", NULL },
  { "addressing-inequalities-1", PC_RATING_PARTLY_MET,
    "National data show that men and people from minority ethnic groups are less likely to be "
    "diagnosed and referred for eating disorders. We have not yet analysed our own referrals.",
    NULL },
  { "best-evidence-outcome-focused-1", PC_RATING_MET,
    "NICE NG69 (eating disorders: recognition and treatment) and the evidence that day "
    "treatment achieves weight restoration comparable to inpatient care for many adults with "
    "anorexia nervosa, with better acceptability. The programme uses CBT-E and MANTRA, both "
    "named in NG69.", NULL },
  { "best-evidence-outcome-focused-3", PC_RATING_MET,
    "Measured at start, every four weeks and at discharge: BMI, EDE-Q global score, CORE-10 "
    "and goal-based outcomes; also admissions avoided, length of any admission (for "
    "step-down), and readmission within 12 months.", NULL },
  { NULL },
};

static const DemoAction eating_actions[] = {
  { "addressing-inequalities-1",
    "Analyse the last three years of referrals to the community eating disorder teams by "
    "ethnicity, gender and age against the three boroughs’ population.",
    "Dr Farhana Chowdhury, Consultant Clinical Psychologist", 20, PC_ACTION_OPEN },
  { "best-evidence-outcome-focused-3",
    "Build the day service outcome report in the dashboard.",
    "Nadia Hussain, Specialist Dietitian", 50, PC_ACTION_OPEN },
  { NULL },
};

static const DemoCoproduction eating_coproduction[] = {
  { "Former patients of inpatient and day services (6) and carers (5)",
    "workshop", -80,
    "Supported meals moved to a dining room rather than a clinical room; a Friday afternoon "
    "“weekend planning” session added." },
  { "Community eating disorder team staff (17 responses)",
    "survey", -70,
    "Referral criteria cut to one page; step-down from inpatient units added as a way in." },
  { NULL },
};

static const DemoLink eating_links[] = {
  { "best-evidence-outcome-focused-1", "https://www.nice.org.uk/guidance/ng69",
    "NICE NG69: Eating disorders: recognition and treatment" },
  { NULL },
};

/* After the return, the author starts on what the reviewer asked for. */
static const DemoAnswer eating_follow_up_answers[] = {
  { "addressing-inequalities-1", PC_RATING_PARTLY_MET,
    "National data show that men and people from minority ethnic groups are less likely to be "
    "diagnosed and referred for eating disorders. Since the return on {d:0}: the information "
    "team has pulled three years of referrals (1,146) and the analysis by ethnicity, gender and "
    "age is under way; first results show 9% of referrals are men and 21% are from minority "
    "ethnic groups, against 38% of the three boroughs’ adults.", NULL },
  { NULL },
};

static const DemoCoproduction eating_follow_up_coproduction[] = {
  { "Men with lived experience of eating disorders (3), through a national charity’s network",
    "interview", 0,
    "Leaflet and web page rewritten so they no longer picture only young women; “men welcome” "
    "wording agreed with them." },
  { NULL },
};

static const DemoFollowUp eating_follow_up = {
  .answers = eating_follow_up_answers,
  .coproduction = eating_follow_up_coproduction,
};

static const DemoScenario eating = {
  .title = "Eating disorder day service: a five-day intensive programme as an alternative to "
           "inpatient admission",
  .kind = PC_KIND_NEW_SERVICE,
  .division = "specialist_mental_health_services",
  .priority = "specialist_services",
  .lead = "Dr Farhana Chowdhury",
  .team = { "Dr Marek Lewandowski, Consultant Psychiatrist",
            "Nadia Hussain, Specialist Dietitian", "Sophie Turner, Family Therapist",
            "Gülay Koç, Clinical Nurse Specialist" },
  .outcomes = "Fewer inpatient admissions and out-of-area placements for adults with severe "
              "anorexia nervosa; shorter admissions through step-down to day care; weight "
              "restoration and falls in EDE-Q scores comparable to inpatient care.",
  .affected = "Adults with severe eating disorders across Barnet, Enfield and Haringey, and "
              "their families and carers; the community eating disorder teams; the specialist "
              "inpatient units the Trust refers to; GPs, who share physical monitoring.",
  .start = 90,
  .review = 270,
  .service = "the day service",
  .people = "adults with severe eating disorders",
  .site = "the eating disorders service base in Enfield",
  .coverage = COVER_ALL,
  .answers = eating_answers,
  .actions = eating_actions,
  .coproduction = eating_coproduction,
  .links = eating_links,
  .stage = STAGE_RETURNED,
  .author = SIGNER_CHOWDHURY,
  .reviewer = SIGNER_PRICE,
  .decision_reason =
    "Returned: addressing-inequalities-1 relies on national data only. Please add your own "
    "referral analysis by ethnicity, gender and age, and say what the day service will do "
    "about any gaps it shows. Please also confirm the dietitian post is funded: the workforce "
    "plan shows it as “subject to approval”.",
  .follow_up = &eating_follow_up,
};

/* ---- Frailty hub: complete draft, one finding still blocks ---------- */

static const DemoAnswer frailty_answers[] = {
  { "people-at-the-heart-2", PC_RATING_MET,
    "Each person leaves the hub with a written plan from the comprehensive geriatric "
    "assessment that starts with what they want (for example “to stay in my flat” or “to get "
    "to my granddaughter’s wedding”), shared with their GP and district nurse. The plan is "
    "reviewed at the 72-hour follow-up.", NULL },
  { "whole-person-care-1", PC_RATING_MET,
    "The hub uses a comprehensive geriatric assessment covering medical, functional, "
    "psychological and social needs, with a “what matters to me” page. Mood, memory and "
    "delirium are screened at every visit, not only when a referrer mentions them.", NULL },
  { "whole-person-care-2", PC_RATING_MET,
    "Physical health is the hub’s core work: same-day assessment by an advanced nurse "
    "practitioner or GP, bloods and ECG on site, a falls and bone health review, and a "
    "structured medication review by the community pharmacist for everyone on ten or more "
    "medicines.", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "Open 8 am to 8 pm, seven days a week, at Forest Road Health Centre; referrers (GPs, "
    "district nurses, paramedics, care homes) phone one number answered by a clinician. The hub "
    "arranges transport there and home for every same-day visit.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "Twelve same-day slots a day: referrals before 2 pm are seen that day, later ones the next "
    "morning. In the eight-week pilot, 91% were seen within 4 hours of referral, and 7% of "
    "people referred were admitted compared with an expected 35% for similar emergency "
    "department attenders.", NULL },
  { "accessible-flexible-recovery-inclusive-5", PC_RATING_MET,
    "Recovery here means staying independent at home: people are referred to reablement, "
    "strength and balance classes at the leisure centre, and the borough’s befriending "
    "service. Carers get a carer’s assessment referral the same day.", NULL },
  { "addressing-inequalities-4", PC_RATING_MET,
    "No part of the hub is online. Referrers use the phone line; older people never need a "
    "device, and follow-up calls go to a landline if that is what the person has.", NULL },
  { "addressing-inequalities-5", PC_RATING_NOT_APPLICABLE, NULL,
    "The hub is a physical health service for older people seen on the same day; it does not "
    "detain anyone or use restrictive interventions. People with delirium who need that level "
    "of care are admitted to the acute trust, whose own policies apply." },
  { "relationship-focused-1", PC_RATING_MET,
    "The clinician who sees a person at the hub also makes the 72-hour follow-up call, and "
    "people seen again within 90 days are booked with the same clinician where they can be.",
    NULL },
  { NULL },
};

/* The team has not yet agreed how to act on this gap, so it blocks. */
static const DemoAnswer frailty_gap = {
  "whole-person-care-3", PC_RATING_PARTLY_MET,
  "Memory, mood and delirium are screened at every visit (4AT for delirium, GDS-15 for "
  "depression). But the referral criteria still exclude people whose main need is their "
  "mental health, and those people end up at the emergency department. A joint route with the "
  "older adults’ community mental health team is to be discussed at the design group on {d:5}; "
  "no action has been agreed yet.",
  NULL,
};

static const DemoAction frailty_actions[] = {
  { "accessible-flexible-recovery-inclusive-1",
    "Sign the transport contract for same-day returns home, including evenings and weekends.",
    "Hülya Öztürk, Community Physiotherapist", 14, PC_ACTION_IN_PROGRESS },
  { "whole-person-care-2",
    "Train the hub’s nurses in the 4AT delirium screen.",
    "Grace Mensah, Advanced Nurse Practitioner", -5, PC_ACTION_DONE },
  { NULL },
};

static const DemoCoproduction frailty_coproduction[] = {
  { "Older people and carers at two Enfield day centres (26 people)",
    "interview", -55,
    "Transport home arranged by the hub for every same-day visit; carers may stay in the "
    "assessment room." },
  { "GPs, district nurses, paramedics and care home managers",
    "workshop", -48,
    "One phone number for referrers, answered by a clinician rather than an administrator." },
  { "Two carers, an Age UK volunteer and the hub team",
    "walkabout", -20,
    "Chairs with arms in the waiting area, a quieter room for people with dementia, larger "
    "signs." },
  { NULL },
};

static const DemoScenario frailty = {
  .title = "Enfield community frailty hub: same-day assessment for older people at risk of "
           "hospital admission",
  .kind = PC_KIND_NEW_SERVICE,
  .division = "enfield_community_services",
  .priority = "community_physical_health",
  .lead = "Grace Mensah",
  .team = { "Dr Alistair Reid, GP with a special interest in older people",
            "Hülya Öztürk, Community Physiotherapist", "Mariusz Kamiński, Community Pharmacist",
            "Dr Nusrat Jahan, Consultant Old Age Psychiatrist (liaison)" },
  .outcomes = "Older people with moderate or severe frailty seen the same day in the community "
              "instead of the emergency department; a comprehensive geriatric assessment within "
              "72 hours; fewer admissions after falls; delirium and depression picked up "
              "alongside physical needs.",
  .affected = "People aged 65 and over in Enfield living with moderate or severe frailty "
              "(Clinical Frailty Scale 5 to 7), and their carers; district nursing; the rapid "
              "response team; GPs; care homes; the ambulance service; the acute trust’s frailty "
              "unit.",
  .start = 75,
  .review = 255,
  .service = "the hub",
  .people = "older people living with frailty",
  .site = "Forest Road Health Centre",
  .coverage = COVER_ALL,
  .answers = frailty_answers,
  .actions = frailty_actions,
  .coproduction = frailty_coproduction,
  .gap = &frailty_gap,
  .stage = STAGE_DRAFT,
};

/* ---- Physical health checks for people with SMI: approved, revised -- */

static const DemoAnswer smi_answers[] = {
  { "whole-person-care-2", PC_RATING_MET,
    "All six parts of the annual check (weight and BMI, blood pressure, HbA1c, lipids, smoking "
    "and alcohol) in one 40-minute appointment, with the blood test taken at the same visit. "
    "Abnormal results are acted on by the clinic, not only passed to the GP: stop-smoking "
    "support is started in the room, and referrals to weight management and diabetes prevention "
    "are made before the person leaves. Uptake by quarter is attached.", NULL },
  { "kindness-matters-2", PC_RATING_MET,
    "First contact is a phone call from the health care assistant who will see the person, "
    "not a letter, followed by a text the day before. People can bring someone with them, and "
    "the first minutes are for the person’s own questions.", NULL },
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_MET,
    "Clinics run in the person’s own GP practice, in Edmonton and Ponders End, on weekdays "
    "9 am to 5 pm, with home visits for people who do not leave home. Longer appointments are "
    "offered to anyone who needs them.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "The team searches the practices’ registers and invites people itself, so there is no "
    "referral wait. In the three pilot practices, reminder calls by the health care assistant "
    "cut the DNA rate from 34% to 17%.", NULL },
  { "addressing-inequalities-1", PC_RATING_MET,
    "Before the pilot, uptake of all six checks was 38% overall but 24% for Black African and "
    "Black Caribbean men and 27% for people living in the most deprived fifth of the borough "
    "(practice searches, {d:-200}). People with severe mental illness die 15 to 20 years "
    "earlier than the general population, mostly from preventable physical illness.", NULL },
  { "addressing-inequalities-5", PC_RATING_NOT_APPLICABLE, NULL,
    "Nurse-led physical health clinics in GP surgeries involve no detention or restrictive "
    "care. Uptake gaps by ethnicity are covered under addressing-inequalities-1 to 3." },
  { "best-evidence-outcome-focused-3", PC_RATING_MET,
    "Measured: the share of people on the register with all six checks in the last 12 months "
    "(target 75%, national standard 60%), the share with an abnormal result who received a "
    "follow-up intervention within 3 months, and the person’s own rating of the appointment.",
    NULL },
  { NULL },
};

static const DemoAction smi_actions[] = {
  { "whole-person-care-2",
    "Train two more health care assistants in phlebotomy.",
    "Shabnam Ali, Health Care Assistant", -30, PC_ACTION_DONE },
  { "addressing-inequalities-1",
    "Hold two clinics at the Edmonton African-Caribbean community centre with the centre’s "
    "health champions.",
    "Paweł Grabowski, Health and Wellbeing Coach", 40, PC_ACTION_OPEN },
  { NULL },
};

static const DemoCoproduction smi_coproduction[] = {
  { "People on the severe mental illness register (19) and carers (4), at the Recovery College",
    "workshop", -150,
    "Appointments of 40 minutes instead of 20; bloods taken at the same visit; the same health "
    "care assistant each year rather than a rota." },
  { "Practice nurses and practice managers from 14 practices",
    "survey", -130,
    "Searches and invitations run centrally by the team instead of by each practice." },
  { NULL },
};

static const DemoAttachment smi_attachments[] = {
  { "whole-person-care-2", "smi-health-check-uptake.csv", "text/csv",
    "quarter_ending,practices,people_on_register,all_six_checks,uptake_percent\n"
    "{iso:-365},3,512,195,38.1\n{iso:-274},3,518,247,47.7\n"
    "{iso:-183},3,521,301,57.8\n{iso:-91},3,526,338,64.3\n" },
  { NULL },
};

static const DemoAnswer smi_revision_answers[] = {
  { "accessible-flexible-recovery-inclusive-1", PC_RATING_PARTLY_MET,
    "Clinics run in the person’s own GP practice on weekdays, with home visits for people who "
    "do not leave home. From {d:30} a Saturday morning clinic runs at Ponders End for people "
    "who work. Six Haringey practices join from {d:90}, but their clinics cannot start until "
    "the extra staff are recruited.", NULL },
  { "addressing-inequalities-1", PC_RATING_MET,
    "Pilot results to {d:-7}: in the three pilot practices, uptake of all six checks rose from "
    "38% to 64% overall and from 24% to 51% for Black African and Black Caribbean men. The six "
    "Haringey practices joining have the lowest uptake in that borough (31%).", NULL },
  { NULL },
};

static const DemoAction smi_revision_actions[] = {
  { "accessible-flexible-recovery-inclusive-1",
    "Recruit a nurse and a health care assistant (1.0 whole-time equivalent each) for the "
    "Haringey practices.",
    "Chloe Bennett, Lead Nurse, Physical Health", 75, PC_ACTION_OPEN },
  { NULL },
};

static const DemoCoproduction smi_revision_coproduction[] = {
  { "People on the register at two Haringey practices (7) and a carer",
    "interview", -4,
    "Saturday clinic added for people in work; reminder texts in Turkish and Polish." },
  { NULL },
};

static const DemoFollowUp smi_revision = {
  .reason = "The Haringey GP federation has asked to join: the clinics extend to six Haringey "
            "practices and add a Saturday clinic, which changes the reach, staffing and "
            "inequalities answers.",
  .answers = smi_revision_answers,
  .actions = smi_revision_actions,
  .coproduction = smi_revision_coproduction,
  .team = { "Dr Femi Adebayo, GP Clinical Lead", "Shabnam Ali, Health Care Assistant",
            "Paweł Grabowski, Health and Wellbeing Coach",
            "Dr Helen Marsh, Consultant Psychiatrist",
            "Aylin Çelik, Practice Nurse Lead (Haringey)" },
};

static const DemoScenario smi = {
  .title = "Physical health checks for people with severe mental illness: nurse-led clinics in "
           "Enfield GP practices",
  .kind = PC_KIND_NEW_SERVICE,
  .division = "enfield_community_services",
  .priority = "community_physical_health",
  .lead = "Chloe Bennett",
  .team = { "Dr Femi Adebayo, GP Clinical Lead", "Shabnam Ali, Health Care Assistant",
            "Paweł Grabowski, Health and Wellbeing Coach",
            "Dr Helen Marsh, Consultant Psychiatrist" },
  .outcomes = "At least 75% of people on the severe mental illness registers of the "
              "participating practices have all six parts of the annual physical health check "
              "(38% before the pilot), and those with abnormal results get a follow-up "
              "intervention; fewer missed diagnoses of diabetes and heart disease.",
  .affected = "Adults on the severe mental illness registers of 14 Enfield GP practices (about "
              "2,300 people) and their carers; the practices; community mental health teams; "
              "stop-smoking and weight management services.",
  .start = 14,
  .review = 200,
  .service = "the clinics",
  .people = "people with severe mental illness",
  .site = "the participating GP practices",
  .coverage = COVER_ALL,
  .answers = smi_answers,
  .actions = smi_actions,
  .coproduction = smi_coproduction,
  .attachments = smi_attachments,
  .stage = STAGE_REVISED,
  .author = SIGNER_BENNETT,
  .reviewer = SIGNER_WISNIEWSKA,
  .follow_up = &smi_revision,
};

/* ---- Memory assessment pathway: a draft half done ------------------- */

static const DemoAnswer memory_answers[] = {
  { "people-at-the-heart-3", PC_RATING_MET,
    "Most people come to the memory service with a family member. Carers are asked at the "
    "first contact whether they want to be involved, get their own appointment with the "
    "dementia adviser, and are offered the carers’ course (“Living well with memory "
    "problems”) whatever the outcome of the assessment.", NULL },
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_PARTLY_MET,
    "Median wait from referral to diagnosis is 16 weeks (data to {d:-30}, attached); 27% wait "
    "more than 18 weeks, mostly for a CT scan. The redesign aims for 6 weeks by doing the first "
    "assessment at home or in the GP surgery and adding scanning slots.", NULL },
  { "accessible-flexible-recovery-inclusive-3", PC_RATING_MET,
    "Cognitive assessment uses the RUDAS (Rowland Universal Dementia Assessment Scale), which "
    "is less affected by education and culture than the ACE-III, for anyone whose first "
    "language is not English. Interpreters trained in cognitive assessment are booked in "
    "Turkish, Polish, Bengali, Greek and Somali.", NULL },
  { NULL },
};

static const DemoAction memory_actions[] = {
  { "accessible-flexible-recovery-inclusive-2",
    "Agree two extra CT scanning slots a week with the acute trust’s radiology department.",
    "Dr Piotr Kowalczyk, Consultant Old Age Psychiatrist", -9, PC_ACTION_OPEN },
  { "accessible-flexible-recovery-inclusive-3",
    "Train four memory nurses in the RUDAS.",
    "Anjali Sharma, Memory Nurse Specialist", -20, PC_ACTION_DONE },
  { NULL },
};

static const DemoCoproduction memory_coproduction[] = {
  { "Carers at the Barnet dementia carers’ café (15)",
    "workshop", -25,
    "Assessment at home offered first, not only as an exception; results given with a carer "
    "present if the person wishes." },
  { NULL },
};

static const DemoAttachment memory_attachments[] = {
  { "accessible-flexible-recovery-inclusive-2", "memory-service-waits.csv", "text/csv",
    "month_starting,referrals,diagnosed,median_weeks_to_diagnosis,waiting_over_18_weeks\n"
    "{iso:-210},96,81,14.9,19\n{iso:-180},104,88,15.3,22\n{iso:-150},99,85,15.8,25\n"
    "{iso:-120},110,90,16.2,29\n{iso:-90},107,92,16.4,31\n{iso:-60},101,87,16.1,28\n" },
  { NULL },
};

static const DemoScenario memory = {
  .title = "Memory assessment pathway redesign: diagnosis within six weeks, with assessment at "
           "home or in the GP surgery",
  .kind = PC_KIND_PATHWAY_REDESIGN,
  .division = "barnet_mental_health",
  .priority = "community_mental_health_adults",
  .lead = "Dr Piotr Kowalczyk",
  .team = { "Anjali Sharma, Memory Nurse Specialist", "Dr Ruth Levy, Clinical Psychologist",
            "Bilal Uddin, Dementia Adviser (voluntary sector)" },
  .outcomes = "Diagnosis within 6 weeks of referral (now a median of 16 weeks); assessment at "
              "home or at the GP surgery where the person prefers; post-diagnostic support "
              "offered to every person and carer within 4 weeks of diagnosis.",
  .affected = "People in Barnet with suspected dementia or mild cognitive impairment, their "
              "carers and families; GPs; the memory service; the dementia advisory service.",
  .start = 150,
  .review = 330,
  .service = "the memory service",
  .people = "people with memory problems",
  .site = "the memory clinic in Finchley",
  .coverage = COVER_HALF,
  .answers = memory_answers,
  .actions = memory_actions,
  .coproduction = memory_coproduction,
  .attachments = memory_attachments,
  .stage = STAGE_DRAFT,
};

/* ---- Digital CBT: a fresh draft ------------------------------------- */

static const DemoAnswer cbt_answers[] = {
  { "accessible-flexible-recovery-inclusive-2", PC_RATING_MET,
    "Median wait from assessment to the first step 2 session is now 9 weeks. People who choose "
    "digital CBT get access within 48 hours of assessment and a first review call with a "
    "psychological wellbeing practitioner within 2 weeks.", NULL },
  { "addressing-inequalities-4", PC_RATING_PARTLY_MET,
    "Face-to-face and phone guided self-help stay available to anyone who prefers them. But "
    "18% of step 2 referrals are people over 65 and 9% need an interpreter, and the programme "
    "is only in English, so it cannot yet be offered equally.", NULL },
  { "best-evidence-outcome-focused-1", PC_RATING_MET,
    "NICE CG113 (generalised anxiety disorder and panic disorder) and NG222 (depression in "
    "adults) recommend guided self-help, including digital CBT, at step 2; NICE’s early value "
    "assessments of digitally enabled therapies list the programmes we are choosing between.",
    NULL },
  { NULL },
};

static const DemoAction cbt_actions[] = {
  { "addressing-inequalities-4",
    "Ask the Trust’s digital inclusion team whether step 2 patients can borrow devices and "
    "data.",
    "Yasemin Kaya, Psychological Wellbeing Practitioner", 21, PC_ACTION_OPEN },
  { NULL },
};

static const DemoScenario cbt = {
  .title = "Guided digital CBT for anxiety and low mood in Haringey Talking Therapies",
  .kind = PC_KIND_SERVICE_CHANGE,
  .division = "haringey_mental_health",
  .priority = "community_mental_health_adults",
  .lead = "Nasrin Akhter",
  .team = { "Daniel Cohen, Step 2 Team Lead",
            "Yasemin Kaya, Psychological Wellbeing Practitioner" },
  .outcomes = "Guided digital CBT offered as a choice at step 2, cutting the wait for treatment "
              "from 9 weeks to 2 for people who choose it, with recovery rates at least as good "
              "as face-to-face guided self-help (now 52%).",
  .affected = "Adults in Haringey referred to talking therapies with mild to moderate anxiety "
              "or low mood; step 2 practitioners; GPs.",
  .start = 100,
  .service = "digital CBT",
  .people = "adults with anxiety or low mood",
  .site = "the talking therapies service in Wood Green",
  .coverage = COVER_FEW,
  .answers = cbt_answers,
  .actions = cbt_actions,
  .stage = STAGE_DRAFT,
};

/* In the order they are made: the list shows the newest change first. */
static const DemoScenario * const scenarios[] = {
  &ward, &perinatal, &cafe, &smi, &eating, &bridge, &frailty, &memory, &cbt,
};

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
  DemoAnswer answer = { prompt->id, PC_RATING_MET, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (shared_evidence); i++)
    if (g_str_equal (shared_evidence[i].prompt_id, prompt->id))
      answer.evidence = shared_evidence[i].evidence;

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
  gboolean ok = TRUE;

  g_return_val_if_fail (PC_IS_STORE (store), 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (keys_dir != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  actor = g_strdup (pc_store_get_actor (store));

  for (guint i = 0; ok && i < N_SIGNERS; i++)
    {
      keys[i] = signer_key (keys_dir, &signers[i], error);
      ok = keys[i] != NULL;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (scenarios); i++)
    {
      ok = add_scenario (store, checklist, scenarios[i], keys, when, error);
      if (!ok)
        g_prefix_error (error, _("Example “%s”: "), scenarios[i]->title);
    }

  free_keys (keys);
  if (actor != NULL)
    pc_store_set_actor (store, actor);

  return ok ? G_N_ELEMENTS (scenarios) : 0;
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

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      const DemoScenario *s = scenarios[i];

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

/* The shared text for @prompt_id, or NULL when there is none. */
static const char *
shared_text (const char *prompt_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (shared_evidence); i++)
    if (g_str_equal (shared_evidence[i].prompt_id, prompt_id))
      return shared_evidence[i].evidence;

  return NULL;
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
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    if (scenarios[i]->stage == stage)
      return scenarios[i]->decision_reason;

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
  const char * const *divisions = pc_division_ids ();
  const char * const *priorities = pc_priority_ids ();
  const DemoScenario *base = scenarios[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (scenarios))];
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

          if (pc_names_equal (signer->name, name))
            latest = signer->fingerprint;
        }

      if (latest != NULL && !g_str_equal (latest, fingerprint)
          && !pc_store_register_replaced_key (store, name, pc_signing_key_get_public_key (keys[i]),
                                              latest, error))
        return FALSE;
    }

  return TRUE;
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
  gboolean ok = TRUE;
  guint i;

  g_return_val_if_fail (PC_IS_STORE (store), 0);
  g_return_val_if_fail (checklist != NULL, 0);
  g_return_val_if_fail (keys_dir != NULL, 0);
  g_return_val_if_fail (count > 0 && count <= PC_DEMO_MAX_COUNT, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  when = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  actor = g_strdup (pc_store_get_actor (store));

  /* Drafts sign nothing, and need no keys (each is slow to make). */
  if ((flags & PC_DEMO_DRAFTS) == 0)
    {
      for (i = 0; ok && i < N_SIGNERS; i++)
        {
          keys[i] = signer_key (keys_dir, &signers[i], error);
          ok = keys[i] != NULL;
        }
      ok = ok && record_new_keys (store, keys, error);
    }

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
  if (actor != NULL)
    pc_store_set_actor (store, actor);

  return ok ? count : 0;
}
