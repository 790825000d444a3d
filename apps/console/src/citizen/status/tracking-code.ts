/** The last four digits as typed: digits only, at most four. */
export function normalizeLastFour(input: string): string {
  return input.replace(/\D/g, '').slice(0, 4);
}
