/**
 * The language of plausibility rules (`indicators/rules/*.json`, field `expression`):
 *
 *   rule       = side comparison side
 *   side       = term { "+" term }
 *   term       = number "*" reference | reference | number
 *   reference  = indicator-id [ "[" selector { "," selector } "]" ]
 *   selector   = dimension "=" code
 *   comparison = "<=" | ">=" | "="
 *
 * e.g. `returnees-in-reintegration <= returnees-received` or
 * `missing-migrants-located[case_status=located_alive] + missing-migrants-located[case_status=located_deceased] = missing-migrants-located`.
 * A number is digits with at most one decimal point (`2`, `1.05`); an indicator id is the
 * catalog's kebab-case id; a code is anything up to `,` or `]` (`0-17`, `18+`, `HN-AT`).
 * Spaces between tokens are free. Positions in errors count characters from 1.
 */

export type Comparison = "<=" | ">=" | "=";

export interface Selector {
  dimension: string;
  code: string;
}

export type Term =
  | {
      kind: "reference";
      indicator: string;
      /** Multiplies the indicator's value; 1 when none is written. */
      factor: number;
      selectors: Selector[];
      position: number;
    }
  | { kind: "constant"; value: number; position: number };
export type ReferenceTerm = Extract<Term, { kind: "reference" }>;

export interface RuleExpression {
  left: Term[];
  comparison: Comparison;
  right: Term[];
}

export type RuleExpressionParse =
  | { ok: true; expression: RuleExpression }
  | { ok: false; position: number; message: string };

type Token =
  | { kind: "word"; text: string; position: number }
  | { kind: "number"; value: number; text: string; position: number }
  | { kind: "symbol"; text: "+" | "*" | "[" | "]" | "," | "=" | "<=" | ">="; position: number }
  | { kind: "code"; text: string; position: number }
  | { kind: "end"; position: number };

class ExpressionError extends Error {
  constructor(
    readonly position: number,
    message: string,
  ) {
    super(message);
  }
}

const wordPattern = /^[a-z0-9]+(?:[-.][a-z0-9]+)*/;
const dimensionPattern = /^[a-z_]+/;
const numberPattern = /^\d+(?:\.\d+)?$/;
const codePattern = /^[^\s,\]=[]+/;

