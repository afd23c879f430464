import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { accessLink, loadCredential, saveCredential } from '../api/credentials.ts';
import { useWorkshop } from '../shared/workshop-context.ts';
import { errorMessage } from './use-request.ts';
import { CopyField } from '../ui/CopyField.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { QrCode, QrFullScreen } from './QrCode.tsx';
import { ParticipantLinkContext } from './participant-link.ts';

/**
 * The two links a facilitator hands out or keeps: the participant link (any facilitator,
 * co-facilitators included, may copy or replace it) and their own private way back in.
 * The participant link also comes as a QR code, small here and full screen for a projector;
 * it is drawn from the current link, so it changes the moment the link is replaced.
 */
export function AccessPanel() {
  const { t } = useTranslation();
  const { workshopId } = useWorkshop();
  const [credential] = useState(() => loadCredential(workshopId));
  const shared = useContext(ParticipantLinkContext);
  const [ownJoinUrl, setOwnJoinUrl] = useState<string | null>(null);
  const joinUrl = (shared ? shared.joinUrl : ownJoinUrl) ?? credential?.joinUrl ?? null;
  const setJoinUrl = shared ? shared.setJoinUrl : setOwnJoinUrl;
  const isShared = shared !== null;
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');
  const [showOwn, setShowOwn] = useState(false);
  const [qrLarge, setQrLarge] = useState(false);

  // Inside the console page the link comes with the page's own request for the workshop.
  useEffect(() => {
    if (!credential || isShared) return;
    let live = true;
    api.workshop(workshopId, credential.token).then(
      (w) => {
        if (live && w.joinUrl) setOwnJoinUrl(w.joinUrl);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [credential, workshopId, isShared]);

  const rotate = async () => {
    setConfirming(false);
    if (!credential) return;
    try {
      const { joinUrl: fresh } = await api.rotateJoinLink(workshopId, credential.token);
      setJoinUrl(fresh);
      const c = loadCredential(workshopId);
      if (c) saveCredential(workshopId, { ...c, joinUrl: fresh });
      setMessage(t('access.rotated'));
    } catch (err) {
      setMessage(errorMessage(err));
    }
  };

  if (!credential) return null;
  const origin = window.location.origin;
  const participantUrl = joinUrl ? new URL(joinUrl, origin).toString() : null;
  return (
    <section className="console-card access-panel" aria-labelledby="console-access">
      <h2 id="console-access">{t('access.heading')}</h2>
      {participantUrl && (
        <CopyField label={t('access.participantLink')} value={participantUrl} copyLabel={t('access.copyParticipantLink')} />
      )}
      <div className="access-panel__actions">
        {participantUrl && (
          <div className="access-panel__qr">
            <QrCode value={participantUrl} label={t('access.qrLabel')} className="access-panel__qr-code" />
            <button type="button" className="button button--small" onClick={() => setQrLarge(true)}>
              {t('access.qrShowLarge')}
            </button>
          </div>
        )}
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {t('access.rotate')}
        </button>
      </div>
      <details className="access-panel__own" open={showOwn} onToggle={(e) => setShowOwn((e.target as HTMLDetailsElement).open)}>
        <summary>{t('access.showFacilitatorLink')}</summary>
        <p className="console-hint">{t('access.keepBody')}</p>
        <CopyField
          label={t('access.facilitatorLink')}
          value={accessLink(origin, workshopId, credential.token)}
          copyLabel={t('access.copyFacilitatorLink')}
        />
      </details>
      <p role="status" className="console-message">
        {message}
      </p>
      {qrLarge && participantUrl && <QrFullScreen value={participantUrl} label={t('access.qrLabel')} onClose={() => setQrLarge(false)} />}
      {confirming && (
        <ConfirmDialog
          title={t('access.rotateTitle')}
          confirmLabel={t('access.rotateConfirm')}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => void rotate()}
        >
          <p>{t('access.rotateBody')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
