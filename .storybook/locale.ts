/**
 * Switches the widgets' locale for the toolbar. Uses the SDK's i18n module (src/core/i18n.ts, @lit/localize
 * runtime mode) when it exists; every module is found with import.meta.glob so a missing file never breaks the build.
 */
const i18nModules = import.meta.glob<{ setLocale?: (l: string) => Promise<void> | void }>('../src/core/i18n.ts');

export async function applyLocale(locale: string): Promise<void> {
  const load = Object.values(i18nModules)[0];
  if (!load) return;
  const mod = await load();
  await mod.setLocale?.(locale);
}
