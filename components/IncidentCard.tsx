import type { Actor, CrossReference, IncidentMatch } from '../lib/types';
import { DateText } from './DateText';
import { Flag } from './Flag';
import { SafeLink } from './SafeLink';

/** Statement kinds that put weight behind an attribution. */
export const ATTRIBUTING_KINDS: ReadonlySet<string> = new Set([
  'attribution',
  'joint-statement',
  'indictment',
  'sanctions',
  'condemnation',
]);

/** A government (keyed by country) or an intergovernmental body that attributed the incident. */
export interface Attributor {
  key: string;
  name: string;
  country: string | null;
  body: boolean;
}

/** The weight of the attribution at a glance, derived from the cross-references. */
export interface Glance {
  governments: Attributor[];
  bodies: Attributor[];
  /** Accused names, most cited first. */
  accused: string[];
  /** Estimative or confidence wording, with who used it. */
  confidence: { phrase: string; issuers: string[] }[];
  /** Names of those who denied or rejected it. */
  deniers: string[];
  denials: CrossReference[];
  /** One sentence, e.g. "10 governments, the EU and NATO attribute it to China's MSS; China rejects it". */
  sentence: string;
}

const NON_STATE_CODES: ReadonlySet<string> = new Set(['EU', 'UN']);

/** "the United States", "the European Union", but "France", "NATO". */
export function withArticle(name: string): string {
  return /^(?:united |european |netherlands|philippines|czech republic|republic of|council )/i.test(name) ? `the ${name}` : name;
}

/** "A, B and C". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}’` : `${name}’s`;
}

/** The name of the state with ISO code `code`: a state actor of the report, else an issuer from that country. */
function countryName(code: string, actors: readonly Actor[], refs: readonly CrossReference[]): string | null {
  const upper = code.toUpperCase();
  const state = actors.find(a => a.type === 'state' && a.country?.toUpperCase() === upper);
  if (state) return state.name;
  return refs.find(r => r.country?.toUpperCase() === upper && (!r.issuerBody || r.issuerBody === r.issuer))?.issuer ?? null;
}

/**
 * Who stands behind a statement: a government (keyed by country, so a ministry and an agency of
 * one state count once), an intergovernmental body, or null for a person or office the report
 * cannot place (no country).
 */
function attributorOf(ref: CrossReference, byId: ReadonlyMap<string, Actor>, name: (code: string) => string | null): Attributor | null {
  const actor = ref.issuerActor ? byId.get(ref.issuerActor) : undefined;
  const country = (ref.country ?? actor?.country ?? null)?.toUpperCase() ?? null;
  if (actor?.type === 'intergov' || (country && NON_STATE_CODES.has(country))) {
    return { key: `body:${ref.issuer}`, name: ref.issuer, country, body: true };
  }
  if (country) return { key: `gov:${country}`, name: name(country) ?? ref.issuer, country, body: false };
  if (actor && actor.type !== 'state') return null;
  return { key: `body:${ref.issuer}`, name: ref.issuer, country: null, body: true };
}

function findActor(actors: readonly Actor[], name: string): Actor | undefined {
  const n = name.toLowerCase();
  return actors.find(a => a.name.toLowerCase() === n || a.aliases.some(al => al.toLowerCase() === n));
}

/** "China's Ministry of State Security" when a state and its own bodies are accused together. */
export function accusedPhrase(accused: readonly string[], actors: readonly Actor[]): string {
  const top = accused.slice(0, 3);
  const resolved = top.map(name => ({ name, actor: findActor(actors, name) }));
  const states = resolved.filter(r => r.actor?.type === 'state');
  if (states.length === 1) {
    const state = states[0];
    const own = resolved.filter(
      r => r !== state && (!r.actor || (r.actor.country !== null && r.actor.country === state.actor!.country)),
    );
    const rest = resolved.filter(r => r !== state && !own.includes(r));
    if (own.length > 0) {
      const head = `${possessive(withArticle(state.name))} ${joinAnd(own.map(r => r.name))}`;
      return joinAnd([head, ...rest.map(r => withArticle(r.name))]);
    }
  }
  return joinAnd(top.map(withArticle));
}

