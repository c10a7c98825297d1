/**
 * Live figures without a framework: every element with an `id` and `data-live` (a send under
 * way, a mailing's progress) is fetched again every three seconds, as part of the whole page,
 * and swapped in when it changed; when the fresh copy is no longer marked live (the send
 * finished), refreshing stops. Pages keep a plain link to reload for browsers without script.
 * Served at `/console/live.js` (functions/console/pages.ts): a mailing's progress, a form's live
 * results (`#live-results`, always live); `/console/events.js` includes it.
 */
export const liveRefreshScript = `(() => {
  const refresh = async () => {
    const live = [...document.querySelectorAll('[data-live][id]')];
    if (live.length === 0) return;
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const current of live) {
        const next = fresh.getElementById(current.id);
        if (!next) continue;
        if (next.innerHTML !== current.innerHTML) current.innerHTML = next.innerHTML;
        if (next.dataset.live) current.dataset.live = next.dataset.live;
        else delete current.dataset.live;
      }
    } catch {}
  };
  setInterval(refresh, 3000);
})();
`;
