// Letters written about a patient and kept in the record: the hand-over to the GP (Dutch, only
// when the core's `handover.gp` says the GP can take over, clinical-rules.md §8) and the card for
// the dentist (for a patient on a drug with a risk of jaw osteonecrosis). Each is composed once
// from the record and the core's conclusions, kept as it was written (letter.content), and
// printed from what was kept. Writing is `record.write`, reading `record.read`, both audited.
import type { Case, Drug } from '../core/case.schema.js';
import { CATALOGUE, regimenFor } from '../core/medication/catalogue.js';
import { currentCourses } from '../core/medication/courses.js';
import { fullName } from '../core/names.js';
import { day, list, num } from '../core/text.js';
import { compareDates, maxDate } from '../core/time/date.js';
import { todayNl } from '../schema/clock.js';
import type { LetterInput, LetterView } from '../schema/follow-up.schema.js';
import { AppError } from '../schema/problem.js';
import { insertLetter, latestAgreements, letterById, lettersOf, type LetterRow } from '../store/letter.repo.js';
import { organisationContact, userName } from '../store/logistics.repo.js';
import { readWithPatient, withPatient, type AccessDeps, type PatientRow } from './access.js';
import { followUpEvaluation } from './follow-up.js';
import { keptLetterPdf, KeptLetterContent } from './letters.js';
import { isKeptProgressReport, progressReportPdf } from './progress-report.js';
import { caseOn, type Ask } from './record.js';

type Lang = 'nl' | 'en';

/** Drugs with a known (small) risk of jaw osteonecrosis: the bisphosphonates, denosumab, romosozumab. */
export function jawRisk(drug: Drug): boolean {
  return CATALOGUE[drug].drugClass === 'bisphosphonate' || drug === 'denosumab' || drug === 'romosozumab';
}

const INTERVAL_NL: Record<string, string> = {
  daily: 'elke dag', weekly: 'eens per week', monthly: 'eens per maand', 'every-3-months': 'eens per 3 maanden', 'every-6-months': 'eens per half jaar', yearly: 'eens per jaar',
};
const ROUTE_NL: Record<string, string> = { oral: 'tablet', iv: 'infuus', sc: 'injectie onder de huid' };
const DXA_SITE_NL: Record<string, string> = { 'lumbar-spine': 'lendenwervels', 'femoral-neck': 'heuphals', 'total-hip': 'heup totaal' };
const FRACTURE_SITE_NL: Record<string, string> = {
  skull: 'schedel', face: 'aangezicht', 'cervical-spine': 'halswervel', 'thoracic-spine': 'borstwervel', 'lumbar-spine': 'lendenwervel', sternum: 'borstbeen', rib: 'rib',
  clavicle: 'sleutelbeen', scapula: 'schouderblad', humerus: 'bovenarm', elbow: 'elleboog', forearm: 'onderarm', wrist: 'pols', carpus: 'handwortel', metacarpal: 'middenhand', finger: 'vinger',
  pelvis: 'bekken', acetabulum: 'heupkom', hip: 'heup', femur: 'bovenbeen', patella: 'knieschijf', tibia: 'scheenbeen', fibula: 'kuitbeen', ankle: 'enkel', calcaneus: 'hielbeen',
  talus: 'sprongbeen', tarsus: 'voetwortel', metatarsal: 'middenvoet', toe: 'teen', other: 'andere plek',
};
const LAB_NL: Record<string, string> = {
  calcium: 'calcium', albumin: 'albumine', 'calcium-corrected': 'gecorrigeerd calcium', creatinine: 'creatinine', egfr: 'eGFR', tsh: 'TSH', '25-oh-vitamin-d': '25-OH-vitamine D',
  'alkaline-phosphatase': 'alkalische fosfatase', pth: 'PTH', esr: 'BSE', 'm-protein': 'M-proteïne', phosphate: 'fosfaat', testosterone: 'testosteron', 'urine-calcium-24h': 'calcium in 24-uursurine',
};
const AGREEMENT_NL: Record<string, string> = {
  medication: 'Medicijnen', exercise: 'Bewegen', nutrition: 'Eten en drinken', followUp: 'Controles', 'follow-up': 'Controles', sideEffects: 'Bij bijwerkingen', 'side-effects': 'Bij bijwerkingen',
};
const OPTION_NL: Record<string, string> = {
  'lifestyle-only': 'geen medicijn, wel leefstijl en valpreventie', 'weekly-tablet': 'een tablet per week', 'yearly-infusion': 'een infuus per jaar',
  'injection-6-months': 'een injectie per half jaar', 'daily-injection': 'een injectie per dag',
};

