import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function axeSerious(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
}

test.describe('options page', () => {
  test('scheme, categories, default and sites persist across a reload; reset asks first', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.locator('h1')).toHaveText('Attribution Lens options');

    // Colour scheme: the preview follows at once.
    await page.getByRole('radio', { name: /Colour-blind safe/ }).check();
    await expect(page.locator('.al-preview')).toHaveAttribute('data-scheme', 'colour-blind');
    await expect(page.locator('.al-options__status')).toHaveText('Saved.');
    // Categories.
    await page.getByRole('checkbox', { name: 'Companies' }).uncheck();
    await expect(page.locator('.al-options__status')).toHaveText('Saved.');
    await page.getByRole('checkbox', { name: 'People' }).uncheck();
    await expect(page.locator('.al-options__status')).toHaveText('Saved.');
    // Global default.
    await page.locator('#default-on').click();
    await expect(page.locator('#default-on')).toHaveAttribute('aria-checked', 'false');
    await expect(page.locator('.al-options__status')).toHaveText('Saved.');
    // Never-run sites: invalid input is refused in words; a URL is reduced to its hostname.
    const input = page.getByRole('textbox', { name: 'Site' });
    await input.fill('not a site');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('.al-sites__error')).toContainText('no spaces');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await input.fill('https://WWW.Shop.example/news/today');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect(page.locator('#never-run-list')).toContainText('www.shop.example');
    await expect(page.locator('.al-options__status')).toHaveText('Saved.');

    await page.reload();
    await expect(page.getByRole('radio', { name: /Colour-blind safe/ })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Companies' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'People' })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'States' })).toBeChecked();
    await expect(page.locator('#default-on')).toHaveAttribute('aria-checked', 'false');
    await expect(page.locator('#never-run-list')).toContainText('www.shop.example');
    await page.screenshot({ path: 'test-results/options-light.png', fullPage: true });
    expect(await axeSerious(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: 'test-results/options-dark.png', fullPage: true });
    expect(await axeSerious(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // Remove a site.
    await page.getByRole('button', { name: 'Remove www.shop.example' }).click();
    await expect(page.locator('#never-run-list')).toHaveCount(0);

    // Reset needs a confirmation; cancel keeps everything.
    await page.locator('#reset').click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('radio', { name: /Colour-blind safe/ })).toBeChecked();
    await page.locator('#reset').click();
    await page.locator('#reset-confirm').click();
    await expect(page.locator('.al-options__status')).toHaveText('All settings are back to their defaults.');
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Default' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Companies' })).toBeChecked();
    await expect(page.locator('#default-on')).toHaveAttribute('aria-checked', 'true');
  });

  test('a site switched off in the popup shows up as a per-site choice and can be removed', async ({
    context,
    extensionId,
    baseUrl,
    tabIdOf,
    openPopup,
  }) => {
    const article = await context.newPage();
    await article.goto(`${baseUrl}/attribution.html`);
    const popup = await openPopup(await tabIdOf(article));
    const toggle = popup.locator('#highlight-toggle');
    await expect(toggle).toHaveAttribute('aria-checked', 'true', { timeout: 15_000 });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const list = options.locator('#site-overrides-list');
    await expect(list).toContainText('127.0.0.1');
    await expect(list).toContainText('highlights off');
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect(list).toHaveCount(0);
    await options.reload();
    await expect(options.locator('#site-overrides-list')).toHaveCount(0);
  });
});
