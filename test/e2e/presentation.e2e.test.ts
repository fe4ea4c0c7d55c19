// Presentation mode in real headless Chromium against the real server and the seeded Neo4j.
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { type TestServer } from '../support/http-server.ts';
import { testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let page: Page;
const session = useBrowserSession();
beforeEach(() => {
  ({ driver, server, page } = session);
});

interface Applied {
  id: string;
  name: string;
  example: string;
  prompt: string;
  why: string;
}

/**
 * Biology's applications straight from Cypher, in the order the view shows them: strongest link first
 * (APPLIED_IN has no strength, so all count 0.5), then by id.
 */
async function rawApplications(subject: string): Promise<Applied[]> {
  const result = await driver.executeQuery(
    `MATCH (s:Entity {id: $subject})-[r:APPLIED_IN]->(a:Entity)
     WHERE s.retiredAt IS NULL AND a.retiredAt IS NULL
     RETURN a.id AS id, a.name AS name, a.example AS example, a.reflectionPrompt AS prompt, r.why AS why
     ORDER BY coalesce(r.weight, r.importance, r.score, 0.5) DESC, a.id`,
    { subject },
    { database: testNeo4j().database },
  );
  return result.records.map((r) => r.toObject() as unknown as Applied);
}

const text = (selector: string) => page.textContent(`#present-view ${selector}`);
const step = () => new URL(page.url()).searchParams.get('step');

describe('presentation mode', () => {
  it("steps through Biology's applications from the keyboard, with the step in the URL", async () => {
    const applications = await rawApplications('biology');
    const total = applications.length;
    expect(total).toBeGreaterThanOrEqual(3);

    await page.goto(`${server.url}/?view=present&subject=biology`);
    await expect.poll(() => text('.pv-count')).toBe(`Application 1 of ${total}`);
    expect(await text('.pv-subject')).toBe('Biology');
    expect(await text('.pv-name')).toBe(applications[0]!.name);
    expect(await page.isVisible('.site-header')).toBe(false);
    expect(await page.getAttribute('#present-view .pv-slide', 'aria-live')).toBe('polite');

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/[?&]step=2(&|$)/);
    const third = applications[2]!;
    await expect.poll(() => text('.pv-name')).toBe(third.name);
    expect(await text('.pv-count')).toBe(`Application 3 of ${total}`);
    expect(await text('.pv-example p')).toBe(third.example);
    expect(await text('.pv-why')).toBe(`Why it uses Biology: ${third.why}`);
    expect(await text('.pv-question-text')).toBe(third.prompt);
    // Readable from the back of the room: large body text, near-black on white.
    const style = await page.$eval('#present-view .pv-example p', (p) => {
      const s = getComputedStyle(p);
      return { size: parseFloat(s.fontSize), colour: s.color };
    });
    expect(style.size).toBeGreaterThanOrEqual(28);
    expect(style.colour).toBe('rgb(13, 13, 13)');
    await page.screenshot({ path: `${SHOTS}/presentation.png` });

    await page.reload();
    await expect.poll(() => text('.pv-name')).toBe(third.name);
    expect(step()).toBe('2');

    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/[?&]step=1(&|$)/);
    await expect.poll(() => text('.pv-name')).toBe(applications[1]!.name);

    await page.keyboard.press('End');
    await expect.poll(step).toBe(String(total - 1));
    await expect.poll(() => text('.pv-name')).toBe(applications[total - 1]!.name);
    await page.keyboard.press('Home');
    await expect.poll(step).toBe(null);
    await expect.poll(() => text('.pv-count')).toBe(`Application 1 of ${total}`);

    await page.goBack();
    await expect.poll(step).toBe(String(total - 1));
    await expect.poll(() => text('.pv-name')).toBe(applications[total - 1]!.name);

    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.searchParams.get('view') !== 'present');
    await expect.poll(() => page.textContent('#center-name')).toBe('Biology');
    expect(await page.isVisible('#present-view')).toBe(false);
    // The view's keys went with it.
    const left = page.url();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    expect(page.url()).toBe(left);
  });

  it('moves with the buttons and clamps a step past the end to the last application', async () => {
    const applications = await rawApplications('biology');
    await page.goto(`${server.url}/?view=present&subject=biology&step=9999`);
    const last = applications[applications.length - 1]!;
    await expect.poll(() => text('.pv-name')).toBe(last.name);
    expect(await page.getAttribute('#present-view .pv-next', 'aria-disabled')).toBe('true');

    await page.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(step).toBe(String(applications.length - 2));
    await expect.poll(() => text('.pv-name')).toBe(applications[applications.length - 2]!.name);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(step).toBe(String(applications.length - 1));

    await page.getByRole('button', { name: 'Exit' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') !== 'present');
  });

  it('explains an unknown subject and offers a way out', async () => {
    await page.goto(`${server.url}/?view=present&subject=no-such-subject`);
    const alert = page.locator('#present-view').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No node with id "no-such-subject"');
    await page.screenshot({ path: `${SHOTS}/presentation-not-found.png` });
    await alert.getByRole('button', { name: 'Back to explore' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') !== 'present');
    expect(await page.isVisible('#present-view')).toBe(false);
  });
});
