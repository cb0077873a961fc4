import type { Actor, Claim, ClaimKind } from '../lib/types';
import { LikelihoodScale } from './LikelihoodScale';

/** Plain-word label per claim kind. */
export const CLAIM_KIND_LABELS: Record<ClaimKind, string> = {
  attribution: 'attribution',
  denial: 'denial',
  condemnation: 'condemnation',
  call: 'call to act',
  assessment: 'assessment',
};

/** Name of an actor id in the report, or a fallback for unnamed/unknown parties. */
export function actorName(byId: ReadonlyMap<string, Actor>, id: string | null, fallback = 'Unnamed source'): string {
  if (!id) return fallback;
  return byId.get(id)?.name ?? id;
}

/**
 * A denial has no arrow: its "accused" is the party that denies (usually the speaker's state),
 * so "Kremlin spokesman → Russia" would read as an accusation. Shown as "speaker, for Russia".
 */
function DenialWho({ claimant, deniers }: { claimant: string; deniers: string[] }) {
  const others = deniers.filter(d => d !== claimant);
  return (
    <>
      <span class="al-claim__claimant">{claimant}</span>
      {others.length > 0 && <span class="al-claim__accused">, for {others.join(', ')}</span>}
    </>
  );
}

export interface ClaimListProps {
  claims: readonly Claim[];
  actors: readonly Actor[];
}

/** Claims as "claimant → accused" with a kind badge, the sentence, and the estimative phrase on its scale. */
export function ClaimList({ claims, actors }: ClaimListProps) {
  if (claims.length === 0) return <p class="al-muted">No claims found.</p>;
  const byId = new Map(actors.map(a => [a.id, a]));
  return (
    <ol class="al-claims">
      {claims.map(c => {
        const claimant = actorName(byId, c.claimant);
        const accused = c.accused.map(id => actorName(byId, id, id));
        return (
          <li key={c.id} class="al-claim" data-kind={c.kind}>
            <p class="al-claim__who">
              {c.kind === 'denial' ? (
                <DenialWho claimant={claimant} deniers={accused} />
              ) : (
                <>
                  <span class="al-claim__claimant">{claimant}</span>
                  <span class="al-claim__arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span class="al-sr-only"> about </span>
                  <span class="al-claim__accused">{accused.length ? accused.join(', ') : 'unnamed party'}</span>
                </>
              )}{' '}
              <span class="al-badge al-claim__kind">
                <span class="al-mark" data-kind={c.kind}>
                  {CLAIM_KIND_LABELS[c.kind]}
                </span>
              </span>
              {c.quote && <span class="al-badge">quote</span>}
            </p>
            <p class="al-claim__sentence al-muted">{c.sentence}</p>
            {c.confidence && <LikelihoodScale confidence={c.confidence} />}
          </li>
        );
      })}
    </ol>
  );
}
