import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['=cmd()', `"'=cmd()"`],
    ['+1+2', `"'+1+2"`],
    ['-1+2', `"'-1+2"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['-3.5', '-3.5'],
    ['+7', '+7'],
    ['-1e-3', '-1e-3'],
    ['-.5', '-.5'],
    ['a=b', 'a=b'],
  ])('text %j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it.each([
    [-3.5, '-3.5'],
    [0, '0'],
    [1e21, '1e+21'],
    [true, 'true'],
    [undefined, ''],
    [null, ''],
  ])('value %j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('csvDocument', () => {
  it('joins cells with commas and lines with CRLF, ending in CRLF', () => {
    expect(csvDocument([['time', 'value'], ['t1', -3.5], ['t2', '=1+1']])).toBe(`time,value\r\nt1,-3.5\r\nt2,"'=1+1"\r\n`);
  });
});
