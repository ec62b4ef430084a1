/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const seriesPalette = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#000000",
];
export const targetColour = "#006D3C";
export const thresholdColour = "#A0522D";
export const baselineColour = "#555555";
