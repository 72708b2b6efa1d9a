/**
 * An oidc-client-ts navigator for session tests: it records the URLs a sign-in or sign-out would navigate to
 * (`urls`) instead of leaving the test page. Pass it as `new oidc.UserManager(settings, nav as never)`.
 */
export class FakeNavigator {
  urls: string[] = [];
  async prepare() {
    return { navigate: async (p: { url: string }) => { this.urls.push(p.url); return { url: p.url }; }, close: () => undefined };
  }
  async callback() { /* not used */ }
}
