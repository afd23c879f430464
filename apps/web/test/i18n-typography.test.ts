import { describe, expect, it } from 'vitest';
import { messagesIn } from './i18n-messages.ts';

/**
 * French sets a space before two-part punctuation, and it must not break: U+00A0 before a
 * colon, the narrow U+202F (or U+00A0) before ; ! ?. A mark followed by something other than a
 * space or the end ("08:00", "https://", "?w=") is not punctuation.
 */
describe('French typography', () => {
  const french = messagesIn('fr');

  it('puts a no-break space before : ; ! ? in every message file', () => {
    const bad = [...french].filter(([, v]) => /(?<!\u00a0):(?=\s|$)|(?<![\u202f\u00a0])[;!?](?=\s|$)/u.test(v));
    expect(bad).toEqual([]);
  });

  it('has French strings to check', () => {
    expect(french.size).toBeGreaterThan(500);
  });
});
