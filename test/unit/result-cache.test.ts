// The result cache's rules, without a database: what is served again, what joins a read on its way,
// and what a version change or an invalidation throws away.
import { describe, expect, it } from 'vitest';
import { watchGraphVersion } from '../../server/graph/graph-version.ts';
import { ResultCache, type GraphVersion } from '../../server/graph/result-cache.ts';

/** A load that counts its calls and can be held open until released. */
function loader<T>(rows: T[]) {
  let calls = 0;
  let release: (() => void) | undefined;
  let held = false;
  return {
    load: async () => {
      calls += 1;
      if (held) await new Promise<void>((resolve) => (release = resolve));
      return rows.map((row) => ({ ...row }));
    },
    hold: () => (held = true),
    release: () => {
      held = false;
      release?.();
    },
    calls: () => calls,
  };
}

const ready = (version: GraphVersion = '1:0') => {
  const cache = new ResultCache(10);
  cache.observe(version);
  return cache;
};

describe('ResultCache', () => {
  it('serves a read again at the same version, and keeps keys apart', async () => {
    const cache = ready();
    const a = loader([{ id: 'a' }]);
    const b = loader([{ id: 'b' }]);
    const first = await cache.read('k1', a.load);
    expect(await cache.read('k1', a.load)).toBe(first);
    expect(await cache.read('k2', b.load)).toEqual([{ id: 'b' }]);
    expect([a.calls(), b.calls()]).toEqual([1, 1]);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 2 });
  });

  it('lets identical reads that arrive together share one load', async () => {
    const cache = ready();
    const a = loader([{ id: 'a' }]);
    a.hold();
    const together = [cache.read('k', a.load), cache.read('k', a.load), cache.read('k', a.load)];
    a.release();
    const results = await Promise.all(together);
    expect(a.calls()).toBe(1);
    expect(results[1]).toBe(results[0]);
    expect(cache.stats().joined).toBe(2);
  });

  it('reads again after an invalidation or a new version, not before', async () => {
    const cache = ready('1:0');
    const a = loader([{ id: 'a' }]);
    await cache.read('k', a.load);
    cache.observe('1:0');
    await cache.read('k', a.load);
    expect(a.calls()).toBe(1);
    cache.observe('2:0');
    await cache.read('k', a.load);
    expect(a.calls()).toBe(2);
    cache.invalidate();
    await cache.read('k', a.load);
    expect(a.calls()).toBe(3);
  });

  it('never keeps a read that was on its way when the graph changed', async () => {
    const cache = ready();
    const a = loader([{ id: 'old' }]);
    a.hold();
    const before = cache.read('k', a.load);
    cache.invalidate();
    a.release();
    await before;
    const fresh = loader([{ id: 'new' }]);
    expect(await cache.read('k', fresh.load)).toEqual([{ id: 'new' }]);
    expect(fresh.calls()).toBe(1);
  });

  it('caches nothing while the version is unknown (the database could not be asked)', async () => {
    const cache = new ResultCache(10);
    const a = loader([{ id: 'a' }]);
    await cache.read('k', a.load);
    await cache.read('k', a.load);
    cache.observe('1:0');
    await cache.read('k', a.load);
    await cache.read('k', a.load);
    cache.observe(null);
    await cache.read('k', a.load);
    expect(a.calls()).toBe(4);
  });

  it('does not keep a failed read, and hands out frozen rows', async () => {
    const cache = ready();
    await expect(cache.read('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    const rows = await cache.read('k', loader([{ id: 'a', tags: ['x'] }]).load);
    expect(Object.isFrozen(rows)).toBe(true);
    expect(() => (rows[0] as { tags: string[] }).tags.push('y')).toThrow(TypeError);
  });

  it('evicts the least recently used entry beyond its size', async () => {
    const cache = new ResultCache(2);
    cache.observe('1:0');
    const a = loader([{ id: 'a' }]);
    await cache.read('a', a.load);
    await cache.read('b', loader([{ id: 'b' }]).load);
    await cache.read('c', loader([{ id: 'c' }]).load);
    await cache.read('a', a.load);
    expect(a.calls()).toBe(2);
  });
});

describe('ResultCache byte budget', () => {
  it('keeps what fits in its bytes, evicting the least recently used, and never keeps an answer heavier than all of it', async () => {
    // Each answer weighs 2 × its 152 characters of JSON: three fit in 1,000 bytes, not four.
    const answer = (id: string) => [{ id, text: id.repeat(130) }];
    const cache = new ResultCache(1_000, 1_000);
    cache.observe('1:0');
    const a = loader(answer('a'));
    await cache.read('a', a.load);
    await cache.read('b', loader(answer('b')).load);
    await cache.read('c', loader(answer('c')).load);
    expect(cache.stats().entries).toBe(3);
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    await cache.read('d', loader(answer('d')).load);
    expect(cache.stats().bytes).toBeLessThanOrEqual(1_000);
    await cache.read('a', a.load);
    expect(a.calls()).toBe(2);

    const huge = loader([{ id: 'h', text: 'h'.repeat(10_000) }]);
    expect(await cache.read('h', huge.load)).toHaveLength(1);
    await cache.read('h', huge.load);
    expect(huge.calls()).toBe(2);
  });
});

describe('watchGraphVersion', () => {
  it('reports the version at once, then on every poll, until stopped', async () => {
    const versions: GraphVersion[] = ['1:0', null, '2:0'];
    const seen: GraphVersion[] = [];
    let reads = 0;
    const watch = watchGraphVersion(
      () => Promise.resolve(versions[Math.min(reads++, versions.length - 1)] ?? null),
      5,
      (v) => seen.push(v),
    );
    await watch.ready;
    expect(seen).toEqual(['1:0']);
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(3);
    watch.stop();
    const count = seen.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen.length).toBe(count);
    expect(seen.slice(0, 3)).toEqual(['1:0', null, '2:0']);
  });
});
