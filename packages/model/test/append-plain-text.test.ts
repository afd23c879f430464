import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendPlainText, plainText, setPlainText } from '../src/schema/board.ts';

function body(text: string | null): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('content');
  if (text !== null) setPlainText(fragment, text);
  return fragment;
}

describe('appendPlainText: keys typed before the editor arrived, added where the caret would be', () => {
  it.each([
    [null, 'Via N key', 'Via N key'],
    ['', 'Via N key', 'Via N key'],
    ['Shared data', ' spaces', 'Shared data spaces'],
    ['First line', '\nsecond', 'First line\nsecond'],
    ['One\nTwo', ' more\nThree\n', 'One\nTwo more\nThree\n'],
  ])('%j + %j → %j', (before, typed, after) => {
    const fragment = body(before);
    appendPlainText(fragment, typed);
    expect(plainText(fragment)).toBe(after);
  });
});
