import { isEmbedPath } from "../../src/lib/embed/embed-path";

/**
 * Who may show a page inside a frame. Only the embed view of an indicator may be framed, by any
 * site: that is its purpose, and it only reads published figures. Every other page refuses to be
 * framed (clickjacking: the Data page accepts, undoes and restores an officer's data with a click).
 * `frame-ancestors` is the current rule and `X-Frame-Options` the one older browsers know; neither
 * works from the page's <meta> Content-Security-Policy, so the server sends them.
 *
 * The embed gets no framing header at all rather than `frame-ancestors *`, which would still refuse
 * a host page opened from a file or a sandboxed (opaque-origin) frame.
 */
export function framingHeadersOf(requestPath: string): Record<string, string> {
  if (isEmbedPath(requestPath)) return {};
  return { "Content-Security-Policy": "frame-ancestors 'none'", "X-Frame-Options": "DENY" };
}
