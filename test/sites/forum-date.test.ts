import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeDate, machineDateOf, parseDisplayedDate } from '../../lib/sites/forum/date';

describe('parseDisplayedDate', () => {
  it.each([
    ['Mon Mar 04, 2024 9:15 pm', '2024-03-04T21:15:00'],
    ['04 Mar 2024, 21:15', '2024-03-04T21:15:00'],
    ['March 4, 2024', '2024-03-04'],
    ['Sept. 9, 2023, 12:05 a.m.', '2023-09-09T00:05:00'],
    ['December 21st 2009, 07:50 AM', '2009-12-21T07:50:00'],
    ['Jan 23rd 2011, 08:29 AM', '2011-01-23T08:29:00'],
    ['Feb 20, 2007 at 1:13 PM', '2007-02-20T13:13:00'],
    ['Jul 28, 2016 at 13:01', '2016-07-28T13:01:00'],
    ['12:00 PM, 1 May 2024', '2024-05-01T12:00:00'],
    ['22 Apr 22,, 09:05', '2022-04-22T09:05:00'],
    ['by anna » Fri Aug 21, 2020 3:54 pm', '2020-08-21T15:54:00'],
    ['Posted: 29 February 2024', '2024-02-29'],
  ])('English %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    ['4 марта 2024 в 21:15', '2024-03-04T21:15:00'],
    ['04 мар 2024', '2024-03-04'],
    ['19 Август 2013', '2013-08-19'],
    ['18 Июль 2013', '2013-07-18'],
    ['1 января 2023 г. в 0:05', '2023-01-01T00:05:00'],
    ['31 дек. 2022, 23:59', '2022-12-31T23:59:00'],
    ['04.03.2024 21:15', '2024-03-04T21:15:00'],
    ['Сообщение 15.11.21 08:00', '2021-11-15T08:00:00'],
  ])('Russian %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    ['4 март 2024 г., 21:15', '2024-03-04T21:15:00'],
    ['12 септември 2019', '2019-09-12'],
    ['1 януари 2020 г.', '2020-01-01'],
    ['5 юни 2021, 8:30', '2021-06-05T08:30:00'],
    ['28 окт 2018', '2018-10-28'],
    ['03.12.2022 г. 14:00', '2022-12-03T14:00:00'],
  ])('Bulgarian %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    ['4. März 2024 um 21:15', '2024-03-04T21:15:00'],
    ['1. Mai 2024', '2024-05-01'],
    ['17. Dez. 2023, 18:45', '2023-12-17T18:45:00'],
    ['3. Jänner 2022', '2022-01-03'],
    ['Mi 4. Okt 2023 10:15', '2023-10-04T10:15:00'],
    ['04.03.2024, 07:05 Uhr', '2024-03-04T07:05:00'],
  ])('German %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    ['2024-03-04', '2024-03-04'],
    ['2024-04-10 16:01', '2024-04-10T16:01:00'],
    ['2016-07-28 13:01:42Z', '2016-07-28T13:01:42.000Z'],
    ['2020-03-18T12:22:42-0400', '2020-03-18T16:22:42.000Z'],
    ['2024-05-12T16:59:43.743000+0000', '2024-05-12T16:59:43.743Z'],
    ['2024 年 5 月 6 日 17:35', '2024-05-06T17:35:00'],
  ])('ISO and other numeric forms %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    ['03/18/2015, 09:49 PM', '2015-03-18T21:49:00'],
    ['18/03/2015 21:49', '2015-03-18T21:49:00'],
    ['30/04/17 às 15:48', '2017-04-30T15:48:00'],
  ])('numeric day and month told apart by a part above 12: %j', (text, expected) => {
    expect(parseDisplayedDate(text)).toBe(expected);
  });

  it.each([
    'Today',
    'Today, 21:15',
    'Yesterday at 9:15 PM',
    '2 hours ago',
    '12 days ago',
    'just now',
    'Сегодня',
    'Сегодня, 10:12',
    'вчера в 12:30',
    '5 минут назад',
    'преди 2 часа',
    'днес в 14:00',
    'вчера, 09:00',
    'Heute, 21:15',
    'gestern um 08:00',
    'vor 3 Tagen',
    '21 天',
    '3 小时前',
  ])('relative form %j stays unparsed', (text) => {
    expect(parseDisplayedDate(text)).toBeUndefined();
  });

  it.each([
    ['ambiguous day and month', '03/04/2024'],
    ['ambiguous with dashes', '07-12-2021, 02:20 PM'],
    ['no year', 'May 20'],
    ['no year, Russian', '4 марта в 21:15'],
    ['no day', 'Joined Mar 2020'],
    ['no day, CJK', '2022 年 5 月'],
    ['impossible day', '31.02.2024'],
    ['impossible month', '2024-13-01'],
    ['impossible hour', '2024-03-04 25:00'],
    ['a word starting like a month', 'Marta 4 2024'],
    ['empty', ''],
    ['not text', 42 as unknown as string],
  ])('%s: %j gives undefined', (_case, text) => {
    expect(parseDisplayedDate(text)).toBeUndefined();
  });

  it('gives the date alone when the clock is out of range', () => {
    expect(parseDisplayedDate('4 March 2024 at 27:90')).toBe('2024-03-04');
  });
});

