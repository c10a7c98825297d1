/**
 * Imported first by bench/run.ts, before any handler module: the handlers' logger and metrics are
 * made when their module loads, so the runtime's `logLevel` option (set later, at start) came too
 * late and every section logged at INFO and wrote EMF metrics — CPU that the sections' figures
 * then counted (about a tenth of the runtime's CPU in the rsvp burst). As in vitest.config.ts.
 */
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
