// On sign-out, the supervisor's pages kept for offline use (rosters: personal data) are deleted,
// so the next person on a shared phone cannot open them offline. The outbox is kept: a record
// not yet sent is never dropped (it is sent once someone signs in; a stranger's session refuses it).
export const SUPERVISOR_PAGES_CACHE = "supervisor-pages";

export async function forgetCachedPages(): Promise<void> {
  if (typeof caches === "undefined") return;
  await caches.delete(SUPERVISOR_PAGES_CACHE).catch(() => false);
}
