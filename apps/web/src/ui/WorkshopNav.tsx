import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadCredential, type Credential } from '../api/credentials.ts';
import { Link } from './Link.tsx';
import { checkinApi } from '../api/directory-api.ts';
import './workshop-nav.css';

type Role = Credential['role'];

/** Every page of a workshop someone can move to, in the order a workshop's life visits them. */
export const NAV_PAGES = [
  'board',
  'console',
  'people',
  'checkin',
  'registrations',
  'report',
  'export',
  'series',
  'publish',
  'followup',
] as const;
export type NavPage = (typeof NAV_PAGES)[number];

const PATHS: Record<NavPage, string> = {
  board: '',
  console: '/console',
  people: '/people',
  checkin: '/checkin',
  registrations: '/registrations',
  report: '/report',
  export: '/export',
  series: '/series',
  publish: '/publish',
  followup: '/followup',
};

const STAFF: readonly Role[] = ['facilitator', 'organiser'];
/**
 * Who sees a link. The server refuses the staff pages to anyone else anyway; this keeps a
 * participant from being offered pages that would only tell them no. The check-in is
 * offered to everyone but the facilitator only while a round is open (`checkinOpen`).
 */
const WHO: Record<NavPage, readonly Role[]> = {
  board: ['facilitator', 'organiser', 'participant'],
  console: ['facilitator'],
  people: ['facilitator', 'organiser', 'participant'],
  checkin: ['facilitator', 'organiser', 'participant'],
  registrations: STAFF,
  report: ['facilitator', 'organiser', 'participant'],
  export: STAFF,
  series: STAFF,
  publish: STAFF,
  followup: STAFF,
};
// Breakout groups: a member reaches their group's board from the BreakoutBanner on the board
// (groups/BreakoutBanner.tsx) and the facilitator every group from the console's GroupsPanel.
// When groups get a page of their own (an index at `/w/:id/groups`), its link goes here.

/** Scrolls a one-row list (a phone's) so that its current page is in view, without moving the page. */
function showCurrent(list: HTMLUListElement | null): void {
  const link = list?.querySelector<HTMLElement>('[aria-current="page"]');
  if (!list || !link || list.scrollWidth <= list.clientWidth) return;
  list.scrollLeft = Math.max(0, link.offsetLeft - list.offsetLeft - (list.clientWidth - link.offsetWidth) / 2);
}

/** The pages this role is offered, in order; `checkinOpen` says whether a check-in round is running. */
export function navPages(role: Role, checkinOpen: boolean): NavPage[] {
  return NAV_PAGES.filter((p) => WHO[p].includes(role) && (p !== 'checkin' || role === 'facilitator' || checkinOpen));
}

/** How often a participant's page without a live control room asks whether a check-in is open (it opens and ends). */
export const CHECKIN_POLL_MS = 30_000;

/**
 * Whether a check-in round is running, for people who cannot start one themselves. With
 * `poll` false it asks once (a round started before rooms carried `checkinOpen`) and leaves
 * the rest to the live control room. An ended round answers "not open", and an answer is
 * forgotten once it is not asked for (the live room took over), so that when the room later
 * says the round ended, an old "open" does not keep the link.
 */
function useCheckinOpen(workshopId: string, token: string | undefined, ask: boolean, poll: boolean): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!ask || !token) {
      setOpen(false);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      checkinApi.wall(workshopId, token).then(
        (w) => {
          if (!live) return;
          setOpen(w.open);
          if (poll) timer = setTimeout(check, CHECKIN_POLL_MS);
        },
        () => {
          if (live && poll) timer = setTimeout(check, CHECKIN_POLL_MS);
        },
      );
    };
    check();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [workshopId, token, ask, poll]);
  return open;
}

interface Props {
  workshopId: string;
  /** The page being shown: marked with aria-current="page" (and shown even if `omit` names it). */
  current?: NavPage;
  /** Links this page's header already shows (the nav does not repeat them). */
  omit?: readonly NavPage[];
  /** Only these pages, for a page with little room (the board); every page the role may see when not given. */
  only?: readonly NavPage[];
  /** Who is looking; the credential this browser keeps for the workshop when not given. */
  role?: Role;
  /** A check-in round is open, from a control room the page already syncs (the board): live, no polling. */
  checkinOpen?: boolean;
}

/**
 * The workshop's pages, as a named navigation landmark under the site header: the board, the
 * directory and (while it runs) the check-in for everyone; the console, registrations, report,
 * exports, series, publish and follow-up for staff. On a phone it is one row that scrolls
 * sideways inside itself, brought round to the current page.
 */
export function WorkshopNav({ workshopId, current, omit = [], only, role, checkinOpen: liveCheckin }: Props) {
  const { t } = useTranslation();
  const [credential] = useState(() => loadCredential(workshopId));
  const who = role ?? credential?.role;
  const shown = (p: NavPage) => p === current || (!omit.includes(p) && (!only || only.includes(p)));
  const asked = useCheckinOpen(
    workshopId,
    credential?.token,
    !!who && who !== 'facilitator' && shown('checkin') && !liveCheckin,
    liveCheckin === undefined,
  );
  const checkinOpen = asked || liveCheckin === true;
  if (!who) return null;
  const base = `/w/${encodeURIComponent(workshopId)}`;
  const pages = navPages(who, checkinOpen || current === 'checkin').filter(shown);
  if (pages.length <= 1) return null;
  return (
    <nav className="workshop-nav" aria-label={t('nav.label')}>
      <ul className="workshop-nav__list" ref={showCurrent}>
        {pages.map((p) => (
          <li key={p}>
            <Link className="workshop-nav__link" href={base + PATHS[p]} aria-current={p === current ? 'page' : undefined}>
              {t(`nav.${p}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
