// Where reads go on a cluster: ordinary reads to any member, with this process's bookmarks; reads that
// must see another API server's writes (a session, a plan) to the leader, where writes go.
import type { Driver, SessionConfig } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { findSession } from '../../server/graph/accounts.ts';
import { readQuery, type GraphContext } from '../../server/graph/executor.ts';

function recordingDriver(): { driver: Driver; opened: SessionConfig[] } {
  const opened: SessionConfig[] = [];
  const bookmarks = { marker: 'bookmarks' };
  const driver = {
    executeQueryBookmarkManager: bookmarks,
    session(config: SessionConfig) {
      opened.push(config);
      return { run: async () => ({ records: [] }), close: async () => undefined };
    },
  } as unknown as Driver;
  return { driver, opened };
}

describe('read routing', () => {
  it('sends ordinary reads to any member, with the process-wide bookmark manager', async () => {
    const { driver, opened } = recordingDriver();
    const ctx: GraphContext = { driver, database: undefined, timeoutMs: 1_000 };
    await readQuery(ctx, 'RETURN 1', {});
    expect(opened).toEqual([
      expect.objectContaining({
        defaultAccessMode: 'READ',
        bookmarkManager: driver.executeQueryBookmarkManager,
      }),
    ]);
  });

  it('looks a session up where writes go, since another server may have made it a moment ago', async () => {
    const { driver, opened } = recordingDriver();
    await findSession({ driver, database: undefined, timeoutMs: 1_000 }, 'hash');
    expect(opened.map((c) => c.defaultAccessMode)).toEqual(['WRITE']);
  });
});
