import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE, readState, stateToSearch } from '../../client/src/state/url-state.ts';

describe('URL state', () => {
  it('round-trips the selected node through the query string', () => {
    const search = stateToSearch({ node: 'hydrologist' });
    expect(search).toBe('?node=hydrologist');
    expect(readState({ search })).toEqual({ node: 'hydrologist' });
  });

  it('starts at the default node and keeps its URL clean', () => {
    expect(readState({ search: '' })).toEqual({ node: DEFAULT_NODE });
    expect(readState({ search: '?node=%20' })).toEqual({ node: DEFAULT_NODE });
    expect(stateToSearch({ node: DEFAULT_NODE })).toBe('');
  });
});
