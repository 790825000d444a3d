import { fieldChanges } from './master-data-audit';
import { parseWindowId, windowId } from './service-windows.service';

describe('fieldChanges (what an edit changes, for its audit line)', () => {
  it('names only the fields given and different, with their values before and after', () => {
    expect(fieldChanges({ name: '综合受理窗口', kind: 'TOWN' }, { name: '不动产登记窗口', kind: 'TOWN' })).toEqual({
      changed: ['name'],
      before: { name: '综合受理窗口' },
      after: { name: '不动产登记窗口' },
    });
  });

  it('is undefined when nothing changes: fields left out, or the same office hours in jsonb key order', () => {
    expect(fieldChanges({ name: '金屯镇' }, { name: undefined })).toBeUndefined();
    const stored = { officeHours: { 1: [{ end: '12:00', start: '09:00' }] } };
    expect(fieldChanges(stored, { officeHours: { 1: [{ start: '09:00', end: '12:00' }] } })).toBeUndefined();
  });

  it('records a window taken away as null', () => {
    const stored: { windowCode: string | null } = { windowCode: 'W01' };
    expect(fieldChanges(stored, { windowCode: null })).toEqual({ changed: ['windowCode'], before: { windowCode: 'W01' }, after: { windowCode: null } });
  });
});

describe('window ids', () => {
  it.each([
    ['jintun', 'W01', 'jintun-W01'],
    ['jintun', 'W-01', 'jintun-W-01'],
  ])('%s + %s ↔ %s', (hallCode, windowCode, id) => {
    expect(windowId(hallCode, windowCode)).toBe(id);
    expect(parseWindowId(id)).toEqual({ hallCode, windowCode });
  });

  it.each(['jintun', '-W01', 'jintun-'])('%s is no window id', (id) => {
    expect(parseWindowId(id)).toBeUndefined();
  });
});
