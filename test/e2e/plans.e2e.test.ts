// A student's way from interests to a plan in real Chromium: take the quiz, pick skills and subjects,
// open a career, compare two, make a plan, tick a milestone with the keyboard, reload the share link,
// print preview, calendar file, and delete. axe checks every new view.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { postGraphQL, type TestServer } from '../support/http-server.ts';
import { testNeo4j } from '../support/neo4j.ts';

let server: TestServer;
let context: BrowserContext;
let page: Page;
const session = useBrowserSession();
beforeEach(() => {
  ({ server, context, page } = session);
});
afterAll(async () => {
  // Plans this file made (all anonymous); other files never look at :Plan nodes.
  await session.driver?.executeQuery(
    'MATCH (p:Plan) WHERE p.id IN $ids DETACH DELETE p',
    { ids: made },
    {
      database: testNeo4j().database,
    },
  );
});
const made: string[] = [];

/** Investigative 5, Realistic 4, Conventional 3, the rest 1. */
const VALUES: Record<string, number> = { i: 5, r: 4, c: 3 };

async function pickFromSearch(label: string, text: string, option: string): Promise<void> {
  const input = page.getByLabel(label);
  await input.fill(text);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .waitFor();
  await input.press('ArrowDown');
  await input.press('Enter');
}

