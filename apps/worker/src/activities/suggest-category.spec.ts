import { suggestCategory } from './rectification.activities';

describe('suggestCategory: the clocks that run until the handler verifies', () => {
  // position follows the 线下窗口 option set: A1–A3 立整立改 (0–2), B1–B5 限时整改 (3–7), C1–C2 协调整改 (8–9).
  const A1 = { suggestedCategory: 'IMMEDIATE', position: 0 };
  const A3 = { suggestedCategory: 'IMMEDIATE', position: 2 };
  const B1 = { suggestedCategory: 'TIME_LIMITED', position: 3 };
  const B3 = { suggestedCategory: 'TIME_LIMITED', position: 5 };
  const C1 = { suggestedCategory: 'COORDINATED', position: 8 };
  const C2 = { suggestedCategory: 'COORDINATED', position: 9 };

  it.each([
    ['no option', [], null],
    ['one option', [C1], 'COORDINATED'],
    ['the majority wins', [A1, B1, B3], 'TIME_LIMITED'],
    ['the majority wins even when listed later', [A1, C1, C2], 'COORDINATED'],
    ['a tie goes to the option listed first in the set', [C1, B3], 'TIME_LIMITED'],
    ['a tie between two pairs goes to the earlier pair', [B1, B3, A1, A3], 'IMMEDIATE'],
    ['unknown categories are ignored', [{ suggestedCategory: 'NONSENSE', position: 0 }, C2], 'COORDINATED'],
  ] as const)('%s', (_name, options, expected) => {
    expect(suggestCategory(options)).toBe(expected);
  });
});
