// "My results" on the patient's side: the bone density scan, the spine check and the blood tests in
// plain words, each number with what it means, the core's own words for this person beside them
// and a link to the learn page that explains more. The bone density scan has a picture: where the
// lowest T-score lies between normal and osteoporosis. No script; one main action (back to home).
import { fullName } from '../../core/names.js';
import { scoreTypeFor, tCategory, T_NORMAL_FROM, T_OSTEOPOROSIS_AT, Z_BELOW_AT } from '../../core/diagnosis/bmd.js';
import { num } from '../../core/text.js';
import type { Case, DxaMeasurement } from '../../core/case.schema.js';
import type { Conclusion } from '../../core/rule.js';
import type { MyResults } from '../../api/facade.js';
import { Layout, type PageContext } from '../components/Layout.js';
import { Notice } from '../components/Form.js';
import { calendarDate } from '../time-format.js';
import { patientInfoFor } from '../learn/patient-info.js';
import type { Lang, Messages } from '../i18n/index.js';

/** The scale drawn: wide enough for nearly every measurement; a value beyond it sits at its edge. */
const SCALE = { min: -4.5, max: 1.5 } as const;

/** The core's T-score band (clinical-rules.md §3, WHO-1994), in the three words a patient reads. */
type Band = 'normal' | 'low' | 'osteoporosis';
export function bandOf(t: number): Band {
  const c = tCategory(t, false);
  return c === 'normal' ? 'normal' : c === 'osteopenia' ? 'low' : 'osteoporosis';
}

/** Where the lowest T-score lies on a scale from osteoporosis (left) to normal (right). */
export function TScoreScale({ t, lang, tScore }: { t: Messages; lang: Lang; tScore: number }) {
  const w = t.myResults;
  const W = 600;
  const x = (v: number) => Math.round(((Math.min(SCALE.max, Math.max(SCALE.min, v)) - SCALE.min) / (SCALE.max - SCALE.min)) * W);
  const band = bandOf(tScore);
  const alt = w.scaleAlt(num(tScore, lang, 1), w.band[band]);
  return (
    <figure class="t-scale">
      <svg viewBox={`0 0 ${String(W)} 110`} role="img" aria-labelledby="t-scale-title" xmlns="http://www.w3.org/2000/svg">
        <title id="t-scale-title">{alt}</title>
        <rect x="0" y="30" width={x(T_OSTEOPOROSIS_AT)} height="30" fill="#f3c5c0" stroke="#5c1a12" />
        <rect x={x(T_OSTEOPOROSIS_AT)} y="30" width={x(T_NORMAL_FROM) - x(T_OSTEOPOROSIS_AT)} height="30" fill="#f7e3a8" stroke="#5c4300" />
        <rect x={x(T_NORMAL_FROM)} y="30" width={W - x(T_NORMAL_FROM)} height="30" fill="#cfe8cf" stroke="#1f4d1f" />
        <text x={x(-3.5)} y="22" font-size="18" text-anchor="middle">{w.bandShort.osteoporosis}</text>
        <text x={x(-1.75)} y="22" font-size="18" text-anchor="middle">{w.bandShort.low}</text>
        <text x={x(0.25)} y="22" font-size="18" text-anchor="middle">{w.bandShort.normal}</text>
        <path d={`M ${String(x(tScore))} 62 l -10 18 h 20 z`} fill="#111" />
        <text x={x(tScore)} y="104" font-size="18" text-anchor="middle">{w.you(num(tScore, lang, 1))}</text>
      </svg>
      <figcaption>{alt}</figcaption>
    </figure>
  );
}

function Explained({ t, lang, c }: { t: Messages; lang: Lang; c: Conclusion }) {
  const info = patientInfoFor(c, lang);
  return (
    <div class="explained">
      <p>{c.explanation.patient}</p>
      {info ? (
        <p>
          <a href={info.href}>{t.myResults.readMore(info.label)}</a>
        </p>
      ) : null}
    </div>
  );
}

function lowest(dxa: readonly DxaMeasurement[]): number | undefined {
  const ts = dxa.map((d) => d.tScore).filter((v): v is number => v !== undefined);
  return ts.length === 0 ? undefined : Math.min(...ts);
}

