/** The toolbar button as the badge effect uses it (entrypoints/background/badge.ts), keeping what it was last given. */
export function fakeAction() {
  const state = { text: '', color: '', title: '' };
  return {
    state,
    setBadgeText: async ({ text }: { text: string }) => void (state.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (state.color = color),
    setTitle: async ({ title }: { title: string }) => void (state.title = title),
  };
}
