import { useTranslation } from 'react-i18next';
import type { DirectoryEntry } from '@crossboard/model';
import '../i18n/people-messages.ts';

/** One listed person as the directory shows them: only the fields the server sent, which are the ones they chose. */
export function PersonCard({ person, level = 3 }: { person: DirectoryEntry; level?: 3 | 4 }) {
  const { t } = useTranslation();
  const headingId = `person-${person.personId}`;
  const Heading = level === 4 ? 'h4' : 'h3';
  const link = person.contact && !person.contact.includes('@') ? person.contact : person.contact ? `mailto:${person.contact}` : null;
  return (
    <li className="person-card" aria-labelledby={headingId}>
      <Heading id={headingId}>{person.name}</Heading>
      {(person.role || person.organisation) && (
        <p className="person-card__org">{[person.role, person.organisation].filter(Boolean).join(' · ')}</p>
      )}
      {person.country && <p className="person-card__country">{person.country}</p>}
      {person.themes && (
        <ul className="person-card__themes" aria-label={t('people.consent.themes')}>
          {person.themes.map((th) => (
            <li key={th}>{th}</li>
          ))}
        </ul>
      )}
      <dl>
        {person.canHelp && (
          <>
            <dt>{t('people.directory.canHelp')}</dt>
            <dd>{person.canHelp}</dd>
          </>
        )}
        {person.lookingFor && (
          <>
            <dt>{t('people.directory.lookingFor')}</dt>
            <dd>{person.lookingFor}</dd>
          </>
        )}
        {link && (
          <>
            <dt>{t('people.directory.contact')}</dt>
            <dd>
              <a href={link} rel="noopener noreferrer nofollow" target={link.startsWith('mailto:') ? undefined : '_blank'}>
                {person.contact}
              </a>
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
