import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { SeriesDirectory } from '../src/directory/SeriesDirectory.tsx';

function answer(series: unknown) {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify({ series }), { status: 200 });
  });
  return urls;
}

const show = (lang = 'en') => {
  setLanguage(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <SeriesDirectory workshopId="w1" token="tok" version={0} />
    </I18nextProvider>,
  );
};

afterEach(() => vi.unstubAllGlobals());

describe('the series part of the directory', () => {
  it('lists the other workshops’ listed people under their workshop, with what they chose, organisation included', async () => {
    const urls = answer({
      title: 'Cities that move',
      workshops: [
        {
          title: 'Porto session',
          people: [{ personId: 'p-dan', name: 'Dan Silva', organisation: 'City of Porto', country: 'Portugal', canHelp: 'Tram data' }],
        },
      ],
    });
    show();
    const section = await screen.findByRole('region', { name: 'Also in the series “Cities that move”' });
    expect(urls).toEqual(['/api/workshops/w1/directory/series']);
    const workshop = within(section).getByRole('region', { name: 'Porto session' });
    const card = within(workshop).getByRole('listitem', { name: 'Dan Silva' });
    expect(card).toHaveTextContent('City of Porto');
    expect(card).toHaveTextContent('Portugal');
    expect(card).toHaveTextContent('Tram data');
    expect(within(card).getByRole('heading', { level: 4, name: 'Dan Silva' })).toBeInTheDocument();
  });

  it('says so when nobody in the series’ other workshops is listed, in the reader’s language', async () => {
    answer({ title: 'Villes en mouvement', workshops: [] });
    show('fr');
    expect(await screen.findByRole('heading', { name: 'Aussi dans la série «\u00a0Villes en mouvement\u00a0»' })).toBeInTheDocument();
    expect(screen.getByText('Personne des autres ateliers de la série n’a encore choisi de figurer dans l’annuaire.')).toBeInTheDocument();
  });

  it('shows nothing for a workshop in no series', async () => {
    const urls = answer(null);
    const { container } = show();
    await vi.waitFor(() => expect(urls.length).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    expect(container).toBeEmptyDOMElement();
  });
});
