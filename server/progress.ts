// Start-up progress for people watching a terminal: one plain line per step.
export type Progress = (message: string) => void;

export const printProgress: Progress = (message) => {
  process.stdout.write(`[pathways] ${message}\n`);
};

export const silentProgress: Progress = () => undefined;
