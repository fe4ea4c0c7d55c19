// `npm run user:add -- --email you@school.org --role admin`: creates a counsellor or admin account.
// The password comes from PATHWAYS_PASSWORD or, at a terminal, a prompt that does not echo it.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { ROLES, createUser } from '../graph/accounts.ts';
import { applyDatabaseSchema } from '../graph/database-schema.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { runCli, UsageError } from './run-cli.ts';

function askHidden(question: string): Promise<string> {
  // Readline echoes what it reads through `output`; a sink that drops it keeps the password off screen.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stdout.write(question);
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.PATHWAYS_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new UsageError('No terminal to ask for the password: set PATHWAYS_PASSWORD for this command.');
  }
  const first = await askHidden('Password (at least 12 characters): ');
  const again = await askHidden('The same password again: ');
  if (first !== again)
    throw new UsageError('The two passwords differ; nothing was created. Run the command again.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string', default: 'counsellor' } },
    strict: true,
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email)) {
    throw new UsageError(
      'Give the account an email: npm run user:add -- --email you@school.org --role admin',
    );
  }
  const role = ROLES.find((r) => r === values.role);
  if (!role) throw new UsageError(`--role must be ${ROLES.join(' or ')}; got "${values.role}".`);
  const password = await readPassword();
  const problem = passwordProblem(password, [email]);
  if (problem) throw new UsageError(problem);

  const config = loadConfig();
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  try {
    const ctx = { driver: database.driver, database: database.name, timeoutMs: config.queryTimeoutMs };
    await applyDatabaseSchema(ctx);
    const user = await createUser(ctx, { email, role, passwordHash: await hashPassword(password) });
    if (!user) throw new UsageError(`There is already an account for ${email}; nothing was changed.`);
    printProgress(`Created the ${role} account ${email}. Sign in at /?view=curate once the app is running.`);
  } finally {
    await database.close();
  }
}

await runCli(main);