describe('looksLikeDate', () => {
  it.each(['2 hours ago', 'вчера в 12:30', 'преди 2 часа', 'Heute, 21:15', '21 天', 'May 20', '07-12-2021', 'March 4, 2024', '5h'])(
    '%j is a date',
    (text) => {
      expect(looksLikeDate(text)).toBe(true);
    },
  );

  it.each(['Posts: 120', 'anna', 'Reply #4', 'Joined Mar 2020', 'version 2.1', 'Thanks!'])('%j is no date', (text) => {
    expect(looksLikeDate(text)).toBe(false);
  });
});

describe('machineDateOf', () => {
  const window = new Window({ url: 'https://forum.example/t/1' });
  afterAll(() => window.happyDOM.close());
  const element = (html: string): Element => {
    const parsed = new window.DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    return parsed.body.firstElementChild!.firstElementChild as unknown as Element;
  };

  it.each([
    ['<time datetime="2024-03-05T14:07:00Z">5 Mar</time>', '2024-03-05T14:07:00.000Z'],
    ['<time datetime="2024-03-05T14:07:00+02:00">5 Mar</time>', '2024-03-05T12:07:00.000Z'],
    ['<time datetime="2024-03-05">5 Mar</time>', '2024-03-05'],
    ['<abbr data-time="1709647620">Today</abbr>', '2024-03-05T14:07:00.000Z'],
    ['<span data-timestamp="1709647620">2h</span>', '2024-03-05T14:07:00.000Z'],
    ['<span data-time="1709647620000">2h</span>', '2024-03-05T14:07:00.000Z'],
    ['<abbr data-datestring="Mar 5, 2024" data-timestring="2:07 PM">Today</abbr>', '2024-03-05T14:07:00'],
    ['<span title="Mar 5, 2024 at 2:07 PM">Tuesday</span>', '2024-03-05T14:07:00'],
    ['<span title="2024-03-05 14:07:00Z">5 hours ago</span>', '2024-03-05T14:07:00.000Z'],
    ['<faceplate-timeago ts="2024-03-05T14:07:00.000000+0000">2 hr. ago</faceplate-timeago>', '2024-03-05T14:07:00.000Z'],
    ['<meta itemprop="datePublished" content="2024-03-05T14:07:00Z">', '2024-03-05T14:07:00.000Z'],
    ['<div class="date">Posted <time datetime="2024-03-05T14:07:00Z">today</time></div>', '2024-03-05T14:07:00.000Z'],
    ['<div class="meta"><a title="profile">anna</a> <span title="05.03.2024 14:07">вчера</span></div>', '2024-03-05T14:07:00'],
  ])('%s', (html, expected) => {
    expect(machineDateOf(element(html))).toBe(expected);
  });

  it('reads the time of a close ancestor', () => {
    const time = element('<time datetime="2024-03-05T14:07:00Z"><span><b>today</b></span></time>');
    expect(machineDateOf(time.querySelector('b'))).toBe('2024-03-05T14:07:00.000Z');
  });

  it.each([
    ['no attribute', '<span>2 hours ago</span>'],
    ['a title that is no date', '<span title="Permalink">#4</span>'],
    ['a non-numeric data-time', '<span data-time="soon">x</span>'],
    ['a broken datetime', '<time datetime="yesterday">x</time>'],
  ])('%s gives undefined', (_case, html) => {
    expect(machineDateOf(element(html))).toBeUndefined();
  });

  it('gives undefined for null', () => {
    expect(machineDateOf(null)).toBeUndefined();
  });
});