describe('student tools', () => {
  it('ranks careers by quiz answers, each with its reason', async () => {
    await page.goto(`${server.url}/?view=quiz`);
    const items = page.locator('fieldset.quiz-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(30);

    // Submitting early names the first unanswered question and puts focus on it.
    await page.getByRole('button', { name: 'See my matches' }).click();
    await page.getByRole('alert').filter({ hasText: 'Question 1 has no answer yet' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('quiz-r1');

    for (const id of await items.evaluateAll((fs) => fs.map((f) => f.getAttribute('data-item') ?? ''))) {
      await page.check(`#quiz-${id}-${VALUES[id[0] ?? ''] ?? 1}`);
    }
    await page.locator('.quiz-progress', { hasText: '30 of 30 answered' }).waitFor();
    await page.getByRole('button', { name: 'See my matches' }).click();
    await page.locator('#quiz-results-heading', { hasText: 'Your interests: IRC' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quiz-results-heading');
    const firstReason = await page.locator('.quiz-results .match-card .reason').first().textContent();
    expect(firstReason).toMatch(/^You scored high on Investigative \(100%\)/);
    expect(await page.locator('.quiz-results .match-card').count()).toBeGreaterThan(5);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/quiz-results.png`, fullPage: true });
  });

  it('takes skills and subjects, shows matches, courses, a career and a comparison, then makes a plan', async () => {
    await page.goto(`${server.url}/?view=skills`);
    await pickFromSearch('Add a skill you have', 'data analy', 'Data Analysis');
    await page.waitForURL(/view=skills&have=data-analysis$/);
    await pickFromSearch('Add a skill you have', 'field samp', 'Field Sampling');
    await page.waitForURL(/have=data-analysis,field-sampling$/);
    await pickFromSearch('Add a subject you enjoy', 'geograph', 'Geography');
    await page.waitForURL(/have=data-analysis,field-sampling&enjoy=geography$/);
    await page.getByRole('button', { name: 'Remove Geography' }).waitFor();

    const cards = page.locator('.skill-results .match-card');
    // The first match on a cold database can be slow on a busy machine.
    await cards.first().waitFor({ timeout: 45_000 });
    const api = await postGraphQL<{
      skillMatches: { matches: { career: { id: string }; reason: string }[] };
    }>(
      server.url,
      '{ skillMatches(have: ["data-analysis", "field-sampling"], enjoy: ["geography"], first: 15) { matches { career { id } reason } } }',
    );
    const shown = await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-career')));
    expect(shown).toEqual(api.data!.skillMatches.matches.map((m) => m.career.id));
    expect(await cards.first().locator('.reason').textContent()).toBe(
      api.data!.skillMatches.matches[0]!.reason,
    );
    expect(await cards.first().locator('.reason').textContent()).toMatch(/^You have \d+ of the \d+ skills/);

    const hydrologist = page.locator('.match-card[data-career="hydrologist"]');
    await hydrologist.getByRole('button', { name: 'Show courses for these' }).click();
    await hydrologist.locator('.gap-list li').first().waitFor();
    expect(await hydrologist.locator('.gap-list').textContent()).toMatch(/about \d+ hours/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/skills-matches.png`, fullPage: true });

    // Open the career in the explorer, and come back.
    await hydrologist.getByRole('link', { name: 'Hydrologist' }).click();
    await page.waitForURL(/\?node=hydrologist$/);
    await page.locator('#detail h3', { hasText: 'Hard skills' }).waitFor();
    await page.goBack();
    await page.waitForURL(/view=skills/);

    // Compare two careers side by side.
    await page
      .locator('.match-card[data-career="hydrologist"]')
      .getByRole('button', { name: 'Compare' })
      .click();
    await cards.nth(0).waitFor();
    const other = (await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-career')))).find(
      (id) => id !== 'hydrologist',
    )!;
    await page
      .locator(`.match-card[data-career="${other}"]`)
      .getByRole('button', { name: 'Compare' })
      .click();
    await page.getByRole('button', { name: 'Compare side by side (2)' }).click();
    await page.waitForURL(new RegExp(`view=compare&careers=hydrologist,${other}$`));
    const table = page.locator('.compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').count()).toBe(2);
    expect(await page.locator('.shared-skills').textContent()).toMatch(
      /Skills they all need|share no skills/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/compare-careers.png`, fullPage: true });

    // Make a plan from the comparison.
    await page.getByRole('button', { name: 'Make a plan: Hydrologist' }).click();
    await page.waitForURL(/\?view=plan&plan=[A-Za-z0-9_-]{22}$/);
    made.push(new URL(page.url()).searchParams.get('plan')!);
    await page.locator('#plan-heading', { hasText: 'My plan: Hydrologist' }).waitFor();
    expect(await page.locator('.milestone').count()).toBeGreaterThan(4);
  }, 120_000);

  it('ticks, reorders and adds milestones, survives a reload of the share link, prints, exports and deletes', async () => {
    const created = await postGraphQL<{ createPlan: { id: string } }>(
      server.url,
      'mutation { createPlan(input: { career: "hydrologist", start: "2026-09-01" }) { id } }',
    );
    const id = created.data!.createPlan.id;
    made.push(id);
    await page.goto(`${server.url}/?view=plan&plan=${id}`);
    const milestones = page.locator('.milestone');
    await milestones.first().waitFor();
    const count = await milestones.count();
    const titles = await milestones.locator('.milestone-title').allTextContents();

    // Tick the first milestone with the keyboard.
    const firstBox = milestones.first().getByRole('checkbox');
    await firstBox.focus();
    await page.keyboard.press('Space');
    await page.locator('.save-status', { hasText: 'Saved.' }).waitFor();
    expect(await milestones.first().getByRole('checkbox').isChecked()).toBe(true);
    expect(await page.locator('.plan-progress').textContent()).toBe(`1 of ${count} steps done`);

    // Move the second step down, and add one of our own.
    await milestones
      .nth(1)
      .getByRole('button', { name: /^Move down/ })
      .click();
    await expect.poll(() => milestones.nth(2).locator('.milestone-title').textContent()).toBe(titles[1]);
    await page.getByLabel('Step', { exact: true }).last().fill('Visit the river monitoring open day');
    await page.getByLabel('Aim for (date, optional)').fill('2027-03-14');
    await page.getByRole('button', { name: 'Add step' }).click();
    await milestones.nth(count).waitFor();
    expect(await milestones.nth(count).locator('.milestone-title').textContent()).toBe(
      'Visit the river monitoring open day',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/plan.png`, fullPage: true });

    // The share link opens the same plan, ticks and all, in a fresh tab.
    const link = await page.locator('#share-link').inputValue();
    expect(link).toBe(`${server.url}/?view=plan&plan=${id}`);
    const fresh = await context.newPage();
    await fresh.goto(link);
    await fresh.locator('.milestone').first().waitFor();
    expect(await fresh.locator('.milestone').first().getByRole('checkbox').isChecked()).toBe(true);
    expect(await fresh.locator('.milestone').nth(2).locator('.milestone-title').textContent()).toBe(
      titles[1],
    );
    expect(await fresh.locator('.milestone').count()).toBe(count + 1);

    // Print preview: only the plan, no buttons or forms.
    await fresh.emulateMedia({ media: 'print' });
    expect(await fresh.locator('.site-header').isVisible()).toBe(false);
    expect(await fresh.locator('.share').isVisible()).toBe(false);
    expect(await fresh.locator('.add-form').isVisible()).toBe(false);
    expect(await fresh.locator('.milestone').first().isVisible()).toBe(true);
    await fresh.screenshot({ path: `${SHOTS}/plan-print-preview.png`, fullPage: true });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await fresh.pdf({ format, path: `${SHOTS}/plan-${format}.pdf` });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await fresh.emulateMedia({ media: 'screen' });

    // The calendar file has one event per dated milestone.
    const [download] = await Promise.all([
      fresh.waitForEvent('download'),
      fresh.getByRole('button', { name: /Add dates to my calendar/ }).click(),
    ]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(count + 1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270314');

    // Delete, then the link explains that the plan is gone.
    await fresh.getByRole('button', { name: 'Delete this plan' }).click();
    await fresh.getByRole('button', { name: 'Yes, delete it for good' }).click();
    await fresh.locator('#plan-heading', { hasText: 'Plan deleted' }).waitFor();
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'There is no plan at this link' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks a step whose node was retired', async () => {
    const created = await postGraphQL<{
      createPlan: { id: string; version: number; milestones: { ref: { id: string } | null; kind: string }[] };
    }>(
      server.url,
      'mutation { createPlan(input: { career: "hydrologist" }) { id version milestones { kind ref { id } } } }',
    );
    const plan = created.data!.createPlan;
    made.push(plan.id);
    // A node only this test has, created already retired (so reads and counts skip it), and a
    // milestone pointing at it; the node is removed afterwards. The API side of retiring through
    // retireNode is covered in test/integration/plans.int.test.ts.
    const probe = `plan-e2e-probe-${plan.id
      .slice(0, 6)
      .toLowerCase()
      .replaceAll(/[^a-z0-9]/g, 'x')}`;
    const db = { database: testNeo4j().database };
    await session.driver.executeQuery(
      `CREATE (:Entity:Application {id: $id, name: 'Plan probe application', description: 'Made by a test.',
        aliases: [], example: 'None', reflectionPrompt: 'None', retiredAt: '2026-11-20T10:00:00.000Z'})`,
      { id: probe },
      db,
    );
    try {
      await session.driver.executeQuery(
        `MATCH (p:Plan {id: $plan})
         SET p.milestones = $milestones, p.refs = p.refs + $probe`,
        {
          plan: plan.id,
          probe,
          milestones: JSON.stringify([
            {
              id: 'probe1',
              kind: 'application',
              title: 'Try the probe',
              why: 'A test step.',
              ref: probe,
              refName: 'Plan probe application',
              hours: null,
              due: null,
              done: false,
              note: '',
            },
          ]),
        },
        db,
      );
      await page.goto(`${server.url}/?view=plan&plan=${plan.id}`);
      const notice = page.locator('.milestone .ref-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toContain(
        '“Plan probe application” was retired from Pathways on 20 Nov 2026',
      );
      expect(await page.locator('p.ref-notice[role="note"]').textContent()).toContain('1 step refers');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/plan-retired-step.png`, fullPage: true });
    } finally {
      await session.driver.executeQuery('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: probe }, db);
    }
  });
});
