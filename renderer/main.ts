// Renderer entry: picks the host (Electron bridge or browser), creates the app state and mounts the Svelte UI.
// The manifold WebAssembly URL is resolved here by Vite and handed to the geometry worker.
import { mount } from 'svelte';
import wasmUrl from 'manifold-3d/manifold.wasm?url';
import { createHost } from './host/index';
import { AppState } from './ui/state/app.svelte';
import App from './ui/App.svelte';
import './ui/styles.css';

const host = createHost();
const state = new AppState(host, wasmUrl);
(window as unknown as { atelier?: AppState }).atelier = state;
mount(App, { target: document.getElementById('app')!, props: { app: state } });
void state.start();
