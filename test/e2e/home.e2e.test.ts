// The home page in real headless Chromium against the real server and the seeded Neo4j.
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { MAX_EXPANDED } from '../../client/src/state/url-state.ts';
import { CANVAS_FROM_NODES } from '../../client/src/views/neighbourhood-graph.ts';
import { SHOTS, useBrowserSession } from '../support/browser-session.ts';
import { postGraphQL, type TestServer } from '../support/http-server.ts';
import { rawCounts } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let page: Page;
const session = useBrowserSession();
beforeEach(() => {
  ({ driver, server, page } = session);
});

describe('home page', () => {
  it('shows the counts that are in the graph', async () => {
    await page.goto(server.url);
    await page.locator('.stats li').first().waitFor();
    const shown = await page.$$eval('.stats li', (items) =>
      items.map((li) => [(li as HTMLElement).dataset.kind, Number(li.querySelector('.count')?.textContent)]),
    );
    const counts = await rawCounts(driver);
    expect(Object.fromEntries(shown)).toEqual({
      SUBJECT: counts.Subject,
      FIELD: counts.Field,
      SKILL: counts.Skill,
      CAREER: counts.Career,
      COURSE: counts.Course,
      APPLICATION: counts.Application,
    });
    await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
  });

  it("draws Biology's neighbourhood, and a click opens a node's connections in place", async () => {
    await page.goto(server.url);
    await page.locator('#graph svg .node').first().waitFor();
    const api = await postGraphQL<{ neighbourhood: { nodes: { id: string }[] } }>(
      server.url,
      '{ neighbourhood(id: "biology", depth: 1, first: 30) { nodes { id } } }',
    );
    const drawn = await page.$$eval('#graph svg .node', (nodes) =>
      nodes.map((n) => n.getAttribute('data-id')),
    );
    expect(drawn.sort()).toEqual(api.data!.neighbourhood.nodes.map((n) => n.id).sort());
    expect(await page.textContent('#center-name')).toBe('Biology');

    // A click opens the node's own connections in place, keeping everything already drawn.
    await page.locator('#graph .node[data-id="environmental-science"]').click();
    await page.waitForURL(/\?expand=environmental-science$/);
    await page.locator('#graph .node[data-id="hydrologist"]').waitFor();
    const opened = await postGraphQL<{ neighbourhood: { nodes: { id: string }[] } }>(
      server.url,
      '{ neighbourhood(id: "environmental-science", depth: 1, first: 30) { nodes { id } } }',
    );
    const union = new Set([
      ...api.data!.neighbourhood.nodes.map((n) => n.id),
      ...opened.data!.neighbourhood.nodes.map((n) => n.id),
    ]);
    await expect
      .poll(async () =>
        (await page.$$eval('#graph svg .node', (ns) => ns.map((n) => n.getAttribute('data-id')))).sort(),
      )
      .toEqual([...union].sort());
    expect(await page.textContent('#center-name')).toBe('Biology');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/explore-expanded.png`, fullPage: true });

    // The reload reproduces the expanded view; the chip centres the graph on the opened node.
    await page.reload();
    await page.locator('#graph .node[data-id="hydrologist"]').waitFor();
    await page.locator('.opened').getByRole('link', { name: 'Environmental Science' }).click();
    await page.waitForURL(/\?node=environmental-science$/);
    await expect.poll(() => page.textContent('#center-name')).toBe('Environmental Science');

    await page.goBack();
    await page.waitForURL(/\?expand=environmental-science$/);
    await page.goBack();
    await expect.poll(() => page.textContent('#center-name')).toBe('Biology');
    await expect.poll(() => page.locator('#graph .node[data-id="hydrologist"]').count()).toBe(0);
  });

  it('draws what the URL says when an older view answers last', async () => {
    // Hold the answer for the opened node's connections until the person has already gone back.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('query Neighbourhood') && body.includes('"id":"environmental-science"')) {
        held += 1;
        await released;
      }
      await route.continue();
    });
    await page.goto(server.url);
    await page.locator('#graph svg .node[data-id="environmental-science"]').waitFor();
    const before = await drawnIds(page);

    await page.locator('#graph .node[data-id="environmental-science"]').click();
    await page.waitForURL(/\?expand=environmental-science$/);
    await expect.poll(() => held).toBe(1);
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => page.locator('#graph').getAttribute('aria-busy')).toBeNull();

    const late = page.waitForResponse((response) =>
      (response.request().postData() ?? '').includes('"id":"environmental-science"'),
    );
    release();
    await (await late).finished();
    // Let the page run what the late answer set off before looking.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    expect(await drawnIds(page)).toEqual(before);
    expect(await page.locator('#graph .node[data-id="hydrologist"]').count()).toBe(0);
    expect(await page.textContent('#center-name')).toBe('Biology');
  });

  it('reopens a shared link and opens nodes from the keyboard', async () => {
    await page.goto(`${server.url}/?node=hydrologist`);
    await expect.poll(() => page.textContent('#center-name')).toBe('Hydrologist');
    await page.locator('#graph .node[data-id="environmental-science"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?node=hydrologist&expand=environmental-science$/);
    // Focus stays on the node just opened (now drawn as opened), so Enter again closes it.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = document.activeElement;
          return active?.classList.contains('expanded') ? active.getAttribute('data-id') : null;
        }),
      )
      .toBe('environmental-science');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?node=hydrologist$/);
    await page.locator('#graph .node[data-id="environmental-science"]').focus();
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => page.textContent('#center-name')).toBe('Environmental Science');
    await page.screenshot({ path: `${SHOTS}/environmental-science.png`, fullPage: true });
  });

  it('names an expanded id that no longer exists, and draws the rest', async () => {
    await page.goto(`${server.url}/?node=biology&expand=no-such-node,environmental-science`);
    await page.locator('#graph .node[data-id="hydrologist"]').waitFor();
    expect(await page.locator('#graph .notice').textContent()).toContain('no-such-node');
  });

  it('explains an unknown id in a link and offers a way back', async () => {
    await page.goto(`${server.url}/?node=no-such-career`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No node with id "no-such-career"');
    await page.screenshot({ path: `${SHOTS}/not-found.png`, fullPage: true });
    await alert.getByRole('button', { name: 'Go to Biology' }).click();
    await expect.poll(() => page.textContent('#center-name')).toBe('Biology');
  });

  it('lets a node be dragged, its links following, without navigating', async () => {
    await page.goto(`${server.url}/?node=biology`);
    const node = page.locator('#graph .node[data-id="environmental-science"]');
    await node.waitFor();
    const before = await node.getAttribute('transform');
    const box = (await node.locator('circle').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + 60, { steps: 8 });
    await page.mouse.up();
    expect(await node.getAttribute('transform')).not.toBe(before);
    const [x, y] = (await node.getAttribute('transform'))!.match(/[-\d.]+/g)!.map(Number);
    const line = page
      .locator('#graph .edges line')
      .filter({ has: page.locator('title', { hasText: 'Biology → Environmental Science' }) });
    expect(Number(await line.getAttribute('x2'))).toBeCloseTo(x!, 5);
    expect(Number(await line.getAttribute('y2'))).toBeCloseTo(y!, 5);
    expect(new URL(page.url()).search).toBe('?node=biology');
  });

  it('draws a large expanded graph on Canvas, with the same nodes in its list twin', async () => {
    type Hood = { neighbourhood: { nodes: { id: string }[] } };
    const around = async (id: string) =>
      (
        await postGraphQL<Hood>(
          server.url,
          `{ neighbourhood(id: "${id}", depth: 1, first: 30) { nodes { id } } }`,
        )
      ).data!.neighbourhood.nodes.map((n) => n.id);
    // Greedily open the drawn node that adds the most new nodes, until the graph passes the Canvas
    // threshold within the URL's limit on expansions.
    const shown = new Set(await around('biology'));
    const cache = new Map<string, string[]>();
    const expand: string[] = [];
    while (shown.size <= CANVAS_FROM_NODES && expand.length < MAX_EXPANDED) {
      let best: { id: string; gain: number } | null = null;
      for (const id of [...shown].filter((s) => s !== 'biology' && !expand.includes(s)).slice(0, 120)) {
        if (!cache.has(id)) cache.set(id, await around(id));
        const gain = cache.get(id)!.filter((n) => !shown.has(n)).length;
        if (!best || gain > best.gain) best = { id, gain };
      }
      if (!best) break;
      expand.push(best.id);
      for (const id of cache.get(best.id)!) shown.add(id);
    }
    expect(shown.size).toBeGreaterThan(CANVAS_FROM_NODES);

    await page.goto(`${server.url}/?node=biology&expand=${expand.join(',')}`);
    const canvas = page.locator('#graph canvas');
    await canvas.waitFor();
    expect(await canvas.getAttribute('aria-label')).toBe(
      `Graph of Biology and ${shown.size - 1} connected nodes`,
    );
    expect(await page.locator('#graph svg').count()).toBe(0);
    expect(await page.locator('.graph-outline summary').textContent()).toContain(`${shown.size} nodes`);
    await page.screenshot({ path: `${SHOTS}/explore-canvas.png`, fullPage: true });
  });

  it('puts nodes straight in their places when reduced motion is preferred', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/?node=biology`);
    await page.locator('#graph .node[data-id="environmental-science"]').click();
    const hydrologist = page.locator('#graph .node[data-id="hydrologist"]');
    await hydrologist.waitFor();
    // Without the preference, a new node glides from where its parent was for 450 ms.
    const first = await hydrologist.getAttribute('transform');
    await page.waitForTimeout(150);
    expect(await hydrologist.getAttribute('transform')).toBe(first);
  });
  it('runs every main view under the Content-Security-Policy without a violation', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    // The browser also fires an event per violation, including ones it does not log.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.locator('#graph .node[data-id="environmental-science"]').click();
    await page.locator('#graph .node[data-id="hydrologist"]').waitFor();
    for (const view of [
      '?view=careers&subject=biology&via=environmental-science',
      '?view=present&subject=biology&step=1',
      '?view=quiz',
      '?view=skills&have=data-analysis&enjoy=biology',
      '?view=compare&careers=hydrologist,environmental-scientist',
      '?view=curate',
    ]) {
      await page.goto(`${server.url}/${view}`, { waitUntil: 'networkidle' });
    }
    // The Canvas renderer and its layout worker, past the node threshold.
    type Hood = { neighbourhood: { nodes: { id: string }[] } };
    const around = async (id: string) =>
      (
        await postGraphQL<Hood>(
          server.url,
          `{ neighbourhood(id: "${id}", depth: 1, first: 30) { nodes { id } } }`,
        )
      ).data!.neighbourhood.nodes.map((n) => n.id);
    const shown = new Set(await around('biology'));
    const expand: string[] = [];
    for (const id of [...shown]) {
      if (shown.size > CANVAS_FROM_NODES || expand.length >= MAX_EXPANDED) break;
      if (id === 'biology') continue;
      expand.push(id);
      for (const n of await around(id)) shown.add(n);
    }
    await page.goto(`${server.url}/?node=biology&expand=${expand.join(',')}`);
    if (shown.size > CANVAS_FROM_NODES) await page.locator('#graph canvas').waitFor();
    await page.waitForTimeout(500);
    expect(violations).toEqual([]);
  });
});

function drawnIds(page: Page): Promise<(string | null)[]> {
  return page.$$eval('#graph svg .node', (nodes) => nodes.map((n) => n.getAttribute('data-id')).sort());
}
