import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { formatLocalTime } from '../shared/time-zones.ts';
import { usePeers, type Peer } from './awareness-hooks.ts';

const presenceKey = (peers: Peer[]) =>
  peers
    .map((p) => `${p.clientId}:${p.user.id}:${p.user.name}:${p.user.organisation ?? ''}:${p.user.timeZone}:${p.user.colour}:${p.status}`)
    .join('|');

/** One row per person: someone with two tabs open is one person, active if either tab is. */
function people(peers: Peer[]): Peer[] {
  const byId = new Map<string, Peer>();
  for (const p of peers) {
    const prev = byId.get(p.user.id);
    if (!prev || (prev.status === 'idle' && p.status === 'active') || p.isSelf) {
      byId.set(p.user.id, { ...p, isSelf: p.isSelf || (prev?.isSelf ?? false) });
    }
  }
  return Array.from(byId.values()).sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name));
}

/** Minute-accurate local times need a re-render every so often, not every second. */
function useNow(intervalMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

interface Props {
  awareness: Awareness;
  /** On a group board members are assigned, not invited: "share the link" would be wrong there. */
  place?: 'workshop' | 'group';
}

export function PresenceList({ awareness, place = 'workshop' }: Props) {
  const { t, i18n } = useTranslation();
  const peers = usePeers(awareness, presenceKey);
  const now = useNow();
  const list = people(peers);
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="presence__heading">
        {t('presence.heading')} <span className="presence__count">{t('presence.count', { count: list.length })}</span>
      </h2>
      <ul className="presence__list">
        {list.map((p) => {
          const time = formatLocalTime(now, p.user.timeZone, i18n.language);
          return (
            <li key={p.user.id} className={`presence__person presence__person--${p.status}`}>
              <span className="avatar" style={{ backgroundColor: p.user.colour }} aria-hidden="true">
                {initials(p.user.name)}
              </span>
              <span className="presence__who">
                <span className="presence__name">
                  {p.user.name} {p.isSelf && <span className="presence__you">{t('presence.you')}</span>}
                </span>
                {p.user.organisation && <span className="presence__org">{p.user.organisation}</span>}
              </span>
              <span className="presence__meta">
                <span className="presence__time" title={p.user.timeZone}>
                  <span className="visually-hidden">{t('presence.localTime', { time })}</span>
                  <span aria-hidden="true">{time}</span>
                </span>
                <span className={`status status--${p.status}`}>{t(`presence.${p.status}`)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {list.length <= 1 && <p className="presence__alone">{t(place === 'group' ? 'groups.aloneInGroup' : 'presence.alone')}</p>}
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
