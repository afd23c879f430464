import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../app/workshop-context.ts';
import { useCurrentPhase } from '../board/yjs-hooks.ts';
import { SimpleBoard } from '../board/SimpleBoard.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';

export function WorkshopView({ title, roomNames }: { title: string; roomNames: string[]; joinUrl: string | null }) {
  const { t } = useTranslation();
  const { workshopId, control } = useWorkshop();
  const phase = useCurrentPhase(control);
  return (
    <div className="page page--workshop">
      <SiteHeader>
        <span className="workshop-title">{title}</span>
        <ConnectionStatus roomNames={roomNames} rejoinHref={`/w/${encodeURIComponent(workshopId)}/join`} />
      </SiteHeader>
      <main id="main">
        <p aria-live="polite">{t('workshop.currentPhase', { phase: t(`phases.${phase}`) })}</p>
        <SimpleBoard phase={phase} />
      </main>
    </div>
  );
}
