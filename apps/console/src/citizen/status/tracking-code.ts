/** As the API stores it (@haochaping/privacy normalizeTrackingCode): upper case, no spaces or dashes. */
export function normalizeTrackingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** The last four digits as typed: digits only, at most four. */
export function normalizeLastFour(input: string): string {
  return input.replace(/\D/g, '').slice(0, 4);
}
