import { chineseDateTime, maskCaseNumber } from './rating-labels';

describe('rating texts', () => {
  it.each([
    ['JX-2026-000123', 'JX-2******0123'],
    ['AB123456', '****3456'],
    ['1234', '****'],
    ['T-0A1B2C3D4E', 'T-0A****3D4E'],
  ])('masks case number %s as %s', (caseNumber, masked) => expect(maskCaseNumber(caseNumber)).toBe(masked));

  it.each([
    ['2026-03-09T02:00:00Z', '2026年3月9日 10:00'],
    ['2026-12-31T16:30:00Z', '2027年1月1日 00:30'],
  ])('writes %s as Shanghai time %s', (instant, text) => expect(chineseDateTime(new Date(instant))).toBe(text));
});
