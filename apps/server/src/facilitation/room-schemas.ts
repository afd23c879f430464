import * as Y from 'yjs';
import {
  REPORT_LISTS,
  REPORT_RULES,
  applyCorrections as correctedView,
  controlCorrections,
  controlSettings,
  controlState,
  isNewEntry,
  listFixes,
  reportRecommendations,
  runRules,
  stepFixes,
  type ControlKeyChange,
  type ControlMapName,
  type RuleDeps,
} from '@crossboard/model';
import type { RoomClient } from '../sync/connection.ts';
import { restoreKey } from './restore-map.ts';
import { applyCorrections, fieldsNow, readRoomChanges } from './room-changes.ts';
import { TransactionPast } from './transaction-past.ts';
import { clearRoot, parentOf } from './yjs-internals.ts';

/**
 * The schemas of the control and report rooms (packages/model/src/rules/control-rules.ts,
 * report-rules.ts), carried out inside the transaction of a client's update as the board's
 * rules are: what breaks them is put back, repaired or removed before anyone receives it.
 */

const NESTED = { kind: 'nested' } as const;

/** The top-level names a transaction wrote to. */
function changedRoots(tr: Y.Transaction): string[] {
  const roots = new Set<string>();
  for (const type of (tr.changed as Map<Y.AbstractType<unknown>, unknown>).keys()) {
    let t = type;
    for (let up = parentOf(t); up !== null; up = parentOf(t)) t = up.parent;
    for (const [name, root] of tr.doc.share) if (root === t) roots.add(name);
  }
  return [...roots];
}

/** Puts back what a client wrote outside the control room's schema; returns the rules that corrected. */
export function correctControlSchema(tr: Y.Transaction): string[] {
  const maps: Record<ControlMapName, Y.Map<unknown>> = { settings: controlSettings(tr.doc), state: controlState(tr.doc) };
  const changed = tr.changed as Map<unknown, Set<string | null>>;
  const keys: ControlKeyChange[] = [];
  for (const name of ['settings', 'state'] as const) {
    for (const key of changed.get(maps[name]) ?? []) {
      if (key === null) continue;
      const value = maps[name].get(key);
      keys.push({ map: name, key, deleted: !maps[name].has(key), after: value instanceof Y.AbstractType ? NESTED : value });
    }
  }
  const corrections = controlCorrections(changedRoots(tr), keys);
  if (corrections.length === 0) return [];
  const past = new TransactionPast(tr);
  for (const fix of corrections) {
    if (fix.kind === 'dropRoot') {
      const root = tr.doc.share.get(fix.name);
      if (root) clearRoot(root, tr);
    } else {
      restoreKey(maps[fix.map], fix.key, past);
      // A nested type cannot be put back as it was; the key goes, and readers use the default.
      if (maps[fix.map].get(fix.key) instanceof Y.AbstractType) maps[fix.map].delete(fix.key);
    }
  }
  return corrections.map((c) => c.rule);
}

/** What the report rules need of the writer: nothing but the room (they hold for everyone alike). */
const REPORT_DEPS: RuleDeps = {
  room: 'report',
  personId: '',
  trusted: true,
  anonymous: false,
  participantsMayCluster: false,
  locked: () => false,
  author: null,
  ownerOf: () => null,
  notesPerPhase: () => new Map(),
  bytesHeld: () => 0,
  clusterOwnerOf: () => null,
  clustersPerPhase: () => new Map(),
};

/**
 * The report room's schema for a client's update: each recommendation as the rules read it
 * (shape, fields), then the lists inside each one written: links and steps past their caps
 * or of the wrong kind removed, each kept step made well-formed.
 */
export function reportPolicy(onCorrection?: (rule: string, client: RoomClient, id: string) => void) {
  return (tr: Y.Transaction, client: RoomClient): boolean => {
    const recommendations = reportRecommendations(tr.doc);
    const rooms = { notes: recommendations as Y.Map<Y.Map<unknown>>, clusters: null };
    const past = new TransactionPast(tr);
    const changes = readRoomChanges(tr, rooms, past);
    const corrections = runRules(REPORT_RULES, changes, REPORT_DEPS);
    applyCorrections(tr, rooms, past, corrections, changes);
    const report = (rule: string, id: string) => onCorrection?.(rule, client, id);
    for (const fix of corrections) report(fix.rule, fix.kind === 'dropRoot' ? fix.name : fix.key);
    let corrected = corrections.length > 0;
    for (const c of correctedView(changes, corrections).notes) {
      const r = recommendations.get(c.key);
      if (c.after === null || !(r instanceof Y.Map)) continue;
      for (const list of REPORT_LISTS) {
        if (!isNewEntry(c) && !c.edited.has(list)) continue;
        if (correctList(r, list)) {
          report(`recommendation-${list}`, c.key);
          corrected = true;
        }
      }
    }
    return corrected;
  };
}

/** Makes one list of a recommendation well-formed; true when anything changed. */
function correctList(r: Y.Map<unknown>, list: (typeof REPORT_LISTS)[number]): boolean {
  const value = r.get(list);
  if (value === undefined) return false;
  // Not a list at all: it goes, and readers (and the next writer) start an empty one.
  if (!(value instanceof Y.Array)) {
    r.delete(list);
    return true;
  }
  const items = value.toArray();
  const seen = list === 'actionSteps' ? items.map((m) => (m instanceof Y.Map ? fieldsNow(m) : null)) : items;
  const remove = listFixes(list, seen);
  let changed = remove.length > 0;
  for (const i of remove.reverse()) value.delete(i, 1);
  if (list !== 'actionSteps') return changed;
  for (const step of value.toArray()) {
    if (!(step instanceof Y.Map)) continue;
    for (const fix of stepFixes(fieldsNow(step))) {
      if (fix.kind === 'set') step.set(fix.field, fix.value);
      else step.delete(fix.field);
      changed = true;
    }
  }
  return changed;
}
