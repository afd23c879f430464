import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QR_QUIET_ZONE, qrMatrix, qrPath } from './qr-matrix.ts';

/** The QR code of a link as an image with a name; `className` sets its size. */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const matrix = useMemo(() => qrMatrix(value), [value]);
  const side = matrix.length + 2 * QR_QUIET_ZONE;
  return (
    <svg
      className={className}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-qr-value={value}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}

/**
 * The same code filling the screen, for a projector: the room scans it from their seats.
 * Close (focused first) or Escape returns to the console, and focus goes back to the opener.
 */
export function QrFullScreen({ value, label, onClose }: { value: string; label: string; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <div className="modal-backdrop qr-full">
      <div
        className="modal qr-full__box"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          // Only one control inside, so Tab has nowhere else to go.
          if (e.key === 'Escape' || e.key === 'Tab') {
            e.preventDefault();
            if (e.key === 'Escape') onClose();
          }
        }}
      >
        <h2 id={titleId} className="modal__title">
          {t('access.qrLargeTitle')}
        </h2>
        <QrCode value={value} label={label} className="qr-full__code" />
        <p className="qr-full__url">{value}</p>
        <div className="modal__actions">
          <button ref={close} type="button" className="button" onClick={onClose}>
            {t('access.qrClose')}
          </button>
        </div>
      </div>
    </div>
  );
}
