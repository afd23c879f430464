import { useTranslation } from 'react-i18next';
import { boardNotes, listClusters, listNotes, noteContent, plainText, rankByVotes, readVotingRounds, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardVersion } from '../shared/use-board-version.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useControl } from './control-hooks.ts';

/**
 * The results of every closed voting round (of one phase, if given), newest first: a second
 * round never hides the first one's results.
 */
export function RoundResults({ phase, limit, heading }: { phase?: Phase; limit?: number; heading?: string }) {
  const { t, i18n } = useTranslation();
  const { control, board } = useWorkshop();
  const rounds = useControl(control, readVotingRounds);
  useBoardVersion(board);
  const numbered = rounds
    .map((round, i) => ({ round, number: i + 1 }))
    .filter(({ round }) => round.status === 'closed' && (!phase || round.phase === phase));
  if (numbered.length === 0) return null;
  const Heading = heading ? 'h4' : 'h3';
  return (
    <div className="round-results">
      {heading && <h3>{heading}</h3>}
      {numbered.reverse().map(({ round, number }) => {
        const items =
          round.target === 'clusters'
            ? listClusters(board, round.phase).map((c) => ({ id: c.id, label: c.title || t('board.untitledCluster') }))
            : listNotes(board, round.phase).map((n) => {
                const m = boardNotes(board).get(n.id);
                return { id: n.id, label: (m ? plainText(noteContent(m)) : '') || t('note.emptyText') };
              });
        const ranked = rankByVotes(items, round.tallies).filter((r) => r.votes > 0);
        const headingId = `round-results-${round.id}`;
        return (
          <section key={round.id} className="round-results__round" aria-labelledby={headingId}>
            <Heading id={headingId}>
              {t('voting.round', { n: number, phase: t(`phases.${round.phase}`), target: t(`console.voting.targets.${round.target}`) })}
            </Heading>
            {round.closedAt !== null && (
              <p className="round-results__when">{t('voting.closedAt', { when: formatDateTime(round.closedAt, i18n.language) })}</p>
            )}
            {ranked.length === 0 ? (
              <p>{t('voting.noVotes')}</p>
            ) : (
              <ol className="voting__results">
                {ranked.slice(0, limit).map((r) => (
                  <li key={r.item.id}>
                    <span className="voting__rank">{r.rank}.</span> {r.item.label} <strong>{t('voting.votes', { count: r.votes })}</strong>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
