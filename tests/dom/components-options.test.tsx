// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { withRoot } from './mount';
import { CategoryPicker, type HighlightCategory } from '../../components/CategoryPicker';
import { SchemePicker } from '../../components/SchemePicker';
import { SiteList } from '../../components/SiteList';
import { Toggle } from '../../components/Toggle';
import { parseHostInput } from '../../entrypoints/options/hosts';

let root: HTMLElement;
withRoot(el => (root = el));

describe('parseHostInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.COM ', 'www.example.com'],
    ['https://news.example.org/world/story?id=1', 'news.example.org'],
    ['*.example.net', 'example.net'],
    ['example.com/path', 'example.com'],
    ['localhost', 'localhost'],
    ['192.168.1.20', '192.168.1.20'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('accepts %j as %s', (input, host) => {
    expect(parseHostInput(input)).toEqual({ ok: true, host });
  });

  it.each(['', '   ', 'two words.com', 'nodot', '-bad-.com', 'exa_mple.com', 'http://', 'example..com'])('refuses %j in words', input => {
    const r = parseHostInput(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });
});

describe('Toggle', () => {
  it('is a button with role switch and aria-checked', () => {
    const seen: boolean[] = [];
    render(<Toggle id="t" checked={true} label="Highlights" description="Remembered" onChange={v => seen.push(v)} />, root);
    const button = root.querySelector('button')!;
    expect(button.getAttribute('role')).toBe('switch');
    expect(button.getAttribute('aria-checked')).toBe('true');
    expect(root.querySelector(`#${button.getAttribute('aria-describedby')}`)?.textContent).toBe('Remembered');
    button.click();
    expect(seen).toEqual([false]);
  });
});

describe('CategoryPicker and SchemePicker', () => {
  it('lists the 7 actor types and claims, reporting the new value', () => {
    const value = { state: true, intergov: true, agency: true, official: true, 'threat-group': true, company: true, person: true, claims: true };
    let next: Record<HighlightCategory, boolean> | null = null;
    render(<CategoryPicker value={value} onChange={v => (next = v)} />, root);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map(b => b.value)).toEqual(['state', 'intergov', 'agency', 'official', 'threat-group', 'company', 'person', 'claims']);
    boxes[5].click();
    expect(next).toEqual({ ...value, company: false });
  });

  it('previews the chosen scheme', () => {
    render(<SchemePicker value="high-contrast" onChange={() => {}} />, root);
    expect(root.querySelector('.al-preview')?.getAttribute('data-scheme')).toBe('high-contrast');
    expect(root.querySelector<HTMLInputElement>('input[value="high-contrast"]')?.checked).toBe(true);
    expect(root.querySelectorAll('.al-preview .al-mark')).toHaveLength(12);
  });
});

describe('SiteList', () => {
  it('shows an error from onAdd with aria-invalid, and remove buttons named by host', async () => {
    const removed: string[] = [];
    render(
      <SiteList id="s" sites={['a.example']} empty="none" onAdd={input => (input === 'ok.example' ? null : 'Not a site name.')} onRemove={h => removed.push(h)} />,
      root,
    );
    const input = root.querySelector<HTMLInputElement>('#s-input')!;
    await act(() => {
      input.value = 'bad';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(root.querySelector('[role=alert]')?.textContent).toBe('Not a site name.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    root.querySelector<HTMLButtonElement>('button[aria-label="Remove a.example"]')!.click();
    expect(removed).toEqual(['a.example']);
  });
});
