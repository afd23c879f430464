import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_ANNOUNCEMENT_LENGTH,
  MAX_GROUPS_PER_WORKSHOP,
  MAX_MEMBERS_PER_GROUP,
  type BreakoutGroup,
  type GroupingMode,
} from '@crossboard/model';
import { Link } from '../ui/Link.tsx';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBreakout } from '../groups/use-breakout.ts';
import { apiFor } from '../facilitation/facilitation-api.ts';
import { groupHref, groupsApi } from '../groups/groups-api.ts';
import { useGroupName } from '../groups/group-name.ts';
import '../groups/groups.css';
import { errorMessage, useRequest } from './use-request.ts';

/** Names come from the people list, which changes as people join: ask again this often. */
const PEOPLE_POLL_MS = 15_000;
const DRAG_TYPE = 'application/x-crossboard-person';

/**
 * The facilitator's breakout groups: split the room, adjust by dragging people (or with each
 * person's "Move to group" select), visit a group, message all groups, bring everyone back.
 */
export function GroupsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const { workshopId, control } = useWorkshop();
  const api = useMemo(() => groupsApi(workshopId), [workshopId]);
  const people = useRequest(
    useMemo(() => apiFor(workshopId).people, [workshopId]),
    PEOPLE_POLL_MS,
  );
  const breakout = useBreakout(control);
  const nameOf = useGroupName();
  const [mode, setMode] = useState<GroupingMode>('mixed');
  const [by, setBy] = useState<'count' | 'size'>('count');
  // The field's text as typed: clearing it to type another number must not snap back to 1.
  const [amount, setAmount] = useState('2');
  const [minutes, setMinutes] = useState('');
  const [text, setText] = useState('');
  const [copyNotes, setCopyNotes] = useState(true);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const names = new Map((people.data?.people ?? []).map((p) => [p.personId, p.name]));
  const personName = (id: string) => names.get(id) ?? t('groups.unknownPerson');

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage(await fn());
    } catch (err) {
      setMessage(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const split = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { breakout: made } = await api.split({
        mode,
        ...(by === 'count' ? { groups: Math.max(1, Number(amount) || 1) } : { size: Math.max(1, Number(amount) || 1) }),
        seed: Math.floor(Math.random() * 2 ** 31),
        ...(minutes ? { minutes: Number(minutes) } : {}),
      });
      await people.reload();
      return t('groups.made', { count: made.groups.length });
    });
  };

  const move = (personId: string, group: BreakoutGroup) =>
    run(async () => {
      await api.move(personId, group.id);
      return t('groups.moved', { name: personName(personId), group: nameOf(group) });
    });

  const send = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.broadcast(text);
      setText('');
      return t('groups.broadcastSent');
    });
  };

  const bringBack = () =>
    run(async () => {
      const { copied } = await api.end(copyNotes);
      return t('groups.broughtBack', { count: copied.notes });
    });

  return (
    <section className="console-card groups-panel" aria-labelledby="console-groups">
      <h2 id="console-groups">{t('groups.heading')}</h2>
      <form className="console-form" onSubmit={split}>
        <fieldset className="groups-panel__fieldset">
          <legend>{t('groups.modeLegend')}</legend>
          {(['mixed', 'themes'] as const).map((m) => (
            <label key={m} className="switch">
              <input type="radio" name="groups-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`groups.${m}`)}
            </label>
          ))}
          {mode === 'themes' && <p className="console-hint">{t('groups.themesHint')}</p>}
        </fieldset>
        <fieldset className="groups-panel__fieldset">
          <legend>{t('groups.byLegend')}</legend>
          <div className="console-row">
            {(['count', 'size'] as const).map((b) => (
              <label key={b} className="switch">
                <input type="radio" name="groups-by" value={b} checked={by === b} onChange={() => setBy(b)} />
                {/* Not the box's own name: "Number of groups" twice would be two controls a screen reader cannot tell apart. */}
                {t(b === 'count' ? 'groups.byCountChoice' : 'groups.bySizeChoice')}
              </label>
            ))}
          </div>
          <div className="field groups-panel__field">
            <label htmlFor={`${id}-amount`}>{t(by === 'count' ? 'groups.byCount' : 'groups.bySize')}</label>
            <input
              id={`${id}-amount`}
              className="groups-panel__number"
              type="number"
              min={1}
              max={by === 'count' ? MAX_GROUPS_PER_WORKSHOP : MAX_MEMBERS_PER_GROUP}
              value={amount}
              required
              onChange={(e) => setAmount(e.target.value)}
            />
          </div>
        </fieldset>
        <div className="field groups-panel__field">
          <label htmlFor={`${id}-minutes`}>{t('groups.ownTimer')}</label>
          <input
            id={`${id}-minutes`}
            className="groups-panel__number"
            type="number"
            min={1}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {breakout.active ? t('groups.resplit') : t('groups.split')}
        </button>
      </form>

      {!breakout.active ? (
        <p className="console-empty">{t('groups.none')}</p>
      ) : (
        <>
          <p className="console-hint">{t('groups.dragHint')}</p>
          <ul className="groups-panel__groups">
            {breakout.groups.map((g) => (
              <li
                key={g.id}
                className="groups-panel__group"
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                }}
                onDrop={(e) => {
                  const personId = e.dataTransfer.getData(DRAG_TYPE);
                  if (personId && !g.members.includes(personId)) void move(personId, g);
                }}
              >
                <div className="console-row">
                  <h3 className="grow">
                    {nameOf(g)} <span className="console-count">{t('groups.members', { count: g.members.length })}</span>
                  </h3>
                  <Link className="button button--small" href={groupHref(workshopId, g.id)}>
                    {t('groups.visit', { group: nameOf(g) })}
                  </Link>
                </div>
                {g.members.length === 0 ? (
                  <p className="console-empty">{t('groups.empty')}</p>
                ) : (
                  <ul className="console-list">
                    {g.members.map((id) => (
                      <li
                        key={id}
                        className="console-list__row groups-panel__person"
                        draggable
                        onDragStart={(e) => {
                          e.dataTransfer.setData(DRAG_TYPE, id);
                          e.dataTransfer.effectAllowed = 'move';
                        }}
                      >
                        <span className="console-list__main">{personName(id)}</span>
                        <select
                          className="groups-panel__move"
                          aria-label={t('groups.moveTo', { name: personName(id) })}
                          value={g.id}
                          disabled={busy}
                          onChange={(e) => {
                            const target = breakout.groups.find((x) => x.id === e.target.value);
                            if (target) void move(id, target);
                          }}
                        >
                          {breakout.groups.map((x) => (
                            <option key={x.id} value={x.id}>
                              {nameOf(x)}
                            </option>
                          ))}
                        </select>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <form className="console-form" onSubmit={send}>
            <div className="field groups-panel__field">
              <label htmlFor={`${id}-broadcast`}>{t('groups.broadcastLabel')}</label>
              <textarea
                id={`${id}-broadcast`}
                rows={2}
                maxLength={MAX_ANNOUNCEMENT_LENGTH}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <button type="submit" className="button" disabled={busy || !text.trim()}>
              {t('groups.broadcast')}
            </button>
          </form>
          <label className="switch">
            <input type="checkbox" checked={copyNotes} onChange={(e) => setCopyNotes(e.target.checked)} />
            {t('groups.copyNotes')}
          </label>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void bringBack()}>
            {t('groups.bringBack')}
          </button>
        </>
      )}
      <p role="status" className="console-message">
        {message}
      </p>
    </section>
  );
}
