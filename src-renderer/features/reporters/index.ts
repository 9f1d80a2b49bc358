// The reporter directory feature as the shell sees it: its page (import and look-up).
export { ReportersPage } from './ReportersPage';
