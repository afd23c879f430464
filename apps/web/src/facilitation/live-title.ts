import type * as Y from 'yjs';
import { controlSettings } from '@crossboard/model';
import { useControl } from './control-hooks.ts';

/**
 * The title as the facilitator last set it in Settings (live for everyone), else the one the
 * server gave when the page opened: read raw so an unsynced room never shows "Untitled".
 */
export function useLiveTitle(control: Y.Doc, fromServer: string): string {
  const live = useControl(control, (d) => controlSettings(d).get('title'));
  return typeof live === 'string' && live.trim() ? live : fromServer;
}
