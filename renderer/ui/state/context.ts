// The app state as a Svelte context: App.svelte creates it once (createAppContext) and every component under it
// reads it with useApp(), so no component needs the state handed down through its parents' props.
import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';

const KEY = Symbol('atelier.app');

/** Makes `app` the state every component under the calling one reads (call during App's initialisation). */
export function createAppContext(app: AppState): AppState {
  setContext(KEY, app);
  return app;
}

/** The app state of the surrounding App (call during a component's initialisation). */
export function useApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('useApp() is called outside <App>: App.svelte calls createAppContext first');
  return app;
}
