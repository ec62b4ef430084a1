/** One observation of a series as the progress maths and charts read it. */
export interface SeriesPoint {
  period: string;
  time: number;
  value: number | null;
  obs_status?: string | null;
  note?: string | null;
}
