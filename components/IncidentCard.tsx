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

const NON_STATE_CODES = new Set(['EU', 'UN']);

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

function attributorOf(ref: CrossReference, byId: ReadonlyMap<string, Actor>): Attributor {
  const actor = ref.issuerActor ? byId.get(ref.issuerActor) : undefined;
  const country = ref.country ?? actor?.country ?? null;
  const body =
    actor?.type === 'intergov' || !country || NON_STATE_CODES.has(country.toUpperCase());
  return body
    ? { key: `body:${ref.issuer}`, name: ref.issuer, country, body }
    : { key: `gov:${country!.toUpperCase()}`, name: ref.issuer, country, body };
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

/** Derives the at-a-glance summary of an incident from its cross-references (not the `related` ones). */
export function incidentGlance(refs: readonly CrossReference[], actors: readonly Actor[]): Glance {
  const byId = new Map(actors.map(a => [a.id, a]));
  const own = refs.filter(r => r.relation !== 'related');
  const attributing = own.filter(r => ATTRIBUTING_KINDS.has(r.kind));
  const who = new Map<string, Attributor>();
  for (const r of attributing) {
    const a = attributorOf(r, byId);
    if (!who.has(a.key)) who.set(a.key, a);
  }
  const governments = [...who.values()].filter(a => !a.body);
  const bodies = [...who.values()].filter(a => a.body);
  const accused = countBy(attributing.flatMap(r => [...new Set(r.accused ?? [])]));
  const phrases = new Map<string, string[]>();
  for (const r of own) {
    if (!r.confidencePhrase) continue;
    const list = phrases.get(r.confidencePhrase) ?? [];
    if (!list.includes(r.issuer)) list.push(r.issuer);
    phrases.set(r.confidencePhrase, list);
  }
  const denials = own.filter(r => r.kind === 'denial');
  const deniers = [...new Set(denials.map(r => r.issuer))];
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
            <dd>{g.accused.join(', ')}</dd>
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
              {g.denials.map(d => (
                <li key={d.id}>
                  <Flag code={d.country} /> {d.issuer} <DateText date={d.date} class="al-muted" />:{' '}
                  <SafeLink href={d.url}>{d.title ?? 'denial'}</SafeLink>
                </li>
              ))}
            </ul>
          )}
        </dd>
        {incident.why.length > 0 && (
          <>
            <dt>Why this incident</dt>
            <dd class="al-muted">{incident.why.join('; ')}</dd>
          </>
        )}
        {others.length > 0 && (
          <>
            <dt>Also matches</dt>
            <dd>{others.map(o => o.name).join('; ')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
