/**
 * The web APIs parsers/ may use: those every place it runs has (Node, browsers, Web Workers), declared
 * here because parsers/tsconfig.json loads neither the DOM's types nor Node's. The WHATWG Encoding
 * standard's TextDecoder and TextEncoder, with the members used.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
