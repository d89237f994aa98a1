// Simple pictures for the learn pages, drawn as inline SVG on the server: they print, need no
// request and no script. Each is an image with a name (role="img" and its <title>, from the page's
// `alt`), so a screen reader hears the text alternative and not the loose labels inside. Shapes and
// patterns carry the meaning as well as colour; every colour keeps at least 4.5:1 against white.
// The labels inside are short and bilingual here, beside the drawing they belong to.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../i18n/index.js';
import type { Bi } from './learn.types.js';

const INK = '#1b1b1b';
const BLUE = '#1d5a8c';
const BROWN = '#8a4600';
const GREEN = '#2e6b30';
const PALE = '#e8f0f7';
/** Label size in the drawing's own units: the drawings are about as wide as a phone, so this stays near 18 px. */
const LABEL = 18;

interface Drawing {
  /** Width and height of the viewBox. */
  size: readonly [number, number];
  draw: (say: (b: Bi) => string, id: string) => ComponentChildren;
}

function Label({ x, y, children, anchor = 'middle', weight }: { x: number; y: number; children: string; anchor?: 'start' | 'middle' | 'end'; weight?: 'bold' }) {
  return (
    <text x={x} y={y} font-size={LABEL} fill={INK} text-anchor={anchor} font-weight={weight}>
      {children}
    </text>
  );
}

/** Healthy bone (a dense web of struts) beside porous bone (few, thin struts and large holes). */
const bone: Drawing = {
  size: [340, 230],
  draw: (say) => {
    const strut = (x1: number, y1: number, x2: number, y2: number, w: number) => <line x1={x1} y1={y1} x2={x2} y2={y2} stroke={BLUE} stroke-width={w} stroke-linecap="round" />;
    const dense: [number, number, number, number][] = [];
    for (let i = 0; i <= 6; i++) {
      dense.push([20 + i * 20, 30, 20 + i * 20, 170]);
      dense.push([20, 30 + i * 23, 140, 30 + i * 23]);
    }
    const sparse: [number, number, number, number][] = [
      [200, 40, 200, 160],
      [320, 40, 320, 160],
      [200, 100, 260, 100],
      [260, 40, 260, 100],
      [290, 130, 320, 130],
    ];
    return (
      <>
        <rect x={10} y={20} width={140} height={160} rx={18} fill={PALE} stroke={INK} stroke-width={3} />
        {dense.map(([a, b, c, d]) => strut(a, b, c, d, 6))}
        <rect x={190} y={20} width={140} height={160} rx={18} fill={PALE} stroke={INK} stroke-width={3} />
        {sparse.map(([a, b, c, d]) => strut(a, b, c, d, 2))}
        <Label x={80} y={212}>{say({ nl: 'Gezond bot', en: 'Healthy bone' })}</Label>
        <Label x={260} y={212}>{say({ nl: 'Broos bot', en: 'Fragile bone' })}</Label>
      </>
    );
  },
};

/** The T-score line from +1 to −4 with the bands normal, osteopenia, osteoporosis and the −1 and −2.5 marks. */
const tScore: Drawing = {
  size: [340, 205],
  draw: (say, id) => {
    // +1 at x = 20, −4 at x = 320: 60 units per point.
    const x = (t: number) => 20 + (1 - t) * 60;
    return (
      <>
        <defs>
          <pattern id={`${id}-hatch`} width={10} height={10} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width={10} height={10} fill="#ffffff" />
            <line x1={0} y1={0} x2={0} y2={10} stroke={BROWN} stroke-width={4} />
          </pattern>
          <pattern id={`${id}-dots`} width={10} height={10} patternUnits="userSpaceOnUse">
            <rect width={10} height={10} fill="#ffffff" />
            <circle cx={5} cy={5} r={3} fill={INK} />
          </pattern>
        </defs>
        <rect x={x(1)} y={60} width={x(-1) - x(1)} height={50} fill={PALE} stroke={INK} stroke-width={2} />
        <rect x={x(-1)} y={60} width={x(-2.5) - x(-1)} height={50} fill={`url(#${id}-hatch)`} stroke={INK} stroke-width={2} />
        <rect x={x(-2.5)} y={60} width={x(-4) - x(-2.5)} height={50} fill={`url(#${id}-dots)`} stroke={INK} stroke-width={2} />
        <Label x={(x(1) + x(-1)) / 2} y={45}>{say({ nl: 'normaal', en: 'normal' })}</Label>
        <Label x={(x(-1) + x(-2.5)) / 2} y={45}>{say({ nl: 'osteopenie', en: 'osteopenia' })}</Label>
        <Label x={(x(-2.5) + x(-4)) / 2} y={24}>{say({ nl: 'osteo-', en: 'osteo-' })}</Label>
        <Label x={(x(-2.5) + x(-4)) / 2} y={45}>{say({ nl: 'porose', en: 'porosis' })}</Label>
        {[1, -1, -2.5, -4].map((t) => (
          <>
            <line x1={x(t)} y1={110} x2={x(t)} y2={128} stroke={INK} stroke-width={3} />
            <Label x={x(t)} y={150} weight={t === -1 || t === -2.5 ? 'bold' : undefined}>
              {(t > 0 ? '+' : t < 0 ? '−' : '') + String(Math.abs(t)).replace('.', say({ nl: ',', en: '.' }))}
            </Label>
          </>
        ))}
        <Label x={10} y={190} anchor="start">{say({ nl: '← stevig', en: '← strong' })}</Label>
        <Label x={170} y={190}>T-score</Label>
        <Label x={330} y={190} anchor="end">{say({ nl: 'broos →', en: 'fragile →' })}</Label>
      </>
    );
  },
};

