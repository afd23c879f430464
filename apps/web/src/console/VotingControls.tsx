import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase, MAX_VOTES_PER_PERSON, PHASES, readSettings, readVoting, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { RoundResults } from '../facilitation/RoundResults.tsx';
import type { FacilitationApi } from '../facilitation/facilitation-api.ts';
import { errorMessage, useRequest } from './use-request.ts';
import './voting.css';

/** Progress is counted by the server; re-ask this often while a round is open. */
export const VOTING_POLL_MS = 5_000;
const TOP_RESULTS = 5;

/** Open a round of dot voting, follow its progress, close it and see the top items. */
export function VotingControls({ api }: { api: FacilitationApi }) {
  const { t } = useTranslation();
  const id = useId();
  const { control } = useWorkshop();
  const voting = useControl(control, readVoting);
  const phaseNow = useControl(control, currentPhase);
  const perPerson = useControl(control, (d) => readSettings(d).votesPerParticipant);
  const [phase, setPhase] = useState<Phase>(phaseNow);
  const [target, setTarget] = useState<'notes' | 'clusters'>('notes');
  const [votes, setVotes] = useState(String(perPerson));
  const [maxPerItem, setMaxPerItem] = useState('');
  const [message, setMessage] = useState('');
  const isOpen = voting?.status === 'open';
  const progress = useRequest(api.votingProgress, VOTING_POLL_MS, isOpen);

  const open = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(votes);
    const m = maxPerItem.trim() ? Number(maxPerItem) : undefined;
    try {
      await api.openVoting({ phase, target, votesPerPerson: n, ...(m !== undefined ? { maxPerItem: m } : {}) });
      setMessage(t('console.voting.opened'));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const close = async () => {
    try {
      await api.closeVoting();
      setMessage(t('console.voting.closed'));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="console-card voting-card" aria-labelledby="console-voting">
      <h2 id="console-voting">{t('console.voting.heading')}</h2>
      {isOpen ? (
        <>
          <p>
            {t('console.voting.isOpen', {
              phase: t(`phases.${voting.phase}`),
              target: t(`console.voting.targets.${voting.target}`),
              count: voting.votesPerPerson,
            })}
          </p>
          <p role="status" aria-live="polite">
            {progress.data
              ? t('console.voting.progress', { voters: progress.data.voters, count: progress.data.votesCast })
              : t('console.voting.noProgress')}
          </p>
          <button type="button" className="button button--primary" onClick={() => void close()}>
            {t('console.voting.close')}
          </button>
        </>
      ) : (
        <form className="console-form" onSubmit={(e) => void open(e)}>
          <div className="field voting-card__field">
            <label htmlFor={`${id}-phase`}>{t('console.voting.phase')}</label>
            <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value as Phase)}>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {t(`phases.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="voting-card__fieldset">
            <legend>{t('console.voting.target')}</legend>
            {(['notes', 'clusters'] as const).map((k) => (
              <label key={k} className="switch">
                <input type="radio" name="voting-target" value={k} checked={target === k} onChange={() => setTarget(k)} />
                {t(`console.voting.targets.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="field voting-card__field">
            <label htmlFor={`${id}-votes`}>{t('console.voting.votesPerPerson')}</label>
            <input
              id={`${id}-votes`}
              className="voting-card__number"
              type="number"
              min={1}
              max={MAX_VOTES_PER_PERSON}
              required
              value={votes}
              onChange={(e) => setVotes(e.target.value)}
            />
          </div>
          <div className="field voting-card__field">
            <label htmlFor={`${id}-max`}>{t('console.voting.maxPerItem')}</label>
            <input
              id={`${id}-max`}
              className="voting-card__number"
              type="number"
              min={1}
              max={MAX_VOTES_PER_PERSON}
              value={maxPerItem}
              onChange={(e) => setMaxPerItem(e.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary">
            {t('console.voting.open')}
          </button>
        </form>
      )}
      <RoundResults limit={TOP_RESULTS} heading={t('console.voting.results')} />
      <p role="status" className="console-message">
        {message}
      </p>
    </section>
  );
}
