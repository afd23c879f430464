import { useTranslation } from 'react-i18next';
import { readPhaseQuestions, type Phase } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from './control-hooks.ts';

/** The question a phase's board answers, above it for everyone; nothing when none was set. */
export function PhaseQuestion({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const question = useControl(control, (d) => readPhaseQuestions(d)[phase]);
  if (!question.trim()) return null;
  return (
    <p className={`phase-question phase-question--${phase}`}>
      <span className="phase-question__label">{t('agenda.questionLabel', { phase: t(`phases.${phase}`) })}</span> {question}
    </p>
  );
}
