/**
 * OData `$filter`: lexer, parser (to a small AST), type checker and compiler
 * to a row predicate. Supports `eq ne gt ge lt le`, `and or not`, parentheses,
 * `in (…)`, `startswith endswith contains tolower toupper trim length`,
 * `collection/any(x: …)` and `all`, string ('' escaped), number, boolean, null,
 * DateTimeOffset, date and enum literals. Keywords, functions and property
 * names are case-insensitive, as Graph parses them.
 */
import { badRequest } from './errors.ts';
import type { GraphError } from './errors.ts';
import { resolveProp, unknownPropertyMessage } from './schema.ts';
import type { EntitySpec, PropDef } from './schema.ts';

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: number; text: string }
  | { kind: 'enum'; typeName: string; value: string };

export type Expr =
  | { k: 'lit'; lit: Literal }
  | { k: 'prop'; name: string }
  | { k: 'cmp'; op: ComparisonOp; left: Expr; right: Expr }
  | { k: 'in'; left: Expr; list: Expr[] }
  | { k: 'and' | 'or'; left: Expr; right: Expr }
  | { k: 'not'; operand: Expr }
  | { k: 'fn'; name: string; args: Expr[] }
  | { k: 'lambda'; op: 'any' | 'all'; collection: string; variable: string; body: Expr };

type Token =
  | { t: 'ident'; v: string; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'typed'; type: string; v: string; pos: number }
  | { t: 'num'; v: number; pos: number }
  | { t: 'datetime'; v: number; text: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ',' | ':'; pos: number }
  | { t: 'end'; pos: number };

export function invalidFilter(detail: string): GraphError {
  return badRequest(`Invalid filter clause: ${detail}`);
}

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,12})?)?(?:Z|[+-]\d{2}:\d{2})/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(?![\d:T])/;
const NUMBER_RE = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_.]*(?:\/[A-Za-z_][A-Za-z0-9_.]*)*/;

function parseDateTime(text: string, pos: number): number {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw invalidFilter(`'${text}' at position ${pos} is not a valid DateTimeOffset.`);
  return ms;
}

function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === ':') {
      tokens.push({ t: 'punct', v: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readString(src, i);
      tokens.push({ t: 'str', v: value, pos: i });
      i = end;
      continue;
    }
    const rest = src.slice(i);
    const dtm = DATETIME_RE.exec(rest);
    if (dtm) {
      tokens.push({ t: 'datetime', v: parseDateTime(dtm[0], i), text: dtm[0], pos: i });
      i += dtm[0].length;
      continue;
    }
    const dm = DATE_RE.exec(rest);
    if (dm) {
      tokens.push({ t: 'datetime', v: parseDateTime(`${dm[0]}T00:00:00Z`, i), text: dm[0], pos: i });
      i += dm[0].length;
      continue;
    }
    const nm = NUMBER_RE.exec(rest);
    if (nm && !/^[A-Za-z_]/.test(rest.slice(nm[0].length))) {
      tokens.push({ t: 'num', v: Number(nm[0]), pos: i });
      i += nm[0].length;
      continue;
    }
    const im = IDENT_RE.exec(rest);
    if (im) {
      const end = i + im[0].length;
      if (src.charAt(end) === "'") {
        const [value, strEnd] = readString(src, end);
        tokens.push({ t: 'typed', type: im[0], v: value, pos: i });
        i = strEnd;
      } else {
        tokens.push({ t: 'ident', v: im[0], pos: i });
        i = end;
      }
      continue;
    }
    throw invalidFilter(`Syntax error: character '${c}' is not valid at position ${i} in '${src}'.`);
  }
  tokens.push({ t: 'end', pos: src.length });
  return tokens;
}

function readString(src: string, start: number): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw invalidFilter(`There is an unterminated string literal at position ${start} in '${src}'.`);
    const ch = src.charAt(i);
    if (ch === "'") {
      if (src.charAt(i + 1) === "'") {
        value += "'";
        i += 2;
        continue;
      }
      return [value, i + 1];
    }
    value += ch;
    i++;
  }
}

