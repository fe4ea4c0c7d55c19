// The header's search box in real Chromium against the real server and the seeded Neo4j: suggestions
// grouped by kind as the student types, chosen by keyboard or mouse, and clear words when nothing matches.
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { type TestServer } from '../support/http-server.ts';

let server: TestServer;
let page: Page;
let box: Locator;
const session = useBrowserSession();
beforeEach(() => {
  ({ server, page } = session);
  box = page.getByRole('combobox', { name: 'Search Pathways' });
});

async function open(text: string): Promise<Locator> {
  await page.goto(server.url);
  await expect.poll(() => page.textContent('#center-name'), { timeout: 15_000 }).toBe('Biology');
  await box.click();
  await box.pressSequentially(text);
  const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
  await listbox.getByRole('option').first().waitFor();
  return listbox;
}

const activeName = (): Promise<string | null> =>
  page.evaluate(() => {
    const id = document.activeElement?.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id)?.querySelector('.search-box__name')?.textContent ?? null) : null;
  });

describe('search box', () => {
  it('suggests nodes grouped by kind as the student types', async () => {
    const listbox = await open('biolog');
    expect(await listbox.getAttribute('role')).toBe('listbox');
    expect(await box.getAttribute('aria-expanded')).toBe('true');

    const groups = await listbox.getByRole('group').evaluateAll((els) =>
      els.map((g) => ({
        label: g.getAttribute('aria-label'),
        kinds: [...g.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-kind')),
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) {
      expect(group.kinds.length).toBeGreaterThan(0);
      expect(new Set(group.kinds).size).toBe(1); // one kind per group
    }
    expect(new Set(groups.map((g) => g.label)).size).toBe(groups.length); // each kind once
    const subjects = listbox.getByRole('group', { name: 'Subjects' });
    await subjects
      .getByRole('option')
      .filter({ has: page.getByText('Biology', { exact: true }) })
      .waitFor();
    // Every option carries a dot in its kind's colour.
    const dot = await subjects
      .locator('.search-box__dot')
      .first()
      .evaluate((d) => getComputedStyle(d).backgroundColor);
    expect(dot).toBe('rgb(31, 95, 168)');

    await page.screenshot({ path: `${SHOTS}/search.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('chooses a career with the arrow keys and Enter, and the explorer centres on it', async () => {
    await open('hydrolog');
    let steps = 0;
    while ((await activeName()) !== 'Hydrologist' && steps++ < 20) await page.keyboard.press('ArrowDown');
    expect(await activeName()).toBe('Hydrologist');
    await page.keyboard.press('Enter');
    await page.waitForURL(/[?&]node=hydrologist(&|$)/);
    await expect.poll(() => page.textContent('#center-name'), { timeout: 15_000 }).toBe('Hydrologist');
    expect(await box.inputValue()).toBe('');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('chooses with a click', async () => {
    const listbox = await open('environmental sci');
    await listbox
      .getByRole('option')
      .filter({ has: page.getByText('Environmental Science', { exact: true }) })
      .click();
    await page.waitForURL(/[?&]node=environmental-science(&|$)/);
    await expect
      .poll(() => page.textContent('#center-name'), { timeout: 15_000 })
      .toBe('Environmental Science');
    expect(await box.inputValue()).toBe('');
  });

  it('closes on Escape, and a second Escape clears the text', async () => {
    const listbox = await open('biolog');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await listbox.isVisible()).toBe(false);
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await box.inputValue()).toBe('biolog');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    // ArrowDown brings suggestions back once there is text again.
    await box.pressSequentially('bio');
    await listbox.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await listbox.getByRole('option').first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
  });

  it('says so when nothing matches', async () => {
    await page.goto(server.url);
    await box.click();
    await box.pressSequentially('qzxqzv');
    const status = page.locator('.search-box__message');
    await expect.poll(() => status.textContent()).toContain('No matches for “qzxqzv”');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows only the answer to the latest text, however late an earlier one arrives', async () => {
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Search') && body.includes('"text":"hydr"'))
        await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(server.url);
    await box.click();
    await box.pressSequentially('hydr');
    await page.waitForTimeout(400); // the slow request for "hydr" is on its way
    await box.pressSequentially('ologist');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const answer = await options.allTextContents();
    await page.waitForTimeout(1500); // "hydr" answers now, and must be ignored
    expect(await options.allTextContents()).toEqual(answer);
    expect(await page.locator('.search-box__name').first().textContent()).toBe('Hydrologist');
  });

  it("shows the API's message when the search fails", async () => {
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('query Search')) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            { message: 'The graph database is not answering.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
          ],
        }),
      });
    });
    await page.goto(server.url);
    await box.click();
    await box.pressSequentially('biology');
    const status = page.locator('.search-box__message');
    await expect.poll(() => status.textContent()).toBe('Search failed: The graph database is not answering.');
    await page.screenshot({ path: `${SHOTS}/search-error.png` });
  });
});
