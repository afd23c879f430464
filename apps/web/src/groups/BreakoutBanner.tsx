import { useTranslation } from 'react-i18next';
import { groupOfPerson } from '@crossboard/model';
import { Link } from '../ui/Link.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBreakout } from './use-breakout.ts';
import { Announcement } from './Announcement.tsx';
import { groupHref } from './groups-api.ts';
import { useGroupName } from './group-name.ts';
import './groups.css';

/** On the main board during a breakout: the facilitator's message, and the way to one's group. */
export function BreakoutBanner() {
  const { t } = useTranslation();
  const { workshopId, control, me } = useWorkshop();
  const breakout = useBreakout(control);
  const nameOf = useGroupName();
  const mine = breakout.active ? groupOfPerson(breakout, me.id) : null;
  return (
    <>
      <Announcement control={control} />
      {mine && (
        <div className="notice groups-banner">
          <span>{t('groups.youAreIn', { group: nameOf(mine) })}</span>
          <Link className="button button--primary button--small" href={groupHref(workshopId, mine.id)}>
            {t('groups.openBoard')}
          </Link>
        </div>
      )}
    </>
  );
}
