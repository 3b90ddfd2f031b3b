import { err, ok, type Result } from '../../../app/util/result';

/**
 * Where a JSON text first goes wrong, as a line and column, so an error can point at the mistake
 * without quoting the text: V8's JSON.parse message quotes the input, and a settings file passed by
 * mistake may be /etc/shadow. Strict RFC 8259, like JSON.parse.
 */

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column (in UTF-16 units) of an offset; CR LF, LF and CR each end a line. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line += 1;
      column = 1;
    } else if (c !== '\r') column += 1;
  }
  return { line, column };
}

const isWhitespace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);

class Scanner {
  i = 0;
  depth = 0;
  constructor(private readonly text: string) {}

  private fail(): never {
    throw new SyntaxAt(this.i);
  }

  private skip(): void {
    while (isWhitespace(this.text[this.i])) this.i += 1;
  }

  private expect(word: string): void {
    for (const c of word) {
      if (this.text[this.i] !== c) this.fail();
      this.i += 1;
    }
  }

  document(): void {
    this.value();
    this.skip();
    if (this.i < this.text.length) this.fail();
  }

  private value(): void {
    this.skip();
    const c = this.text[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === 't') this.expect('true');
    else if (c === 'f') this.expect('false');
    else if (c === 'n') this.expect('null');
    else if (c === '-' || isDigit(c)) this.number();
    else this.fail();
  }

  private nested(close: string, member: () => void): void {
    // Settings nest a few levels; a deeper text is refused rather than risking the stack.
    if (++this.depth > 512) this.fail();
    this.i += 1;
    this.skip();
    if (this.text[this.i] === close) {
      this.i += 1;
    } else {
      for (;;) {
        member();
        this.skip();
        if (this.text[this.i] === ',') {
          this.i += 1;
          continue;
        }
        if (this.text[this.i] === close) {
          this.i += 1;
          break;
        }
        this.fail();
      }
    }
    this.depth -= 1;
  }

  private object(): void {
    this.nested('}', () => {
      this.skip();
      if (this.text[this.i] !== '"') this.fail();
      this.string();
      this.skip();
      this.expect(':');
      this.value();
    });
  }

  private array(): void {
    this.nested(']', () => this.value());
  }

  private string(): void {
    this.i += 1;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined || c < ' ') this.fail();
      if (c === '"') {
        this.i += 1;
        return;
      }
      if (c === '\\') {
        this.i += 1;
        const e = this.text[this.i];
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!isHex(this.text[this.i + k])) this.fail();
          this.i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 1;
        else this.fail();
      } else this.i += 1;
    }
  }

  private digits(): void {
    if (!isDigit(this.text[this.i])) this.fail();
    while (isDigit(this.text[this.i])) this.i += 1;
  }

  private number(): void {
    if (this.text[this.i] === '-') this.i += 1;
    if (this.text[this.i] === '0') this.i += 1;
    else this.digits();
    if (this.text[this.i] === '.') {
      this.i += 1;
      this.digits();
    }
    if (this.text[this.i] === 'e' || this.text[this.i] === 'E') {
      this.i += 1;
      if (this.text[this.i] === '+' || this.text[this.i] === '-') this.i += 1;
      this.digits();
    }
  }
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${String(offset)}`);
  }
}

/** The position of the first syntax error, or null for valid JSON. */
export function jsonSyntaxError(text: string): TextPosition | null {
  try {
    new Scanner(text).document();
    return null;
  } catch (error) {
    if (error instanceof SyntaxAt) return positionAt(text, error.offset);
    throw error;
  }
}

/** Parses JSON; a syntax error is "not valid JSON at line L, column C", never the parser's message (which quotes the text). */
export function parseJsonSafely(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    const at = jsonSyntaxError(text);
    return err(at === null ? 'not valid JSON' : `not valid JSON at line ${String(at.line)}, column ${String(at.column)}`);
  }
}
