import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, defaultSettings, highlightsOnFor, isNeverRun, migrateSettings, validateSettings } from '../../lib/storage/settings';

describe('settings: versions, migrations, recovery', () => {
  it('migrates v1 (enabled, no scheme) to the current version', () => {
    const { settings, notice } = migrateSettings({ version: 1, enabled: false, sites: { 'a.example': true }, neverRun: [], categories: {} });
    expect(notice).toBeNull();
    expect(settings).toMatchObject({ version: SETTINGS_VERSION, defaultOn: false, scheme: 'default', sites: { 'a.example': true } });
  });
  it.each([
    ['a string', 'garbage'],
    ['null', null],
    ['a future version', { ...defaultSettings(), version: 99 }],
    ['a bad scheme', { ...defaultSettings(), scheme: 'neon' }],
    ['a bad host', { ...defaultSettings(), neverRun: ['a b'] }],
    ['a bad category value', { ...defaultSettings(), categories: { state: 'no' } }],
  ])('recovers %s to defaults with a notice', (_label, stored) => {
    const { settings, notice } = migrateSettings(stored);
    expect(settings).toEqual(defaultSettings());
    expect(notice).toMatch(/reset/);
  });
  it('nothing stored: defaults, no notice', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: defaultSettings(), notice: null });
  });
  it('highlights follow the per-site choice, else the default; a host named like an object property has no choice', () => {
    const s = validateSettings({ ...defaultSettings(), defaultOn: false, sites: { 'a.example': true } })!;
    expect(highlightsOnFor(s, 'a.example')).toBe(true);
    expect(highlightsOnFor(s, 'b.example')).toBe(false);
    for (const host of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(highlightsOnFor(s, host)).toBe(false);
  });
  it('never-run matches the host and its subdomains only', () => {
    const s = validateSettings({ ...defaultSettings(), neverRun: ['example.org'] })!;
    expect(isNeverRun(s, 'example.org')).toBe(true);
    expect(isNeverRun(s, 'news.example.org')).toBe(true);
    expect(isNeverRun(s, 'badexample.org')).toBe(false);
  });
});
