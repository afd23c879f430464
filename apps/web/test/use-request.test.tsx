import { StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRequest } from '../src/console/use-request.ts';

function People({ load }: { load: () => Promise<string[]> }) {
  const people = useRequest(load);
  if (people.error) return <p role="alert">{people.error}</p>;
  return (
    <ul aria-label="People">
      {people.data?.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
}

describe('a console list loaded over HTTP', () => {
  it('shows the answer in StrictMode, which mounts twice in development', async () => {
    render(
      <StrictMode>
        <People load={async () => ['Ana Gómez', 'Olga Berg']} />
      </StrictMode>,
    );
    expect(await screen.findByText('Olga Berg')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows a failed request as an alert', async () => {
    render(
      <StrictMode>
        <People load={() => Promise.reject(new Error('The server is not answering.'))} />
      </StrictMode>,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/not answering/);
  });
});
