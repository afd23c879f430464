import { useTranslation } from 'react-i18next';
import { useConnectionSummary } from '../sync/connection-store.ts';
import { Link } from './Link.tsx';

/** The connection line, in a polite live region so a drop and a recovery are announced. */
export function ConnectionStatus({ roomNames, rejoinHref }: { roomNames: string[]; rejoinHref: string }) {
  const { t } = useTranslation();
  const { state, pendingChanges, refused } = useConnectionSummary(roomNames);
  return (
    <div className={`connection connection--${state}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="connection__text">
        {state === 'refused' && refused ? t(`connection.refused.${refused.reason}`) : t(`connection.${state}`)}
        {pendingChanges > 0 && state !== 'connected' && (
          <span className="connection__pending"> · {t('connection.pending', { count: pendingChanges })}</span>
        )}
      </span>
      {/* A removed person is told so, and not offered a way back in. */}
      {state === 'refused' && refused?.code === 4401 && (
        <Link className="button button--small" href={rejoinHref}>
          {t('connection.rejoin')}
        </Link>
      )}
    </div>
  );
}
