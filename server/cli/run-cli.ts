// How every command-line tool ends: a problem the person can fix is one line and exit code 1;
// anything else is a bug and keeps its stack trace.
import { ConfigError } from '../config.ts';
import { StartupError } from '../errors.ts';

/** A mistake in how the command was called, or in what it was given. */
export class UsageError extends Error {}

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const known =
      error instanceof UsageError ||
      error instanceof ConfigError ||
      error instanceof StartupError ||
      // node:util parseArgs reports unknown or malformed options this way.
      (error instanceof TypeError && 'code' in error);
    if (!known) throw error;
    console.error(`[pathways] ${error.message}`);
    process.exitCode = 1;
  }
}
