// AR at true scale: the entry the UI loads with a dynamic import when the user presses "View in AR" (Babylon's XR
// code stays out of the initial and preview bundles). `support.ts` answers "can this screen do AR?" without Babylon.
// Never imports Svelte or ui/.
export { startArSession, type ArOptions, type ArSession, type ArStatus, type ArProbe } from './ar-session';
