import { describe, expect, it } from 'vitest';
import { refusalReason } from '@crossboard/model';
import { MAX_BACKOFF_MS, reconnectDelay } from '../src/sync/backoff.ts';
import { EMPTY_ROOM, OFFLINE_AFTER_FAILED_ATTEMPTS, summariseConnection } from '../src/sync/connection-store.ts';

describe('reconnect delays', () => {
  it('grow exponentially, stay in the upper half of each step, and stop at the cap', () => {
    expect(reconnectDelay(1, () => 0)).toBe(100);
    expect(reconnectDelay(1, () => 1)).toBe(200);
    expect(reconnectDelay(4, () => 0.5)).toBe(1200);
    expect(reconnectDelay(30, () => 1)).toBe(MAX_BACKOFF_MS);
    expect(reconnectDelay(30, () => 0)).toBe(MAX_BACKOFF_MS / 2);
  });
});

describe('close codes the user is told about', () => {
  it('names the server’s refusals and leaves transient closes to reconnect', () => {
    expect(refusalReason(4401)).toBe('invalidInvitation');
    expect(refusalReason(4403)).toBe('forbidden');
    expect(refusalReason(4410)).toBe('removed');
    expect(refusalReason(4499)).toBe('refused');
    expect(refusalReason(1013)).toBeNull();
    expect(refusalReason(1006)).toBeNull();
  });
});

describe('the workshop’s connection line', () => {
  const synced = { ...EMPTY_ROOM, synced: true };
  it('is connected only when every room is synced', () => {
    expect(summariseConnection([synced, synced], true).state).toBe('connected');
    expect(summariseConnection([synced, { ...EMPTY_ROOM, connecting: true }], true).state).toBe('connecting');
  });
  it('says reconnecting after a blip and offline after repeated failures or when the browser is offline', () => {
    expect(summariseConnection([{ ...EMPTY_ROOM, failedAttempts: 1 }], true).state).toBe('reconnecting');
    expect(summariseConnection([{ ...EMPTY_ROOM, failedAttempts: OFFLINE_AFTER_FAILED_ATTEMPTS }], true).state).toBe('offline');
    expect(summariseConnection([EMPTY_ROOM], false).state).toBe('offline');
    // A socket that still looks synced does not outweigh the browser saying the network is gone.
    expect(summariseConnection([synced], false).state).toBe('offline');
  });
  it('adds up changes waiting and reports a refusal above everything else', () => {
    const refused = { code: 4410, reason: 'removed' as const, message: 'removed' };
    const s = summariseConnection(
      [
        { ...synced, pendingChanges: 2 },
        { ...EMPTY_ROOM, pendingChanges: 3, refused },
      ],
      true,
    );
    expect(s).toEqual({ state: 'refused', pendingChanges: 5, refused });
  });
});
