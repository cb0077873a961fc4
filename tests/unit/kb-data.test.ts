import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import countries from 'world-countries';
import type { KbEntity } from '../../lib/kb/types';
import { buildKb } from '../../scripts/build-kb';

const root = path.resolve(__dirname, '../..');
const kbDir = path.join(root, 'assets/kb');
const mispDir = path.resolve(root, '../shared/reference/misp-galaxy');
const FILES = ['states', 'intergov', 'agencies', 'companies', 'officials', 'threat-groups'] as const;
const TYPES = new Set(['state', 'intergov', 'agency', 'official', 'threat-group', 'company', 'person']);

const load = (name: string): KbEntity[] => JSON.parse(readFileSync(path.join(kbDir, `${name}.json`), 'utf8')) as KbEntity[];
const kb = Object.fromEntries(FILES.map((f) => [f, load(f)])) as Record<(typeof FILES)[number], KbEntity[]>;
const all = FILES.flatMap((f) => kb[f]);
const byId = new Map(all.map((e) => [e.id, e]));
const iso = new Set(countries.map((c) => c.cca2));

/** Every surface form of an entity, lower-cased. */
const forms = (e: KbEntity) => [e.name, ...e.aliases, ...(e.exact ?? []), ...(e.cyberOnly ?? [])].map((s) => s.toLowerCase());
const group = (form: string) => kb['threat-groups'].filter((e) => forms(e).includes(form.toLowerCase()));
const only = (form: string): KbEntity => {
  const g = group(form);
  expect(g.map((e) => e.id), `groups known as ${form}`).toHaveLength(1);
  return g[0];
};

