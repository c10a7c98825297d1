import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/** Debian's package (see .ci/install-chromium.sh); playwright-core downloads no browser of its own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Offline on purpose: every host name resolves to nothing, except the loopback names the local
 * runtime is reached by (`runtime.url` is `http://localhost:<port>`, the server listens on
 * 127.0.0.1). Without `EXCLUDE localhost` the MAP rule would swallow `localhost` too.
 */
export const hostResolverRules = 'MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // One argv entry: no shell in between, so no quotes around the value.
  `--host-resolver-rules=${hostResolverRules}`,
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

export const desktopViewport = { width: 1280, height: 800 };
export const phoneViewport = { width: 390, height: 844 };

/** A fresh desktop browser profile (no cookies); pass `locale` to set Accept-Language. */
export function desktopContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ viewport: desktopViewport, ...options });
}

/** A fresh phone-sized profile: 390×844, mobile viewport handling and touch. */
export function phoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: phoneViewport,
    screen: phoneViewport,
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    ...options,
  });
}

/** axe-core's result type, without importing axe-core (a dependency of @axe-core/playwright). */
export type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** WCAG 2.1 A/AA violations of impact serious or critical on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation and node, for assertion messages that say what to fix. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    )
    .join('\n');
}
