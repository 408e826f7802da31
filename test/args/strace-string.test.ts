import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeStraceBytes,
  decodeStraceString,
  decodeStraceText,
  encodeStraceString,
} from '../../parsers/strace/args/index.js';

/** The body of the first string literal of a real line. */
function firstString(line: string): string {
  const m = /"((?:\\.|[^"\\])*)"/.exec(line);
  if (m === null) throw new Error(`no string in ${line}`);
  return m[1] ?? '';
}

const bytes = (...xs: (number | string)[]): number[] =>
  xs.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x]));

// prettier-ignore
describe('decodeStraceString on real escapes', () => {
  const decodes = (body: string, expected: string) => expect(decodeStraceString(body)).toBe(expected);

  it('tricky 03: \\t \\" \\\\ \\n', () => decodes('tab\\there \\"quoted\\" back\\\\slash nl\\n', 'tab\there "quoted" back\\slash nl\n'));
  it('tricky 05: UTF-8 as octal bytes', () => decodes('utf8 \\303\\251 \\303\\274 \\346\\227\\245\\346\\234\\254', 'utf8 é ü 日本'));
  it('tricky 06: quote, backslash, newline in a path', () => decodes('weird\\"name\\\\with\\nnewline', 'weird"name\\with\nnewline'));
  it('tricky 07: commas and parens are plain text', () => decodes('file with spaces, commas) and ( parens', 'file with spaces, commas) and ( parens'));
  it('esc.log: NUL inside', () => decodes('a\\0b', 'a\0b'));
  it('esc.log: ten NULs', () => decodes('\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0', '\0'.repeat(10)));
  it('esc.log: path with comment-like text', () => decodes('/tmp/{brace}[bracket]=eq/*comment*/', '/tmp/{brace}[bracket]=eq/*comment*/'));
  it('-y path escapes \\74 \\76', () => decodes('/home/user/fmt/dir with space\\74and\\76angle', '/home/user/fmt/dir with space<and>angle'));
  it('-Y comm with escaped quote', () => decodes('a\\74b\\76 c\\"d', 'a<b> c"d'));
  it('a lone trailing backslash is kept', () => decodes('abc\\', 'abc\\'));
  it('an unknown escape keeps its letter', () => decodes('\\q', 'q'));
  it('raw non-ASCII text passes through', () => decodes('déjà \\303\\251', 'déjà é'));
  it('raw non-ASCII text survives a latin1 fallback', () => decodes('déjà \\377', 'déjà \xff'));
});

// prettier-ignore
describe('decodeStraceBytes', () => {
  it('tricky 04: greedy octal, 1-3 digits, \\0001 is NUL then "1"', () => {
    const body = firstString(String.raw`write(3, "\0001\09\0012\r\v\f\7\10\33\177\200 ~` + "`'?" + String.raw`\0", 20) = 20`);
    expect([...decodeStraceBytes(body)]).toEqual(
      bytes(0, '1', 0, '9', 1, '2', 13, 11, 12, 7, 8, 27, 127, 128, ' ~`\'?', 0),
    );
  });
  it('tricky 08 and 09: hex forms of the same 40 bytes agree', () => {
    const nonAscii = String.raw`tab\there \"quoted\" back\\slash nl\n\x01\x7f\xff\xe9 end`;
    const allHex = String.raw`\x74\x61\x62\x09\x68\x65\x72\x65\x20\x22\x71\x75\x6f\x74\x65\x64\x22\x20\x62\x61\x63\x6b\x5c\x73\x6c\x61\x73\x68\x20\x6e\x6c\x0a\x01\x7f\xff\xe9\x20\x65\x6e\x64`;
    expect(decodeStraceBytes(nonAscii)).toHaveLength(40);
    expect([...decodeStraceBytes(allHex)]).toEqual([...decodeStraceBytes(nonAscii)]);
  });
  it('\\x001 is \\x00 then "1"', () => expect([...decodeStraceBytes('\\x001')]).toEqual(bytes(0, '1')));
});

