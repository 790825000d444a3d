/** Progress lines of the start and test commands: one prefix, so they stand out among the services' output. */
export function say(message: string): void {
  process.stdout.write(`[haochaping] ${message}\n`);
}

export function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
