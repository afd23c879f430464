import { describe, expect, it } from 'vitest';
import { boardClusters, createCluster, MAX_CLUSTERS_PER_PERSON_PER_PHASE } from '@crossboard/model';
import { connectSynced, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11 (round two), item 2: where participants may cluster, one participant (or a
 * hostile client) could create clusters without end. Before the quota, the cluster past
 * MAX_CLUSTERS_PER_PERSON_PER_PHASE stayed on everyone's board.
 */

const server = useServer();

const MAX = MAX_CLUSTERS_PER_PERSON_PER_PHASE;

async function clusteringBoard() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana');
  const ben = await joinAsParticipant(server.app, w.id, 'Ben');
  const board = `${w.id}/board`;
  const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
  control.doc.getMap('state').set('participantsMayCluster', true);
  const serverState = () => server.app.crossboard.rooms.loaded(`${w.id}/control`)!.document.getMap('state');
  await waitFor(() => serverState().get('participantsMayCluster') === true, 'clustering allowed on the server');
  return {
    anaBoard: await connectSynced(server.ws, board, ana.token),
    benBoard: await connectSynced(server.ws, board, ben.token),
    facilitatorBoard: await connectSynced(server.ws, board, w.facilitatorToken),
  };
}

const make = (c: TestClient, n: number, phase: 'painPoints' | 'visions', prefix: string) => {
  const ids: string[] = [];
  c.doc.transact(() => {
    for (let i = 0; i < n; i++) ids.push(createCluster(boardClusters(c.doc), { phase, title: `${prefix} ${i}` }));
  });
  return ids;
};

/** Once a later cluster of the facilitator reaches `c`, everything sent before it has too. */
async function flush(facilitator: TestClient, c: TestClient) {
  const [marker] = make(facilitator, 1, 'visions', 'marker');
  await waitFor(() => boardClusters(c.doc).has(marker!), 'marker relayed');
}

describe('clusters per person per phase', () => {
  it(`keeps ${MAX} of one participant's clusters on a phase and takes back the next one`, async () => {
    const { anaBoard, benBoard, facilitatorBoard } = await clusteringBoard();
    const first = make(anaBoard, MAX, 'painPoints', 'Ana');
    await waitFor(() => first.every((id) => boardClusters(benBoard.doc).has(id)), 'the first clusters reach Ben');
    const [past] = make(anaBoard, 1, 'painPoints', 'one too many');
    await waitFor(() => !boardClusters(anaBoard.doc).has(past!), 'the cluster past the quota is taken back from Ana');
    await flush(facilitatorBoard, benBoard);
    expect(boardClusters(benBoard.doc).has(past!)).toBe(false);
    expect(first.every((id) => boardClusters(benBoard.doc).has(id))).toBe(true);

    // Another phase, another person and the facilitator each have their own room.
    const [other] = make(anaBoard, 1, 'visions', 'Ana elsewhere');
    const [bens] = make(benBoard, 1, 'painPoints', 'Ben');
    const facilitators = make(facilitatorBoard, MAX + 1, 'painPoints', 'Facilitator');
    await waitFor(
      () => [other!, bens!, ...facilitators].every((id) => boardClusters(anaBoard.doc).has(id)),
      'clusters within their quotas are kept',
    );
  });

  it('a burst past the quota in one update keeps exactly the quota', async () => {
    const { anaBoard, benBoard, facilitatorBoard } = await clusteringBoard();
    const ids = make(anaBoard, MAX + 5, 'painPoints', 'Burst');
    await flush(facilitatorBoard, benBoard);
    await waitFor(() => ids.filter((id) => boardClusters(anaBoard.doc).has(id)).length === MAX, 'Ana sees the quota');
    expect(ids.filter((id) => boardClusters(benBoard.doc).has(id))).toEqual(ids.slice(0, MAX));
  });

  it('moving clusters to another phase does not make room for more', async () => {
    const { anaBoard, benBoard, facilitatorBoard } = await clusteringBoard();
    make(anaBoard, MAX, 'visions', 'Visions');
    const pains = make(anaBoard, MAX, 'painPoints', 'Pains');
    await waitFor(() => pains.every((id) => boardClusters(benBoard.doc).has(id)), 'the clusters reach Ben');
    const moved = pains[0]!;
    anaBoard.doc.transact(() => boardClusters(anaBoard.doc).get(moved)!.set('phase', 'visions'));
    await waitFor(() => boardClusters(anaBoard.doc).get(moved)?.get('phase') === 'painPoints', 'the move past the quota is put back');
    await flush(facilitatorBoard, benBoard);
    expect(boardClusters(benBoard.doc).get(moved)?.get('phase')).toBe('painPoints');
  });
});
