import { describe, expect, it } from '@jest/globals';
import { summariseByHall } from './supervision-summary';

describe('超期督办 by hall', () => {
  it('counts each case once, by overdue and level, the halls with county escalations first', () => {
    const rows = summariseByHall([
      { id: 'a', hallCode: 'jintun', hallName: '金屯镇', overdue: true, escalationLevel: 1 },
      { id: 'a', hallCode: 'jintun', hallName: '金屯镇', overdue: true, escalationLevel: 1 },
      { id: 'b', hallCode: 'jintun', hallName: '金屯镇', overdue: false, escalationLevel: 1 },
      { id: 'c', hallCode: 'zhifang', hallName: '纸坊镇', overdue: true, escalationLevel: 2 },
    ]);
    expect(rows).toEqual([
      { hallCode: 'zhifang', hallName: '纸坊镇', overdue: 1, level1: 0, level2: 1, total: 1 },
      { hallCode: 'jintun', hallName: '金屯镇', overdue: 1, level1: 2, level2: 0, total: 2 },
    ]);
  });
});