interface Writer {
  organisation: { name: string; phone: string | null };
  by: string;
  today: string;
  patientName: string;
  born: string;
}

function diagnosisLines(c: Case): string[] {
  const out: string[] = [];
  const lastDxa = maxDate((c.dxa ?? []).map((d) => d.date));
  if (lastDxa !== undefined) {
    const sites = (c.dxa ?? []).filter((d) => d.date === lastDxa && d.tScore !== undefined).map((d) => `${DXA_SITE_NL[d.site] ?? d.site} T-score ${num(d.tScore as number, 'nl', 1)}`);
    out.push(`Botdichtheid (DXA) op ${day(lastDxa, 'nl')}: ${sites.length > 0 ? list(sites, 'nl') : 'geen T-score vastgelegd'}.`);
  } else {
    out.push('Er is geen botdichtheidsmeting (DXA) vastgelegd.');
  }
  const fractures = [...(c.fractures ?? [])].sort((a, b) => compareDates(a.date, b.date)).map((f) => `${FRACTURE_SITE_NL[f.site] ?? f.site} (${day(f.date, 'nl')})`);
  out.push(fractures.length > 0 ? `Botbreuken: ${list(fractures, 'nl')}.` : 'Er zijn geen botbreuken vastgelegd.');
  if (c.vfa) {
    const broken = c.vfa.vertebrae.filter((v) => v.grade === 1 || v.grade === 2 || v.grade === 3).map((v) => `${v.level} graad ${String(v.grade)}`);
    out.push(`Wervelfoto (VFA) op ${day(c.vfa.date, 'nl')}: ${broken.length > 0 ? `ingezakte wervels ${list(broken, 'nl')}` : 'geen ingezakte wervels'}.`);
  }
  return out;
}

function resultLines(c: Case): string[] {
  const latest = new Map<string, NonNullable<Case['labs']>[number]>();
  for (const l of c.labs ?? []) {
    const prev = latest.get(l.test);
    if (!prev || compareDates(l.date, prev.date) > 0) latest.set(l.test, l);
  }
  const out = [...latest.values()].map((l) => `${LAB_NL[l.test] ?? l.test}: ${num(l.value, 'nl')} ${l.unit} (${day(l.date, 'nl')})`);
  return out.length > 0 ? out : ['Er zijn geen bloeduitslagen vastgelegd.'];
}

function medicationLines(c: Case): string[] {
  const courses = currentCourses(c);
  if (courses.length === 0) return ['Geen osteoporosemedicijn in gebruik.'];
  return courses.map((k) => {
    const reg = regimenFor(k.med.drug, k.med.route);
    const how = reg ? `${reg.dose}, ${ROUTE_NL[reg.route] ?? reg.route}, ${INTERVAL_NL[reg.interval] ?? reg.interval}` : 'schema niet bekend';
    return `${CATALOGUE[k.med.drug].nameNl}: ${how}; sinds ${day(k.med.start, 'nl')}.`;
  });
}

function agreementLines(a: Awaited<ReturnType<typeof latestAgreements>>): string[] {
  if (!a) return [];
  const out = [`Gekozen op ${day(a.decided_on, 'nl')}: ${OPTION_NL[a.option] ?? a.option}.`];
  const ag = a.agreements;
  if (ag !== null && typeof ag === 'object') {
    for (const [k, v] of Object.entries(ag as Record<string, unknown>)) {
      const text = typeof v === 'string' ? v : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').join('; ') : '';
      if (text.trim() !== '') out.push(`${AGREEMENT_NL[k] ?? k}: ${text.trim()}`);
    }
  }
  return out;
}