const COMPARISON_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS: Readonly<Record<string, { args: number; returns: 'boolean' | 'string' | 'int' }>> = {
  startswith: { args: 2, returns: 'boolean' },
  endswith: { args: 2, returns: 'boolean' },
  contains: { args: 2, returns: 'boolean' },
  tolower: { args: 1, returns: 'string' },
  toupper: { args: 1, returns: 'string' },
  trim: { args: 1, returns: 'string' },
  length: { args: 1, returns: 'int' },
};

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  private readonly src: string;

  constructor(src: string) {
    this.src = src;
    this.tokens = lex(src);
  }

  parse(): Expr {
    if (this.peek().t === 'end') throw invalidFilter('The $filter expression is empty.');
    const expr = this.parseOr();
    const tok = this.peek();
    if (tok.t !== 'end') throw this.syntax(tok);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? { t: 'end', pos: this.src.length };
  }

  private next(): Token {
    const tok = this.peek();
    this.pos++;
    return tok;
  }

  private isKeyword(tok: Token, word: string): boolean {
    return tok.t === 'ident' && tok.v.toLowerCase() === word;
  }

  private syntax(tok: Token): GraphError {
    if (tok.t === 'end') return invalidFilter(`Syntax error: the expression '${this.src}' ended unexpectedly.`);
    return invalidFilter(`Syntax error at position ${tok.pos} in '${this.src}'.`);
  }

  private expectPunct(v: '(' | ')' | ',' | ':'): void {
    const tok = this.next();
    if (tok.t !== 'punct' || tok.v !== v) {
      if (tok.t === 'end') throw invalidFilter(`Syntax error: expected '${v}' but the expression '${this.src}' ended.`);
      throw invalidFilter(`Syntax error: expected '${v}' at position ${tok.pos} in '${this.src}'.`);
    }
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      left = { k: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseUnary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      left = { k: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isKeyword(this.peek(), 'not')) {
      this.next();
      return { k: 'not', operand: this.parseUnary() };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    const left = this.parsePrimary();
    const tok = this.peek();
    if (tok.t === 'ident') {
      const op = tok.v.toLowerCase();
      if (COMPARISON_OPS.has(op)) {
        this.next();
        return { k: 'cmp', op: op as ComparisonOp, left, right: this.parsePrimary() };
      }
      if (op === 'in') {
        this.next();
        this.expectPunct('(');
        const list: Expr[] = [this.parsePrimary()];
        while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',') {
          this.next();
          list.push(this.parsePrimary());
        }
        this.expectPunct(')');
        return { k: 'in', left, list };
      }
    }
    return left;
  }

  private parsePrimary(): Expr {
    const tok = this.next();
    switch (tok.t) {
      case 'punct':
        if (tok.v === '(') {
          const inner = this.parseOr();
          this.expectPunct(')');
          return inner;
        }
        throw this.syntax(tok);
      case 'str':
        return { k: 'lit', lit: { kind: 'string', value: tok.v } };
      case 'typed':
        return { k: 'lit', lit: { kind: 'enum', typeName: tok.type, value: tok.v } };
      case 'num':
        return { k: 'lit', lit: { kind: 'number', value: tok.v } };
      case 'datetime':
        return { k: 'lit', lit: { kind: 'datetime', value: tok.v, text: tok.text } };
      case 'end':
        throw this.syntax(tok);
      case 'ident':
        return this.parseIdent(tok);
    }
  }

  private parseIdent(tok: Token & { t: 'ident' }): Expr {
    const lower = tok.v.toLowerCase();
    if (lower === 'true' || lower === 'false') return { k: 'lit', lit: { kind: 'boolean', value: lower === 'true' } };
    if (lower === 'null') return { k: 'lit', lit: { kind: 'null' } };
    const nextTok = this.peek();
    const opensParen = nextTok.t === 'punct' && nextTok.v === '(';
    const lambda = /^(.+)\/(any|all)$/i.exec(tok.v);
    if (lambda && opensParen) {
      this.next();
      const variable = this.next();
      if (variable.t !== 'ident') throw this.syntax(variable);
      this.expectPunct(':');
      const body = this.parseOr();
      this.expectPunct(')');
      return { k: 'lambda', op: (lambda[2] ?? 'any').toLowerCase() as 'any' | 'all', collection: lambda[1] ?? '', variable: variable.v, body };
    }
    if (opensParen) {
      if (!Object.hasOwn(FUNCTIONS, lower)) throw invalidFilter(`An unknown function with name '${tok.v}' was found.`);
      this.next();
      const args: Expr[] = [];
      if (!(this.peek().t === 'punct' && (this.peek() as { v: string }).v === ')')) {
        args.push(this.parseOr());
        while (this.peek().t === 'punct' && (this.peek() as { v: string }).v === ',') {
          this.next();
          args.push(this.parseOr());
        }
      }
      this.expectPunct(')');
      return { k: 'fn', name: lower, args };
    }
    return { k: 'prop', name: tok.v };
  }
}

