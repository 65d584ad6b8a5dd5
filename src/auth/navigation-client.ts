import { NavigationClient, type NavigationOptions } from '@azure/msal-browser';

/**
 * Routes MSAL's in-app navigations through the SPA router instead of full
 * page loads. The router registers its navigate function once at startup.
 */
export class RouterNavigationClient extends NavigationClient {
  navigate: ((url: string, replace: boolean) => void) | null = null;
  override navigateInternal(url: string, options: NavigationOptions): Promise<boolean> {
    if (!this.navigate) return super.navigateInternal(url, options);
    const target = new URL(url, window.location.origin);
    if (target.origin !== window.location.origin) return super.navigateInternal(url, options);
    this.navigate(target.pathname + target.search + target.hash, options.noHistory);
    return Promise.resolve(false);
  }
}
