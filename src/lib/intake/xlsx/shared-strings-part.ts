import { unescapeWorkbookText } from "./escaped-text";
import type { XmlHandlers } from "./xml-stream";

/**
 * Reads xl/sharedStrings.xml: each `<si>`'s text, rich-text runs (`<r><t>`) joined, phonetic
 * guides (`<rPh>`, the furigana above Japanese text) left out.
 */
export function sharedStringsReader(): { handlers: XmlHandlers; result: string[] } {
  const result: string[] = [];
  let inItem = false;
  let inText = false;
  let inPhonetic = false;
  let text = "";
  return {
    result,
    handlers: {
      open(name) {
        if (name === "si") {
          inItem = true;
          text = "";
        } else if (name === "t") inText = true;
        else if (name === "rPh") inPhonetic = true;
      },
      close(name) {
        if (name === "si") {
          result.push(unescapeWorkbookText(text));
          inItem = false;
        } else if (name === "t") inText = false;
        else if (name === "rPh") inPhonetic = false;
      },
      text(chunk) {
        if (inItem && inText && !inPhonetic) text += chunk;
      },
    },
  };
}
