/**
 * Scores only: an alias for `bench-extract.ts --no-time` (kept so `npm run score` works).
 *   npm run score -- -v
 */
process.argv.push('--no-time');
await import('./bench-extract');

export {};
