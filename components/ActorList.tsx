import type { Actor, ActorType } from '../lib/types';

/** Display order of actor types, and their headings (plural, plain words). */
export const ACTOR_TYPES: readonly { type: ActorType; label: string }[] = [
  { type: 'state', label: 'States' },
  { type: 'intergov', label: 'Intergovernmental bodies' },
  { type: 'agency', label: 'Government agencies' },
  { type: 'official', label: 'Officials' },
  { type: 'threat-group', label: 'Threat groups' },
  { type: 'company', label: 'Companies' },
  { type: 'person', label: 'People' },
];

/** Actors of one type, most mentioned first. */
export interface ActorGroup {
  type: ActorType;
  label: string;
  actors: Actor[];
}

/** Groups actors by type in `ACTOR_TYPES` order, skipping empty types; within a group by mentions, then name. */
export function groupActors(actors: readonly Actor[]): ActorGroup[] {
  return ACTOR_TYPES.map(({ type, label }) => ({
    type,
    label,
    actors: actors
      .filter(a => a.type === type)
      .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name)),
  })).filter(g => g.actors.length > 0);
}

export interface ActorListProps {
  actors: readonly Actor[];
  /** Called with the actor id; the popup asks the page to scroll to its first mention. */
  onReveal?: (actorId: string) => void;
}

/** Actors grouped by type with counts; each actor is a button that reveals it on the page. */
export function ActorList({ actors, onReveal }: ActorListProps) {
  const groups = groupActors(actors);
  if (groups.length === 0) return <p class="al-muted">No named actors found.</p>;
  return (
    <div class="al-actors">
      {groups.map(g => (
        <section key={g.type} class="al-actor-group" aria-labelledby={`al-actors-${g.type}`} data-type={g.type}>
          <h3 id={`al-actors-${g.type}`} class="al-actor-group__title">
            <span class="al-swatch" data-cat={g.type} aria-hidden="true" />
            {g.label} <span class="al-count">({g.actors.length})</span>
          </h3>
          <ul class="al-actor-group__list">
            {g.actors.map(a => (
              <li key={a.id}>
                <button
                  type="button"
                  class="al-actor"
                  data-actor={a.id}
                  onClick={() => onReveal?.(a.id)}
                  title={a.aliases.length ? `Also: ${a.aliases.join(', ')}` : undefined}
                >
                  <span class="al-actor__name">{a.name}</span>
                  <span class="al-actor__count" aria-label={`${a.mentions.length} mentions, show the first on the page`}>
                    ×{a.mentions.length}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
