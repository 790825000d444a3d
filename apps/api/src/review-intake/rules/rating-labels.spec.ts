import { maskCaseNumber } from './rating-labels';

describe('rating texts', () => {
  it.each([
    ['JX-2026-000123', 'JX-2******0123'],
    ['AB123456', '****3456'],
    ['1234', '****'],
    ['T-0A1B2C3D4E', 'T-0A****3D4E'],
  ])('masks case number %s as %s', (caseNumber, masked) => expect(maskCaseNumber(caseNumber)).toBe(masked));

});
