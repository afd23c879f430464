import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardNotes, listNotes, noteContent, plainText, suggestThemes, type Phase, type ThemeSuggestion } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { patchNote } from '../board/note-actions.ts';

interface Offer extends ThemeSuggestion {
  text: string;
}

/**
 * Offers one of the workshop's themes for each untagged note of the phase that clearly matches
 * one (by the words it shares with the theme's name and the notes already tagged with it). A
 * suggestion only: nothing is tagged until the facilitator accepts it, one note at a time, and
 * each accepted tag is its own step on the board's undo. Notes tagged in any phase describe
 * the themes. `subject` is the workshop's title and purpose: words every note is about, which
 * say nothing about which theme a note belongs to.
 */
export function ThemeSuggestions({ phase, themes, subject = '' }: { phase: Phase; themes: readonly string[]; subject?: string }) {
  const { t } = useTranslation();
  const { board, undo } = useWorkshop();
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // After an offer is accepted or dismissed its buttons are gone: focus moves to the offer
  // that took its place (or the Suggest button when none is left) instead of falling to the page.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const suggestButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.button--primary') ?? [];
    (buttons[Math.min(focusIndex, buttons.length - 1)] ?? suggestButton.current)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const textOf = (id: string) => {
    const m = boardNotes(board).get(id);
    return m ? plainText(noteContent(m)) : '';
  };
  const suggest = () => {
    const notes = listNotes(board)
      .map((n) => ({ id: n.id, phase: n.phase, text: textOf(n.id), theme: n.theme }))
      .filter((n) => n.text.trim());
    const inPhase = new Map(notes.filter((n) => n.phase === phase).map((n) => [n.id, n.text]));
    const found = suggestThemes(notes, themes, { subject })
      .filter((s) => inPhase.has(s.noteId))
      .map((s) => ({ ...s, text: inPhase.get(s.noteId)! }));
    setOffers(found);
    setAnnouncement(found.length ? t('themeSuggestions.couldBeTagged', { count: found.length }) : t('themeSuggestions.none'));
  };
  const drop = (noteId: string) => {
    setFocusIndex(
      Math.max(
        0,
        (offers ?? []).findIndex((o) => o.noteId === noteId),
      ),
    );
    setOffers((all) => (all ?? []).filter((o) => o.noteId !== noteId));
  };
  const accept = (o: Offer) => {
    const m = boardNotes(board).get(o.noteId);
    // Someone may have tagged or deleted the note since: their choice stands.
    if (!m || m.get('theme') || !themes.includes(o.theme)) {
      drop(o.noteId);
      setAnnouncement(t('themeSuggestions.gone'));
      return;
    }
    undo.stopCapturing();
    patchNote(board, o.noteId, { theme: o.theme });
    undo.stopCapturing();
    drop(o.noteId);
    setAnnouncement(t('themeSuggestions.accepted', { theme: o.theme }));
  };

  return (
    <section className="console-card" aria-labelledby="console-theme-suggest">
      <h2 id="console-theme-suggest">{t('themeSuggestions.heading')}</h2>
      {themes.length === 0 ? (
        <p className="console-empty">{t('themeSuggestions.noThemes')}</p>
      ) : (
        <button type="button" className="button" ref={suggestButton} onClick={suggest}>
          {t('themeSuggestions.suggest')}
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {offers && (
        <p className="console-empty">
          {offers.length ? t('themeSuggestions.couldBeTagged', { count: offers.length }) : t('themeSuggestions.none')}
        </p>
      )}
      {offers && offers.length > 0 && (
        <ul className="console-list" ref={list}>
          {offers.map((o) => (
            <li key={o.noteId} className="suggestion" aria-label={t('themeSuggestions.note', { text: o.text })}>
              <p className="suggestion__text" id={`theme-offer-${o.noteId}`}>
                {o.text}
              </p>
              <p className="console-list__meta">{t('themeSuggestions.theme', { theme: o.theme })}</p>
              <div className="console-row">
                <button
                  type="button"
                  className="button button--small button--primary"
                  aria-describedby={`theme-offer-${o.noteId}`}
                  onClick={() => accept(o)}
                >
                  {t('themeSuggestions.accept', { theme: o.theme })}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-describedby={`theme-offer-${o.noteId}`}
                  onClick={() => drop(o.noteId)}
                >
                  {t('themeSuggestions.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
