import { describe, expect, it } from 'vitest';
import { boardClusters, boardNotes, createCluster, createNote } from '@crossboard/model';
import { connectSynced, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

const clustersOf = (c: TestClient) => boardClusters(c.doc);
const notesOf = (c: TestClient) => boardNotes(c.doc);
const titles = (c: TestClient) => [...clustersOf(c).values()].map((m) => m.get('title')).sort();

/** A workshop whose facilitator made one cluster "Funding" and one unclustered note of Ana's. */
async function clusteringWorkshop() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana');
  const ben = await joinAsParticipant(server.app, w.id, 'Ben');
  const board = `${w.id}/board`;
  const anaBoard = await connectSynced(server.ws, board, ana.token);
  const benBoard = await connectSynced(server.ws, board, ben.token);
  const facilitatorBoard = await connectSynced(server.ws, board, w.facilitatorToken);
  const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
  const serverState = () => server.app.crossboard.rooms.loaded(`${w.id}/control`)!.document.getMap('state');
  const setMayCluster = async (value: boolean) => {
    control.doc.getMap('state').set('participantsMayCluster', value);
    await waitFor(() => serverState().get('participantsMayCluster') === value, 'server has participantsMayCluster');
  };
  let funding = '';
  facilitatorBoard.doc.transact(() => {
    funding = createCluster(clustersOf(facilitatorBoard), { phase: 'painPoints', title: 'Funding' });
  });
  let note = '';
  anaBoard.doc.transact(() => {
    note = createNote(notesOf(anaBoard), { phase: 'painPoints', text: 'Pilots are budgeted to fail' });
  });
  await waitFor(() => clustersOf(benBoard).has(funding) && notesOf(benBoard).has(note), 'cluster and note relayed');
  return { anaBoard, benBoard, facilitatorBoard, setMayCluster, funding, note };
}

/** Once a later cluster change of the facilitator reaches `c`, everything sent before it has too. */
async function flush(facilitator: TestClient, c: TestClient) {
  let marker = '';
  facilitator.doc.transact(() => {
    marker = createCluster(clustersOf(facilitator), { phase: 'visions', title: 'marker' });
  });
  await waitFor(() => clustersOf(c).has(marker), 'marker cluster relayed');
  facilitator.doc.transact(() => clustersOf(facilitator).delete(marker));
  await waitFor(() => !clustersOf(c).has(marker), 'marker cluster removed');
}

describe('participants clustering', () => {
  it('is refused while participantsMayCluster is off: new, renamed, deleted clusters and moved notes are put back', async () => {
    const { anaBoard, benBoard, facilitatorBoard, funding, note } = await clusteringWorkshop();
    const benSawTitles = new Set<string>();
    const benSawClusterIds = new Set<unknown>();
    benBoard.doc.on('afterTransaction', () => {
      for (const t of titles(benBoard)) benSawTitles.add(String(t));
      benSawClusterIds.add(notesOf(benBoard).get(note)?.get('clusterId'));
    });

    let mine = '';
    anaBoard.doc.transact(() => {
      mine = createCluster(clustersOf(anaBoard), { phase: 'painPoints', title: 'Mine' });
      notesOf(anaBoard).get(note)!.set('clusterId', mine);
    });
    await waitFor(
      () => !clustersOf(anaBoard).has(mine) && notesOf(anaBoard).get(note)?.get('clusterId') === null,
      'new cluster undone for Ana',
    );

    clustersOf(anaBoard).get(funding)!.set('title', 'Renamed');
    await waitFor(() => clustersOf(anaBoard).get(funding)?.get('title') === 'Funding', 'rename undone');

    notesOf(anaBoard).get(note)!.set('clusterId', funding);
    await waitFor(() => notesOf(anaBoard).get(note)?.get('clusterId') === null, 'note taken back out of the cluster');

    clustersOf(anaBoard).delete(funding);
    await waitFor(() => clustersOf(anaBoard).get(funding)?.get('title') === 'Funding', 'deleted cluster restored');

    // A note that arrives already inside a cluster lands unclustered.
    let arriving = '';
    anaBoard.doc.transact(() => {
      arriving = createNote(notesOf(anaBoard), { phase: 'painPoints', text: 'No learning loops', clusterId: funding });
    });
    await waitFor(() => notesOf(anaBoard).get(arriving)?.get('clusterId') === null, 'new note unclustered');

    await flush(facilitatorBoard, benBoard);
    expect(titles(benBoard)).toEqual(['Funding']);
    expect(benSawTitles.has('Mine') || benSawTitles.has('Renamed')).toBe(false);
    expect([...benSawClusterIds]).toEqual([null]);
    expect(notesOf(benBoard).get(arriving)?.get('clusterId')).toBeNull();
  });

  it('is kept while participantsMayCluster is on, and refused again once it is off', async () => {
    const { anaBoard, benBoard, facilitatorBoard, setMayCluster, funding, note } = await clusteringWorkshop();
    await setMayCluster(true);

    let mine = '';
    anaBoard.doc.transact(() => {
      mine = createCluster(clustersOf(anaBoard), { phase: 'painPoints', title: 'Mine' });
      notesOf(anaBoard).get(note)!.set('clusterId', mine);
    });
    clustersOf(anaBoard).get(funding)!.set('title', 'Money');
    await waitFor(
      () =>
        clustersOf(benBoard).has(mine) &&
        notesOf(benBoard).get(note)?.get('clusterId') === mine &&
        clustersOf(benBoard).get(funding)?.get('title') === 'Money',
      'Ana’s clustering reaches Ben',
    );
    clustersOf(anaBoard).delete(funding);
    await waitFor(() => !clustersOf(benBoard).has(funding), 'deletion reaches Ben');
    await flush(facilitatorBoard, anaBoard);
    expect(titles(anaBoard)).toEqual(['Mine']);

    await setMayCluster(false);
    clustersOf(anaBoard).get(mine)!.set('title', 'Not now');
    await waitFor(() => clustersOf(anaBoard).get(mine)?.get('title') === 'Mine', 'rename undone once turned off');
    await flush(facilitatorBoard, benBoard);
    expect(clustersOf(benBoard).get(mine)?.get('title')).toBe('Mine');
  });

  it('always lets the facilitator cluster', async () => {
    const { anaBoard, benBoard, facilitatorBoard, funding, note } = await clusteringWorkshop();
    let theirs = '';
    facilitatorBoard.doc.transact(() => {
      theirs = createCluster(clustersOf(facilitatorBoard), { phase: 'painPoints', title: 'Learning' });
      notesOf(facilitatorBoard).get(note)!.set('clusterId', theirs);
      clustersOf(facilitatorBoard).get(funding)!.set('title', 'Money');
    });
    await waitFor(
      () => notesOf(anaBoard).get(note)?.get('clusterId') === theirs && clustersOf(anaBoard).get(funding)?.get('title') === 'Money',
      'facilitator clustering reaches Ana',
    );
    facilitatorBoard.doc.transact(() => clustersOf(facilitatorBoard).delete(funding));
    await waitFor(() => !clustersOf(benBoard).has(funding), 'facilitator deletion reaches Ben');
    await flush(facilitatorBoard, benBoard);
    expect(titles(benBoard)).toEqual(['Learning']);
    expect(titles(facilitatorBoard)).toEqual(['Learning']);
  });
});