function countBy(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

/**
 * Derives the at-a-glance summary of an incident from its cross-references (not the `related`
 * ones). Statements by a party that denies (and by its government) are responses, not
 * attributions, so they never count among the attributors or feed the accused.
 */
export function incidentGlance(refs: readonly CrossReference[], actors: readonly Actor[]): Glance {
  const byId = new Map(actors.map(a => [a.id, a]));
  const name = (code: string) => countryName(code, actors, refs);
  const own = refs.filter(r => r.relation !== 'related');
  const denials = own.filter(r => r.kind === 'denial');
  const denierKeys = new Set<string>();
  const placed: string[] = [];
  for (const d of denials) {
    const who = attributorOf(d, byId, name);
    if (!who) continue;
    denierKeys.add(who.key);
    if (!placed.includes(who.name)) placed.push(who.name);
  }
  // Unplaceable deniers (an office with no country) are named only when nobody else is.
  const deniers = placed.length ? placed : [...new Set(denials.map(d => d.issuer))];
  const who = new Map<string, Attributor>();
  const attributing: { ref: CrossReference; by: Attributor }[] = [];
  for (const r of own) {
    if (!ATTRIBUTING_KINDS.has(r.kind)) continue;
    const a = attributorOf(r, byId, name);
    if (!a || denierKeys.has(a.key) || deniers.includes(r.issuer)) continue;
    attributing.push({ ref: r, by: a });
    if (!who.has(a.key)) who.set(a.key, a);
  }
  const governments = [...who.values()].filter(a => !a.body);
  const bodies = [...who.values()].filter(a => a.body);
  const names = new Set([...who.values()].map(a => a.name));
  const accused = countBy(attributing.flatMap(({ ref }) => [...new Set(ref.accused ?? [])])).filter(a => !names.has(a));
  const phrases = new Map<string, string[]>();
  for (const { ref, by } of attributing) {
    if (!ref.confidencePhrase) continue;
    const list = phrases.get(ref.confidencePhrase) ?? [];
    if (!list.includes(by.name)) list.push(by.name);
    phrases.set(ref.confidencePhrase, list);
  }
  const glance = { governments, bodies, accused, denials, deniers };
  return {
    ...glance,
    confidence: [...phrases.entries()].map(([phrase, issuers]) => ({ phrase, issuers })),
    sentence: glanceSentence(glance, actors),
  };
}

function glanceSentence(g: Omit<Glance, 'sentence' | 'confidence'>, actors: readonly Actor[]): string {
  const parts: string[] = [];
  if (g.governments.length === 1) parts.push(withArticle(g.governments[0].name));
  else if (g.governments.length > 1) parts.push(`${g.governments.length} governments`);
  parts.push(...g.bodies.map(b => withArticle(b.name)));
  const plural = g.governments.length + g.bodies.length > 1;
  let sentence = parts.length
    ? `${joinAnd(parts)} ${plural ? 'attribute' : 'attributes'} it`
    : 'No government statement on record attributes it yet';
  if (parts.length && g.accused.length) sentence += ` to ${accusedPhrase(g.accused, actors)}`;
  if (g.deniers.length) {
    sentence += `; ${joinAnd(g.deniers.map(withArticle))} ${g.deniers.length > 1 ? 'reject' : 'rejects'} it`;
  }
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Longest list shown in the card's details; the rest are counted. */
const MAX_LISTED = 4;

export interface IncidentCardProps {
  incidents: readonly IncidentMatch[];
  refs: readonly CrossReference[];
  actors: readonly Actor[];
}

/** The incident at the top of the popup: its name, the one-sentence weight of attribution, then details. */
export function IncidentCard({ incidents, refs, actors }: IncidentCardProps) {
  if (incidents.length === 0) return null;
  const [incident, ...others] = incidents;
  const g = incidentGlance(refs, actors);
  const attributors = [...g.governments, ...g.bodies];
  return (
    <section class="al-incident" aria-labelledby="al-incident-title">
      <p class="al-incident__kicker">Incident</p>
      <h2 id="al-incident-title" class="al-incident__name">
        {incident.name}
      </h2>
      <p class="al-incident__glance">{g.sentence}.</p>
      <dl class="al-incident__details">
        {attributors.length > 0 && (
          <>
            <dt>Attributed by</dt>
            <dd>
              <ul class="al-inline-list">
                {attributors.map(a => (
                  <li key={a.key}>
                    <Flag code={a.country} /> {a.name}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {g.accused.length > 0 && (
          <>
            <dt>Accused</dt>
            <dd>
              {g.accused.slice(0, MAX_LISTED).join(', ')}
              {g.accused.length > MAX_LISTED && <span class="al-muted"> and {g.accused.length - MAX_LISTED} more</span>}
            </dd>
          </>
        )}
        {g.confidence.length > 0 && (
          <>
            <dt>Confidence words</dt>
            <dd>
              <ul>
                {g.confidence.map(c => (
                  <li key={c.phrase}>
                    <q>{c.phrase}</q> <span class="al-muted">({c.issuers.join(', ')})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>Response</dt>
        <dd>
          {g.denials.length === 0 ? (
            <span class="al-muted">No denial on record.</span>
          ) : (
            <ul>
              {g.denials.slice(0, MAX_LISTED).map(d => (
                <li key={d.id}>
                  <Flag code={d.country} /> {d.issuer} <DateText date={d.date} class="al-muted" />:{' '}
                  <SafeLink href={d.url}>{d.title ?? 'denial'}</SafeLink>
                </li>
              ))}
              {g.denials.length > MAX_LISTED && (
                <li class="al-muted">and {g.denials.length - MAX_LISTED} more, under “Denials” below</li>
              )}
            </ul>
          )}
        </dd>

        {others.length > 0 && (
          <>
            <dt>Also matches</dt>
            <dd>{others.map(o => o.name).join('; ')}</dd>
          </>
        )}
      </dl>
      {incident.why.length > 0 && (
        <details class="al-incident__why">
          <summary>Why this incident</summary>
          <ul>
            {incident.why.map(w => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
