import { addMessages } from '../i18n/people-messages.ts';
import { i18n } from '../i18n/index.ts';
import { ApiError } from './client.ts';

/**
 * The server writes its refusals in English (apps/server/src/errors.ts). The ones a facilitator
 * or participant meets in the course of a workshop are said again here in their language; any
 * other code keeps the server's English sentence, which is better than a vague "went wrong".
 * Details the server puts in its sentence (the board's limit, how long to wait) are read out of
 * it, since the answer carries them in no other field.
 */
export const en = {
  DOCUMENT_TOO_LARGE:
    'This change would make the board larger than the server allows; nothing was changed. Delete some notes or drafts first.',
  DOCUMENT_TOO_LARGE_limit:
    'This change would make the board larger than the {{limit}} the server allows; nothing was changed. Delete some notes or drafts first.',
  NO_VOTES_LEFT: 'You have used all your votes; withdraw one to vote elsewhere.',
  ITEM_LIMIT: 'You have put as many votes on this item as allowed.',
  NO_VOTE_TO_WITHDRAW: 'You have no vote on this item to take back.',
  VOTING_CLOSED: 'Voting is closed.',
  JOINING_CLOSED: 'This workshop is not taking new participants; ask the facilitator to reopen joining.',
  RATE_LIMITED: 'Too many requests; wait a little and try again.',
  RATE_LIMITED_seconds: 'Too many requests; try again in {{count}} s.',
  NETWORK: 'The server could not be reached. Check your connection and try again.',
  units: { MiB: 'MiB', KiB: 'KiB' },
};

export const es: typeof en = {
  DOCUMENT_TOO_LARGE:
    'Este cambio haría el tablero más grande de lo que el servidor permite; no se ha cambiado nada. Borra antes algunas notas o borradores.',
  DOCUMENT_TOO_LARGE_limit:
    'Este cambio haría el tablero más grande que los {{limit}} que el servidor permite; no se ha cambiado nada. Borra antes algunas notas o borradores.',
  NO_VOTES_LEFT: 'Has usado todos tus votos; retira uno para votar en otro sitio.',
  ITEM_LIMIT: 'Ya has puesto en este elemento todos los votos permitidos.',
  NO_VOTE_TO_WITHDRAW: 'No tienes ningún voto en este elemento que retirar.',
  VOTING_CLOSED: 'La votación está cerrada.',
  JOINING_CLOSED: 'Este taller no admite nuevos participantes; pide a la persona facilitadora que vuelva a abrir la inscripción.',
  RATE_LIMITED: 'Demasiadas solicitudes; espera un poco y vuelve a intentarlo.',
  RATE_LIMITED_seconds: 'Demasiadas solicitudes; vuelve a intentarlo en {{count}} s.',
  NETWORK: 'No se ha podido contactar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  units: { MiB: 'MiB', KiB: 'KiB' },
};

export const fr: typeof en = {
  DOCUMENT_TOO_LARGE:
    'Cette modification rendrait le tableau plus grand que ce que le serveur accepte\u202f; rien n’a été modifié. Supprimez d’abord quelques notes ou brouillons.',
  DOCUMENT_TOO_LARGE_limit:
    'Cette modification rendrait le tableau plus grand que les {{limit}} que le serveur accepte\u202f; rien n’a été modifié. Supprimez d’abord quelques notes ou brouillons.',
  NO_VOTES_LEFT: 'Vous avez utilisé tous vos votes\u202f; retirez-en un pour voter ailleurs.',
  ITEM_LIMIT: 'Vous avez déjà mis sur cet élément autant de votes que permis.',
  NO_VOTE_TO_WITHDRAW: 'Vous n’avez aucun vote à retirer sur cet élément.',
  VOTING_CLOSED: 'Le vote est clos.',
  JOINING_CLOSED: 'Cet atelier n’accepte plus de nouveaux participants\u202f; demandez à l’animateur de rouvrir les inscriptions.',
  RATE_LIMITED: 'Trop de requêtes\u202f; patientez un peu et réessayez.',
  RATE_LIMITED_seconds: 'Trop de requêtes\u202f; réessayez dans {{count}}\u00a0s.',
  NETWORK: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  units: { MiB: 'Mio', KiB: 'Kio' },
};

addMessages('apiErrors', { en, es, fr });

type Code = Exclude<keyof typeof en, 'units' | `${string}_${'limit' | 'seconds'}`>;
const TRANSLATED = new Set<string>(Object.keys(en).filter((k) => k !== 'units' && !/_(limit|seconds)$/.test(k)));
const isTranslated = (code: string): code is Code => TRANSLATED.has(code);

/** "…past the limit of 1.5 MiB a workshop board may hold…" (apps/server/src/sync/document-limit.ts). */
const LIMIT = /limit of (\d+(?:\.\d+)?) (MiB|KiB)\b/;
/** "…try again in 42 s." (apps/server/src/http/rate-limits.ts). */
const SECONDS = /try again in (\d+) s\b/;

/** The sentence to show for a failed call, in the language the page is shown in. */
export function apiErrorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  if (!isTranslated(err.code)) return err.message;
  const t = i18n.t.bind(i18n);
  if (err.code === 'DOCUMENT_TOO_LARGE') {
    const m = LIMIT.exec(err.message);
    if (!m) return t('apiErrors.DOCUMENT_TOO_LARGE');
    const amount = new Intl.NumberFormat(i18n.language).format(Number(m[1]));
    const limit = `${amount}\u00a0${t(`apiErrors.units.${m[2] as 'MiB' | 'KiB'}`)}`;
    return t('apiErrors.DOCUMENT_TOO_LARGE_limit', { limit });
  }
  if (err.code === 'RATE_LIMITED') {
    const m = SECONDS.exec(err.message);
    return m ? t('apiErrors.RATE_LIMITED_seconds', { count: Number(m[1]) }) : t('apiErrors.RATE_LIMITED');
  }
  return t(`apiErrors.${err.code}`);
}
