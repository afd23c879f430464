import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  boardNotes,
  listClusters,
  listNotes,
  noteContent,
  plainText,
  rankByVotes,
  readTallies,
  readVoting,
  type Phase,
} from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { useBoardVersion } from '../board/use-board-version.ts';
import { useControl } from './control-hooks.ts';
import { apiFor } from './facilitation-api.ts';
import { VoteButtons } from './VoteButtons.tsx';
import { useVotes } from './votes-store.ts';

/** Dot voting for a participant: my dots left, a vote button per item, and the results once closed. */
export function VotingPanel({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { workshopId, board, control, me } = useWorkshop();
  const api = useMemo(() => apiFor(workshopId), [workshopId]);
  const voting = useControl(control, readVoting);
  const tallies = useControl(control, readTallies);
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

  if (!voting || voting.phase !== phase || (!open && !tallies)) return null;

  const items =
    voting.target === 'clusters'
      ? listClusters(board, phase).map((c) => ({ id: c.id, label: c.title || t('board.untitledCluster') }))
      : listNotes(board, phase).map((n) => {
          const m = boardNotes(board).get(n.id);
          return { id: n.id, label: (m ? plainText(noteContent(m)) : '') || t('note.emptyText') };
        });

  if (!open && tallies) {
    return (
      <section className="voting" aria-labelledby="voting-heading">
        <h2 id="voting-heading">{t('voting.results')}</h2>
        <ol className="voting__results">
          {rankByVotes(items, tallies).map((r) => (
            <li key={r.item.id}>
              <span className="voting__rank">{r.rank}.</span> {r.item.label} <strong>{t('voting.votes', { count: r.votes })}</strong>
            </li>
          ))}
        </ol>
      </section>
    );
  }

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
  const tallies = useControl(control, readTallies);
  const { t } = useTranslation();
  if (!voting || voting.phase !== phase || voting.target !== 'notes') return null;
  if (voting.status === 'open' && me.role === 'participant') return <VoteButtons itemId={noteId} label={label} config={voting} />;
  if (voting.status === 'closed' && tallies) return <span className="note__votes">{t('voting.votes', { count: tallies[noteId] ?? 0 })}</span>;
  return null;
}