export function parseFilter(src: string): Expr {
  return new Parser(src).parse();
}

// ---------------------------------------------------------------- binding

type ValueType =
  | { t: 'string' | 'int' | 'datetime' | 'boolean' | 'null' | 'stringCollection' }
  | { t: 'enum'; def: PropDef };

type Row = Readonly<Record<string, unknown>>;
type Scope = ReadonlyMap<string, unknown>;
type Value = string | number | boolean | null | readonly string[];
type Evaluator = (row: Row, scope: Scope) => Value;

interface Bound {
  type: ValueType;
  ev: Evaluator;
  /** Constant value of a literal (for enum coercion). */
  lit?: Literal;
}

export type Predicate = (row: Row) => boolean;

function typeName(t: ValueType): string {
  switch (t.t) {
    case 'string':
      return 'Edm.String';
    case 'int':
      return 'Edm.Int32';
    case 'datetime':
      return 'Edm.DateTimeOffset';
    case 'boolean':
      return 'Edm.Boolean';
    case 'null':
      return 'null';
    case 'stringCollection':
      return 'Collection(Edm.String)';
    case 'enum':
      return t.def.enumType ?? 'Enum';
  }
}

function toDateMs(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

function lowerOrNull(v: Value): string | null {
  return typeof v === 'string' ? v.toLowerCase() : null;
}

class Binder {
  private readonly spec: EntitySpec;
  private readonly vars = new Map<string, ValueType>();

  constructor(spec: EntitySpec) {
    this.spec = spec;
  }

  bindPredicate(expr: Expr): Predicate {
    const b = this.bind(expr);
    if (b.type.t !== 'boolean') throw invalidFilter('The $filter expression must evaluate to a single boolean value.');
    const empty: Scope = new Map();
    return (row) => b.ev(row, empty) === true;
  }

  private propType(def: PropDef): ValueType {
    switch (def.type) {
      case 'enum':
        return { t: 'enum', def };
      case 'string':
      case 'int':
      case 'datetime':
      case 'boolean':
      case 'stringCollection':
        return { t: def.type };
      case 'complex':
      case 'complexCollection':
        throw invalidFilter(`Filtering on the complex property is not supported.`);
    }
  }

  private bind(expr: Expr): Bound {
    switch (expr.k) {
      case 'lit':
        return this.bindLiteral(expr.lit);
      case 'prop': {
        const varType = this.vars.get(expr.name);
        if (varType) return { type: varType, ev: (_row, scope) => (scope.get(expr.name) ?? null) as Value };
        if (expr.name.includes('/')) throw invalidFilter(`Filtering on the property path '${expr.name}' is not supported.`);
        const name = resolveProp(this.spec, expr.name);
        const def = name === undefined ? undefined : this.spec.props[name];
        if (name === undefined || !def) throw invalidFilter(unknownPropertyMessage(this.spec, expr.name));
        if (!def.filterable) throw invalidFilter(`The property '${name}' cannot be used in a $filter query.`);
        const type = this.propType(def);
        return { type, ev: (row) => (row[name] ?? null) as Value };
      }
      case 'and':
      case 'or': {
        const l = this.bindBoolean(expr.left);
        const r = this.bindBoolean(expr.right);
        const ev: Evaluator = expr.k === 'and' ? (row, s) => l(row, s) === true && r(row, s) === true : (row, s) => l(row, s) === true || r(row, s) === true;
        return { type: { t: 'boolean' }, ev };
      }
      case 'not': {
        const o = this.bindBoolean(expr.operand);
        return { type: { t: 'boolean' }, ev: (row, s) => o(row, s) !== true };
      }
      case 'cmp':
        return this.bindComparison(expr.op, expr.left, expr.right);
      case 'in':
        return this.bindIn(expr.left, expr.list);
      case 'fn':
        return this.bindFunction(expr.name, expr.args);
      case 'lambda':
        return this.bindLambda(expr);
    }
  }

  private bindBoolean(expr: Expr): Evaluator {
    const b = this.bind(expr);
    if (b.type.t !== 'boolean') throw invalidFilter(`A boolean expression was expected but a value of type '${typeName(b.type)}' was found.`);
    return b.ev;
  }

  private bindLiteral(lit: Literal): Bound {
    switch (lit.kind) {
      case 'string':
        return { type: { t: 'string' }, ev: () => lit.value, lit };
      case 'number':
        return { type: { t: 'int' }, ev: () => lit.value, lit };
      case 'boolean':
        return { type: { t: 'boolean' }, ev: () => lit.value, lit };
      case 'null':
        return { type: { t: 'null' }, ev: () => null, lit };
      case 'datetime':
        return { type: { t: 'datetime' }, ev: () => lit.value, lit };
      case 'enum':
        // Typed enum literal: its type is checked when compared with an enum property.
        return { type: { t: 'string' }, ev: () => lit.value, lit };
    }
  }

  /** Coerces a string or typed literal on one side to the enum of the other side. */
  private enumIndex(def: PropDef, other: Bound): number {
    const values = def.enumValues ?? [];
    const lit = other.lit;
    if (!lit || (lit.kind !== 'string' && lit.kind !== 'enum')) {
      throw invalidFilter(`A binary operator with incompatible types was detected. Found operand types '${def.enumType ?? 'Enum'}' and '${typeName(other.type)}'.`);
    }
    if (lit.kind === 'enum' && lit.typeName.toLowerCase() !== (def.enumType ?? '').toLowerCase()) {
      throw invalidFilter(`The enum type '${lit.typeName}' does not match the type '${def.enumType ?? ''}' of the property.`);
    }
    const index = values.findIndex((v) => v.toLowerCase() === lit.value.toLowerCase());
    if (index < 0) throw invalidFilter(`The string '${lit.value}' is not a valid enumeration type constant.`);
    return index;
  }

  private bindComparison(op: ComparisonOp, leftExpr: Expr, rightExpr: Expr): Bound {
    const left = this.bind(leftExpr);
    const right = this.bind(rightExpr);
    const incompatible = (): GraphError =>
      invalidFilter(`A binary operator with incompatible types was detected. Found operand types '${typeName(left.type)}' and '${typeName(right.type)}' for operator kind '${op}'.`);
    const lt = left.type;
    const rt = right.type;
    let lv: (row: Row, s: Scope) => string | number | boolean | null;
    let rv: (row: Row, s: Scope) => string | number | boolean | null;
    if (lt.t === 'enum' || rt.t === 'enum') {
      const enumSide = lt.t === 'enum' ? left : right;
      const otherSide = lt.t === 'enum' ? right : left;
      const def = (enumSide.type as { def: PropDef }).def;
      const values = def.enumValues ?? [];
      const enumEv = (row: Row, s: Scope): number | null => {
        const v = enumSide.ev(row, s);
        return typeof v === 'string' ? values.indexOf(v) : null;
      };
      if (otherSide.type.t === 'null') {
        const constant = (): null => null;
        lv = lt.t === 'enum' ? enumEv : constant;
        rv = lt.t === 'enum' ? constant : enumEv;
      } else {
        const index = this.enumIndex(def, otherSide);
        const constant = (): number => index;
        lv = lt.t === 'enum' ? enumEv : constant;
        rv = lt.t === 'enum' ? constant : enumEv;
      }
    } else if (lt.t === 'null' || rt.t === 'null' || lt.t === rt.t) {
      const family = lt.t === 'null' ? rt.t : lt.t;
      if (family === 'stringCollection') throw incompatible();
      if (family === 'string') {
        lv = (row, s) => lowerOrNull(left.ev(row, s));
        rv = (row, s) => lowerOrNull(right.ev(row, s));
      } else if (family === 'datetime') {
        lv = (row, s) => toDateMs(left.ev(row, s));
        rv = (row, s) => toDateMs(right.ev(row, s));
      } else {
        lv = left.ev as typeof lv;
        rv = right.ev as typeof rv;
      }
    } else {
      throw incompatible();
    }
    if (op !== 'eq' && op !== 'ne' && (lt.t === 'boolean' || rt.t === 'boolean')) throw incompatible();
    const compare = COMPARATORS[op];
    return { type: { t: 'boolean' }, ev: (row, s) => compare(lv(row, s), rv(row, s)) };
  }

  private bindIn(leftExpr: Expr, list: Expr[]): Bound {
    const parts = list.map((item) => this.bindComparison('eq', leftExpr, item).ev);
    return { type: { t: 'boolean' }, ev: (row, s) => parts.some((p) => p(row, s) === true) };
  }

  private bindFunction(name: string, argExprs: Expr[]): Bound {
    const fn = FUNCTIONS[name];
    if (!fn) throw invalidFilter(`An unknown function with name '${name}' was found.`);
    if (argExprs.length !== fn.args) throw invalidFilter(`The function '${name}' requires ${fn.args} argument(s) but ${argExprs.length} were given.`);
    const args = argExprs.map((a) => this.bind(a));
    for (const a of args) {
      if (a.type.t !== 'string' && a.type.t !== 'null') {
        throw invalidFilter(`No function signature for the function with name '${name}' matches the specified arguments. The function signatures considered are: ${name}(Edm.String${fn.args === 2 ? ' Nullable=true, Edm.String Nullable=true' : ' Nullable=true'}).`);
      }
    }
    const [a0, a1] = args;
    const first = a0 ? a0.ev : (): Value => null;
    const second = a1 ? a1.ev : (): Value => null;
    const str = (row: Row, s: Scope, ev: Evaluator): string | null => lowerOrNull(ev(row, s));
    switch (name) {
      case 'startswith':
      case 'endswith':
      case 'contains':
        return {
          type: { t: 'boolean' },
          ev: (row, s) => {
            const x = str(row, s, first);
            const y = str(row, s, second);
            if (x === null || y === null) return false;
            return name === 'startswith' ? x.startsWith(y) : name === 'endswith' ? x.endsWith(y) : x.includes(y);
          },
        };
      case 'tolower':
      case 'toupper':
      case 'trim':
        // Comparisons are case-insensitive anyway, so tolower/toupper only normalise.
        return {
          type: { t: 'string' },
          ev: (row, s) => {
            const v = first(row, s);
            if (typeof v !== 'string') return null;
            return name === 'trim' ? v.trim() : name === 'tolower' ? v.toLowerCase() : v.toUpperCase();
          },
        };
      default:
        return {
          type: { t: 'int' },
          ev: (row, s) => {
            const v = first(row, s);
            return typeof v === 'string' ? v.length : null;
          },
        };
    }
  }

  private bindLambda(expr: Expr & { k: 'lambda' }): Bound {
    const name = resolveProp(this.spec, expr.collection);
    const def = name === undefined ? undefined : this.spec.props[name];
    if (name === undefined || !def) throw invalidFilter(unknownPropertyMessage(this.spec, expr.collection));
    if (def.type !== 'stringCollection' || !def.filterable) throw invalidFilter(`The '${expr.op}' operator is not supported on the property '${name}'.`);
    if (this.vars.has(expr.variable)) throw invalidFilter(`The range variable '${expr.variable}' is already declared.`);
    this.vars.set(expr.variable, { t: 'string' });
    let body: Evaluator;
    try {
      body = this.bindBoolean(expr.body);
    } finally {
      this.vars.delete(expr.variable);
    }
    const variable = expr.variable;
    return {
      type: { t: 'boolean' },
      ev: (row, scope) => {
        const items = row[name];
        const list = Array.isArray(items) ? (items as unknown[]) : [];
        const test = (item: unknown): boolean => {
          const inner = new Map(scope);
          inner.set(variable, item);
          return body(row, inner) === true;
        };
        return expr.op === 'any' ? list.some(test) : list.every(test);
      },
    };
  }
}

type Scalar = string | number | boolean | null;
const COMPARATORS: Readonly<Record<ComparisonOp, (a: Scalar, b: Scalar) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && a > b,
  ge: (a, b) => a !== null && b !== null && a >= b,
  lt: (a, b) => a !== null && b !== null && a < b,
  le: (a, b) => a !== null && b !== null && a <= b,
};

/** Parses and binds a `$filter` against an entity type; throws a Graph 400 on any problem. */
export function compileFilter(src: string, spec: EntitySpec): { ast: Expr; predicate: Predicate } {
  const ast = parseFilter(src);
  // The lexer yields `prop` for range variables; the binder resolves them by scope.
  return { ast, predicate: new Binder(spec).bindPredicate(ast) };
}

/** Visits every node of a filter AST (for service-specific restrictions). */
export function walkFilter(expr: Expr, visit: (node: Expr) => void): void {
  visit(expr);
  switch (expr.k) {
    case 'cmp':
    case 'and':
    case 'or':
      walkFilter(expr.left, visit);
      walkFilter(expr.right, visit);
      return;
    case 'in':
      walkFilter(expr.left, visit);
      expr.list.forEach((e) => walkFilter(e, visit));
      return;
    case 'not':
      walkFilter(expr.operand, visit);
      return;
    case 'fn':
      expr.args.forEach((e) => walkFilter(e, visit));
      return;
    case 'lambda':
      walkFilter(expr.body, visit);
      return;
    default:
      return;
  }
}
