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
  /** Nodes the renderer was asked to open (clicks), so a check of the page can see clicks arrive. */
  opened: string[];
  error?: string;
}

declare global {
  interface Window {
    __fps?: FpsRecord;
    /**
     * Pans the Canvas graph with one mouse move per animation frame for `ms`, as a person dragging the
     * background would; resolves with the frames drawn per second meanwhile.
     */
    __fpsPan?: (ms: number) => Promise<number>;
  }
}
