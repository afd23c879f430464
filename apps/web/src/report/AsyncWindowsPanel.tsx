import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  controlState,
  formatInZone,
  instantToZonedLocal,
  ORIGIN,
  parseAsyncWindow,
  parseAsyncWindows,
  PHASES,
  setAsyncWindow,
  zonedLocalToInstant,
  type Phase,
} from '@crossboard/model';
import { useYValue } from '../shared/use-y-value.ts';
import { dateLocale } from '../i18n/format.ts';

const WHEN: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

/** Asynchronous windows per phase: the facilitator sets them in their own zone, everyone reads them in theirs. */
export function AsyncWindowsPanel({ control, viewerZone, canEdit }: { control: Y.Doc; viewerZone: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const windows = useYValue(controlState(control), () => parseAsyncWindows(controlState(control).get('asyncWindows')));
  return (
    <section className="report-panel" aria-labelledby="async-heading">
      <h2 id="async-heading">{t('report.asyncWindows')}</h2>
      {canEdit && <p className="report-muted">{t('report.asyncHint', { zone: viewerZone })}</p>}
      <ul className="report-windows">
        {PHASES.map((phase) => {
          const w = windows[phase];
          return (
            <li key={phase}>
              <strong>{t(`phases.${phase}`)}</strong>{' '}
              {w
                ? t('report.windowFrom', {
                    from: formatInZone(w.opensAt, viewerZone, dateLocale(i18n.language), WHEN),
                    to: formatInZone(w.closesAt, viewerZone, dateLocale(i18n.language), WHEN),
                  })
                : t('report.noWindow')}
              {canEdit && (
                <WindowEditor control={control} phase={phase} viewerZone={viewerZone} opensAt={w?.opensAt} closesAt={w?.closesAt} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function WindowEditor({
  control,
  phase,
  viewerZone,
  opensAt,
  closesAt,
}: {
  control: Y.Doc;
  phase: Phase;
  viewerZone: string;
  opensAt?: number;
  closesAt?: number;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => (opensAt ? instantToZonedLocal(opensAt, viewerZone) : ''));
  const [to, setTo] = useState(() => (closesAt ? instantToZonedLocal(closesAt, viewerZone) : ''));
  const [error, setError] = useState<string | null>(null);
  const phaseName = t(`phases.${phase}`);
  const open = () => {
    let window = null;
    try {
      window = parseAsyncWindow({ opensAt: zonedLocalToInstant(from, viewerZone), closesAt: zonedLocalToInstant(to, viewerZone) });
    } catch {
      window = null;
    }
    if (!window) {
      setError(t('report.windowInvalid'));
      return;
    }
    setError(null);
    control.transact(() => setAsyncWindow(control, phase, window), ORIGIN.local);
  };
  return (
    <div className="report-window-editor">
      <label>
        {t('report.windowOpensAt', { phase: phaseName })}
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {t('report.windowClosesAt', { phase: phaseName })}
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="button" className="button button--small" onClick={open}>
        {t('report.openWindow', { phase: phaseName })}
      </button>
      {opensAt !== undefined && (
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => control.transact(() => setAsyncWindow(control, phase, null), ORIGIN.local)}
        >
          {t('report.closeWindow', { phase: phaseName })}
        </button>
      )}
      {error && (
        <p role="alert" className="report-error">
          {error}
        </p>
      )}
    </div>
  );
}