function DxaPart({ t, lang, c, about }: { t: Messages; lang: Lang; c: Case; about: readonly Conclusion[] }) {
  const w = t.myResults;
  const scans = c.dxa ?? [];
  if (scans.length === 0) return null;
  const latestDay = scans.map((d) => d.date).sort().at(-1) ?? '';
  const latest = scans.filter((d) => d.date === latestDay);
  const low = lowest(latest);
  const byZ = scoreTypeFor(c) === 'Z';
  return (
    <section aria-labelledby="dxa-title">
      <h2 id="dxa-title">{w.dxaTitle}</h2>
      <p>{w.dxaWhat(calendarDate(lang, latestDay))}</p>
      <ul class="results">
        {latest.map((d) => (
          <li key={d.site}>
            <strong>{w.sites[d.site]}</strong>:{' '}
            {byZ
              ? d.zScore === undefined ? w.noScore : w.zScoreIs(num(d.zScore, lang, 1), d.zScore <= Z_BELOW_AT)
              : d.tScore === undefined ? w.noScore : w.tScoreIs(num(d.tScore, lang, 1), w.band[bandOf(d.tScore)])}
          </li>
        ))}
      </ul>
      {/* The T-score bands hold for adults past the menopause or from 50; for others the core reads the Z-score. */}
      {low !== undefined && !byZ ? <TScoreScale t={t} lang={lang} tScore={low} /> : null}
      <p class="hint">{byZ ? w.zScoreMeaning : w.tScoreMeaning}</p>
      {about.map((x) => <Explained key={x.code} t={t} lang={lang} c={x} />)}
    </section>
  );
}

function VfaPart({ t, lang, c, about }: { t: Messages; lang: Lang; c: Case; about: readonly Conclusion[] }) {
  const w = t.myResults;
  if (!c.vfa) return null;
  const broken = c.vfa.vertebrae.filter((v) => v.grade === 2 || v.grade === 3).length;
  return (
    <section aria-labelledby="vfa-title">
      <h2 id="vfa-title">{w.vfaTitle}</h2>
      <p>{w.vfaWhat(calendarDate(lang, c.vfa.date))}</p>
      <p>
        <strong>{broken === 0 ? w.vfaNone : w.vfaSome(broken)}</strong>
      </p>
      {about.map((x) => <Explained key={x.code} t={t} lang={lang} c={x} />)}
    </section>
  );
}

type Lab = NonNullable<Case['labs']>[number];

/** A lab value in words beside its number: within, below or above the lab's own range, or no range given. */
function labWords(t: Messages, lang: Lang, r: Lab): string {
  const w = t.myResults;
  const value = `${num(r.value, lang)} ${r.unit}`;
  if (r.refLow !== undefined && r.value < r.refLow) return w.labLow(value);
  if (r.refHigh !== undefined && r.value > r.refHigh) return w.labHigh(value);
  if (r.refLow !== undefined || r.refHigh !== undefined) return w.labWithin(value);
  return w.labNoRange(value);
}

function LabPart({ t, lang, c, about }: { t: Messages; lang: Lang; c: Case; about: readonly Conclusion[] }) {
  const w = t.myResults;
  const labs = c.labs ?? [];
  if (labs.length === 0) return null;
  const days = [...new Set(labs.map((l) => l.date))].sort().reverse();
  return (
    <section aria-labelledby="labs-title">
      <h2 id="labs-title">{w.labsTitle}</h2>
      {days.map((day) => (
        <div key={day}>
          <h3>{w.labsOn(calendarDate(lang, day))}</h3>
          <ul class="results">
            {labs.filter((l) => l.date === day).map((r) => (
              <li key={r.test}>
                <strong>{w.labNames[r.test]}</strong>: {labWords(t, lang, r)}
                <br />
                <span class="hint">{w.labMeaning[r.test]}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {about.map((x) => <Explained key={x.code} t={t} lang={lang} c={x} />)}
    </section>
  );
}

export function MyResultsPage({ ctx, results, own }: { ctx: PageContext; results: MyResults; own: boolean }) {
  const { t, lang } = ctx;
  const w = t.myResults;
  const name = fullName(results.patient);
  const title = own ? w.title : w.titleFor(name);
  const about = (ids: readonly string[]) => results.conclusions.filter((c) => ids.includes(c.ruleId));
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {own ? null : <p class="for-whom"><strong>{t.questionnaires.forWhom(name)}</strong></p>}
      {results.waiting ? <Notice>{w.waiting(results.waiting.count, calendarDate(lang, results.waiting.from))}</Notice> : null}
      {results.any ? <p class="lead">{w.intro}</p> : <p class="lead">{w.none}</p>}
      <DxaPart t={t} lang={lang} c={results.case} about={about(['bmd.category'])} />
      <VfaPart t={t} lang={lang} c={results.case} about={about(['vfa.vertebral-fractures'])} />
      <LabPart t={t} lang={lang} c={results.case} about={about(['lab.vitamin-d', 'lab.osteomalacia-suspected', 'secondary-cause.suspected'])} />
      <p class="hint">{w.questions}</p>
      <p>
        <a class="button" href={own ? '/me' : '/care'}>{own ? w.backHome : w.backCare}</a>
      </p>
    </Layout>
  );
}
