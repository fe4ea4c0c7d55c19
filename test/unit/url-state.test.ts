import { describe, expect, it } from 'vitest';
import { readState, stateToSearch, type ViewState } from '../../client/src/router/registry.ts';
import { DEFAULT_NODE, MAX_EXPANDED } from '../../client/src/state/url-state.ts';

const base: ViewState = {
  view: 'explore',
  node: DEFAULT_NODE,
  subject: DEFAULT_NODE,
  via: null,
  step: 0,
  kinds: null,
  expand: [],
  from: null,
  to: null,
  hops: 4,
  have: [],
  enjoy: [],
  careers: [],
  plan: null,
};

describe('URL state', () => {
  it.each<[string, Partial<ViewState>, string]>([
    ['an explored node', { node: 'hydrologist' }, '?node=hydrologist'],
    ['careers from a subject', { view: 'careers', subject: 'chemistry' }, '?view=careers&subject=chemistry'],
    [
      'careers through a field',
      { view: 'careers', subject: 'biology', via: 'environmental-science' },
      '?view=careers&subject=biology&via=environmental-science',
    ],
    [
      'a kind filter',
      { node: 'hydrologist', kinds: ['FIELD', 'CAREER'] },
      '?node=hydrologist&kinds=field,career',
    ],
    [
      'nodes expanded in place',
      { node: 'biology', expand: ['environmental-science', 'hydrologist'] },
      '?expand=environmental-science,hydrologist',
    ],
    [
      'a path between two nodes',
      { view: 'paths', from: 'music', to: 'data-scientist', hops: 5 },
      '?view=paths&from=music&to=data-scientist&hops=5',
    ],
    [
      'skills and subjects picked',
      { view: 'skills', have: ['data-analysis', 'writing'], enjoy: ['geography'] },
      '?view=skills&have=data-analysis,writing&enjoy=geography',
    ],
    ['the interests quiz', { view: 'quiz' }, '?view=quiz'],
    [
      'careers compared',
      { view: 'compare', careers: ['hydrologist', 'environmental-scientist'] },
      '?view=compare&careers=hydrologist,environmental-scientist',
    ],
    [
      'a saved plan',
      { view: 'plan', plan: 'q1w2e3r4t5y6u7i8o9p0aZ' },
      '?view=plan&plan=q1w2e3r4t5y6u7i8o9p0aZ',
    ],
    [
      'a presentation step',
      { view: 'present', subject: 'physics', step: 3 },
      '?view=present&subject=physics&step=3',
    ],
  ])('round-trips %s through the query string', (_name, change, search) => {
    const state = { ...base, ...change };
    expect(stateToSearch(state)).toBe(search);
    expect(readState({ search })).toEqual(state);
  });

  it('starts at the default view and keeps its URL clean', () => {
    expect(readState({ search: '' })).toEqual(base);
    expect(readState({ search: '?node=%20' })).toEqual(base);
    expect(stateToSearch(base)).toBe('');
  });

  it('ignores what does not belong to the view, and nonsense', () => {
    expect(stateToSearch({ ...base, via: 'medicine', step: 4 })).toBe('');
    expect(readState({ search: '?view=admin&step=-2' })).toEqual(base);
    expect(readState({ search: '?view=present&step=1.5' })).toEqual({ ...base, view: 'present' });
    expect(readState({ search: '?kinds=robot,career' })).toEqual({ ...base, kinds: ['CAREER'] });
    expect(readState({ search: '?view=paths&hops=9' })).toEqual({ ...base, view: 'paths' });
    expect(readState({ search: '?kinds=subject,field,skill,career,course,application' })).toEqual(base);
    expect(readState({ search: '?expand=a,,b,a, ' })).toEqual({ ...base, expand: ['a', 'b'] });
    expect(stateToSearch({ ...base, view: 'paths', expand: ['a'] })).toBe('?view=paths');
  });

  it('keeps picks to their own view and caps compared careers at three', () => {
    expect(stateToSearch({ ...base, have: ['writing'], careers: ['a', 'b'], plan: 'x' })).toBe('');
    expect(readState({ search: '?view=compare&careers=a,b,c,d' }).careers).toEqual(['a', 'b', 'c']);
    expect(readState({ search: '?view=skills&have=a,,a,b' }).have).toEqual(['a', 'b']);
  });

  it('keeps at most MAX_EXPANDED expanded nodes', () => {
    const many = Array.from({ length: MAX_EXPANDED + 5 }, (_, i) => `n${i}`);
    expect(readState({ search: `?expand=${many.join(',')}` }).expand).toEqual(many.slice(0, MAX_EXPANDED));
  });
});
