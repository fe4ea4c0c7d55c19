// A counsellor's round in real Chromium: sign in, edit a career's description and link a skill; a
// student in another browser, not signed in, sees both; the counsellor undoes the edit and the
// student sees the old text again.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { SHOTS, useBrowserSession, type BrowserSession } from '../support/browser-session.ts';
import { call, makeAccount, signIn, TEST_PASSWORD } from '../support/curator.ts';

const session: BrowserSession = useBrowserSession();
let page: Page;
beforeEach(() => {
  ({ page } = session);
});

const ORIGINAL = 'A made-up career for the browser test of curation, before any edit.';
const EDITED = 'Edited in the browser: this career now explains itself better to students.';

async function makeCareer(): Promise<string> {
  const id = `e2e-career-${randomUUID().slice(0, 8)}`;
  const admin = await signIn(session.server.url, await makeAccount(session.driver, 'admin'));
  const result = await call(
    session.server.url,
    'mutation ($input: CreateNodeInput!) { createNode(input: $input) { record { version } } }',
    {
      input: {
        kind: 'CAREER',
        id,
        fields: {
          name: `Curation Trial Career ${id.slice(-8)}`,
          description: ORIGINAL,
          onetSoc: '99-9999.01',
          jobZone: 2,
          education: 'High school diploma',
          riasec: 'SEC',
          outlook: 'BRIGHT',
          outlookNote: 'Invented for the browser test.',
        },
      },
    },
    admin,
  );
  expect(result.errors).toBeUndefined();
  return id;
}

describe('curation', () => {
  it('signs in, edits and links; a student sees it; undo brings the old text back', async () => {
    const id = await makeCareer();
    const email = await makeAccount(session.driver, 'counsellor');

    await page.goto(`${session.server.url}/?view=curate`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${email}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/curate.png`, fullPage: true });

    await page.goto(`${session.server.url}/?node=${id}`);
    const panel = page.locator('#edit-panel');
    await panel.getByRole('heading', { name: /^Curate: / }).waitFor();
    await panel.getByLabel('Description').fill(EDITED);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await panel.getByText(/^Done: Edited career/).waitFor();

    await panel.getByLabel('Kind of link').selectOption({ label: 'this requires → a skill' });
    await panel.getByLabel('Link to').fill('active listening');
    await panel
      .getByRole('option', { name: /Active Listening/ })
      .first()
      .click();
    await panel.getByLabel(/^Why/).fill('This career means listening closely to what people need.');
    await panel.getByRole('button', { name: 'Add the link' }).click();
    await panel.getByText(/^Done: Linked/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/curate-edit-panel.png`, fullPage: true });

    // A student in a separate browser context: no cookie, no curation tools, and the new content.
    const student = await session.browser.newContext();
    try {
      const view = await student.newPage();
      await view.goto(`${session.server.url}/?node=${id}`);
      await expect.poll(() => view.locator('#center-description').textContent()).toBe(EDITED);
      await view.locator('#detail', { hasText: 'Active Listening' }).waitFor();
      expect(await view.locator('#edit-panel').isHidden()).toBe(true);

      // The counsellor undoes the edit from the history; the student reloads and sees the old text.
      const edit = panel.locator('.history li', { hasText: 'Edited career' });
      await edit.getByRole('button', { name: 'Undo' }).click();
      await panel.getByText(/^Done: Undid: Edited career/).waitFor();
      await view.reload();
      await expect.poll(() => view.locator('#center-description').textContent()).toBe(ORIGINAL);
      await view.locator('#detail', { hasText: 'Active Listening' }).waitFor();
    } finally {
      await student.close();
    }
  });
});

describe('import panel', () => {
  it('sends a file larger than one request in pieces, checks it, then imports it as one change', async () => {
    const id = `e2e-upload-${randomUUID().slice(0, 8)}`;
    const graph = JSON.stringify({
      format: 'pathways-graph',
      version: 1,
      nodes: [
        {
          label: 'Skill',
          id,
          properties: {
            name: 'Staged Upload Skill',
            description: 'A skill the browser test imports through the staged upload.',
            kind: 'soft',
          },
        },
      ],
      relationships: [],
    });
    // Trailing white space is still valid JSON: it makes the file larger than importGraph takes at once.
    const content = graph + ' '.repeat(2_500_000);
    const email = await makeAccount(session.driver, 'counsellor');
    const pieces: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('appendImportChunk')) pieces.push(request.headers()['x-pathways-upload'] ?? '');
    });

    await page.goto(`${session.server.url}/?view=curate`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${email}`).waitFor();
    await page.getByLabel('Files').setInputFiles({
      name: 'pathways-graph.json',
      mimeType: 'application/json',
      buffer: Buffer.from(content),
    });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByText('The import would create 1 node(s)', { exact: false }).waitFor();
    expect(pieces).toEqual(['import', 'import', 'import']);

    // A written import refreshes the view (recent changes included), as it always has.
    await page.getByRole('button', { name: 'Import now' }).click();
    await expect.poll(() => pieces.length).toBe(6);
    await expect
      .poll(
        async () =>
          (await session.driver.executeQuery('MATCH (s:Skill {id: $id}) RETURN s', { id })).records.length,
      )
      .toBe(1);
    await page.getByRole('button', { name: 'Check (dry run)' }).waitFor();
    const result = await session.driver.executeQuery('MATCH (s:Skill {id: $id}) RETURN s.updatedBy AS by', {
      id,
    });
    expect(result.records.map((r) => r.get('by') as string)).toEqual([email]);
  });
});
