// A student's way through the explorer in real Chromium: a subject's connections with reasons, its
// careers as paths through a chosen field, a career's profile, and a shared link that reopens the view.
import type { Driver } from 'neo4j-driver';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { postGraphQL, type TestServer } from '../support/http-server.ts';
import { testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let context: BrowserContext;
let page: Page;
const session = useBrowserSession();
beforeEach(() => {
  ({ driver, server, context, page } = session);
});

describe('explorer', () => {
  it("shows a subject's connections, each with the graph's reason", async () => {
    await page.goto(`${server.url}/?node=biology`);
    const fields = page.locator('#detail section', { hasText: 'Leads to these fields' });
    await fields.waitFor();
    const item = fields.locator('li', { hasText: 'Environmental Science' });
    const why = await driver.executeQuery(
      `MATCH (:Subject {id: 'biology'})-[r:LEADS_TO]->(:Field {id: 'environmental-science'}) RETURN r.why AS why`,
      {},
      { database: testNeo4j().database },
    );
    expect(await item.locator('.why').textContent()).toBe(why.records[0]?.get('why'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explore-biology.png`, fullPage: true });
  });

  it('goes from a subject to its careers through a field, and on to a career', async () => {
    await page.goto(`${server.url}/?node=biology`);
    await page.getByRole('link', { name: 'Careers from Biology' }).click();
    await page.waitForURL(/\?view=careers&subject=biology$/);
    await page.getByRole('button', { name: 'Environmental Science' }).click();
    await page.waitForURL(/via=environmental-science/);
    await page
      .locator('#careers-heading', { hasText: 'Biology → Environmental Science → careers' })
      .waitFor();

    const api = await postGraphQL<{ subjectCareers: { paths: { career: { id: string } }[] } }>(
      server.url,
      '{ subjectCareers(subject: "biology", via: "environmental-science", first: 25) { paths { career { id } } } }',
    );
    const shown = await page.$$eval('.career-path', (items) =>
      items.map((i) => i.getAttribute('data-career')),
    );
    expect(shown).toEqual(api.data!.subjectCareers.paths.map((p) => p.career.id));
    const first = page.locator('.career-path').first();
    expect(await first.locator('.step-reasons li').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/careers-biology-environmental-science.png`, fullPage: true });

    await page
      .locator('.career-path[data-career="hydrologist"] .step-node a', { hasText: 'Hydrologist' })
      .click();
    await page.waitForURL(/\?node=hydrologist$/);
    await page.locator('#detail h3', { hasText: 'Hard skills' }).waitFor();
    expect(await page.locator('#detail').textContent()).toContain('19-2043.00');
    expect(await page.locator('#detail h3', { hasText: 'Soft skills' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/career-hydrologist.png`, fullPage: true });

    await page.goBack();
    await page.waitForURL(/via=environmental-science/);
    await page.locator('.career-path').first().waitFor();
  });

  it('turns a subject → field → career path, or a career, into an action plan', async () => {
    await page.goto(`${server.url}/?view=careers&subject=biology&via=environmental-science`);
    const path = page.locator('.career-path[data-career="hydrologist"]');
    await path.getByRole('button', { name: /Make a plan for this: Hydrologist/ }).click();
    await page.waitForURL(/\?view=plan&plan=[\w-]{22}$/);
    // The plan starts from the path's subject, as the first milestone.
    await expect.poll(() => page.locator('#plan-view li').first().textContent()).toContain('Biology');

    await page.goto(`${server.url}/?node=hydrologist`);
    await page.locator('#detail').getByRole('button', { name: 'Make an action plan' }).click();
    await page.waitForURL(/\?view=plan&plan=[\w-]{22}$/);
  });

  it('copies a link that reopens the same view', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`${server.url}/?view=careers&subject=chemistry`);
    await page.locator('.career-path').first().waitFor();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.textContent('#copy-status')).toBe('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${server.url}/?view=careers&subject=chemistry`);

    const other = await context.newPage();
    await other.goto(link);
    await other.locator('#careers-heading', { hasText: 'Careers from Chemistry' }).waitFor();
  });

  it('explains an unknown subject in a careers link and offers a way back', async () => {
    await page.goto(`${server.url}/?view=careers&subject=no-such-subject`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No subject with id "no-such-subject"');
    await alert.getByRole('button', { name: 'Back to the graph' }).click();
    await page.locator('#center-name', { hasText: 'Biology' }).waitFor();
  });
});

describe('kind filter', () => {
  it('hides and shows kinds from the legend, keeping the choice in the URL', async () => {
    await page.goto(`${server.url}/?node=biology`);
    await page.locator('#graph svg .node').first().waitFor();
    const legend = page.getByRole('list', { name: /Kinds of node/ });
    for (const kind of ['Skills', 'Courses', 'Applications']) {
      await legend.getByRole('button', { name: kind }).click();
      await page.waitForURL(new RegExp(`kinds=`));
    }
    await page.waitForURL(/\?kinds=subject,field,career$/);
    await expect
      .poll(
        async () =>
          new Set(await page.$$eval('#graph svg .node', (ns) => ns.map((n) => n.getAttribute('data-kind')))),
      )
      .toEqual(new Set(['SUBJECT', 'FIELD', 'CAREER']));
    expect(await legend.getByRole('button', { name: 'Skills' }).getAttribute('aria-pressed')).toBe('false');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explore-filtered.png`, fullPage: true });

    await page.reload();
    await page.locator('#graph svg .node').first().waitFor();
    expect(await legend.getByRole('button', { name: 'Skills' }).getAttribute('aria-pressed')).toBe('false');
    await page.goBack();
    await page.waitForURL(/kinds=subject,field,career,application$/);
  });
});
