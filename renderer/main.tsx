import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App.tsx';
import { HallTimeGate } from './shared/HallTimeGate.tsx';
import './i18n.ts';
import './styles.css';
import './queue/queue.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BrowserRouter>
        <HallTimeGate>
          <App />
        </HallTimeGate>
      </BrowserRouter>
    </StrictMode>,
  );
}
