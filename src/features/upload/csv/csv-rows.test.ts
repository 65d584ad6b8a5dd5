import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ParsedRows, PlainRows, type CsvRows } from './csv-rows.ts';

const papaRows = (text: string, newline: '\n' | '\r\n') =>
  Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false, newline }).data;

const read = (rows: CsvRows) => Array.from({ length: rows.length }, (_, i) => rows.row(i));
const pairs = (rows: CsvRows) => Array.from({ length: rows.length }, (_, i) => (rows.twoCells(i) ? [rows.first, rows.second] : null));

const TEXTS = [
  '',
  'smdp.example.com',
  'smdp.example.com\n',
  'smdp.example.com\n89001,ABC\n89002,DEF\n',
  'smdp.example.com\n89001,ABC\n\n89002,DEF,\n,\n89003\n  ,  \n\n',
  '\ufeffsmdp.example.com\n89001,ABC',
  'a,b,c\n,,\n,x\ny,\n',
  'x\r\ny,z\r\n\r\n',
  'lone\rcr,in\r\na line\n',
];

describe('PlainRows', () => {
  it.each(TEXTS)('gives the rows Papa.parse gives for %j', (text) => {
    for (const newline of ['\n', '\r\n'] as const) {
      const expected = papaRows(text, newline);
      const plain = new PlainRows(text, newline);
      expect(read(plain)).toEqual(expected);
      expect(pairs(plain)).toEqual(pairs(new ParsedRows(expected)));
      expect(plain.row(plain.length)).toEqual([]);
      expect(plain.twoCells(plain.length)).toBe(false);
    }
  });
});
