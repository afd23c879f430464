import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, listClusters, listNotes, noteContent, plainText, readVoting, readVotingRounds, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardVersion } from '../shared/use-board-version.ts';
import { useControl } from './control-hooks.ts';
import { apiFor } from './facilitation-api.ts';
import { RoundResults } from './RoundResults.tsx';
import { VoteButtons } from './VoteButtons.tsx';
import { useVotes } from './votes-store.ts';

/** Dot voting for a participant: my dots left, a vote button per item, and the results once closed. */
export function VotingPanel({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { workshopId, board, control, me } = useWorkshop();
  const api = useMemo(() => apiFor(workshopId), [workshopId]);
  const voting = useControl(control, readVoting);
  const remaining = useVotes((s) => s.remaining);
  const error = useVotes((s) => s.error);
  useBoardVersion(board);
  const open = voting?.status === 'open' && voting.phase === phase;
  const canVote = open && me.role === 'participant';
  const roundKey = voting ? `${voting.phase}:${voting.target}:${voting.votesPerPerson}:${voting.status}` : '';

  useEffect(() => {
    useVotes.getState().clear();
    if (canVote) void useVotes.getState().load(api);
  }, [api, canVote, roundKey]);

  // Between rounds the board shows every closed round of this phase, not only the last one.
  if (!voting || !open) return <RoundResults phase={phase} />;

  const items =
    voting.target === 'clusters'
      ? listClusters(board, phase).map((c) => ({ id: c.id, label: c.title || t('board.untitledCluster') }))
      : listNotes(board, phase).map((n) => {
          const m = boardNotes(board).get(n.id);
          return { id: n.id, label: (m ? plainText(noteContent(m)) : '') || t('note.emptyText') };
        });

  return (
    <section className="voting" aria-labelledby="voting-heading">
      <h2 id="voting-heading">{t('voting.heading')}</h2>
      {canVote ? (
        <p className="voting__remaining" role="status" aria-live="polite">
          {remaining === null ? t('voting.loading') : t('voting.remaining', { count: remaining, total: voting.votesPerPerson })}
        </p>
      ) : (
        <p>{t('voting.staffHint')}</p>
      )}
      {error && <p role="alert">{error}</p>}
      {canVote && (
        <ul className="voting__items">
          {items.map((item) => (
            <li key={item.id}>
              <span className="voting__label">{item.label}</span>
              <VoteButtons itemId={item.id} label={item.label} config={voting} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A vote control on a note card, shown only while its phase is voting on notes. */
export function NoteVote({ noteId, phase, label }: { noteId: string; phase: Phase; label: string }) {
  const { control, me } = useWorkshop();
  const voting = useControl(control, readVoting);
  // The latest closed round on this phase's notes, whichever round is current.
  const lastRound = useControl(
    control,
    (d) =>
      readVotingRounds(d)
        .filter((r) => r.phase === phase && r.target === 'notes' && r.status === 'closed')
        .at(-1) ?? null,
  );
  const { t } = useTranslation();
  if (voting?.status === 'open' && voting.phase === phase && voting.target === 'notes') {
    return me.role === 'participant' ? <VoteButtons itemId={noteId} label={label} config={voting} /> : null;
  }
  if (lastRound)
    return (
      <span className="note__votes">
        {t('voting.votes', { count: Object.hasOwn(lastRound.tallies, noteId) ? lastRound.tallies[noteId]! : 0 })}
      </span>
    );
  return null;
}
