import type { ColourScheme, HighlightCategory, Settings } from '../messaging/protocol';

/**
 * Versioned reader settings, kept in `storage.local` under `SETTINGS_KEY`.
 *
 * Loading never fails: an older version is migrated step by step; a value that cannot be read
 * (wrong type, newer than we know, broken fields) is replaced by the defaults, and `notice`
 * tells the UI so. Storage is passed in (`KeyValueArea`) so tests can fake it.
 */

/** The current schema version of `Settings`. */
export const SETTINGS_VERSION = 2;
/** The storage.local key. */
export const SETTINGS_KEY = 'settings';

/** Every highlight category, in display order. */
export const CATEGORIES: readonly HighlightCategory[] = [
  'state',
  'intergov',
  'agency',
  'official',
  'threat-group',
  'company',
  'person',
  'claims',
];
const SCHEMES: readonly ColourScheme[] = ['default', 'colour-blind', 'high-contrast'];

/** The subset of a `storage.*` area we use (webextension-polyfill shape). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Fresh defaults (a new object every call). */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    defaultOn: true,
    sites: {},
    neverRun: [],
    categories: Object.fromEntries(CATEGORIES.map(c => [c, true])) as Record<HighlightCategory, boolean>,
    scheme: 'default',
  };
}

type Raw = Record<string, unknown>;

/**
 * Migrations: `MIGRATIONS[n]` turns a version-n object into version n+1.
 * v1 (the skeleton's first draft) had `enabled` instead of `defaultOn` and no `scheme`.
 */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  1: old => {
    const { enabled, ...rest } = old;
    return { ...rest, version: 2, defaultOn: enabled ?? true, scheme: rest.scheme ?? 'default' };
  },
};

function isHost(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length < 256 && !/[\s/]/.test(v);
}

/** Validates a current-version object; null if any field is unusable. */
export function validateSettings(raw: unknown): Settings | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Raw;
  if (r.version !== SETTINGS_VERSION || typeof r.defaultOn !== 'boolean') return null;
  if (!SCHEMES.includes(r.scheme as ColourScheme)) return null;
  if (typeof r.sites !== 'object' || r.sites === null || Array.isArray(r.sites)) return null;
  const sites: Record<string, boolean> = {};
  for (const [host, on] of Object.entries(r.sites as Raw)) {
    if (!isHost(host) || typeof on !== 'boolean') return null;
    sites[host] = on;
  }
  if (!Array.isArray(r.neverRun) || !r.neverRun.every(isHost)) return null;
  if (typeof r.categories !== 'object' || r.categories === null) return null;
  const cats = r.categories as Raw;
  const categories = defaultSettings().categories;
  for (const c of CATEGORIES) {
    if (c in cats && typeof cats[c] !== 'boolean') return null;
    if (typeof cats[c] === 'boolean') categories[c] = cats[c] as boolean;
  }
  return {
    version: SETTINGS_VERSION,
    defaultOn: r.defaultOn,
    sites,
    neverRun: [...new Set(r.neverRun as string[])].map(h => h.toLowerCase()),
    categories,
    scheme: r.scheme as ColourScheme,
  };
}

/** Migrates a stored value of any known version; returns the settings and a notice if recovered. */
export function migrateSettings(stored: unknown): { settings: Settings; notice: string | null } {
  if (stored === undefined) return { settings: defaultSettings(), notice: null };
  let raw = stored as Raw;
  let version = typeof raw === 'object' && raw !== null ? raw.version : undefined;
  while (typeof version === 'number' && version < SETTINGS_VERSION && MIGRATIONS[version]) {
    try {
      raw = MIGRATIONS[version](raw);
    } catch {
      break;
    }
    version = raw.version;
  }
  const settings = validateSettings(raw);
  if (settings) return { settings, notice: null };
  return {
    settings: defaultSettings(),
    notice: 'Your saved settings could not be read and were reset to the defaults.',
  };
}

/** Loads (and, if migrated or recovered, rewrites) the settings. Never throws on bad data. */
export async function loadSettings(area: KeyValueArea): Promise<{ settings: Settings; notice: string | null }> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  const result = migrateSettings(stored);
  const needsWrite =
    stored !== undefined && (result.notice !== null || (stored as Raw | null)?.version !== SETTINGS_VERSION);
  if (needsWrite) await area.set({ [SETTINGS_KEY]: result.settings });
  return result;
}

/** Validates and stores `settings` (the transient `notice` is dropped); null if invalid. */
export async function saveSettings(area: KeyValueArea, settings: unknown): Promise<Settings | null> {
  const candidate =
    typeof settings === 'object' && settings !== null ? { ...(settings as Raw), version: SETTINGS_VERSION } : null;
  const valid = validateSettings(candidate);
  if (!valid) return null;
  await area.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/** Lower-cased hostname of an http(s) URL, or null for any other URL. */
export function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** Is the extension switched off entirely on `host` (the host or a parent domain is listed)? */
export function isNeverRun(settings: Settings, host: string): boolean {
  return settings.neverRun.some(h => host === h || host.endsWith(`.${h}`));
}

/** Highlights on for `host`: the per-site choice if any, else the global default. */
export function highlightsOnFor(settings: Settings, host: string): boolean {
  // Own keys only: a host named like an Object.prototype property ("constructor") has no choice.
  return Object.prototype.hasOwnProperty.call(settings.sites, host) ? settings.sites[host] : settings.defaultOn;
}
