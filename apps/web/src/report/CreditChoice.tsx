import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credit } from '@crossboard/model';
import { request } from '../api/client.ts';

const OPTIONS: { value: Credit; key: string }[] = [
  { value: 'named', key: 'report.creditNamed' },
  { value: 'organisation', key: 'report.creditOrganisation' },
  { value: 'none', key: 'report.creditNone' },
];

/** Each person decides how the report credits them; the server keeps the choice. */
export function CreditChoice({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation();
  const [credit, setCredit] = useState<Credit | null>(null);
  const [saved, setSaved] = useState(false);
  const path = `/api/workshops/${encodeURIComponent(workshopId)}/credit`;
  useEffect(() => {
    let live = true;
    request<{ credit: Credit }>('GET', path, undefined, token).then(
      (r) => live && setCredit(r.credit),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [path, token]);
  if (!credit) return null;
  return (
    <label className="field report-credit">
      <span>{t('report.credit')}</span>
      <select
        value={credit}
        onChange={async (e) => {
          const next = e.target.value as Credit;
          setCredit(next);
          setSaved(false);
          await request('PUT', path, { credit: next }, token);
          setSaved(true);
        }}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {t(o.key)}
          </option>
        ))}
      </select>
      <span role="status" className="report-muted">
        {saved ? t('report.creditSaved') : ''}
      </span>
    </label>
  );
}
