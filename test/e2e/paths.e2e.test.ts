// Paths between any two nodes in real Chromium: ends chosen by search, the step limit in the URL, each
// path a chain with its reasons, and a clear empty state.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { postGraphQL, type TestServer } from '../support/http-server.ts';

let server: TestServer;
let page: Page;
const session = useBrowserSession();
beforeEach(() => {
  ({ server, page } = session);
});

describe('paths view', () => {
  it('shows the paths the API finds, each step with its reason', async () => {
    await page.goto(`${server.url}/?view=paths&from=biology&to=hydrologist&hops=3`);
    await page.locator('#paths-heading', { hasText: 'Biology → Hydrologist' }).waitFor();
    const api = await postGraphQL<{
      paths: { paths: { steps: { to: { id: string }; edge: { why: string } }[] }[] };
    }>(
      server.url,
      '{ paths(from: "biology", to: "hydrologist", maxHops: 3, first: 10) { paths { steps { to { id } edge { why } } } } }',
    );
    const expected = api.data!.paths.paths;
    const shown = page.locator('#paths-view .career-path');
    await shown.first().waitFor();
    expect(await shown.count()).toBe(expected.length);
    const firstReasons = await shown.first().locator('.step-reasons li').allTextContents();
    expect(firstReasons.map((r) => r.split(': ').slice(1).join(': '))).toEqual(
      expected[0]!.steps.map((s) => s.edge.why),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/paths-biology-hydrologist.png`, fullPage: true });
  });

  it('chooses an end with search and keeps it in the URL', async () => {
    await page.goto(`${server.url}/?view=paths&from=music`);
    const to = page.getByRole('combobox', { name: 'To' });
    await to.click();
    await to.pressSequentially('data scien');
    await page
      .getByRole('option', { name: /Data Scientist/ })
      .first()
      .click();
    await page.waitForURL(/\?view=paths&from=music&to=data-scientist$/);
    await page.locator('#paths-heading', { hasText: 'Music → Data Scientist' }).waitFor();
    await page.locator('#paths-view .career-path').first().waitFor();
  });

  it('says so when there is no path within the steps allowed', async () => {
    await page.goto(`${server.url}/?view=paths&from=music&to=data-scientist&hops=1`);
    await page.locator('#paths-view .status', { hasText: 'No path within 1 step' }).waitFor();
    await page.selectOption('#paths-hops', '4');
    await page.waitForURL(/from=music&to=data-scientist$/);
    await page.locator('#paths-view .career-path').first().waitFor();
  });
});
