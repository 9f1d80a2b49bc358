// Browser mode's per-launch secret: handed over in the URL fragment
// (#token=…), kept in sessionStorage for reloads, and removed from the
// address bar so it is not copied or bookmarked by accident.
const KEY = 'ror-desk-token';

export function takeBrowserToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(KEY);
}
