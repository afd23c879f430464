import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPhase } from '@crossboard/model';
import { useWorkshop } from '../app/workshop-context.ts';
import { formatLocalTime } from '../app/time-zones.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { readReady } from '../facilitation/control-state.ts';
import type { FacilitationApi, Person } from '../facilitation/facilitation-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { errorMessage, type Loaded } from './use-request.ts';
import { useMinuteClock } from './use-minute-clock.ts';

export function activeParticipants(people: Person[] | undefined): Person[] {
  return (people ?? []).filter((p) => p.role === 'participant' && !p.removed);
}

/** "4 of 9 ready": participants who pressed "I'm done" for the phase everyone is on. */
export function ReadinessCount({ people }: { people: Person[] | undefined }) {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const ready = useControl(control, readReady);
  const participants = activeParticipants(people);
  const count = Object.values(ready).filter((p) => p === phase).length;
  // Someone who joined after the list was fetched may already be ready: never "5 of 4".
  const total = Math.max(participants.length, count);
  return (
    <p className="readiness" role="status" aria-live="polite">
      {t('console.ready.count', { ready: count, total })}
    </p>
  );
}

interface Props {
  people: Loaded<{ people: Person[] }>;
  api: FacilitationApi;
}

/** Everyone in the workshop, with their local time and a remove button behind a confirmation. */
export function PeoplePanel({ people, api }: Props) {
  const { t, i18n } = useTranslation();
  const { control, me } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const ready = useControl(control, readReady);
  const now = useMinuteClock();
  const [confirming, setConfirming] = useState<Person | null>(null);
  const [message, setMessage] = useState('');
  const list = (people.data?.people ?? []).filter((p) => !p.removed);

  const remove = async (p: Person) => {
    setConfirming(null);
    try {
      await api.removePerson(p.personId);
      setMessage(t('console.people.removed', { name: p.name }));
      await people.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  return (
    <section className="console-card" aria-labelledby="console-people">
      <h2 id="console-people">
        {t('console.people.heading')} <span className="console-count">{list.length}</span>
      </h2>
      <ReadinessCount people={people.data?.people} />
      {people.error && <p role="alert">{people.error}</p>}
      <ul className="console-list">
        {list.map((p) => (
          <li key={p.personId} className="console-list__row">
            <span className="console-list__main">
              <strong>{p.name}</strong>
              {(p.organisation || p.country) && <span>{[p.organisation, p.country].filter(Boolean).join(' · ')}</span>}
              <span className="console-list__meta">
                {t(`console.roles.${p.role}`)} · {t('presence.localTime', { time: formatLocalTime(now, p.timeZone, i18n.language) })}
                {ready[p.personId] === phase && <span className="badge badge--ready"> {t('console.ready.badge')}</span>}
              </span>
            </span>
            {p.personId !== me.id && (
              <button type="button" className="button button--small button--danger" onClick={() => setConfirming(p)}>
                {t('console.people.remove', { name: p.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="console-message">
        {message}
      </p>
      {confirming && (
        <ConfirmDialog
          title={t('console.people.confirmTitle', { name: confirming.name })}
          confirmLabel={t('console.people.confirm')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove(confirming)}
        >
          <p>{t('console.people.confirmBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
