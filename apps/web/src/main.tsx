import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n/index.ts';
import { App } from './app/App.tsx';
import './styles/base.css';
import './styles/workshop.css';
import './styles/board.css';
import './styles/outline.css';
import './styles/presence.css';
import './styles/facilitation.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
