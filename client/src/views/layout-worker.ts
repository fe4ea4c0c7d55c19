// Runs the seeded force layout off the main thread, so a 2,000-node graph never blocks drawing or input:
// the main thread sends the graph once, then only pointer holds; this worker sends back positions.
import { createLayoutRunner, type LayoutLink, type LayoutRunner } from './layout.ts';

export type ToWorker =
  | {
      type: 'start';
      ids: string[];
      links: LayoutLink[];
      centerId: string;
      /** Settle in one go and post once: nothing on screen moves. */
      reducedMotion: boolean;
    }
  /** Pin a node under the pointer (layout coordinates) and keep the layout moving around it. */
  | { type: 'hold'; index: number; x: number; y: number }
  /** The pointer let go: the node stays where it was dropped and the rest settles. */
  | { type: 'release' }
  /** Move a node without animating anything else (reduced motion). */
  | { type: 'place'; index: number; x: number; y: number };

export interface FromWorker {
  type: 'positions';
  /** x0, y0, x1, y1… in the order of `ids` in the start message; transferred, not copied. */
  positions: Float32Array;
  settled: boolean;
  ticks: number;
}

/**
 * Two ticks per 60 Hz frame: the layout unfolds over about 2.5 s (d3's own timer takes 5 s), and no
 * faster, so it reads as movement rather than a jump; a slower machine simply takes longer.
 */
const TICKS_PER_SECOND = 120;
/** Stop ticking after this long in one go, so hold and release messages are not kept waiting. */
const SLICE_MS = 16;

let runner: LayoutRunner | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let clock = { since: 0, ticksAtStart: 0 };

function post(settled: boolean): void {
  if (!runner) return;
  const positions = runner.positions();
  const message: FromWorker = { type: 'positions', positions, settled, ticks: runner.ticks() };
  postMessage(message, { transfer: [positions.buffer] });
}

function run(): void {
  timer = undefined;
  if (!runner) return;
  const now = performance.now();
  const due =
    Math.floor(((now - clock.since) * TICKS_PER_SECOND) / 1000) - (runner.ticks() - clock.ticksAtStart);
  const settled = runner.step(Math.max(1, due), now + SLICE_MS);
  post(settled);
  if (settled) return;
  // Sleep only until the next tick is due: a worker that is behind (a big graph, a busy machine) goes on at once.
  const next = clock.since + ((runner.ticks() - clock.ticksAtStart + 1) * 1000) / TICKS_PER_SECOND;
  timer = setTimeout(run, Math.max(0, next - performance.now()));
}

function wake(): void {
  if (timer !== undefined || !runner) return;
  clock = { since: performance.now(), ticksAtStart: runner.ticks() };
  timer = setTimeout(run, 0);
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      runner = createLayoutRunner(message.ids, message.links, message.centerId);
      if (message.reducedMotion) {
        runner.step(Infinity);
        post(true);
      } else {
        wake();
      }
      break;
    case 'hold':
      runner?.hold(message.index, message.x, message.y);
      wake();
      break;
    case 'release':
      runner?.release();
      wake();
      break;
    case 'place':
      runner?.place(message.index, message.x, message.y);
      break;
  }
});
