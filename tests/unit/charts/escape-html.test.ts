import { describe, expect, it } from "vitest";
import { fundingChartOption } from "../../../src/features/donors/components/funding-chart-option";
import { escapeHtml } from "../../../src/lib/format/escape-html";

describe("labels never reach the page as HTML", () => {
  it("escapes markup characters", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;",
    );
  });

  it("escapes the name in the funding chart's tooltip", () => {
    const option = fundingChartOption([{ name: "<script>x</script>", disbursed: 50, score: 1 }], {
      x: "x",
      y: "y",
    }) as {
      tooltip: {
        formatter: (p: { dataIndex: number; name: string; value: [number, number] }) => string;
      };
    };
    const html = option.tooltip.formatter({
      dataIndex: 0,
      name: "<script>x</script>",
      value: [50, 1],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
