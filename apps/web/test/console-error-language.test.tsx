import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveCredential } from '../src/api/credentials.ts';
import { ApiError, request } from '../src/api/client.ts';
import { apiErrorMessage } from '../src/api/error-messages.ts';
import { DraftsPanel } from '../src/console/DraftsPanel.tsx';
import { facilitationApi } from '../src/facilitation/facilitation-api.ts';
import { i18n, setLanguage } from '../src/i18n/index.ts';
import { ME, renderWorkshop } from './render-workshop.tsx';
import { interceptFetch } from './facilitation-fetch.ts';

/** What the server answers a reveal that would not fit (apps/server/src/facilitation/drafts-commands.ts). */
const TOO_LARGE = {
  error: {
    code: 'DOCUMENT_TOO_LARGE',
    message:
      'Revealing the drafts would make the board 1.6 MiB, past the limit of 1.5 MiB a workshop board may hold; nothing was changed. Delete some drafts or notes first.',
  },
};

beforeEach(() => {
  saveCredential('w1', { token: 'tok-fac', personId: 'p-fac', role: 'facilitator' });
});
afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  setLanguage('en');
});

describe('a refusal in the console, in the facilitator’s language', () => {
  it.each([
    [
      'en',
      'This change would make the board larger than the 1.5\u00a0MiB the server allows; nothing was changed. Delete some notes or drafts first.',
    ],
    [
      'es',
      'Este cambio haría el tablero más grande que los 1,5\u00a0MiB que el servidor permite; no se ha cambiado nada. Borra antes algunas notas o borradores.',
    ],
    [
      'fr',
      'Cette modification rendrait le tableau plus grand que les 1,5\u00a0Mio que le serveur accepte\u202f; rien n’a été modifié. Supprimez d’abord quelques notes ou brouillons.',
    ],
  ] as const)('says in %s that revealing the drafts would pass the board’s limit, naming the limit', async (lang, expected) => {
    const user = userEvent.setup();
    interceptFetch((c) => {
      if (c.url.endsWith('/drafts') && c.method === 'GET') return { body: { drafts: [] } };
      if (c.url.endsWith('/drafts/reveal')) return { status: 413, body: TOO_LARGE };
      return undefined;
    });
    renderWorkshop(<DraftsPanel api={facilitationApi('w1', 'tok-fac')} />, { me: { ...ME, role: 'facilitator' } });
    act(() => setLanguage(lang));
    await user.click(screen.getByRole('button', { name: i18n.t('console.drafts.reveal') }));
    // textContent, not findByText: the no-break spaces before the unit and French ; are part of the answer.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(expected));
  });

  it('says the often-met refusals in Spanish and French, and keeps the server’s English for the rest', async () => {
    const refusal = (code: string, message: string) => new ApiError(409, code, message);
    setLanguage('es');
    expect(apiErrorMessage(refusal('NO_VOTES_LEFT', 'You have used all your votes; withdraw one to vote elsewhere.'))).toBe(
      'Has usado todos tus votos; retira uno para votar en otro sitio.',
    );
    expect(apiErrorMessage(refusal('RATE_LIMITED', 'Too many drafts; try again in 42 s.'))).toBe(
      'Demasiadas solicitudes; vuelve a intentarlo en 42 s.',
    );
    setLanguage('fr');
    expect(apiErrorMessage(refusal('VOTING_CLOSED', 'Voting is closed.'))).toBe('Le vote est clos.');
    expect(apiErrorMessage(refusal('JOINING_CLOSED', 'This workshop is not taking new participants.'))).toMatch(/^Cet atelier/);
    // Without the detail the server usually gives, the sentence still stands, without it.
    expect(apiErrorMessage(refusal('DOCUMENT_TOO_LARGE', 'Too large.'))).toMatch(
      /^Cette modification rendrait le tableau plus grand que ce que/,
    );
    expect(apiErrorMessage(refusal('LAST_FACILITATOR', 'The last facilitator cannot be removed.'))).toBe(
      'The last facilitator cannot be removed.',
    );
    // The web's own request() surfaces the code it was given, so a real answer is translated too.
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ error: { code: 'NO_VOTES_LEFT', message: 'x' } }), { status: 409 }));
    const err = await request('POST', '/api/workshops/w1/votes', {}).catch((e: unknown) => e);
    expect(apiErrorMessage(err)).toBe('Vous avez utilisé tous vos votes\u202f; retirez-en un pour voter ailleurs.');
  });
});
