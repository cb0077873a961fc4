import agencies from '../../assets/kb/agencies.json';
import companies from '../../assets/kb/companies.json';
import intergov from '../../assets/kb/intergov.json';
import officials from '../../assets/kb/officials.json';
import states from '../../assets/kb/states.json';
import threatGroups from '../../assets/kb/threat-groups.json';
import { buildKb, type Kb } from './index';
import type { KbEntity } from './types';

let cached: Kb | null = null;

/** The knowledge base shipped with the extension (assets/kb), indexed once per process. */
export function bundledKb(): Kb {
  cached ??= buildKb(bundledEntities());
  return cached;
}

/** Every bundled entity; order sets precedence when two entities share an alias. */
export function bundledEntities(): KbEntity[] {
  return [states, intergov, agencies, officials, companies, threatGroups].flat() as unknown as KbEntity[];
}
