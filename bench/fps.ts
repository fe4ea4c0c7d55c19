// `npm run bench:fps`: frames per second in Chromium while the graph layout runs, at 500 and 2,000
// nodes, for the Canvas renderer (layout in a worker) and, as a baseline, the SVG renderer at 500.
// Builds bench/fps/ with Vite into .cache/bench-fps, serves it on 127.0.0.1 and drives Debian's Chromium.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../test/support/browser.ts';
import type { FpsRecord } from './fps/result.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.cache', 'bench-fps');
const SCREENSHOT = join(ROOT, 'test-results', 'bench-fps-2000.png');
const TARGET_FPS = 30;
/** Give up on a case that has not settled by then: the layout is meant to take seconds, not minutes. */
const CASE_TIMEOUT_MS = 90_000;
const PAN_MS = 2000;

interface Case {
  label: string;
  renderer: 'canvas' | 'svg';
  n: number;
  reduced: boolean;
}
const CASES: Case[] = [
  { label: 'SVG (baseline, layout on main thread)', renderer: 'svg', n: 500, reduced: false },
  { label: 'Canvas + worker', renderer: 'canvas', n: 500, reduced: false },
  { label: 'Canvas + worker', renderer: 'canvas', n: 2000, reduced: false },
  { label: 'Canvas + worker, reduced motion', renderer: 'canvas', n: 2000, reduced: true },
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith(sep) ? join(path, 'index.html') : path;
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

interface Figures {
  edges: number;
  fps: number;
  worstSecondFps: number | undefined;
  drawnFps: number | undefined;
  longestFrameMs: number;
  settleMs: number;
  /** Frames drawn per second while a person pans the settled graph. */
  panFps?: number | undefined;
}

/** Frames over the time the layout ran (at least one second, so a quick settle still has a window). */
function figures(r: FpsRecord): Figures {
  if (r.settledAt === undefined) throw new Error('the page never reported the layout settled');
  const settleMs = r.settledAt - r.startedAt;
  const end = r.startedAt + Math.max(1000, settleMs);
  const times = r.frames.filter((t) => t <= end);
  const seconds = (end - r.startedAt) / 1000;
  let worst: number | undefined;
  // Every one-second window that starts at the clock's start or at a frame and fits in the run.
  for (const from of [r.startedAt, ...times]) {
    if (from + 1000 > end) break;
    const inWindow = times.filter((t) => t >= from && t < from + 1000).length;
    worst = Math.min(worst ?? Infinity, inWindow);
  }
  let previous = r.startedAt;
  let longest = 0;
  for (const t of times) {
    longest = Math.max(longest, t - previous);
    previous = t;
  }
  return {
    edges: r.edges,
    fps: times.length / seconds,
    worstSecondFps: worst,
    drawnFps: r.framesDrawn === undefined ? undefined : r.framesDrawn / Math.max(1, settleMs / 1000),
    longestFrameMs: longest,
    settleMs,
  };
}

/** Frames drawn per second while the settled graph is panned for PAN_MS, one move per frame. */
async function pan(page: Page): Promise<number> {
  return page.evaluate(async (ms) => {
    if (!window.__fpsPan) throw new Error('the bench page has no pan driver');
    return window.__fpsPan(ms);
  }, PAN_MS);
}

async function measure(browser: Browser, base: string, c: Case, screenshot?: string): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  try {
    await page.goto(`${base}/index.html?n=${c.n}&renderer=${c.renderer}&reduced=${c.reduced ? 1 : 0}`);
    // Poll on a timer, not on animation frames, so the wait adds nothing to the frames being counted.
    await page.waitForFunction(() => window.__fps?.done === true, null, {
      timeout: CASE_TIMEOUT_MS,
      polling: 250,
    });
    const record = await page.evaluate(() => window.__fps);
    if (!record) throw new Error('the bench page recorded nothing');
    if (record.error) problems.push(record.error);
    if (problems.length) throw new Error(problems.join('\n'));
    if (screenshot) {
      mkdirSync(join(screenshot, '..'), { recursive: true });
      await page.screenshot({ path: screenshot });
    }
    const panned = c.renderer === 'canvas' && !c.reduced ? await pan(page) : undefined;
    return { ...figures(record), panFps: panned };
  } catch (error) {
    throw new Error(`${c.label} at ${c.n} nodes: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  } finally {
    await page.close();
  }
}

const cell = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));

async function main(): Promise<void> {
  process.stdout.write('Building the bench page into .cache/bench-fps…\n');
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'fps'),
    base: './',
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true },
  });
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  const loadBefore = load();
  const server = await serve(OUT);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rows: { c: Case; f: Figures }[] = [];
    for (const c of CASES) {
      process.stdout.write(`  ${c.label}, ${c.n} nodes…\n`);
      const shot = c.renderer === 'canvas' && c.n === 2000 && !c.reduced ? SCREENSHOT : undefined;
      rows.push({ c, f: await measure(browser, base, c, shot) });
    }

    const head = [
      'renderer',
      'nodes',
      'edges',
      'fps',
      'worst 1 s',
      'drawn/s',
      'longest frame',
      'settle',
      'pan fps',
    ];
    const widths = [38, 6, 6, 6, 10, 8, 14, 9, 8];
    const line = (cells: string[]) =>
      cells.map((s, i) => (i === 0 ? s.padEnd(widths[i] ?? 0) : s.padStart(widths[i] ?? 0))).join('  ');
    console.log(`\n${line(head)}`);
    for (const { c, f } of rows) {
      console.log(
        line([
          c.label,
          String(c.n),
          String(f.edges),
          cell(f.fps, 1),
          cell(f.worstSecondFps),
          cell(f.drawnFps, 1),
          `${cell(f.longestFrameMs)} ms`,
          `${(f.settleMs / 1000).toFixed(2)} s`,
          cell(f.panFps),
        ]),
      );
    }
    console.log(
      '\nfps: requestAnimationFrame callbacks per second from the render call until the layout settled (at' +
        ' least 1 s);\nworst 1 s: the fewest frames in any one-second window of that time; drawn/s: frames the' +
        ' Canvas renderer drew;\npan fps: frames drawn per second while the settled graph is panned for 2 s, one mouse move per frame.\nHeadless Chromium with --disable-gpu (software raster); 2 shared cores, so' +
        ' figures vary from run to run.',
    );
    console.log(`Load average (1 min) on ${cpus().length} cores: ${loadBefore} before, ${load()} after.`);
    const big = rows.find(({ c }) => c.renderer === 'canvas' && c.n === 2000 && !c.reduced);
    const met = big !== undefined && big.f.fps >= TARGET_FPS;
    console.log(
      `\nTarget (issue 5): ≥ ${TARGET_FPS} fps at 2,000 nodes while the layout runs: ${met ? 'met' : 'MISSED'}` +
        ` (${cell(big?.f.fps, 1)} fps, worst second ${cell(big?.f.worstSecondFps)}).`,
    );
    console.log(`Screenshot of the 2,000-node page: ${SCREENSHOT}`);
    if (!met && process.env.BENCH_FPS_STRICT === '1') process.exitCode = 2;
  } finally {
    await browser?.close();
    await new Promise((done) => server.close(done));
  }
}

main().catch((error: unknown) => {
  console.error(`bench:fps failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
