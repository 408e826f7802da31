/**
 * The Host names the server answers to. A web page on any site can make the browser send requests to
 * 127.0.0.1 through a name it controls (DNS rebinding: `evil.example` resolves to the attacker's server,
 * then to 127.0.0.1); those requests carry `Host: evil.example`. Answering only the names we print (with
 * our port) keeps every other page's requests out, whatever its DNS says.
 */

/** The URLs `serve` prints: the only origins the server answers. */
export function ownUrls(port: number): string[] {
  return [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`];
}

/** True when `host` (the Host header) is one of ownUrls(port), any case; without a port only for port 80. */
export function isOwnHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  for (const name of ['127.0.0.1', 'localhost']) {
    if (h === `${name}:${port}`) return true;
    if (port === 80 && h === name) return true;
  }
  return false;
}
