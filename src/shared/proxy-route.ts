/** Where requests to one host go, as the settings say it (app and CLI alike). */
export interface ProxyRoute {
  host: string;
  proxy: string | null;
  from: string | null;
}

export const routesText = (routes: ProxyRoute[]) =>
  routes
    .map((r) =>
      r.proxy ? `${r.host} through the proxy ${r.proxy} (from ${r.from})` : `${r.host} direct`,
    )
    .join('; ');
