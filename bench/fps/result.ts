// What the bench page records and the bench runner reads back through page.evaluate.
export interface FpsRecord {
  renderer: 'canvas' | 'svg';
  nodes: number;
  edges: number;
  /** performance.now() just before the renderer was called. */
  startedAt: number;
  /** When the layout had settled and its frame was drawn; for SVG, the first frame after the synchronous render. */
  settledAt?: number;
  /** Every requestAnimationFrame callback of the page's own counter, from startedAt on. */
  frames: number[];
  /** The Canvas renderer's own count of frames it drew, when the layout settled. */
  framesDrawn?: number;
  done: boolean;
  error?: string;
}

declare global {
  interface Window {
    __fps?: FpsRecord;
  }
}