describe('knowledge base files', () => {
  it.each(FILES)('%s.json is a valid, sorted array of entities', (f) => {
    const list = kb[f];
    const ids = list.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    for (const e of list) {
      expect(typeof e.id).toBe('string');
      expect(e.name.trim()).not.toBe('');
      expect(TYPES.has(e.type)).toBe(true);
      expect(e.country === null || iso.has(e.country), `${e.id} country ${e.country}`).toBe(true);
      expect(e.kb === null || typeof e.kb === 'string').toBe(true);
      const lower = e.aliases.map((a) => a.toLowerCase());
      expect(new Set(lower).size, `${e.id} duplicate alias`).toBe(lower.length);
      for (const a of [...e.aliases, ...(e.exact ?? []), ...(e.cyberOnly ?? []), ...(e.demonyms ?? []), ...(e.capitals ?? [])])
        expect(a.trim(), `${e.id} empty form`).not.toBe('');
      for (const a of [...(e.exact ?? []), ...(e.cyberOnly ?? [])]) expect(lower, `${e.id}: ${a}`).not.toContain(a.toLowerCase());
    }
  });

  it('has unique ids across files and every parent exists', () => {
    expect(byId.size).toBe(all.length);
    for (const e of all) if (e.parent) expect(byId.has(e.parent), `${e.id} -> ${e.parent}`).toBe(true);
  });

  it('has a manifest whose counts match the files', () => {
    const m = JSON.parse(readFileSync(path.join(kbDir, 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
    for (const f of FILES) expect(m.counts[f]).toBe(kb[f].length);
  });

  it('stays small enough to load in the background', () => {
    const bytes = FILES.reduce((n, f) => n + readFileSync(path.join(kbDir, `${f}.json`)).length, 0);
    expect(bytes).toBeLessThan(1_500_000);
  });
});

describe('states', () => {
  const states = kb.states;
  const codes = new Set(states.map((s) => s.country));

  it('covers the 193 UN members, the two observers, Taiwan and Kosovo', () => {
    // world-countries marks the Holy See as a member; it is an observer.
    const members = countries.filter((c) => c.unMember && c.cca2 !== 'VA').map((c) => c.cca2);
    expect(members).toHaveLength(193);
    for (const c of [...members, 'VA', 'PS', 'TW', 'XK']) expect(codes.has(c), c).toBe(true);
    expect(states).toHaveLength(197);
    for (const s of states) {
      expect(s.id).toBe(`iso:${s.country}`);
      expect(s.kb).toBe(s.id);
    }
  });

  it('uses press names and keeps colliding short forms in written case', () => {
    const st = (c: string) => byId.get(`iso:${c}`)!;
    expect(st('US').name).toBe('United States');
    expect(st('GB').name).toBe('United Kingdom');
    expect(st('KP').name).toBe('North Korea');
    expect(st('KR').name).toBe('South Korea');
    expect(st('RU').name).toBe('Russia');
    expect(st('US').exact).toEqual(expect.arrayContaining(['US', 'U.S.', 'USA']));
    expect(st('US').aliases).not.toContain('US');
    expect(st('GB').exact).toEqual(expect.arrayContaining(['UK', 'U.K.']));
    expect(st('GB').aliases).toEqual(expect.arrayContaining(['Britain', 'Great Britain']));
    expect(st('CN').exact).toContain('PRC');
    expect(st('KP').exact).toContain('DPRK');
    expect(st('GE').exact).toContain('Georgia');
    expect(st('TR').exact).toContain('Turkey');
    expect(st('CN').demonyms).toContain('Chinese');
    expect(st('CN').capitals).toContain('Beijing');
    expect(st('RU').capitals).toContain('Moscow');
    expect(st('NL').demonyms).toContain('Dutch');
    expect(st('IS').aliases).not.toContain('Island');
  });
});

describe('intergovernmental bodies', () => {
  it('has the EU and NATO, with EU bodies under the EU', () => {
    const eu = byId.get('io:eu')!;
    expect(eu.name).toBe('European Union');
    expect(eu.exact).toContain('EU');
    expect(byId.get('io:nato')!.type).toBe('intergov');
    for (const id of ['io:enisa', 'io:europol', 'io:cert-eu', 'io:eu-commission']) expect(byId.get(id)!.parent).toBe('io:eu');
    const who = byId.get('io:who')!;
    expect(who.aliases.map((a) => a.toLowerCase())).not.toContain('who');
    expect(who.exact).toContain('WHO');
  });
});

describe('threat groups', () => {
  it('merges APT40 across sources', () => {
    const g = only('APT40');
    for (const n of ['Leviathan', 'TEMP.Periscope', 'Gingham Typhoon', 'Kryptonite Panda']) expect(group(n), n).toEqual([g]);
    expect(g).toMatchObject({ id: 'mitre:G0065', kb: 'mitre:G0065', country: 'CN', name: 'APT40' });
    expect(g.cyberOnly).toContain('Leviathan');
    expect(g.aliases).toEqual(expect.arrayContaining(['APT 40', 'APT-40']));
  });

  it('merges APT28 and APT29 with their Microsoft names', () => {
    const a28 = only('APT28');
    for (const n of ['Fancy Bear', 'Forest Blizzard', 'Sofacy']) expect(group(n), n).toEqual([a28]);
    expect(a28.country).toBe('RU');
    const a29 = only('APT29');
    for (const n of ['Cozy Bear', 'Midnight Blizzard', 'NOBELIUM', 'UNC2452']) expect(group(n), n).toEqual([a29]);
    expect(a29.exact).toContain('Cozy Bear');
  });

  it('puts ordinary-word names in cyberOnly', () => {
    const laz = only('Lazarus Group');
    expect(laz.country).toBe('KP');
    expect(laz.cyberOnly).toContain('Lazarus');
    expect(laz.aliases.map((a) => a.toLowerCase())).not.toContain('lazarus');
    const sw = only('Sandworm');
    expect(sw.country).toBe('RU');
    expect(sw.cyberOnly).toContain('Sandworm');
  });

  it('knows Volt Typhoon, APT31 and Hafnium as Chinese groups', () => {
    for (const n of ['Volt Typhoon', 'APT31', 'Hafnium', 'Salt Typhoon']) expect(only(n).country, n).toBe('CN');
    expect(only('APT31')).toBe(only('Zirconium'));
    expect(only('Hafnium')).toBe(only('Silk Typhoon'));
  });

  it('has no dangerous case-insensitive aliases', () => {
    const stateNames = new Set(kb.states.flatMap((s) => [s.name, ...s.aliases]).map((s) => s.toLowerCase()));
    for (const g of kb['threat-groups']) {
      for (const a of g.aliases) {
        expect(a.length, `${g.id}: ${a}`).toBeGreaterThanOrEqual(3);
        expect(/^\d+$/.test(a), `${g.id}: ${a}`).toBe(false);
        expect(stateNames.has(a.toLowerCase()), `${g.id}: ${a}`).toBe(false);
      }
    }
  });
});

describe('regeneration', () => {
  const run = existsSync(path.join(mispDir, 'threat-actor.json')) ? it : it.skip;
  if (run === it.skip) console.warn('kb-data: ../shared/reference/misp-galaxy is absent: regeneration check skipped');
  run('committed outputs equal a fresh build from the sources', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    try {
      const res = buildKb({ root, mispDir, outDir: tmp });
      expect(res.errors).toEqual([]);
      for (const f of FILES) expect(readFileSync(path.join(tmp, `${f}.json`), 'utf8'), f).toBe(readFileSync(path.join(kbDir, `${f}.json`), 'utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
