// The hooks every browser test file needs: one API server and one Chromium per file, a fresh context
// and page per test, everything closed after. Returns a session whose fields are set once hooks ran.
import { mkdirSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './http-server.ts';
import { testDriver } from './neo4j.ts';

/** Screenshots of each main view land here (git-ignored) for people to look at. */
export const SHOTS = 'test-results/screenshots';

export interface BrowserSession {
  driver: Driver;
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    session.driver = testDriver();
    session.server = await startTestServer(session.driver);
    session.browser = await launchBrowser();
  });
  beforeEach(async () => {
    session.context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    session.page = await session.context.newPage();
  });
  afterEach(async () => {
    await session.context?.close();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    await session.driver?.close();
  });
  return session;
}
