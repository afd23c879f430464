import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useBreakout } from './use-breakout.ts';

/**
 * The facilitator's message to all groups. The live region is always in the page, empty
 * until a message arrives, so that screen readers announce the message when it does.
 */
export function Announcement({ control }: { control: Y.Doc }) {
  const { t } = useTranslation();
  const { active, announcement } = useBreakout(control);
  const shown = active ? announcement : null;
  return (
    <div className="groups-announcement" role="status" aria-live="polite" aria-atomic="true">
      {shown && (
        <p className="groups-announcement__message">
          <strong>{t('app.label', { label: t('groups.announcement') })}</strong> {shown.text}
        </p>
      )}
    </div>
  );
}
