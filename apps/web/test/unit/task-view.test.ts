import { describe, expect, it } from 'vitest';
import {
  defaultView,
  isFiltered,
  viewFromSearch,
  viewToQuery,
  viewToSearch,
} from '../../lib/task-view';

describe('task view in the address bar', () => {
  it('keeps a plain address for the default view', () => {
    expect(viewToSearch(defaultView)).toBe('');
    expect(viewFromSearch('')).toEqual(defaultView);
  });

  it('round-trips filters, search and sort', () => {
    const view = {
      ...defaultView,
      status: 'pending',
      priority: 'high',
      tag: 'home',
      due: 'today',
      q: 'milk & eggs',
      sort: 'due',
      order: 'desc',
    } as const;
    expect(viewFromSearch(viewToSearch(view))).toEqual(view);
  });

  it('leaves the natural order of a sort out of the address', () => {
    expect(viewToSearch({ ...defaultView, sort: 'due', order: 'asc' })).toBe('?sort=due');
  });

  it('ignores values it does not know, and normalises tags like the server', () => {
    expect(viewFromSearch('?status=maybe&priority=urgent&due=soon&sort=size&tag=%23Home')).toEqual({
      ...defaultView,
      tag: 'home',
    });
  });

  it('asks the API for exactly the view', () => {
    expect(viewToQuery({ ...defaultView, q: '  milk ', tag: 'home' }, 'Asia/Karachi')).toEqual({
      status: 'all',
      priority: undefined,
      tag: 'home',
      due: undefined,
      q: 'milk',
      sort: 'created',
      order: 'desc',
      tz: 'Asia/Karachi',
      limit: 200,
    });
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered(defaultView)).toBe(false);
    expect(isFiltered({ ...defaultView, q: 'x' })).toBe(true);
    expect(isFiltered({ ...defaultView, q: '   ' })).toBe(false);
  });
});
