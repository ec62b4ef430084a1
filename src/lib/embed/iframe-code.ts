import { escapeHtml } from "../format/escape-html";
import type { Language } from "../i18n/resources";
import { embedPath } from "./embed-path";

export interface IframeCodeInput {
  /** The dashboard's origin as the browser sees it (`location.origin`), e.g. `https://monitor.example`. */
  origin: string;
  language: Language;
  indicatorId: string;
  /** The indicator's title: the frame's accessible name on the host page. */
  title: string;
  width: number;
  height: number;
}

/**
 * The HTML another site pastes to show one indicator. Every attribute value is escaped, so a title
 * with quotes or angle brackets cannot end the attribute or open a tag on the host's page.
 */
export function iframeCode(input: IframeCodeInput): string {
  const src = `${input.origin}${embedPath(input.language, input.indicatorId)}`;
  const attributes: [string, string][] = [
    ["src", src],
    ["title", input.title],
    ["width", String(input.width)],
    ["height", String(input.height)],
    ["loading", "lazy"],
  ];
  const text = attributes.map(([name, value]) => `${name}="${escapeHtml(value)}"`).join(" ");
  return `<iframe ${text}></iframe>`;
}
