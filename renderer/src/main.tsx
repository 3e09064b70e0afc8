import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { Notifications } from '@mantine/notifications';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import './app.css';
import { App } from './App';
import { cssVariablesResolver, theme } from './theme';
import { queryClient, showLoadErrorsWith } from './api/cache';
import { showError } from './notify';
import { readAheadAtStart } from './lib/read-ahead';
import { parseRoute } from './route';

// The browser mode's token arrives in the address once; the server sets a cookie, so drop it from the bar.
if (new URLSearchParams(location.search).has('token')) {
  history.replaceState(null, '', `${location.pathname}${location.hash}`);
}

// A read that fails is shown once, in the UI language; the screen keeps what it had.
showLoadErrorsWith((error) => showError(error, 'load'));

// The first screen's reads start now, while the app draws.
readAheadAtStart(parseRoute(location.hash));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="bottom-right" />
        <App />
      </MantineProvider>
    </QueryClientProvider>
  </StrictMode>,
);
