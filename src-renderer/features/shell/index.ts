// The shell as the renderer's entry sees it: the application, and the page for a browser
// opened without its access token.
export { App } from './App';
export { MissingToken } from './MissingToken';
