import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { useYValue } from '../src/shared/use-y-value.ts';

/** Shows what a map's `title` holds, observing the map shallowly or deeply, and counts renders. */
function Title({ map, deep = false, renders }: { map: Y.Map<unknown> | null; deep?: boolean; renders: { count: number } }) {
  renders.count++;
  const title = useYValue(map, () => (map ? String(map.get('title') ?? '') : '(none)'), deep);
  const steps = useYValue(map, () => (map?.get('steps') as Y.Array<string> | undefined)?.length ?? 0, deep);
  return (
    <p>
      {title} / {steps}
    </p>
  );
}

function docWith(title: string) {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>('rec');
  map.set('title', title);
  map.set('steps', new Y.Array<string>());
  return map;
}

/** Changes the map after the first render, before passive effects subscribe: a sync reply landing while the board mounts. */
function ChangesWhileMounting({ map }: { map: Y.Map<unknown> }) {
  useLayoutEffect(() => {
    map.set('title', 'Arrived while mounting');
  }, [map]);
  return null;
}

describe('useYValue', () => {
  it('shows a change made between the first render and its subscription', () => {
    const map = docWith('Before');
    render(
      <>
        <Title map={map} renders={{ count: 0 }} />
        <ChangesWhileMounting map={map} />
      </>,
    );
    expect(screen.getByText('Arrived while mounting / 0')).toBeInTheDocument();
  });

  it('re-reads when the observed type changes', () => {
    const map = docWith('Pilot budgets');
    render(<Title map={map} renders={{ count: 0 }} />);
    expect(screen.getByText('Pilot budgets / 0')).toBeInTheDocument();
    act(() => map.set('title', 'Shared pilot budgets'));
    expect(screen.getByText('Shared pilot budgets / 0')).toBeInTheDocument();
  });

  it('sees changes inside nested types only when deep', () => {
    const shallow = docWith('Shallow');
    const deep = docWith('Deep');
    const shallowRenders = { count: 0 };
    render(
      <>
        <Title map={shallow} renders={shallowRenders} />
        <Title map={deep} deep renders={{ count: 0 }} />
      </>,
    );
    const before = shallowRenders.count;
    act(() => {
      (shallow.get('steps') as Y.Array<string>).push(['Ask the region']);
      (deep.get('steps') as Y.Array<string>).push(['Ask the region']);
    });
    expect(screen.getByText('Deep / 1')).toBeInTheDocument();
    // The shallow reader was not told: a change deep in one note does not re-render the others.
    expect(screen.getByText('Shallow / 0')).toBeInTheDocument();
    expect(shallowRenders.count).toBe(before);
  });

  it('reads the new type in the same render when handed another one', () => {
    const first = docWith('First');
    const second = docWith('Second');
    const renders = { count: 0 };
    const { rerender } = render(<Title map={first} renders={renders} />);
    rerender(<Title map={second} renders={renders} />);
    expect(screen.getByText('Second / 0')).toBeInTheDocument();
    // The old type is no longer observed; the new one is.
    act(() => first.set('title', 'First again'));
    act(() => second.set('title', 'Second again'));
    expect(screen.getByText('Second again / 0')).toBeInTheDocument();
  });

  it('answers without a type, and starts observing when one arrives', () => {
    const renders = { count: 0 };
    const { rerender } = render(<Title map={null} renders={renders} />);
    expect(screen.getByText('(none) / 0')).toBeInTheDocument();
    const map = docWith('Arrived');
    rerender(<Title map={map} renders={renders} />);
    act(() => map.set('title', 'Arrived and changed'));
    expect(screen.getByText('Arrived and changed / 0')).toBeInTheDocument();
  });
});