function handoverLetter(w: Writer, c: Case, gp: string | null, values: (code: string) => unknown[], agreements: string[]): KeptLetterContent {
  const next = values('medication.next-dose') as { drug: Drug; date: string }[];
  const review = values('medication.review-due') as { drug: Drug; date: string }[];
  const todo: string[] = [];
  for (const n of next.filter((x) => x.drug === 'denosumab')) {
    todo.push(`Volgende injectie denosumab: ${day(n.date, 'nl')}. Daarna elk half jaar. Stop denosumab nooit zonder een ander middel binnen 6 maanden na de laatste injectie: anders breekt het bot snel af.`);
  }
  for (const r of review) {
    todo.push(`Evalueer ${CATALOGUE[r.drug].nameNl} in ${r.date.slice(0, 4)} (vanaf ${day(r.date, 'nl')}): doorgaan, een pauze of een ander middel.`);
  }
  todo.push('Vraag eens per jaar naar de inname, bijwerkingen, vallen en nieuwe botbreuken.');
  return {
    format: 'A4',
    title: 'Overdracht osteoporosezorg aan de huisarts',
    from: [w.organisation.name, ...(w.organisation.phone ? [`Telefoon ${w.organisation.phone}`] : [])],
    to: [gp !== null && gp.trim() !== '' ? `Aan: huisartsenpraktijk ${gp}` : 'Aan: de huisarts'],
    dated: `Datum: ${day(w.today, 'nl')}`,
    about: `Over: ${w.patientName}, geboren ${w.born}`,
    blocks: [
      { lines: ['Geachte collega,', 'Deze patiënt kwam bij ons na een botbreuk en is behandeld voor osteoporose. De controle na een jaar is gedaan. Wij dragen de zorg nu aan u over. Hieronder leest u wat wij vonden, wat de patiënt gebruikt en wat wij u vragen.'] },
      { heading: 'Diagnose', lines: diagnosisLines(c) },
      { heading: 'Uitslagen', lines: resultLines(c), list: true },
      { heading: 'Medicijnen nu', lines: medicationLines(c), list: true },
      ...(agreements.length > 0 ? [{ heading: 'Afspraken met de patiënt', lines: agreements, list: true }] : []),
      { heading: 'Wat wij u vragen', lines: todo, list: true },
      {
        heading: 'Wanneer terugverwijzen',
        lines: [
          'een nieuwe botbreuk tijdens de behandeling',
          'bijwerkingen waardoor het medicijn niet verder kan',
          'een injectie denosumab die meer dan een maand te laat is (7 maanden na de vorige)',
          'twijfel over stoppen of overstappen op een ander middel',
        ],
        list: true,
      },
      { heading: 'Infusen blijven in het ziekenhuis', lines: ['Een infuus (zoledroninezuur of ibandroninezuur in de ader) en de injecties met romosozumab of teriparatide geven wij in het ziekenhuis. Is zo\'n middel later nodig? Verwijs dan terug.'] },
    ],
    closing: ['Met vriendelijke groet,', w.by, w.organisation.name],
    footer: `${w.patientName}, geboren ${w.born}`,
  };
}

