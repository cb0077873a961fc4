import type { Confidence } from '../lib/types';

/** One band of an estimative-language scale; probabilities in 0..1. */
export interface Band {
  term: string;
  min: number;
  max: number;
}

/** ICD 203 (US intelligence community) expressions of likelihood, 7 contiguous bands. */
export const ICD203_BANDS: readonly Band[] = [
  { term: 'almost no chance', min: 0.01, max: 0.05 },
  { term: 'very unlikely', min: 0.05, max: 0.2 },
  { term: 'unlikely', min: 0.2, max: 0.45 },
  { term: 'roughly even chance', min: 0.45, max: 0.55 },
  { term: 'likely', min: 0.55, max: 0.8 },
  { term: 'very likely', min: 0.8, max: 0.95 },
  { term: 'almost certain', min: 0.95, max: 0.99 },
];

/** UK Professional Head of Intelligence Assessment yardstick, 7 bands with gaps between them. */
export const PHIA_BANDS: readonly Band[] = [
  { term: 'remote chance', min: 0, max: 0.05 },
  { term: 'highly unlikely', min: 0.1, max: 0.2 },
  { term: 'unlikely', min: 0.25, max: 0.35 },
  { term: 'realistic possibility', min: 0.4, max: 0.5 },
  { term: 'likely or probably', min: 0.55, max: 0.75 },
  { term: 'highly likely', min: 0.8, max: 0.9 },
  { term: 'almost certain', min: 0.95, max: 1 },
];

/**
 * Indexes of the bands a probability range falls in: every band it overlaps with positive width;
 * for a point (or a range that only touches band edges), the band nearest its midpoint.
 */
export function bandsFor(bands: readonly Band[], [lo, hi]: readonly [number, number]): number[] {
  const hits = bands.flatMap((b, i) => (Math.min(hi, b.max) - Math.max(lo, b.min) > 1e-9 ? [i] : []));
  if (hits.length > 0) return hits;
  const mid = (lo + hi) / 2;
  let best = 0;
  bands.forEach((b, i) => {
    const d = mid < b.min ? b.min - mid : mid > b.max ? mid - b.max : 0;
    const bd = mid < bands[best].min ? bands[best].min - mid : mid > bands[best].max ? mid - bands[best].max : 0;
    if (d < bd) best = i;
  });
  return [best];
}

/** True when the phrase states the analysts' confidence ("high confidence"), not a probability. */
export function isConfidenceStatement(c: Confidence): boolean {
  if (c.expresses) return c.expresses === 'confidence';
  return /\bconfiden/i.test(`${c.term ?? ''} ${c.phrase}`);
}

/** "95–99%" for a range in 0..1. */
export function percentRange(min: number, max: number): string {
  const pct = (n: number) => Math.round(n * 100);
  if (min <= 0) return `≤${pct(max)}%`;
  if (max >= 1) return `≥${pct(min)}%`;
  return `${pct(min)}–${pct(max)}%`;
}

/**
 * The estimative phrase of a claim on its scale: seven cells, the matching ones filled, with a
 * text label for everyone (and the full sentence for screen readers). A confidence statement
 * ("we are confident") is shown as such, because it is not a probability.
 */
export function LikelihoodScale({ confidence }: { confidence: Confidence }) {
  if (isConfidenceStatement(confidence)) {
    return (
      <p class="al-scale al-scale--confidence">
        <span class="al-badge">Confidence statement</span> “{confidence.phrase}”
        <span class="al-muted"> — how sure the assessors are, not a probability</span>
      </p>
    );
  }
  const phia = confidence.scale === 'PHIA';
  const bands = phia ? PHIA_BANDS : ICD203_BANDS;
  const scaleName = phia ? 'UK PHIA yardstick' : 'ICD 203 scale';
  const hits = bandsFor(bands, confidence.probability);
  const first = bands[hits[0]];
  const last = bands[hits[hits.length - 1]];
  const term = hits.length === 1 ? first.term : `${first.term} to ${last.term}`;
  const range = percentRange(first.min, last.max);
  const label = `“${confidence.phrase}”: ${term}, ${range} on the ${scaleName}`;
  return (
    <div class="al-scale">
      <ol class="al-scale__track" aria-label={label} data-scale={phia ? 'PHIA' : 'ICD-203'}>
        {bands.map((b, i) => {
          const on = hits.includes(i);
          return (
            <li
              key={b.term}
              class={on ? 'al-scale__band al-scale__band--on' : 'al-scale__band'}
              title={`${b.term} (${percentRange(b.min, b.max)})`}
              aria-current={on ? 'true' : undefined}
            >
              <span class="al-sr-only">
                {b.term} {percentRange(b.min, b.max)}
                {on ? ' (this claim)' : ''}
              </span>
            </li>
          );
        })}
      </ol>
      <p class="al-scale__label" aria-hidden="true">
        “{confidence.phrase}” · <strong>{term}</strong> {range}
        <span class="al-muted"> ({phia ? 'PHIA' : 'ICD 203'})</span>
      </p>
    </div>
  );
}
