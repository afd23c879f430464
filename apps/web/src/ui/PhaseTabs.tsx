import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, type Phase } from '@crossboard/model';

/** Tabs for the three boards, with the roving-focus arrow keys of the ARIA tabs pattern. */
export function PhaseTabs({ selected, current, onSelect }: { selected: Phase; current: Phase; onSelect(p: Phase): void }) {
  const { t } = useTranslation();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    const i = PHASES.indexOf(selected);
    const next = e.key === 'ArrowRight' ? PHASES[(i + 1) % 3] : e.key === 'ArrowLeft' ? PHASES[(i + 2) % 3] : null;
    if (next) {
      e.preventDefault();
      onSelect(next);
      refs.current[next]?.focus();
    }
  };
  return (
    <div className="phase-tabs" role="tablist" aria-label={t('workshop.phasesLabel')} onKeyDown={onKey}>
      {PHASES.map((p, i) => (
        <button
          key={p}
          ref={(el) => {
            refs.current[p] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${p}`}
          aria-selected={p === selected}
          aria-controls="phase-panel"
          tabIndex={p === selected ? 0 : -1}
          className={`phase-tab phase-tab--${p}`}
          onClick={() => onSelect(p)}
        >
          <span className="phase-tab__num" aria-hidden="true">
            {i + 1}
          </span>
          {t(`phases.${p}`)}
          {p === current && <span className="badge badge--now">{t('workshop.nowBadge')}</span>}
        </button>
      ))}
    </div>
  );
}
