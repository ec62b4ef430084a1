import { type Language, languages } from "../i18n/resources";

/*
 * Where the embed view of one indicator lives. One definition for the router, the iframe code the
 * indicator page offers and the server, which lets only these paths be framed by another site.
 */

/** The router's pattern (outside the app's layout: no header, navigation or status bar). */
export const embedRoute = "/:lang/embed/indicators/:id";

/** The embed view of one indicator, in one language. */
export function embedPath(language: Language, indicatorId: string): string {
  return `/${language}/embed/indicators/${encodeURIComponent(indicatorId)}`;
}

const embedPathPattern = new RegExp(`^/(${languages.join("|")})/embed/indicators/[^/]+/?$`);

/** Whether a (decoded) request path is an embed view, the only pages another site may frame. */
export function isEmbedPath(pathname: string): boolean {
  return embedPathPattern.test(pathname);
}