/** Three blocks of ten minutes add up to the thirty minutes of a day. */
const movement: Drawing = {
  size: [340, 170],
  draw: (say) => {
    const clock = (cx: number) => (
      <>
        <circle cx={cx} cy={60} r={36} fill={PALE} stroke={BLUE} stroke-width={4} />
        <path d={`M ${String(cx)} 60 L ${String(cx)} 30 A 30 30 0 0 1 ${String(cx + 26)} 45 Z`} fill={BLUE} />
        <Label x={cx} y={125}>{say({ nl: '10 min', en: '10 min' })}</Label>
      </>
    );
    return (
      <>
        {clock(45)}
        <Label x={100} y={68} weight="bold">+</Label>
        {clock(155)}
        <Label x={210} y={68} weight="bold">+</Label>
        {clock(265)}
        <Label x={170} y={160} weight="bold">{say({ nl: '= 30 minuten per dag', en: '= 30 minutes a day' })}</Label>
      </>
    );
  },
};

/** A day's calcium for a woman of 51 to 69: other food and four servings add up to her 1100 mg. */
const calciumDay: Drawing = {
  size: [340, 300],
  draw: (say) => {
    const rows: { what: Bi; mg: number; shape: 'glass' | 'bowl' | 'slice' | 'plate' }[] = [
      { what: { nl: 'Ander eten', en: 'Other food' }, mg: 400, shape: 'plate' },
      { what: { nl: 'Glas melk', en: 'Glass of milk' }, mg: 180, shape: 'glass' },
      { what: { nl: 'Glas melk', en: 'Glass of milk' }, mg: 180, shape: 'glass' },
      { what: { nl: 'Bakje yoghurt', en: 'Bowl of yoghurt' }, mg: 180, shape: 'bowl' },
      { what: { nl: 'Plak kaas', en: 'Slice of cheese' }, mg: 160, shape: 'slice' },
    ];
    const icon = (shape: (typeof rows)[number]['shape'], y: number) => {
      switch (shape) {
        case 'glass':
          return <path d={`M 14 ${String(y)} L 40 ${String(y)} L 36 ${String(y + 36)} L 18 ${String(y + 36)} Z`} fill={PALE} stroke={BLUE} stroke-width={3} />;
        case 'bowl':
          return <path d={`M 8 ${String(y + 12)} L 46 ${String(y + 12)} Q 44 ${String(y + 36)} 27 ${String(y + 36)} Q 10 ${String(y + 36)} 8 ${String(y + 12)} Z`} fill={PALE} stroke={BLUE} stroke-width={3} />;
        case 'slice':
          return <path d={`M 8 ${String(y + 34)} L 46 ${String(y + 34)} L 46 ${String(y + 10)} Z`} fill="#fff4d6" stroke={BROWN} stroke-width={3} />;
        case 'plate':
          return <ellipse cx={27} cy={y + 22} rx={20} ry={14} fill="#ffffff" stroke={GREEN} stroke-width={3} />;
      }
    };
    return (
      <>
        {rows.map((r, i) => {
          const y = 6 + i * 46;
          return (
            <>
              {icon(r.shape, y)}
              <Label x={60} y={y + 28} anchor="start">{say(r.what)}</Label>
              <Label x={330} y={y + 28} anchor="end">{`${String(r.mg)} mg`}</Label>
            </>
          );
        })}
        <line x1={10} y1={244} x2={330} y2={244} stroke={INK} stroke-width={3} />
        <Label x={60} y={274} anchor="start" weight="bold">{say({ nl: 'Samen', en: 'Together' })}</Label>
        <Label x={330} y={274} anchor="end" weight="bold">1100 mg</Label>
      </>
    );
  },
};