/** Splits the text into tokens; after `[` and after `=` inside brackets the grammar changes. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let inBrackets = false;
  let expectCode = false;
  while (i < text.length) {
    const rest = text.slice(i);
    const position = i + 1;
    const space = rest.match(/^\s+/);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (expectCode) {
      const code = rest.match(codePattern);
      if (!code) throw new ExpressionError(position, "expected a code after “=”");
      tokens.push({ kind: "code", text: code[0], position });
      i += code[0].length;
      expectCode = false;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<=" || two === ">=") {
      tokens.push({ kind: "symbol", text: two, position });
      i += 2;
      continue;
    }
    const one = rest[0] ?? "";
    if (one === "+" || one === "*" || one === "[" || one === "]" || one === "," || one === "=") {
      tokens.push({ kind: "symbol", text: one, position });
      if (one === "[") inBrackets = true;
      if (one === "]") inBrackets = false;
      if (one === "=" && inBrackets) expectCode = true;
      i += 1;
      continue;
    }
    if (one === "<" || one === ">")
      throw new ExpressionError(position, `“${one}” alone is not a comparison: use “${one}=”`);
    const word = rest.match(inBrackets ? dimensionPattern : wordPattern);
    if (word) {
      const textOf = word[0];
      // A word of digits with at most one point is a number (2, 1.05); anything else an id.
      if (!inBrackets && numberPattern.test(textOf))
        tokens.push({ kind: "number", value: Number(textOf), text: textOf, position });
      else tokens.push({ kind: "word", text: textOf, position });
      i += textOf.length;
      continue;
    }
    throw new ExpressionError(position, `unexpected character “${one}”`);
  }
  if (expectCode) throw new ExpressionError(text.length + 1, "expected a code after “=”");
  tokens.push({ kind: "end", position: text.length + 1 });
  return tokens;
}

function describeToken(token: Token): string {
  return token.kind === "end" ? "the end of the expression" : `“${token.text}”`;
}

/** Recursive descent over the tokens, one function per rule of the grammar. */
function parseTokens(tokens: readonly Token[]): RuleExpression {
  let at = 0;
  const peek = (): Token => tokens[at] ?? { kind: "end", position: 0 };
  const next = (): Token => {
    const token = peek();
    at++;
    return token;
  };
  const isSymbol = (token: Token, text: string) => token.kind === "symbol" && token.text === text;
  const expectSymbol = (text: string, after: string) => {
    const token = next();
    if (!isSymbol(token, text))
      throw new ExpressionError(
        token.position,
        `expected “${text}” ${after}, found ${describeToken(token)}`,
      );
  };

  const selector = (): Selector => {
    const dimension = next();
    if (dimension.kind !== "word")
      throw new ExpressionError(
        dimension.position,
        `expected a dimension name, found ${describeToken(dimension)}`,
      );
    expectSymbol("=", `after the dimension “${dimension.text}”`);
    const code = next();
    if (code.kind !== "code")
      throw new ExpressionError(code.position, `expected a code, found ${describeToken(code)}`);
    return { dimension: dimension.text, code: code.text };
  };

  const reference = (factor: number, position: number): ReferenceTerm => {
    const id = next();
    if (id.kind !== "word")
      throw new ExpressionError(
        id.position,
        `expected an indicator id, found ${describeToken(id)}`,
      );
    const selectors: Selector[] = [];
    if (isSymbol(peek(), "[")) {
      next();
      selectors.push(selector());
      while (isSymbol(peek(), ",")) {
        next();
        selectors.push(selector());
      }
      expectSymbol("]", "to close the selection");
    }
    return { kind: "reference", indicator: id.text, factor, selectors, position };
  };

  const term = (): Term => {
    const first = peek();
    if (first.kind === "number") {
      next();
      if (!isSymbol(peek(), "*"))
        return { kind: "constant", value: first.value, position: first.position };
      next();
      return reference(first.value, first.position);
    }
    if (first.kind === "word") return reference(1, first.position);
    throw new ExpressionError(
      first.position,
      `expected an indicator id or a number, found ${describeToken(first)}`,
    );
  };

  const side = (): Term[] => {
    const terms = [term()];
    while (isSymbol(peek(), "+")) {
      next();
      terms.push(term());
    }
    return terms;
  };

  const left = side();
  const comparison = next();
  if (
    comparison.kind !== "symbol" ||
    (comparison.text !== "<=" && comparison.text !== ">=" && comparison.text !== "=")
  )
    throw new ExpressionError(
      comparison.position,
      `expected “<=”, “>=” or “=”, found ${describeToken(comparison)}`,
    );
  const right = side();
  const end = next();
  if (end.kind !== "end")
    throw new ExpressionError(
      end.position,
      `expected the end of the expression, found ${describeToken(end)}`,
    );
  if (![...left, ...right].some((t) => t.kind === "reference"))
    throw new ExpressionError(1, "a rule compares at least one indicator");
  return { left, comparison: comparison.text, right };
}

/** Parses a rule's expression; a mistake is reported with its position, never thrown. */
export function parseRuleExpression(text: string): RuleExpressionParse {
  try {
    return { ok: true, expression: parseTokens(tokenize(text)) };
  } catch (error) {
    if (error instanceof ExpressionError)
      return { ok: false, position: error.position, message: error.message };
    throw error;
  }
}

/** Every indicator reference of an expression, left side first. */
export function referencesOf(expression: RuleExpression): ReferenceTerm[] {
  return [...expression.left, ...expression.right].filter(
    (t): t is ReferenceTerm => t.kind === "reference",
  );
}

/** One side as the rule's language writes it, e.g. `2 * a[sex=female] + 5`. */
export function formatSide(terms: readonly Term[]): string {
  return terms
    .map((t) => {
      if (t.kind === "constant") return String(t.value);
      const selection =
        t.selectors.length === 0
          ? ""
          : `[${t.selectors.map((s) => `${s.dimension}=${s.code}`).join(", ")}]`;
      return `${t.factor === 1 ? "" : `${t.factor} * `}${t.indicator}${selection}`;
    })
    .join(" + ");
}
