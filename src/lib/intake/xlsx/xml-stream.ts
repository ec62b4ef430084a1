import { SaxesParser } from "saxes";

/** What a part's reader does with each element and text, names without their namespace prefix. */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text?(text: string): void;
}

/** Feeds a part's bytes, in any number of chunks, to a streaming parser (no recursion, so stack depth never matters). */
export interface XmlStream {
  write(bytes: Uint8Array): void;
  end(): void;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Attributes keyed by local name: `r:id` is read as `id`, so prefixes chosen by the writer never matter. */
function localAttributes(attributes: Record<string, string>): Record<string, string> {
  const local: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const key = localName(name);
    if (!(key in local) || name === key) local[key] = value;
  }
  return local;
}

export function xmlStream(handlers: XmlHandlers): XmlStream {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  const decoder = new TextDecoder("utf-8");
  parser.on("opentag", (tag) =>
    handlers.open(localName(tag.name), localAttributes(tag.attributes)),
  );
  parser.on("closetag", (tag) => handlers.close(localName(tag.name)));
  const onText = handlers.text;
  if (onText) {
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  parser.on("error", (error) => {
    throw error;
  });
  return {
    write: (bytes) => {
      parser.write(decoder.decode(bytes, { stream: true }));
    },
    end: () => {
      parser.write(decoder.decode());
      parser.close();
    },
  };
}