// prettier-ignore
describe('decodeStraceText falls back to latin1 for non-UTF-8 bytes', () => {
  it('ELF header bytes', () => {
    const { value, latin1 } = decodeStraceText('\\177ELF\\2\\1\\1\\3\\0\\0\\20t\\2\\0\\200\\377');
    expect(latin1).toBe(true);
    expect(value).toBe('\x7fELF\x02\x01\x01\x03\x00\x00\x10t\x02\x00\x80\xff');
  });
  it('tricky 08: \\xff\\xe9 is not UTF-8', () => {
    expect(decodeStraceText('nl\\n\\x01\\x7f\\xff\\xe9 end')).toEqual({ value: 'nl\n\x01\x7f\xff\xe9 end', latin1: true });
  });
  it('valid UTF-8 is not latin1', () => expect(decodeStraceText('\\303\\251').latin1).toBe(false));
});

// prettier-ignore
describe('encodeStraceString writes what strace writes', () => {
  const encodes = (input: number[] | string, expected: string) =>
    expect(encodeStraceString(typeof input === 'string' ? input : Uint8Array.from(input))).toBe(expected);

  it('esc.log line 4: fewest octal digits unless an octal digit follows', () =>
    encodes(bytes(0, '1', 0, '9', 1, '2', 13, 11, 12, 7, 8, 27, 127, 128, ' ~`\'?', 0), String.raw`\0001\09\0012\r\v\f\7\10\33\177\200 ~` + "`'?" + String.raw`\0`));
  it('esc.log: UTF-8 text as octal bytes', () => encodes('utf8 é ü 日本', String.raw`utf8 \303\251 \303\274 \346\227\245\346\234\254`));
  it('tricky 03: named escapes', () => encodes('tab\there "quoted" back\\slash nl\n', String.raw`tab\there \"quoted\" back\\slash nl\n`));
  it('-y paths escape < and >', () =>
    expect(encodeStraceString('/a<b>1', { escape: '<>' })).toBe(String.raw`/a\74b\0761`));
  it('latin1 strings go back to their bytes', () =>
    expect(encodeStraceString('\x7fELF\xff', { latin1: true })).toBe(String.raw`\177ELF\377`));
});

// prettier-ignore
describe('properties', () => {
  it('(c) decodeStraceBytes(encodeStraceString(bytes)) gives the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        expect([...decodeStraceBytes(encodeStraceString(input))]).toEqual([...input]);
      }),
      { numRuns: 2000 },
    );
  });
  it('(c) decoding an encoded string gives the string back, UTF-8 or latin1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        const { value, latin1 } = decodeStraceText(encodeStraceString(input));
        expect(decodeStraceText(encodeStraceString(value, { latin1 }))).toEqual({ value, latin1 });
      }),
      { numRuns: 2000 },
    );
  });
  it('(c) any well-formed text survives encode then decode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(decodeStraceString(encodeStraceString(text))).toBe(text);
      }),
    );
  });
  it('encoded bodies use only printable ASCII', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        expect(encodeStraceString(input)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});

// prettier-ignore
describe('UTF-8 validity without exceptions', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const isUtf8 = (b: Uint8Array) => {
    try {
      fatal.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  /** Bytes biased to the edges of UTF-8: lead bytes, continuation bytes, surrogates, overlongs. */
  const utf8ish = fc.uint8Array({ maxLength: 16 }).chain((noise) =>
    fc
      .array(fc.constantFrom(0x41, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff), { maxLength: 16 })
      .map((edge) => Uint8Array.from([...edge, ...noise.slice(0, 4)])),
  );
  it('latin1 is set exactly when a fatal TextDecoder would throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 24 }), utf8ish), (input) => {
        expect(decodeStraceText(encodeStraceString(input)).latin1).toBe(!isUtf8(input));
      }),
      { numRuns: 5000 },
    );
  });
});
