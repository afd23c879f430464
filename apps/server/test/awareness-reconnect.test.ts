import { describe, expect, it } from 'vitest';
import { connectSynced, presenceOf, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

type Presence = { user?: { name: string }; cursor?: { x: number } } | undefined;

describe('a participant whose connection drops and comes back', () => {
  it('is back in everyone’s presence at once, and their next moves show too', async () => {
    const w = await createWorkshop(server.app);
    const ana = await joinAsParticipant(server.app, w.id, 'Ana');
    const room = `${w.id}/board`;
    const a = await connectSynced(server.ws, room, ana.token);
    const watcher = await connectSynced(server.ws, room, w.facilitatorToken);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    const seen = () => presenceOf(watcher, a) as Presence;
    await waitFor(() => seen()?.user?.name === 'Ana', 'watcher sees Ana');

    // The network drops: the server removes Ana; her provider reconnects by itself.
    (a.provider.ws as unknown as { terminate(): void } | null)?.terminate();
    await waitFor(() => !seen(), 'Ana removed');
    // Well within the provider's 15 s renewal: the return itself must be accepted.
    await waitFor(() => seen()?.user?.name === 'Ana', 'Ana back in presence', 5_000);

    a.provider.awareness.setLocalStateField('cursor', { x: 42 });
    await waitFor(() => seen()?.cursor?.x === 42, 'her next cursor move arrives', 5_000);
  });
});
