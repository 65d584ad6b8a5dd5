/** Microsoft clouds the console can run against (see /work/shared/graph-esim.md, National clouds). */

export const CLOUD_NAMES = ['Global', 'USGov', 'USGovDoD', 'China'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export interface Cloud {
  displayName: string;
  /** Where Graph is served, e.g. https://graph.microsoft.com. */
  graphOrigin: string;
  /** Entra sign-in origin; the authority is `${loginOrigin}/${tenantId}`. */
  loginOrigin: string;
  /**
   * Graph's resource URI in this cloud: the prefix of delegated scopes and
   * the `aud` of its tokens. Kept separate from graphOrigin on purpose —
   * a proxy or local Graph (config `graphBaseUrl`) still takes tokens issued
   * for the cloud's Graph resource.
   */
  graphResource: string;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  Global: {
    displayName: 'Microsoft Azure (global)',
    graphOrigin: 'https://graph.microsoft.com',
    loginOrigin: 'https://login.microsoftonline.com',
    graphResource: 'https://graph.microsoft.com',
  },
  USGov: {
    displayName: 'Azure US Government (GCC High, L4)',
    graphOrigin: 'https://graph.microsoft.us',
    loginOrigin: 'https://login.microsoftonline.us',
    graphResource: 'https://graph.microsoft.us',
  },
  USGovDoD: {
    displayName: 'Azure US Government DoD (L5)',
    graphOrigin: 'https://dod-graph.microsoft.us',
    loginOrigin: 'https://login.microsoftonline.us',
    graphResource: 'https://dod-graph.microsoft.us',
  },
  China: {
    displayName: 'Microsoft Azure operated by 21Vianet (China)',
    graphOrigin: 'https://microsoftgraph.chinacloudapi.cn',
    loginOrigin: 'https://login.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
  },
};

/**
 * Whether an origin is one of Microsoft's own sign-in hosts. For any other
 * authority (a sovereign proxy, a local Entra-shaped provider) src/auth
 * inlines the metadata instead of letting MSAL discover it.
 */
export function isMicrosoftLoginOrigin(origin: string): boolean {
  return Object.values(CLOUDS).some((c) => c.loginOrigin === origin);
}
