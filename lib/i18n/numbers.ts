import type { Catalogs } from '.';

/** Why a typed number was refused (lib/format/number.ts), said beside the field in the interface's language. */
const en = {
  numberEmpty: 'Enter a number.',
  numberScaleWord: 'Write the number in digits, without a word for thousands or millions: e.g. 1 500 000, not “{typed}”.',
  numberSpaces: '“{typed}” is not a number: spaces may only separate groups of three digits.',
  numberInvalid: '“{typed}” is not a number.',
  numberAmbiguous: '“{typed}” could be read two ways: write {whole} for the whole number, or use your decimal separator “{decimal}”.',
  numberNegative: 'It cannot be negative.',
  numberNotWhole: 'Enter a whole number.',
};

export type NumberMessageKey = keyof typeof en;

export const NUMBER_MESSAGES: Catalogs<NumberMessageKey> = {
  en,
  ru: {
    numberEmpty: 'Введите число.',
    numberScaleWord: 'Запишите число цифрами, без слов «тыс.» или «млн»: например, 1 500 000, а не «{typed}».',
    numberSpaces: '«{typed}» — не число: пробелы могут разделять только группы по три цифры.',
    numberInvalid: '«{typed}» — не число.',
    numberAmbiguous: '«{typed}» можно прочитать двояко: напишите {whole}, если это целое число, или используйте десятичный разделитель «{decimal}».',
    numberNegative: 'Значение не может быть отрицательным.',
    numberNotWhole: 'Введите целое число.',
  },
  bg: {
    numberEmpty: 'Въведете число.',
    numberScaleWord: 'Напишете числото с цифри, без думи за хиляди или милиони: например 1 500 000, а не „{typed}“.',
    numberSpaces: '„{typed}“ не е число: интервалите може да разделят само групи от по три цифри.',
    numberInvalid: '„{typed}“ не е число.',
    numberAmbiguous: '„{typed}“ може да се прочете по два начина: напишете {whole} за цяло число или използвайте десетичния разделител „{decimal}“.',
    numberNegative: 'Стойността не може да е отрицателна.',
    numberNotWhole: 'Въведете цяло число.',
  },
};
