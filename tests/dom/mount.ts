import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Gives each test a fresh element to render into (passed to `set`), unmounted and removed after it. */
export function withRoot(set: (el: HTMLElement) => void): void {
  let el: HTMLElement;
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
    set(el);
  });
  afterEach(() => {
    render(null, el);
    el.remove();
  });
}

/** An element's text with white space folded. */
export const text = (el: Element | null): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
