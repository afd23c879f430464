import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localTimeZone } from '../shared/time-zones.ts';
import { formatDateTime } from '../i18n/format.ts';
import { directoryApi, type MeetSuggestion } from '../api/directory-api.ts';
import '../i18n/people-messages.ts';

/** Hours listed per person: the first few are enough to pick one. */
const HOURS_SHOWN = 4;

/** The "people to meet" list under the directory; `version` changes reload it (after saving a listing). */
export function PeopleToMeet({ workshopId, token, version }: { workshopId: string; token: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<{ listed: boolean; suggestions: MeetSuggestion[] } | null>(null);
  useEffect(() => {
    directoryApi.suggestions(workshopId, token).then(setState, () => setState(null));
  }, [workshopId, token, version]);
  if (!state) return null;
  const zone = localTimeZone();
  return (
    <section aria-labelledby="meet-heading" className="people__meet">
      <h2 id="meet-heading">{t('people.meet.heading')}</h2>
      {!state.listed ? (
        <p>{t('people.meet.notListed')}</p>
      ) : state.suggestions.length === 0 ? (
        <p>{t('people.meet.none')}</p>
      ) : (
        <>
          <p className="field__hint">{t('people.meet.intro')}</p>
          <ul className="people__cards">
            {state.suggestions.map((s) => (
              <li key={s.entry.personId} className="person-card" aria-labelledby={`meet-${s.entry.personId}`}>
                <h3 id={`meet-${s.entry.personId}`}>{s.entry.name}</h3>
                {s.entry.organisation && <p className="person-card__org">{s.entry.organisation}</p>}
                <ul className="people__reasons">
                  {s.reasons.map((r) => (
                    <li key={r}>{t(`people.meet.reason_${r}`, { themes: s.sharedThemes.join(', ') })}</li>
                  ))}
                </ul>
                <p className="person-card__hours-label">{t('people.meet.hours')}</p>
                {s.sharedHours.length === 0 ? (
                  <p>{t('people.meet.noHours')}</p>
                ) : (
                  <ul className="people__hours">
                    {s.sharedHours.slice(0, HOURS_SHOWN).map((h) => (
                      <li key={h}>
                        {formatDateTime(
                          h,
                          i18n.language,
                          { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
                          zone,
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {s.ics && (
                  <a
                    className="button button--small"
                    download={`call-${s.entry.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.ics`}
                    href={`data:text/calendar;charset=utf-8,${encodeURIComponent(s.ics)}`}
                  >
                    {t('people.meet.ics', { name: s.entry.name })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
