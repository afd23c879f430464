import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { controlSettings, controlState, phaseWritingStatus, writingContextOf, type Phase, type WritingStatus } from '@crossboard/model';
import { useYValue } from '../shared/use-y-value.ts';

/** The status is re-read this often, so a board opens or closes when a window does. */
const REFRESH_MS = 30_000;

/**
 * Whether participants may write a phase now (locks, live sessions, async windows): the same
 * pure rule the server's board policy applies, so the board is read-only exactly when the
 * server would refuse the change.
 */
export function useWritingStatus(control: Y.Doc, phase: Phase): WritingStatus {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useYValue(controlState(control), () => ({}));
  useYValue(controlSettings(control), () => ({}));
  return phaseWritingStatus(writingContextOf(control), phase, now);
}
