import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.tsx';
import { HallTimeGate } from './shared/HallTimeGate.tsx';
import './i18n.ts';
import './styles.css';
import './queue/queue.css';

// The PC's own setup page (desktop app) runs before this PC knows any hall: no hall time to wait for.
const beforeAnyHall = window.location.pathname.startsWith('/pc-setup');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        {beforeAnyHall ? (
          <App />
        ) : (
          <HallTimeGate>
            <App />
          </HallTimeGate>
        )}
      </BrowserRouter>
    </StrictMode>,
  );
}
