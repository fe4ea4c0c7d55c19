// The e2e tests drive Debian's Chromium. Install it with apt when it is missing, so
// `npm install && npm test` works on a fresh machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

if (!existsSync(CHROMIUM)) {
  console.log(`[pathways] ${CHROMIUM} is missing: installing Debian's chromium for the browser tests…`);
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]) => (asRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', 'chromium']) || !existsSync(CHROMIUM)) {
    console.error(
      '[pathways] Could not install chromium. Install it yourself (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.',
    );
    process.exit(1);
  }
}