const CARD = {
  nl: {
    title: 'Kaart voor de tandarts',
    to: 'Voor de tandarts en de mondhygiënist',
    dated: (d: string) => `Gemaakt op ${d}`,
    about: (name: string, born: string) => `${name}, geboren ${born}`,
    drug: (name: string, since: string) => `Gebruikt ${name} sinds ${since}.`,
    head: 'Goed om te weten',
    lines: [
      'Dit medicijn maakt de botten sterker. Heel soms sterft daardoor een stukje kaakbot af (osteonecrose van de kaak). De kans is klein.',
      'Een ingreep in de kaak, zoals een kies trekken of een implantaat? Overleg dan eerst met de arts die het medicijn geeft.',
      'Controles, schoonmaken en vullen kunnen gewoon doorgaan.',
      'Een gezonde mond verkleint de kans: goed poetsen, tussen de tanden schoonmaken en twee keer per jaar controle.',
      'Bloot bot in de mond, of een wond die niet geneest? Neem contact met ons op.',
    ],
    call: (org: string, phone: string | null) => `Vragen: ${org}${phone ? `, telefoon ${phone}` : ''}`,
  },
  en: {
    title: 'Card for the dentist',
    to: 'For the dentist and the dental hygienist',
    dated: (d: string) => `Made on ${d}`,
    about: (name: string, born: string) => `${name}, born ${born}`,
    drug: (name: string, since: string) => `Has been taking ${name} since ${since}.`,
    head: 'Good to know',
    lines: [
      'This medicine makes bones stronger. Very rarely, a small piece of jaw bone dies off because of it (osteonecrosis of the jaw). The chance is small.',
      'Planning surgery on the jaw, such as pulling a tooth or placing an implant? Please talk to the doctor who gives the medicine first.',
      'Check-ups, cleaning and fillings can go ahead as usual.',
      'A healthy mouth lowers the chance: brush well, clean between the teeth and have a check-up twice a year.',
      'Bare bone in the mouth, or a sore that does not heal? Please contact us.',
    ],
    call: (org: string, phone: string | null) => `Questions: ${org}${phone ? `, phone ${phone}` : ''}`,
  },
} as const;

function dentistCard(w: Writer, lang: Lang, courses: { drug: Drug; start: string }[]): KeptLetterContent {
  const t = CARD[lang];
  return {
    format: 'A6',
    title: t.title,
    from: [w.organisation.name],
    to: [t.to],
    dated: t.dated(day(w.today, lang)),
    about: t.about(w.patientName, day(w.born, lang)),
    blocks: [
      { lines: courses.map((k) => t.drug(lang === 'nl' ? CATALOGUE[k.drug].nameNl : CATALOGUE[k.drug].nameEn, day(k.start, lang))) },
      { heading: t.head, lines: [...t.lines], list: true },
    ],
    closing: [t.call(w.organisation.name, w.organisation.phone)],
    footer: t.about(w.patientName, day(w.born, lang)),
  };
}

/**
 * The dentist's card for a Case as the demo set keeps it (written on the demo's first day by the
 * demo nurse); undefined when no drug with a jaw risk is in use.
 */
export function dentistCardContent(c: Case, w: { organisation: string; phone: string | null; by: string; patientName: string; birthDate: string }, lang: Lang = 'nl'): KeptLetterContent | undefined {
  const courses = currentCourses(c).filter((k) => jawRisk(k.med.drug)).map((k) => ({ drug: k.med.drug, start: k.med.start }));
  if (courses.length === 0) return undefined;
  return dentistCard({ organisation: { name: w.organisation, phone: w.phone }, by: w.by, today: c.asOf, patientName: w.patientName, born: w.birthDate }, lang, courses);
}

function titleOf(r: LetterRow): string {
  const c = r.content as { title?: unknown } | null;
  return c !== null && typeof c === 'object' && typeof c.title === 'string' ? c.title : r.kind;
}

export function letterView(r: LetterRow): LetterView {
  return { id: r.id, kind: r.kind, lang: r.lang, title: titleOf(r), writtenBy: r.written_by_name, writtenAt: r.written_at };
}

const patientName = (row: PatientRow) => fullName({ givenName: row.given_name, familyNamePrefix: row.family_name_prefix, familyName: row.family_name });

/**
 * Writes a letter and keeps it. The hand-over is refused (409, with the core's reasons) while the
 * core does not hand the patient over; the dentist's card while no drug with a jaw risk is in use.
 */
