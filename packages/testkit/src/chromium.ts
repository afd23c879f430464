import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH); the flags keep it off this machine's closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Hidden or occluded pages get throttled timers and frames; neither a bench nor a test
      // with several people's pages open at once should be.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
}
