import { describe, expect, it } from "vitest";
import { framingHeadersOf } from "../../../scripts/lib/framing-headers";
import { embedPath, isEmbedPath } from "../../../src/lib/embed/embed-path";
import { iframeCode } from "../../../src/lib/embed/iframe-code";

const plain = {
  origin: "https://monitor.example",
  language: "es",
  indicatorId: "remittance-cost-usd200",
  title: "Costo de enviar USD 200 a Honduras",
  width: 640,
  height: 820,
} as const;

describe("iframe code for the embed view", () => {
  it("points at the indicator's embed view in the page's language, with title, size and lazy loading", () => {
    expect(iframeCode(plain)).toBe(
      '<iframe src="https://monitor.example/es/embed/indicators/remittance-cost-usd200" title="Costo de enviar USD 200 a Honduras" width="640" height="820" loading="lazy"></iframe>',
    );
    expect(iframeCode({ ...plain, language: "en", title: "Cost", width: 480, height: 600 })).toBe(
      '<iframe src="https://monitor.example/en/embed/indicators/remittance-cost-usd200" title="Cost" width="480" height="600" loading="lazy"></iframe>',
    );
  });

  it("escapes quotes, angle brackets and ampersands so a title cannot leave its attribute", () => {
    const code = iframeCode({ ...plain, title: `Niñez "retornada" <b>& 'otros'</b>` });
    expect(code).toContain(
      'title="Niñez &quot;retornada&quot; &lt;b&gt;&amp; &#39;otros&#39;&lt;/b&gt;"',
    );
    // One element, five attributes, nothing else opened on the host's page.
    expect(code.match(/</g)).toHaveLength(2);
    expect(code.match(/"/g)).toHaveLength(10);
  });

  it("encodes an identifier that is not URL-safe and escapes the origin too", () => {
    const code = iframeCode({ ...plain, origin: 'https://a.example/"x', indicatorId: "a b/c&d" });
    expect(code).toContain('src="https://a.example/&quot;x/es/embed/indicators/a%20b%2Fc%26d"');
  });
});

describe("embed paths and who may frame them", () => {
  it("recognises the embed view of any indicator in either language, and nothing else", () => {
    expect(isEmbedPath(embedPath("es", "remittance-cost-usd200"))).toBe(true);
    expect(isEmbedPath("/en/embed/indicators/children-in-detention")).toBe(true);
    expect(isEmbedPath("/en/embed/indicators/children-in-detention/")).toBe(true);
    for (const other of [
      "/",
      "/es",
      "/es/data",
      "/es/indicators/remittance-cost-usd200",
      "/fr/embed/indicators/remittance-cost-usd200",
      "/es/embed/indicators/",
      "/es/embed/indicators/a/b",
      "/es/embed/catalog",
      "/es/embed/indicators/x/../../../data",
      "/index.html",
    ])
      expect(isEmbedPath(other), other).toBe(false);
  });

  it("lets any site frame the embed view and no site frame any other page", () => {
    expect(framingHeadersOf("/es/embed/indicators/remittance-cost-usd200")).toEqual({});
    const refused = {
      "Content-Security-Policy": "frame-ancestors 'none'",
      "X-Frame-Options": "DENY",
    };
    expect(framingHeadersOf("/es/data")).toEqual(refused);
    expect(framingHeadersOf("/es/indicators/remittance-cost-usd200")).toEqual(refused);
    expect(framingHeadersOf("/index.html")).toEqual(refused);
  });
});
