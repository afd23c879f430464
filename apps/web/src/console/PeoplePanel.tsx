import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countsTowardReady, currentPhase, isJoiningClosed, readiness } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { formatLocalTime } from '../shared/time-zones.ts';
import { useControl } from '../facilitation/control-hooks.ts';
import { readReady } from '../facilitation/control-state.ts';
import type { FacilitationApi, Person } from '../facilitation/facilitation-api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { errorMessage, type Loaded } from './use-request.ts';
import { useMinuteClock } from '../shared/use-minute-clock.ts';

export function activeParticipants(people: Person[] | undefined): Person[] {
  return (people ?? []).filter(countsTowardReady);
}

/** "4 of 9 ready": participants who pressed "I'm done" for the phase everyone is on. */
export function ReadinessCount({ people }: { people: Person[] | undefined }) {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const phase = useControl(control, currentPhase);
  const ready = useControl(control, readReady);
  const readyIds = Object.entries(ready)
    .filter(([, p]) => p === phase)
    .map(([id]) => id);
  const count = readiness(
    (people ?? []).map((p) => ({ id: p.personId, role: p.role, removed: p.removed })),
    readyIds,
  );
  return (
    <p className="readiness" role="status" aria-live="polite">
      {t('console.ready.count', count)}
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
  const [withNotes, setWithNotes] = useState(false);
  const [closeJoining, setCloseJoining] = useState(false);
  const [message, setMessage] = useState('');
  const joiningClosed = useControl(control, isJoiningClosed);
  const list = (people.data?.people ?? []).filter((p) => !p.removed);

  const ask = (p: Person) => {
    setWithNotes(false);
    setCloseJoining(false);
    setConfirming(p);
  };
  const remove = async (p: Person) => {
    setConfirming(null);
    try {
      // Joining closes first, so the removed person cannot slip back in between the two calls.
      if (closeJoining && !joiningClosed) await api.setJoiningOpen(false);
      const res = await api.removePerson(p.personId, { withNotes });
      setMessage(
        withNotes
          ? t('console.people.removedWithNotes', { name: p.name, count: res.notesRemoved ?? 0 })
          : t('console.people.removed', { name: p.name }),
      );
      await people.reload();
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };
  const toggleJoining = async () => {
    try {
      await api.setJoiningOpen(joiningClosed);
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
      <p className="console-joining">
        <span role="status">{joiningClosed ? t('console.people.joiningClosed') : t('console.people.joiningOpen')}</span>{' '}
        <button type="button" className="button button--small" onClick={() => void toggleJoining()}>
          {joiningClosed ? t('console.people.reopenJoining') : t('console.people.closeJoining')}
        </button>
      </p>
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
              <button type="button" className="button button--small button--danger" onClick={() => ask(p)}>
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
          <label className="switch">
            <input type="checkbox" checked={withNotes} onChange={(e) => setWithNotes(e.target.checked)} />
            {t('console.people.alsoNotes')}
          </label>
          {!joiningClosed && (
            <label className="switch">
              <input type="checkbox" checked={closeJoining} onChange={(e) => setCloseJoining(e.target.checked)} />
              {t('console.people.alsoCloseJoining')}
            </label>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
