/** Row groups of ~65k rows: small enough that one indicator's rows span few of them. */
export const publishedRowGroupSize = 65_536;
