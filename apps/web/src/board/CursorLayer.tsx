import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { Phase } from '@crossboard/model';
import { usePeers, type Peer } from '../presence/awareness-hooks.ts';
import { useBoardUi } from './board-ui-store.ts';

const cursorKey = (peers: Peer[]) =>
  peers
    .map((p) => (p.cursor ? `${p.clientId}:${p.cursor.x},${p.cursor.y},${p.cursor.phase}:${p.user.name}:${p.user.colour}` : ''))
    .join('|');

/** Other people's pointers on this phase's board; drawn in screen space so they keep their size at any zoom. */
export function CursorLayer({ awareness, phase }: { awareness: Awareness; phase: Phase }) {
  const { t } = useTranslation();
  const peers = usePeers(awareness, cursorKey);
  const { panX, panY, zoom } = useBoardUi((s) => s.viewport);
  return (
    <div className="cursor-layer" aria-hidden="true">
      {peers
        .filter((p) => !p.isSelf && p.cursor?.phase === phase)
        .map((p) => (
          <div
            key={p.clientId}
            className="peer-cursor"
            style={{ transform: `translate(${p.cursor!.x * zoom + panX}px, ${p.cursor!.y * zoom + panY}px)` }}
            title={t('board.cursorOf', { name: p.user.name })}
          >
            <svg width="18" height="20" viewBox="0 0 18 20" className="peer-cursor__arrow" aria-hidden="true">
              <path
                d="M1 1 L1 16 L5.5 12 L9 19 L12 17.5 L8.5 11 L15 11 Z"
                fill={p.user.colour}
                stroke="#fff"
                strokeWidth="1.5"
                strokeLinejoin="round"
              />
            </svg>
            <span className="peer-cursor__name" style={{ backgroundColor: p.user.colour }}>
              {p.user.name}
            </span>
          </div>
        ))}
    </div>
  );
}
