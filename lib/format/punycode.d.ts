// punycode.js ships no types; the one function used here.
declare module 'punycode/punycode.es6.js' {
  export function toUnicode(domain: string): string;
}
