import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakoutGroup } from '@crossboard/model';

/** "Group 2" (or "Group 2: Health") in the viewer's language: the document keeps only the number. */
export function useGroupName(): (group: Pick<BreakoutGroup, 'number' | 'theme'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (g) => (g.theme ? t('groups.nameWithTheme', { n: g.number, theme: g.theme }) : t('groups.name', { n: g.number })),
    [t],
  );
}
