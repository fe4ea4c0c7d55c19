// Names and descriptions are typed by people: a counsellor (or an import) may put HTML or script in
// them. Every view must show such text as text. This seeds a subject and an application whose texts
// are markup, and walks the graph, the detail panel, presentation mode and the counsellor's history.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { call, makeAccount, signIn, type Session } from '../support/curator.ts';

const session = useBrowserSession();
const suffix = randomUUID().slice(0, 8);
const subject = `xss-subject-${suffix}`;
const application = `xss-application-${suffix}`;
const NAME = `<img src=x onerror="window.__pwned='name'">`;
const DESCRIPTION = `<script>window.__pwned='description'</script> A subject whose text is markup.`;
const EXAMPLE = `<svg onload="window.__pwned='example'"></svg> An example written as markup, on purpose.`;
let admin: Session;

const mutate = async (query: string, variables: Record<string, unknown>) => {
  const result = await call(session.server.url, query, variables, admin);
  expect(result.errors).toBeUndefined();
};

beforeAll(async () => {
  admin = await signIn(session.server.url, await makeAccount(session.driver, 'admin'));
  const create = 'mutation ($input: CreateNodeInput!) { createNode(input: $input) { record { version } } }';
  await mutate(create, {
    input: { kind: 'SUBJECT', id: subject, fields: { name: NAME, description: DESCRIPTION } },
  });
  await mutate(create, {
    input: {
      kind: 'APPLICATION',
      id: application,
      fields: {
        name: `<b onmouseover="window.__pwned='app'">Bold?</b>`,
        description: DESCRIPTION,
        example: EXAMPLE,
        reflectionPrompt: `<iframe src="javascript:window.__pwned='prompt'"></iframe>?`,
      },
    },
  });
  await mutate('mutation ($input: LinkInput!) { linkNodes(input: $input) { change { id } } }', {
    input: {
      type: 'APPLIED_IN',
      from: subject,
      to: application,
      why: `<script>window.__pwned='why'</script> is the reason, as text.`,
    },
  });
});
afterAll(async () => {
  await session.driver.executeQuery('MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n', {
    ids: [subject, application],
  });
});

describe('text that looks like markup', () => {
  it('stays text in the graph, the detail panel, presentation mode and the history', async () => {
    const { page } = session;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pwned = () => page.evaluate(() => (window as { __pwned?: string }).__pwned ?? null);

    await page.goto(`${session.server.url}/?node=${subject}`);
    await page.locator('#center-name', { hasText: NAME }).waitFor();
    expect(await page.locator('#center-description').textContent()).toBe(DESCRIPTION);
    await page.locator(`#graph .node[data-id="${application}"]`).hover();
    await page.locator('#detail', { hasText: 'Used in the real world' }).waitFor();
    expect(await page.locator('#detail').textContent()).toContain("<script>window.__pwned='why'</script>");
    expect(await page.locator('#graph svg text', { hasText: NAME }).count()).toBe(1);

    await page.goto(`${session.server.url}/?view=present&subject=${subject}`);
    await page.locator('#present-view', { hasText: 'An example written as markup' }).waitFor();
    expect(await page.locator('#present-view').textContent()).toContain(EXAMPLE);

    await page
      .context()
      .addCookies([
        { name: 'pathways_session', value: admin.cookie.split('=')[1]!, url: session.server.url },
      ]);
    await page.goto(`${session.server.url}/?node=${subject}`);
    await page.locator('#edit-panel .history', { hasText: 'Created subject' }).waitFor();
    expect(await page.locator('#edit-panel h2').textContent()).toBe(`Curate: ${NAME}`);
    await page.screenshot({ path: `${SHOTS}/hostile-text.png`, fullPage: true });

    expect(await page.locator('#main img, #main iframe, #main script').count()).toBe(0);
    expect(await pwned()).toBeNull();
    expect(dialogs).toEqual([]);
  });
});
