"""The clinical keep-list: sentences written for this project, with content that must survive.

Each entry is (category, sentence). Text inside [[double brackets]] must come out of
the redactor verbatim; everything else may change (some sentences hold synthetic
names and dates on purpose, to check that removing those does not take the clinical
content with it). All names, dates and numbers here are invented.

Out of scope on purpose: content the default policy generalizes by design (substance
use, HIV/STI, reproductive care, ...). Those are policy decisions, covered by the
rule packs' own cases, not clinical content lost by mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SENTENCES", "KeepItem", "KeepSentence", "parse", "sentences"]

SENTENCES: tuple[tuple[str, str], ...] = (
    # --- medications and doses (brand names look like names to NER) ---
    ("medication", "Dr. Okafor increased [[sertraline to 150 mg]] [[daily]] after the visit."),
    ("medication", "She has taken [[Zoloft 100 mg]] every morning since the spring."),
    (
        "medication",
        "Continue [[escitalopram 10 mg PO daily]]; consider [[Lexapro]] brand if GI upset.",
    ),
    ("medication", "Started [[quetiapine 25 mg qhs]] for sleep, may titrate to [[50 mg]]."),
    ("medication", "[[Lamotrigine]] titration: [[25 mg]] for [[2 weeks]], then [[50 mg]]."),
    ("medication", "He uses [[hydroxyzine 25 mg PRN]] for panic, about [[twice a week]]."),
    ("medication", "[[Trazodone 50 mg]] at bedtime helped; [[Seroquel]] was stopped."),
    ("medication", "Prescribed [[prazosin 2 mg]] for nightmares by Dr. Lindqvist."),
    ("medication", "[[Lithium 600 mg BID]]; last [[lithium level 0.8 mEq/L]]."),
    ("medication", "Switched from [[Abilify]] to [[aripiprazole 5 mg]] generic for cost."),
    ("medication", "Takes [[Wellbutrin XL 300 mg]] and [[buspirone 15 mg TID]]."),
    ("medication", "[[Venlafaxine XR 150 mg]] was tapered by [[37.5 mg]] [[every week]]."),
    ("medication", "Reports [[Adderall 20 mg]] wears off by [[3 pm]]."),
    ("medication", "[[Prozac]] and [[Celexa]] both caused nausea; tolerating [[Paxil]]."),
    ("medication", "[[Ativan 0.5 mg]] as needed before flights, [[no more than 3 doses a week]]."),
    ("medication", "Mirtazapine [[15 mg]] nightly; appetite improved within [[10 days]]."),
    ("medication", "[[Methylphenidate ER 36 mg]] each morning before school."),
    ("medication", "Uses [[Tylenol 500 mg]] for headaches and [[Benadryl]] rarely."),
    # --- labs and vitals (fractions and numbers look like dates and ids) ---
    ("lab", "[[TSH 2.4 mIU/L]] and [[free T4 1.1]] within normal limits."),
    ("lab", "[[Hemoglobin A1c 6.1%]], [[LDL 132 mg/dL]], [[BMI 31.2]]."),
    ("lab", "[[BP 128/82]], [[HR 76]], [[temp 98.4 F]] at intake."),
    ("lab", "[[Valproate level 78 mcg/mL]] on the last draw."),
    ("lab", "[[QTc 452 ms]] on ECG; repeat before raising the dose."),
    ("lab", "[[Vitamin D 18 ng/mL]], started [[2000 IU daily]]."),
    ("lab", "[[Sodium 138]], [[potassium 4.1]], [[creatinine 0.9]]."),
    ("lab", "[[ANC 1,800]] on clozapine monitoring this month."),
    ("lab", "Weight [[82 kg]], down [[3 kg]] over [[6 weeks]]."),
    ("lab", "Rates pain [[7/10]] on bad days and anxiety [[4/10]] today."),
    # --- diagnosis and billing codes (CPT codes look like ZIP codes) ---
    ("code", "Diagnosis: [[F33.1]] major depressive disorder, recurrent, moderate."),
    ("code", "Billing [[90837]] for the 60-minute session and [[90791]] for intake."),
    ("code", "[[F41.1]] generalized anxiety disorder; rule out [[F43.10]] PTSD."),
    ("code", "Add-on [[90785]] for interactive complexity; [[96127]] for the screeners."),
    ("code", "ICD-10 [[F90.0]] ADHD, predominantly inattentive; [[Z63.0]] relationship distress."),
    ("code", "Follow-up coded [[99214]] with [[90833]] psychotherapy add-on."),
    ("code", "Previously coded [[309.81]] under ICD-9."),
    ("code", "[[F43.21]] adjustment disorder with depressed mood, code [[90834]]."),
    # --- scale scores ---
    ("score", "[[PHQ-9 score of 17]] today, down from [[22]] at intake."),
    ("score", "[[GAD-7: 12]]; [[PCL-5 of 45]] suggests probable PTSD."),
    ("score", "[[MoCA 26/30]], lost points on delayed recall."),
    ("score", "[[BDI-II 28]] and [[BAI 19]] at the second session."),
    ("score", "[[Y-BOCS 24]], moderate; [[EPDS 13]] flagged."),
    ("score", "[[C-SSRS screen negative]]; [[MMSE 28/30]]."),
    ("score", "Completed the [[Beck Depression Inventory]] and the [[Columbia]] scale."),
    ("score", "[[PHQ-2 of 4]] so the full [[PHQ-9]] was given."),
    # --- durations and frequencies ---
    ("duration", "Sessions are [[weekly]] for [[53 minutes]], planned for [[12 weeks]]."),
    ("duration", "Sleeping [[4-5 hours a night]] for the [[past month]]."),
    ("duration", "Panic attacks [[three times a week]], each lasting [[10 to 15 minutes]]."),
    ("duration", "Exposure homework [[twice a day]], [[20 minutes]] each."),
    ("duration", "Depressed mood [[most days]] for [[over two years]]."),
    ("duration", "Meets with her group [[every other Thursday]] at [[6 pm]]."),
    ("duration", "Has worked night shifts for [[10 years]], [[four nights a week]]."),
    # --- relative time (not a date element) ---
    ("relative time", "The argument happened [[two weeks ago]] and again [[yesterday]]."),
    ("relative time", "[[Last month]] she moved in with her aunt; [[next session]] we review it."),
    ("relative time", "Symptoms began [[at age 14]] and worsened [[in her early 20s]]."),
    ("relative time", "Follow up [[in 3 months]] or sooner if needed."),
    ("relative time", "On [[hospital day 2]] he was calmer; discharged on [[day 5]]."),
    ("relative time", "He felt better [[on Monday]] but worse [[over the weekend]]."),
    ("relative time", "She is [[34 years old]] and lives with her partner."),
    ("relative time", "[[Earlier this week]] he skipped two classes."),
    # --- abbreviations and clinical shorthand ---
    ("abbreviation", "[[MDD]], [[GAD]], [[r/o BPD]]; [[denies SI/HI]], [[no AVH]]."),
    ("abbreviation", "[[MSE]]: [[A&Ox3]], mood 'tired', affect constricted, [[TP linear]]."),
    (
        "abbreviation",
        "Plan: [[CBT]] and [[DBT]] skills, refer to [[IOP]], [[ROI]] signed for the [[PCP]].",
    ),
    ("abbreviation", "[[h/o]] [[OCD]], [[s/p]] [[ED]] visit, [[NKDA]]."),
    ("abbreviation", "Referred by her [[LCSW]] to an [[NP]] for med management."),
    ("abbreviation", "[[EMDR]] phase 3 today; [[SUDS]] dropped from [[8]] to [[3]]."),
    ("abbreviation", "[[PHP]] step-down to [[IOP]]; [[CBT-I]] for insomnia."),
    # --- eponyms and clinical proper nouns (look like names or places) ---
    ("eponym", "History of [[Hashimoto's thyroiditis]] and [[Crohn's disease]]."),
    ("eponym", "Mother has [[Alzheimer's]]; father had [[Parkinson's disease]]."),
    ("eponym", "Son was diagnosed with [[Asperger's]] and [[Tourette syndrome]]."),
    ("eponym", "Screened for [[Cushing's]]; [[Epstein-Barr]] titers pending."),
    ("eponym", "Uses the [[Wechsler]] scales; full-scale IQ [[104]]."),
    ("eponym", "[[Medicaid]] covers the sessions; [[Medicare]] for her mother."),
    # --- ASR-style lower-case dialogue ---
    ("medication", "[patient] i've been on the [[zoloft]] [[fifty milligrams]] every morning"),
    ("duration", "[doctor] and how long has that been going on [patient] [[about three weeks]]"),
    ("score", "[doctor] your [[phq nine]] was [[fourteen]] last time [patient] okay"),
    ("relative time", "[patient] it started [[a couple of months back]] i think"),
)

_MARK = re.compile(r"\[\[(.+?)\]\]")


@dataclass(frozen=True, slots=True)
class KeepItem:
    start: int
    end: int
    category: str


@dataclass(frozen=True, slots=True)
class KeepSentence:
    text: str
    items: tuple[KeepItem, ...]


def parse(category: str, marked: str) -> KeepSentence:
    """The plain sentence and the offsets of each [[marked]] substring in it."""
    parts: list[str] = []
    items: list[KeepItem] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        before = marked[pos : m.start()]
        parts.append(before)
        length += len(before)
        parts.append(m.group(1))
        items.append(KeepItem(length, length + len(m.group(1)), category))
        length += len(m.group(1))
        pos = m.end()
    parts.append(marked[pos:])
    return KeepSentence("".join(parts), tuple(items))


def sentences() -> list[KeepSentence]:
    return [parse(category, marked) for category, marked in SENTENCES]
