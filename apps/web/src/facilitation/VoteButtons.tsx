import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VotingConfig } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { apiFor } from './facilitation-api.ts';
import { useVotes } from './votes-store.ts';

/** "Vote" and "Take back" for one item, with my dots on it. Used on notes and in the voting panel. */
export function VoteButtons({ itemId, label, config }: { itemId: string; label: string; config: VotingConfig }) {
  const { t } = useTranslation();
  const { workshopId } = useWorkshop();
  const api = useMemo(() => apiFor(workshopId), [workshopId]);
  const mine = useVotes((s) => s.votes[itemId] ?? 0);
  const remaining = useVotes((s) => s.remaining);
  const busy = useVotes((s) => s.busy);
  const atLimit = config.maxPerItem !== undefined && mine >= config.maxPerItem;
  return (
    <span className="vote-buttons">
      <button
        type="button"
        className="button button--small vote-buttons__cast"
        disabled={busy || remaining === null || remaining <= 0 || atLimit}
        onClick={() => void useVotes.getState().cast(api, itemId)}
        aria-label={t('voting.cast', { item: label })}
      >
        <span aria-hidden="true">●</span> {t('voting.vote')}
      </button>
      <span className="vote-buttons__mine">{t('voting.mine', { count: mine })}</span>
      <button
        type="button"
        className="button button--small"
        disabled={busy || mine <= 0}
        onClick={() => void useVotes.getState().withdraw(api, itemId)}
        aria-label={t('voting.withdraw', { item: label })}
      >
        {t('voting.withdrawShort')}
      </button>
    </span>
  );
}