export async function writeLetter(deps: AccessDeps, ask: Ask, input: LetterInput): Promise<LetterView> {
  const lang: Lang = input.lang ?? 'nl';
  if (input.kind === 'gp-handover' && lang !== 'nl') {
    throw new AppError('invalid-input', 'The hand-over letter to the GP is written in Dutch.', [{ pointer: '/lang', detail: 'the GP letter is Dutch only' }]);
  }
  const today = todayNl();
  return withPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.write', resource: `patient/letter/${input.kind}`, patientId: ask.patientId }, async ({ db, row, records }) => {
    if (row.merged_into) throw new AppError('conflict', 'This record was merged into another one; write the letter there.', [{ pointer: '/params/id', detail: 'is a merged record' }]);
    const c = await caseOn(db, records, row, today);
    const org = ask.actor.organisationId;
    const [contact, by] = await Promise.all([org !== null ? organisationContact(db, org) : undefined, userName(db, ask.actor.userId)]);
    const w: Writer = {
      organisation: { name: contact?.name ?? 'Botpad', phone: contact?.phone ?? null }, by: by ?? '', today,
      patientName: patientName(row), born: row.birth_date,
    };
    let content: KeptLetterContent;
    if (input.kind === 'gp-handover') {
      const ev = await followUpEvaluation(db, c, org);
      const values = (code: string) => ev.conclusions.filter((k) => k.code === code && k.value !== null).map((k) => k.value);
      const handover = values('handover.gp')[0] as { eligible: boolean; reasons: string[] } | undefined;
      if (handover?.eligible !== true) {
        const reasons = handover?.reasons ?? ['no-current-medication'];
        throw new AppError('conflict', `The core does not hand this patient over to the GP yet: ${reasons.join(', ')}.`, [{ pointer: '/kind', detail: `handover.gp: ${reasons.join(', ')}` }], { extra: { reasons } });
      }
      content = handoverLetter({ ...w, born: day(row.birth_date, 'nl') }, c, row.gp_practice, values, agreementLines(await latestAgreements(db, row.id)));
    } else {
      const courses = currentCourses(c).filter((k) => jawRisk(k.med.drug)).map((k) => ({ drug: k.med.drug, start: k.med.start }));
      if (courses.length === 0) {
        throw new AppError('conflict', 'The dentist\'s card is for a patient on a bisphosphonate, denosumab or romosozumab; none is in use.', [{ pointer: '/kind', detail: 'no current drug with a jaw osteonecrosis risk' }], { extra: { reasons: ['no-jaw-risk-medication'] } });
      }
      content = dentistCard(w, lang, courses);
    }
    const kept = await insertLetter(db, { patientId: row.id, organisationId: org, kind: input.kind, lang, content, by: ask.actor.userId });
    return letterView(kept);
  });
}

/** The letters kept in the record, newest first. */
export async function listLetters(deps: AccessDeps, ask: Ask): Promise<LetterView[]> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/letter', patientId: ask.patientId }, async ({ db, row }) =>
    (await lettersOf(db, row.id)).map(letterView),
  );
}

/** A kept letter printed again from what it said when it was written. */
export async function letterPdf(deps: AccessDeps, ask: Ask & { letterId: string }): Promise<{ letter: LetterView; pdf: Buffer }> {
  return readWithPatient(deps, { actor: ask.actor, meta: ask.meta, action: 'record.read', resource: 'patient/letter/pdf', patientId: ask.patientId }, async ({ db, row }) => {
    const kept = await letterById(db, row.id, ask.letterId);
    if (!kept) throw new AppError('not-found', 'This record has no such letter.', [{ pointer: '/params/letterId', detail: 'no such letter in this record' }]);
    // The progress report of exercise therapy keeps its tables' data, not text blocks (progress-report.ts).
    if (isKeptProgressReport(kept.content)) return { letter: letterView(kept), pdf: await progressReportPdf(kept.content.report) };
    const content = KeptLetterContent.safeParse(kept.content);
    if (!content.success) throw new AppError('conflict', 'This letter is printed where it was written.', [{ pointer: '/params/letterId', detail: `a ${kept.kind} letter` }]);
    return { letter: letterView(kept), pdf: await keptLetterPdf(content.data) };
  });
}
