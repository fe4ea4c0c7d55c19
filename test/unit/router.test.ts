// The router's pure parts: the newest-load guard, the URL codec the registry builds, and the registry's
// promises (one container per view, every view's link read back as the same state).
import { describe, expect, it } from 'vitest';
import { createLoadGuard } from '../../client/src/router/newest.ts';
import { URL_CODEC, VIEWS, readState, stateToSearch, type View } from '../../client/src/router/registry.ts';
import { count, ids, name, optional, required, urlCodec } from '../../client/src/state/url-state.ts';

describe('the newest-load guard', () => {
  it('lets only the newest load draw, and aborts the ones before it', () => {
    const guard = createLoadGuard();
    const first = guard.begin();
    expect(first.isCurrent()).toBe(true);
    const second = guard.begin();
    expect(first.isCurrent()).toBe(false);
    expect(first.signal.aborted).toBe(true);
    expect(second.isCurrent()).toBe(true);
    expect(second.signal.aborted).toBe(false);
  });

  it('is one guard for every view: a load in another view retires the older one too', () => {
    const guard = createLoadGuard();
    const loads = Array.from({ length: 5 }, () => guard.begin());
    expect(loads.map((l) => l.isCurrent())).toEqual([false, false, false, false, true]);
  });
});

describe('a URL codec', () => {
  type State = {
    view: 'a' | 'b';
    node: string;
    expand: string[];
    subject: string;
    step: number;
    plan: string | null;
  };
  const codec = urlCodec<'a' | 'b', State>({
    a: { node: name('home'), expand: ids(5, 'node') },
    b: { subject: required('home'), step: count(), plan: optional() },
  });

  it('writes the view only when it is not the first, and each view only its own parameters, in order', () => {
    const state = codec.read('?node=x&expand=y&subject=s');
    expect(codec.write(state)).toBe('?node=x&expand=y');
    expect(codec.write({ ...state, view: 'b', step: 2, plan: 'p' })).toBe('?view=b&subject=s&step=2&plan=p');
    expect(codec.write({ ...state, view: 'b' })).toBe('?view=b&subject=s');
  });

  it('reads every parameter whatever the view, with defaults for the missing ones', () => {
    expect(codec.read('?view=b&node=x')).toEqual({
      view: 'b',
      node: 'x',
      expand: [],
      subject: 'home',
      step: 0,
      plan: null,
    });
    expect(codec.read('?view=nowhere').view).toBe('a');
  });

  it('starts a parameter afresh when the one it belongs to changes, unless it is given too', () => {
    const state = codec.read('?node=x&expand=y,z');
    expect(codec.apply(state, { node: 'w' }).expand).toEqual([]);
    expect(codec.apply(state, { node: 'w', expand: ['v'] }).expand).toEqual(['v']);
    expect(codec.apply(state, { node: 'x' }).expand).toEqual(['y', 'z']);
    expect(codec.apply(state, { view: 'b' }).expand).toEqual(['y', 'z']);
  });
});

describe('the view registry', () => {
  const views = Object.keys(VIEWS) as View[];

  it('starts at the explorer, and a link to an unknown view opens it', () => {
    expect(views[0]).toBe('explore');
    expect(readState({ search: '?view=nowhere' }).view).toBe('explore');
  });

  it('reads back every view from its own link', () => {
    for (const view of views) {
      const state = { ...readState({ search: '' }), view };
      const search = stateToSearch(state);
      expect(readState({ search })).toEqual(state);
      expect(search.includes('view=')).toBe(view !== 'explore');
    }
  });

  it('keeps a new centre from inheriting the old centre’s expansions', () => {
    const state = readState({ search: '?node=biology&expand=environmental-science' });
    expect(URL_CODEC.apply(state, { node: 'hydrologist' }).expand).toEqual([]);
    expect(URL_CODEC.apply(state, { kinds: ['CAREER'] }).expand).toEqual(['environmental-science']);
  });

  it('names every container by its heading or a label, so each view is a labelled landmark', () => {
    for (const view of views) {
      const { labelledBy, label, build } = VIEWS[view].container;
      // The explorer's panels are labelled one by one; every other view is one labelled section.
      if (build) continue;
      expect(Boolean(labelledBy) || Boolean(label)).toBe(true);
    }
  });
});