/** A safe home: good light, a rail, good shoes, and no loose rug (crossed out). */
const safeHome: Drawing = {
  size: [340, 250],
  draw: (say) => (
    <>
      {/* a lamp */}
      <path d="M 65 20 L 105 20 L 119 60 L 51 60 Z" fill="#fff4d6" stroke={BROWN} stroke-width={3} />
      <line x1={85} y1={60} x2={85} y2={92} stroke={INK} stroke-width={4} />
      <Label x={85} y={118}>{say({ nl: 'Goed licht', en: 'Good light' })}</Label>
      {/* a rail along stairs */}
      <path d="M 200 95 L 200 75 L 225 75 L 225 55 L 250 55 L 250 35 L 275 35 L 275 95 Z" fill={PALE} stroke={BLUE} stroke-width={3} />
      <line x1={190} y1={70} x2={270} y2={15} stroke={INK} stroke-width={5} stroke-linecap="round" />
      <Label x={240} y={118}>{say({ nl: 'Leuning', en: 'Handrail' })}</Label>
      {/* a shoe */}
      <path d="M 45 200 L 45 165 L 75 165 L 85 182 L 125 188 Q 131 200 125 204 L 45 204 Z" fill={PALE} stroke={GREEN} stroke-width={3} />
      <Label x={85} y={236}>{say({ nl: 'Goede schoenen', en: 'Good shoes' })}</Label>
      {/* a loose rug, crossed out */}
      <rect x={190} y={165} width={100} height={36} rx={4} fill="#fff4d6" stroke={BROWN} stroke-width={3} />
      <line x1={180} y1={150} x2={300} y2={214} stroke={INK} stroke-width={5} />
      <line x1={300} y1={150} x2={180} y2={214} stroke={INK} stroke-width={5} />
      <Label x={240} y={236}>{say({ nl: 'Geen los kleedje', en: 'No loose rug' })}</Label>
    </>
  ),
};

/** A child standing in a standing frame: straps at knees, hips and chest, a toy on the tray. */
const childStanding: Drawing = {
  size: [340, 260],
  draw: (say) => (
    <>
      {/* the frame: a base, an upright post and a tray */}
      <rect x={90} y={222} width={160} height={14} rx={4} fill={PALE} stroke={INK} stroke-width={3} />
      <line x1={215} y1={222} x2={215} y2={80} stroke={INK} stroke-width={6} stroke-linecap="round" />
      <rect x={150} y={98} width={110} height={12} rx={3} fill={PALE} stroke={INK} stroke-width={3} />
      {/* a toy on the tray */}
      <circle cx={238} cy={88} r={10} fill="#fff4d6" stroke={BROWN} stroke-width={3} />
      {/* the child: head, body, legs */}
      <circle cx={170} cy={52} r={20} fill="#fff4d6" stroke={INK} stroke-width={3} />
      <rect x={152} y={74} width={36} height={70} rx={12} fill={PALE} stroke={BLUE} stroke-width={3} />
      <line x1={162} y1={144} x2={162} y2={220} stroke={BLUE} stroke-width={10} stroke-linecap="round" />
      <line x1={178} y1={144} x2={178} y2={220} stroke={BLUE} stroke-width={10} stroke-linecap="round" />
      {/* straps at chest, hips and knees, drawn as bold bands to the post */}
      <line x1={150} y1={90} x2={215} y2={90} stroke={GREEN} stroke-width={5} />
      <line x1={150} y1={138} x2={215} y2={138} stroke={GREEN} stroke-width={5} />
      <line x1={155} y1={186} x2={215} y2={186} stroke={GREEN} stroke-width={5} />
      <Label x={20} y={94} anchor="start">{say({ nl: 'Borst', en: 'Chest' })}</Label>
      <Label x={20} y={142} anchor="start">{say({ nl: 'Heupen', en: 'Hips' })}</Label>
      <Label x={20} y={190} anchor="start">{say({ nl: 'Knieën', en: 'Knees' })}</Label>
      <Label x={290} y={250}>{say({ nl: 'Statafel', en: 'Standing frame' })}</Label>
    </>
  ),
};

export const PICTURES = { bone, 't-score': tScore, movement, 'calcium-day': calciumDay, 'safe-home': safeHome, 'child-standing': childStanding } as const satisfies Record<string, Drawing>;
export type PictureName = keyof typeof PICTURES;

export function isPicture(name: string): name is PictureName {
  return Object.hasOwn(PICTURES, name);
}

/**
 * One picture as an image with a name: the page's `alt` in the reader's language is its <title>.
 * `id` must be unique on the page (it names the title and the drawing's patterns).
 */
export function Picture({ name, lang, alt, id }: { name: PictureName; lang: Lang; alt: string; id: string }) {
  const d: Drawing = PICTURES[name];
  const [w, h] = d.size;
  const say = (b: Bi) => b[lang];
  return (
    <svg class="learn-picture" viewBox={`0 0 ${String(w)} ${String(h)}`} role="img" aria-labelledby={`${id}-title`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${id}-title`}>{alt}</title>
      {d.draw(say, id)}
    </svg>
  );
}
